/// A managed or AWS prefix list.
public struct PrefixList: Hashable, Sendable, Identifiable {
    /// What a list without entries stands for, when an importer wrote it as a stand-in for
    /// something the input lacks.
    public enum StandIn: Hashable, Sendable {
        /// The rules of a security group that interfaces carry but the input does not describe.
        case rulesOf(SecurityGroupID)
        /// A Terraform value known only after apply, such as `aws_security_group_rule.a.cidr_blocks`.
        case valueAfterApply(String)
    }

    public let id: PrefixListID
    public let name: String?
    /// The entries; `nil` when the input does not give them, which makes verdicts that
    /// depend on the list `unknown`.
    public let entries: [CIDR]?
    public let standIn: StandIn?

    public init(id: PrefixListID, name: String? = nil, entries: [CIDR]?, standIn: StandIn? = nil) {
        self.id = id
        self.name = name
        self.entries = entries?.sorted()
        self.standIn = standIn
    }

    /// What the input lacks for the list to be known.
    public var missing: MissingInput {
        switch standIn {
        case .rulesOf(let group): .securityGroupRules(group)
        case .valueAfterApply(let value): .afterApply(value)
        case nil: .prefixListEntries(id)
        }
    }
}
