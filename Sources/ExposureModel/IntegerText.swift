/// Strict reading of decimal integers written as text.
///
/// Swift's `Int(_:)` accepts a leading `+` and any length; inputs that say `"+6"` or carry
/// thousands of digits are malformed, and reading them leniently changes what a rule means.
public enum IntegerText {
    /// The most characters an integer may have (a sign and 19 digits hold every `Int`).
    public static let maximumLength = 20

    /// `text` as an integer if it is an optional `-` followed by ASCII digits, fits in an
    /// `Int`, and is at most `maximumLength` characters; `nil` otherwise.
    public static func parse<S: StringProtocol>(_ text: S) -> Int? {
        let utf8 = text.utf8
        guard !utf8.isEmpty, utf8.count <= maximumLength else { return nil }
        var digits = utf8[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return Int(text)
    }
}
