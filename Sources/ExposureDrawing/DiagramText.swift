/// How wide the drawing's text is, estimated for the monospaced fonts the drawing asks for,
/// and text cut to fit a width.
public enum DiagramText {
    /// The two sizes the drawing uses.
    public enum Size: Sendable {
        /// Titles: 12 px.
        case title
        /// Second lines: 11 px.
        case detail

        /// The font size in CSS pixels.
        public var pixels: Int {
            switch self {
            case .title: 12
            case .detail: 11
            }
        }

        /// The advance of one character in tenths of a pixel: a monospaced font's 0.6 em,
        /// rounded up with room for bold.
        var advance: Int {
            switch self {
            case .title: 74
            case .detail: 68
            }
        }
    }

    /// The estimated width of `text` in pixels: East Asian wide characters and emoji count
    /// twice.
    public static func width(of text: String, size: Size) -> Int {
        pixels(cells(of: text.unicodeScalars), size: size)
    }

    /// `text` if it fits in `width` pixels, else as much of it as fits followed by `…`.
    ///
    /// - Complexity: O(*n*) in the text's length.
    public static func fitted(_ text: String, width: Int, size: Size) -> String {
        guard self.width(of: text, size: size) > width else { return text }
        var kept = ""
        var used = cells(of: "…".unicodeScalars)
        for character in text {
            let added = cells(of: character.unicodeScalars)
            if pixels(used + added, size: size) > width { break }
            used += added
            kept.append(character)
        }
        return kept + "…"
    }

    /// Character cells: East Asian wide characters and emoji take two.
    static func cells(of scalars: some Sequence<Unicode.Scalar>) -> Int {
        scalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    /// The blocks a monospaced font draws two cells wide (or in a wider fallback font):
    /// Hangul, CJK, full-width forms, symbols and dingbats, emoji. Scripts the monospaced font
    /// lacks fall back to another font and may still run wider than estimated.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2600...0x27BF, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F6FF, 0x1F900...0x1FAFF, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }

    static func pixels(_ cells: Int, size: Size) -> Int { (cells * size.advance + 9) / 10 }
}
