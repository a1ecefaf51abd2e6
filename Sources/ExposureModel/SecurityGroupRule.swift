/// One ingress or egress rule of a security group.
public struct SecurityGroupRule: Hashable, Sendable, CustomStringConvertible {
    /// Whom the rule lets in (ingress) or out to (egress).
    public enum Peer: Hashable, Sendable, CustomStringConvertible {
        case cidr(CIDR)
        case prefixList(PrefixListID)
        case securityGroup(SecurityGroupID)

        public var description: String {
            switch self {
            case .cidr(let cidr): cidr.description
            case .prefixList(let id): id.rawValue
            case .securityGroup(let id): id.rawValue
            }
        }
    }

    public let traffic: TrafficSelector
    public let peer: Peer
    public let note: String?

    public init(traffic: TrafficSelector, peer: Peer, note: String? = nil) {
        self.traffic = traffic
        self.peer = peer
        self.note = note
    }

    public var description: String { "\(traffic) \(peer)" }
}
