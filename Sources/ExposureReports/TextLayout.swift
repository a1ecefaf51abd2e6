import ExposureAudit
import ExposureModel
import ExposureSolver

/// How a text report is laid out: the width it wraps to, and whether severities are
/// coloured (only for a terminal with `NO_COLOR` unset; files and pipes get plain text).
public struct TextLayout: Sendable {
    /// The columns a line may take.
    public var width: Int
    /// Whether to colour severities and verdicts with ANSI escapes.
    public var colour: Bool

    public init(width: Int = 100, colour: Bool = false) {
        self.width = width
        self.colour = colour
    }

    /// 100 columns, no colour: what files, pipes and golden files get.
    public static let plain = TextLayout()

    /// A report's lines, wrapped, with the first word of each line that has a tone coloured.
    func lay(_ lines: [(text: String, tone: Tone?)]) -> String {
        lines.flatMap { line -> [String] in
            // Names and ids come from the input; none may move the cursor or recolour.
            var wrapped = wrap(DiagnosticText.escaped(line.text))
            if let tone = line.tone, colour, let first = wrapped.first {
                let leading = first.prefix { $0 == " " }
                let word = first.dropFirst(leading.count).prefix { $0 != " " }
                wrapped[0] = leading + coloured(String(word), tone) + first.dropFirst(leading.count + word.count)
            }
            return wrapped
        }.joined(separator: "\n") + "\n"
    }

    /// What a line's first word is coloured by.
    enum Tone {
        case severity(Severity)
        case verdict(Verdict)
    }

    private func coloured(_ text: String, _ tone: Tone) -> String {
        switch tone {
        case .severity(let severity): coloured(text, severity: severity)
        case .verdict(let verdict): coloured(text, verdict: verdict)
        }
    }

    /// `line` wrapped to `width`: a long line breaks at spaces, continuing under its value
    /// (after a label such as `evidence: ` or an arrow `-> `); a word longer than the room
    /// breaks where the room ends, so nothing is cut off.
    func wrap(_ line: String) -> [String] {
        guard line.count > width else { return [line] }
        let characters = Array(line)
        let leading = characters.prefix { $0 == " " }.count
        // Continue under the value after a label (unless the label takes half the width); a
        // line without one continues four columns in, or in its own column when it is
        // already a value's (indented past the labels).
        let labelWidth = TextLayout.labelWidth(characters.dropFirst(leading), wordLabels: leading < 12)
        let fitsLabel = labelWidth > 0 && leading + labelWidth < width / 2
        let start = fitsLabel ? leading + labelWidth : leading
        let indent = String(repeating: " ", count: fitsLabel ? start : leading >= 12 ? leading : leading + 4)
        var result: [String] = []
        var current = String(characters.prefix(start))
        var currentCount = current.count
        let body = String(characters.dropFirst(start))
        var lineHasWord = false
        for word in body.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            var word = word
            while true {
                let needed = (lineHasWord ? 1 : 0) + word.count
                if currentCount + needed <= width {
                    current += (lineHasWord ? " " : "") + word
                    currentCount += needed
                    lineHasWord = true
                    break
                }
                if lineHasWord {
                    result.append(current)
                    current = indent
                    currentCount = indent.count
                    lineHasWord = false
                    continue
                }
                // A word wider than the room: break it where the room ends.
                let room = max(1, width - currentCount)
                current += String(word.prefix(room))
                result.append(current)
                word = String(word.dropFirst(room))
                current = indent
                currentCount = indent.count
            }
        }
        result.append(current)
        return result
    }

    /// The width of a line's label (`evidence: `, `path:   `, an arrow `-> `, a bullet
    /// `- `), or 0.
    /// Word labels count only at the left (`wordLabels`): deeper in, `high: ...` is a value.
    private static func labelWidth(_ text: ArraySlice<Character>, wordLabels: Bool) -> Int {
        if text.starts(with: "-> ") { return 3 }
        if text.starts(with: "- ") { return 2 }
        guard wordLabels else { return 0 }
        let word = text.prefix { $0.isLetter }
        guard !word.isEmpty, word.count <= 12, text.dropFirst(word.count).first == ":" else { return 0 }
        let spaces = text.dropFirst(word.count + 1).prefix { $0 == " " }.count
        return spaces == 0 ? 0 : word.count + 1 + spaces
    }

    /// `text` in the colour of `severity`, when colouring: bold red, red, yellow, cyan, dim.
    func coloured(_ text: String, severity: Severity) -> String {
        switch severity {
        case .critical: escaped(text, "1;31")
        case .high: escaped(text, "31")
        case .medium: escaped(text, "33")
        case .low: escaped(text, "36")
        case .info: escaped(text, "2")
        }
    }

    /// `text` in the colour of `verdict`, when colouring: red for reachable, yellow for unknown.
    func coloured(_ text: String, verdict: Verdict) -> String {
        switch verdict {
        case .reachable: escaped(text, "31")
        case .unknown: escaped(text, "33")
        case .blocked: escaped(text, "32")
        }
    }

    private func escaped(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
