import ExposureModel
import ExposureSolver

/// What a finding asks to change: one component, and the rule of it that opens or blocks.
///
/// The rule is `nil` when the component as a whole is the cause: a setting, a route table
/// without a needed route, a group without a needed rule, a resource the input lacks.
public struct Cause: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let component: ComponentRef
    public let rule: RuleRef?

    public init(_ component: ComponentRef, rule: RuleRef? = nil) {
        self.component = component
        self.rule = rule
    }

    /// What the fingerprint is taken from: the rule's content, never its position, so that
    /// inserting or reordering rules keeps a finding's id (a group rule is named by its
    /// direction, traffic and peer; any other rule by what it says, such as an ACL entry's
    /// number, action, traffic and CIDR, or a route's destination and target).
    var identity: String {
        switch rule {
        case .groupRule(let ingress, _, let rule)?:
            "\(ingress ? "ingress" : "egress") allow \(rule.traffic) \(ingress ? "from" : "to") \(rule.peer)"
        case let rule?: rule.description
        case nil: ""
        }
    }

    /// `ingress rule 2 of sg-1: allow tcp 8088 from 10.0.0.0/8`, `rtb-1: no route to S3`, `sg-1`.
    public var description: String {
        switch rule {
        case .groupRule(let ingress, let index, let rule)?:
            "\(ingress ? "ingress" : "egress") rule \(index) of \(component): allow \(rule.traffic) \(ingress ? "from" : "to") \(rule.peer)"
        case let rule?: "\(component): \(rule)"
        case nil: component.id
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.component, lhs.description) < (rhs.component, rhs.description)
    }
}
