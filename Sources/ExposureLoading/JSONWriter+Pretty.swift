import ExposureModel

/// Human-readable output for `exposure convert`.
extension JSONWriter {
    /// Two-space indented JSON that keeps members in their given order; arrays of scalars
    /// and small objects stay on one line so a converted topology reads like a written one.
    static func pretty(_ value: JSONValue) -> String {
        var text = ""
        write(value, indent: "", into: &text)
        return text + "\n"
    }

    private static func write(_ value: JSONValue, indent: String, into text: inout String) {
        let inline = compactOrdered(value)
        if inline.count + indent.count <= 100 || isScalarArray(value) {
            text += inline
            return
        }
        let inner = indent + "  "
        switch value.kind {
        case .array(let items):
            text += "[\n"
            for (offset, item) in items.enumerated() {
                text += inner
                write(item, indent: inner, into: &text)
                text += offset == items.count - 1 ? "\n" : ",\n"
            }
            text += indent + "]"
        case .object(let members):
            text += "{\n"
            for (offset, member) in members.enumerated() {
                text += inner + quoted(member.key) + ": "
                write(member.value, indent: inner, into: &text)
                text += offset == members.count - 1 ? "\n" : ",\n"
            }
            text += indent + "}"
        default:
            text += inline
        }
    }

    private static func isScalarArray(_ value: JSONValue) -> Bool {
        guard case .array(let items) = value.kind else { return false }
        return items.allSatisfy {
            switch $0.kind {
            case .array, .object: false
            default: true
            }
        }
    }

    /// One-line JSON in member order, with a space after separators.
    private static func compactOrdered(_ value: JSONValue) -> String {
        switch value.kind {
        case .array(let items): return "[" + items.map(compactOrdered).joined(separator: ", ") + "]"
        case .object(let members):
            return "{" + members.map { quoted($0.key) + ": " + compactOrdered($0.value) }.joined(separator: ", ") + "}"
        default: return compact(value)
        }
    }
}
