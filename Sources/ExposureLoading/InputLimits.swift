/// The bounds every input is read within, so that a hostile or broken file gives a clear
/// error instead of a stall or an exhausted machine. The README's limits table lists them.
public enum InputLimits {
    /// The largest file read, in bytes (512 MiB; a 100,000-interface AWS export is about 200 MiB).
    public static let fileBytes = 512 << 20
    /// The deepest nesting of arrays and objects (the formats need fewer than 20 levels).
    public static let depth = 128
    /// The longest string, in bytes after unescaping (Terraform plans carry policies and
    /// scripts as strings).
    public static let stringBytes = 16 << 20
    /// The longest number, in characters.
    public static let numberLength = 100
    /// The longest id or name of a component (AWS ids are under 30 characters, ARNs
    /// under 2,048).
    public static let identifierLength = 2_048
    /// The most elements of one collection of the native format (VPCs, interfaces...).
    public static let collectionElements = 1_000_000
}
