import ExposureModel

/// A candidate way from an origin to a class of interfaces, as the stages a connection
/// must pass, forward and back.
struct Path: Sendable {
    let zone: Zone
    /// Names where the traffic starts, as the first hop of a witness.
    let origin: Hop
    let sources: AddressSet
    /// The destination addresses, coarse (the target subnet's); callers restrict them to
    /// each interface's own addresses.
    let destinations: AddressSet
    /// The client's source ports, which the return path must reach.
    let clientPorts: PortRange
    /// Whether the client is one of ours, whose whole ephemeral range should return.
    let checksPartialReturn: Bool
    var stages: [Stage]
    /// For a merged origin, the hop that names each member's sources (`origin` names the
    /// first); empty otherwise.
    var memberOrigins: [(sources: AddressSet, hop: Hop)] = []

    /// The hop naming where `packet` starts: the member holding its source, else `origin`.
    func origin(for packet: Packet) -> Hop {
        memberOrigins.first(where: { $0.sources.contains(packet.source) })?.hop ?? origin
    }
}

/// Interfaces evaluated together: same subnet, same groups, same public IPv4 status, and
/// whether their addresses are planned (any address of the subnet).
struct TargetClass {
    let subnet: Subnet
    let groups: [SecurityGroupID]
    let hasPublicIPv4: Bool
    let hasPlannedAddresses: Bool
    let interfaces: [NetworkInterface]
}
