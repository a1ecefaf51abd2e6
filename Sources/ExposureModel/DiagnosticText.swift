/// Makes text from an input safe to print in a diagnostic.
///
/// Inputs are written by strangers: an id can hold an escape sequence that recolours a
/// terminal or a newline that forges an `error:` line, and a value can be megabytes long.
public enum DiagnosticText {
    /// The most characters of one value quoted in a message.
    public static let valueLength = 80
    /// The most characters of a whole message.
    public static let messageLength = 1_000
    /// The most characters of a JSON path (member names come from the input).
    public static let pathLength = 300

    /// `text` with control characters (C0, DEL, C1, line and paragraph separators and
    /// bidirectional overrides) written as `\u{…}` escapes.
    public static func escaped(_ text: String) -> String {
        guard !isPrintable(text) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether `text` holds none of the characters `escaped` rewrites.
    public static func isPrintable(_ text: String) -> Bool {
        !text.unicodeScalars.contains(where: isUnsafe)
    }

    /// `text` cut to at most `limit` Unicode scalars, saying how much was cut. (Scalars, not
    /// characters: one letter with a megabyte of combining marks is one character.)
    public static func shortened(_ text: String, limit: Int = valueLength) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > limit else { return text }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars.prefix(Swift.max(limit - 20, 1)))
        return "\(String(kept))… (\(scalars.count) characters)"
    }

    /// Escaped, then shortened: how every message and path is printed.
    public static func printable(_ text: String, limit: Int = messageLength) -> String {
        shortened(escaped(text), limit: limit)
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
