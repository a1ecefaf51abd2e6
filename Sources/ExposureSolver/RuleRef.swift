import ExposureModel

/// What decided the traffic at one hop, as a typed reference: a rule of the component by
/// its place in the input, or the solver's statement of what the component does.
///
/// Findings and renderers read the cases; `description` is only for people.
public enum RuleRef: Hashable, Sendable, CustomStringConvertible {
    /// Rule `index` (counted from 0 in the input's order) of a security group's ingress or
    /// egress list.
    case groupRule(ingress: Bool, index: Int, rule: SecurityGroupRule)
    /// An entry of a network ACL's inbound or outbound list, by its rule number.
    case aclEntry(inbound: Bool, entry: NetworkACLEntry)
    /// The longest-prefix route of a VPC route table that carries the traffic.
    case route(Route)
    /// The route of a transit gateway route table that carries the traffic.
    case transitGatewayRoute(TransitGatewayRouteTable.Route)
    /// A gateway, endpoint, peering or NAT gateway the traffic crosses, and how.
    case crossing(String)
    /// What the solver assumes where the input does not describe a filter.
    case assumption(String)
    /// Where the traffic starts, and what the origin stands for.
    case origin(String)
    /// Where the traffic arrives.
    case destination(String)
    /// Why the component stops the traffic.
    case refusal(String)
    /// Why the component's effect on the traffic cannot be decided from the input.
    case undecided(String)
    /// `rule` (or a refusal), acting on traffic whose source a NAT gateway rewrote to
    /// `source`.
    indirect case translated(RuleRef, source: IPAddress)

    /// Whether the rule decides by denying (an ACL deny entry), as opposed to allowing or
    /// refusing for want of a rule.
    public var denies: Bool {
        switch self {
        case .aclEntry(_, let entry): entry.action == .deny
        case .translated(let rule, _): rule.denies
        default: false
        }
    }

    /// The rule as the reports print it: `ingress rule 0: allow tcp 22 from 0.0.0.0/0`.
    public var description: String {
        switch self {
        case .groupRule(let ingress, let index, let rule):
            "\(ingress ? "ingress" : "egress") rule \(index): allow \(rule.traffic) \(ingress ? "from" : "to") \(rule.peer)"
        case .aclEntry(let inbound, let entry):
            "\(inbound ? "inbound" : "outbound") rule \(entry.ruleNumber) \(entry.action.rawValue) \(entry.traffic) \(inbound ? "from" : "to") \(entry.cidr)"
        case .route(let route):
            "route \(route.destination) -> \(route.target)\(route.isPropagated ? " (propagated)" : "")"
        case .transitGatewayRoute(let route):
            "route \(route)"
        case .crossing(let text), .assumption(let text), .origin(let text), .destination(let text), .refusal(let text):
            text
        case .undecided(let reason):
            "unknown: \(reason)"
        case .translated(.refusal(let reason), let source):
            "\(reason) (the traffic comes from \(source))"
        case .translated(let rule, let source):
            "\(rule) (for \(source))"
        }
    }
}
