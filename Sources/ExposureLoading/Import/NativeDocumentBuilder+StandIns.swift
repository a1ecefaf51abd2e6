import ExposureModel

/// Stand-ins importers write for what their input names but does not hold.
extension NativeDocumentBuilder {
    /// The prefix list that stands for "the rules of this group are not known".
    static func unknownRulesList(of group: String) -> String { "\(group)/rules-not-in-input" }

    /// A security group whose rules are not in the input (a group outside it, or ids known
    /// only after apply): it allows `unknown` traffic both ways, through a prefix list that
    /// stands for `standIn`. `source` names the input in the stand-ins' names ("input",
    /// "plan").
    mutating func addGroupWithUnknownRules(_ id: String, vpc: String, standIn: PrefixList.StandIn, source: String, origin: JSONCursor?) {
        let list = NativeDocumentBuilder.unknownRulesList(of: id)
        let standsFor: (String, JSONValue?)
        switch standIn {
        case .rulesOf(let group): standsFor = ("rulesOf", .string(group.rawValue))
        case .valueAfterApply(let value): standsFor = ("valueAfterApply", .string(value))
        }
        add(.prefixLists, id: list, .object([
            ("id", .string(list)), ("name", .string("rules of \(id), not in the \(source)")), ("standsFor", .object([standsFor])),
        ]), origin: origin)
        let unknown = JSONValue.array([.object([("protocol", .string("all")), ("prefixList", .string(list))])])
        add(.securityGroups, id: id, .object([
            ("id", .string(id)), ("vpc", .string(vpc)), ("name", .string("not in the \(source)")), ("ingress", unknown), ("egress", unknown),
        ]), origin: origin)
    }
}
