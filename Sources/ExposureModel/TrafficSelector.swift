/// The protocol and ports (or ICMP type and code) that a rule matches.
public struct TrafficSelector: Hashable, Sendable, CustomStringConvertible {
    public let ipProtocol: IPProtocol
    /// The port range, for tcp and udp only.
    public let ports: PortRange?
    /// The ICMP match, for icmp and icmpv6 only.
    public let icmp: ICMPMatch?

    /// A selector; ports are kept for tcp/udp and ICMP matches for icmp/icmpv6 only, since
    /// AWS ignores them for every other protocol.
    public init(ipProtocol: IPProtocol, ports: PortRange? = nil, icmp: ICMPMatch? = nil) {
        self.ipProtocol = ipProtocol
        self.ports = ipProtocol.hasPorts ? (ports ?? .all) : nil
        self.icmp = ipProtocol.isICMP ? (icmp ?? .any) : nil
    }

    /// Every protocol and port.
    public static let all = TrafficSelector(ipProtocol: .all)

    /// `tcp 22`, `udp all`, `icmp type 8`, `all`, `47`.
    public var description: String {
        if let ports { return "\(ipProtocol) \(ports)" }
        if let icmp { return "\(ipProtocol) \(icmp)" }
        return ipProtocol == .all ? "all traffic" : "protocol \(ipProtocol)"
    }
}
