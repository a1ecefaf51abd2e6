import ExposureModel

/// What would let a refused packet through a filter; findings turn it into a remediation
/// in the terms of the traffic they report.
public enum Fix: Hashable, Sendable {
    /// An allow entry in one list of an ACL, matching the packet's address on `peerSide`.
    case allowInACL(NetworkACLID, inbound: Bool, peerSide: Solver.Side)
    /// A rule in one of the groups.
    case allowInGroups([SecurityGroupID], ingress: Bool)
    /// A route for the destination to `target` in `table`.
    case addRoute(table: String, target: String)
    /// A change the filter states itself.
    case change(String)
}
