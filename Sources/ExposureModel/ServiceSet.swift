/// Protocols with their ports: for each IP protocol number, the destination ports (tcp,
/// udp), the ICMP keys `type << 8 | code` (icmp, icmpv6), or the whole dimension (others).
public typealias ServiceSet = SegmentMap<UInt8, IntervalSet<UInt16>>

extension SegmentMap where Bound == UInt8, Value == IntervalSet<UInt16> {
    /// Every service a new connection can ask for: tcp and udp destination ports 1-65535
    /// (port 0 is not a connectable port), every ICMP key, every other protocol.
    public static let requestable: ServiceSet = ServiceSet.universe
        .updating(6...6) { _ in IntervalSet(ranges: [PortRange.nonZero.closedRange]) }
        .updating(17...17) { _ in IntervalSet(ranges: [PortRange.nonZero.closedRange]) }

    /// The services a rule's protocol and ports select.
    @inlinable
    public init(_ selector: TrafficSelector) {
        switch selector.ipProtocol {
        case .all:
            self = .universe
        case .number(let number):
            let keys: IntervalSet<UInt16>
            if let ports = selector.ports {
                keys = IntervalSet(ranges: [ports.closedRange])
            } else if let icmp = selector.icmp {
                keys = IntervalSet(ranges: [icmp.keys])
            } else {
                keys = .universe
            }
            self = ServiceSet.empty.updating(number...number) { _ in keys }
        }
    }

    /// One protocol with the given ports or keys.
    @inlinable
    public static func single(_ number: UInt8, _ keys: IntervalSet<UInt16>) -> ServiceSet {
        ServiceSet.empty.updating(number...number) { _ in keys }
    }
}
