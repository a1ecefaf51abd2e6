/// Text safe in XML and HTML, in content and in quoted attributes, for the JUnit, HTML and
/// SVG renderers.
enum MarkupText {
    /// `text` with `&`, `<`, `>` and both quotes as entities, and the characters XML 1.0
    /// cannot hold (controls other than tab and newline, U+FFFE, U+FFFF) and C1 controls
    /// written as `\u{1b}`, so nothing is lost and the document still parses.
    static func escaped(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\n", "\t": escaped.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF {
                    escaped += "\\u{\(String(value, radix: 16))}"
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped
    }
}
