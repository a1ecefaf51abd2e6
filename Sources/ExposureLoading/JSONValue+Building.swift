import ExposureModel

/// Building values in code, for importers that write the native format.
///
/// Built values have no place in any file; their location is line 0, column 0.
extension JSONValue {
    static let nowhere = SourceLocation(line: 0, column: 0)

    static func string(_ text: String) -> JSONValue { JSONValue(kind: .string(text), location: nowhere) }

    static func number(_ value: Int) -> JSONValue { JSONValue(kind: .number(String(value)), location: nowhere) }

    static func bool(_ flag: Bool) -> JSONValue { JSONValue(kind: .bool(flag), location: nowhere) }

    static func array(_ items: [JSONValue]) -> JSONValue { JSONValue(kind: .array(items), location: nowhere) }

    static func strings(_ items: [String]) -> JSONValue { .array(items.map(JSONValue.string)) }

    /// An object with the members in the order given; `nil` values are left out, so optional
    /// fields can be written inline.
    static func object(_ members: [(String, JSONValue?)]) -> JSONValue {
        JSONValue(kind: .object(members.compactMap { key, value in value.map { (key: key, value: $0) } }), location: nowhere)
    }
}
