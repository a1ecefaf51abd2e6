import ExposureModel

/// A JSON value that remembers where in its file it starts.
public struct JSONValue: Sendable {
    /// The kinds of JSON value; objects keep their keys in file order.
    public indirect enum Kind: Sendable {
        case null
        case bool(Bool)
        /// The number's text as written, so integers beyond `Double` stay exact.
        case number(String)
        case string(String)
        case array([JSONValue])
        case object([(key: String, value: JSONValue)])
    }

    public let kind: Kind
    public let location: SourceLocation

    /// A short English name of the value's kind, for "expected X, found Y".
    public var kindName: String {
        switch kind {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The value if it is a string.
    public var stringValue: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    /// The value if it is a Boolean.
    var boolValue: Bool? {
        if case .bool(let flag) = kind { return flag }
        return nil
    }

    /// The value as an integer: a number written as one (`22`, not `22.0` or `2.2e1`), or
    /// a string holding one (AWS exports sometimes quote numbers). Importers check the
    /// fields they read against `JSONShape` first, so `nil` here means absent, never
    /// malformed.
    var intValue: Int? {
        switch kind {
        case .number(let text), .string(let text): IntegerText.parse(text)
        default: nil
        }
    }

    /// The member named `key` of an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }?.value
    }
}
