import ExposureModel

/// Reading a policy document from the JSON the native format holds.
extension EndpointPolicyDocument {
    /// The document `value` holds: its `Statement` (one object or an array of them), each
    /// read for the fields that decide requests. Fields of other types are read as absent,
    /// as IAM would reject the document rather than apply them.
    init(_ value: JSONValue) {
        let list: [JSONValue]
        switch value["Statement"]?.kind {
        case .array(let items)?: list = items
        case .object?: list = value["Statement"].map { [$0] } ?? []
        default: list = []
        }
        self.init(statements: list.map(Statement.init))
    }
}

/// Reading one statement.
extension EndpointPolicyDocument.Statement {
    /// One statement of a policy document: an `Effect` other than `Deny` (in any case)
    /// allows, as the audit has always read it.
    init(_ value: JSONValue) {
        func patterns(_ key: String, else negated: String) -> EndpointPolicyDocument.Patterns? {
            if let names = value[key] { return .only(Self.strings(names)) }
            if let names = value[negated] { return .allBut(Self.strings(names)) }
            return nil
        }
        var conditions: [String] = []
        if let condition = value["Condition"], case .object(let members) = condition.kind {
            conditions = members.map(\.key)
        }
        self.init(
            sid: value["Sid"]?.stringValue,
            effect: value["Effect"]?.stringValue?.lowercased() == "deny" ? .deny : .allow,
            restrictsPrincipal: value["Principal"].map { !Self.isEveryone($0) } ?? false,
            actions: patterns("Action", else: "NotAction"),
            resources: patterns("Resource", else: "NotResource"),
            conditions: conditions)
    }

    /// Whether a `Principal` is everyone: `"*"` or `{"AWS": "*"}`.
    private static func isEveryone(_ principal: JSONValue) -> Bool {
        if principal.stringValue == "*" { return true }
        if let aws = principal["AWS"] { return strings(aws) == ["*"] }
        return false
    }

    /// The strings of a string-or-array field; other values hold none.
    private static func strings(_ value: JSONValue) -> [String] {
        switch value.kind {
        case .string(let text): [text]
        case .array(let items): items.compactMap(\.stringValue)
        default: []
        }
    }
}
