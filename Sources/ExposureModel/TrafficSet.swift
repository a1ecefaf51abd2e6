/// An exact set of packets: destination address × source address × protocol × port.
///
/// The port dimension holds tcp/udp destination ports, or ICMP `type << 8 | code`. Sets are
/// canonical nested segment maps (destination outermost), so every operation is exact and
/// costs time in the number of segments, never in the number of addresses or ports.
public struct TrafficSet: BooleanLattice {
    @usableFromInline
    package typealias SourceMap = SegmentMap<UInt128, ServiceSet>
    @usableFromInline
    package typealias Map = SegmentMap<UInt128, SourceMap>

    @usableFromInline
    package var map: Map

    @inlinable
    @usableFromInline
    package init(map: Map) { self.map = map }

    public static let empty = TrafficSet(map: .empty)
    public static let universe = TrafficSet(map: .universe)

    /// The product of a destination set, a source set and a service set.
    @inlinable
    public init(
        destinations: AddressSet = .universe, sources: AddressSet = .universe,
        services: ServiceSet = .universe
    ) {
        let bySource = sources.mapValues { $0 ? services : ServiceSet.empty }
        map = destinations.mapValues { $0 ? bySource : SourceMap.empty }
    }

    /// Packets whose source address and service are in `peers`, to any destination: how
    /// an ingress rule or an inbound ACL entry, which match the source, filter a request.
    @inlinable
    public static func matchingSource(_ peers: SegmentMap<UInt128, ServiceSet>) -> TrafficSet {
        TrafficSet(map: Map(constant: peers))
    }

    /// Packets whose destination address and service are in `peers`, from any source.
    @inlinable
    public static func matchingDestination(_ peers: SegmentMap<UInt128, ServiceSet>) -> TrafficSet {
        TrafficSet(map: peers.mapValues { SourceMap(constant: $0) })
    }

    @inlinable
    public var isEmpty: Bool { map.isEmpty }
    @inlinable
    public var isUniverse: Bool { map.isUniverse }
    @inlinable
    public func union(_ other: TrafficSet) -> TrafficSet { TrafficSet(map: map.union(other.map)) }
    @inlinable
    public func intersection(_ other: TrafficSet) -> TrafficSet {
        TrafficSet(map: map.intersection(other.map))
    }
    @inlinable
    public func subtracting(_ other: TrafficSet) -> TrafficSet {
        TrafficSet(map: map.subtracting(other.map))
    }

    /// The packets this set holds once their source is rewritten to `address`: what a
    /// filter beyond a NAT gateway lets through, seen from the client's side.
    @inlinable
    public func translatingSource(to address: IPAddress) -> TrafficSet {
        TrafficSet(map: map.mapValues { SourceMap(constant: $0.value(at: address.rawValue)) })
    }

    /// The same packets, only those to `destinations`.
    @inlinable
    public func restricted(toDestinations destinations: AddressSet) -> TrafficSet {
        TrafficSet(map: map.restricted(to: destinations))
    }

    /// The services of the set, whatever the addresses.
    @inlinable
    public var services: ServiceSet { map.values.reduce(ServiceSet.empty) { $0.union($1.unionOfValues) } }

    /// The services from `source` to `destination`.
    @inlinable
    public func services(from source: IPAddress, to destination: IPAddress) -> ServiceSet {
        map.value(at: destination.rawValue).value(at: source.rawValue)
    }

    /// The sources of the set, whatever the destination and service.
    @inlinable
    public var sources: AddressSet {
        map.values.reduce(AddressSet.empty) { result, bySource in
            result.union(bySource.mapValues { !$0.isEmpty })
        }
    }

    /// The sources that can send some of `services`: the sources of the intersection with
    /// `services`, without building it.
    ///
    /// - Complexity: O(*d* × (*s* + *t*)) for *d* destination segments, *s* source segments
    ///   and *t* segments of `services`.
    @inlinable
    public func sources(opening services: ServiceSet) -> AddressSet {
        map.values.reduce(AddressSet.empty) { result, bySource in
            result.union(bySource.mapValues { $0.overlaps(services) })
        }
    }

    /// The smallest packet in (destination, source, protocol, port) order, except that its
    /// source is an address a host could hold: within a range of sources that decide alike,
    /// the fifth address (the first AWS assigns in a subnet) when the range has six or more,
    /// the second when it has two to five, never a range's network address.
    @inlinable
    public var firstPacket: Packet? {
        guard let (destinations, bySource) = map.firstNonEmptySegment,
            let (sources, services) = bySource.firstNonEmptySegment,
            let (protocols, keys) = services.firstNonEmptySegment, let key = keys.min
        else { return nil }
        return Packet(
            destination: IPAddress(rawValue: destinations.lowerBound),
            source: IPAddress(rawValue: TrafficSet.hostAddress(in: sources)), protocolNumber: protocols.lowerBound,
            key: key)
    }

    /// The address `firstPacket` takes from a range of sources.
    @inlinable
    static func hostAddress(in range: ClosedRange<UInt128>) -> UInt128 {
        let extra = range.upperBound - range.lowerBound
        if extra >= 5 { return range.lowerBound + 4 }
        return extra >= 1 ? range.lowerBound + 1 : range.lowerBound
    }

    /// Whether the set holds `packet`.
    @inlinable
    public func contains(_ packet: Packet) -> Bool {
        services(from: packet.source, to: packet.destination).value(at: packet.protocolNumber)
            .contains(packet.key)
    }

    /// Maps every service set, keeping the addresses.
    @inlinable
    package func mapServices(_ transform: (ServiceSet) -> ServiceSet) -> TrafficSet {
        TrafficSet(map: map.mapValues { $0.mapValues(transform) })
    }
}

/// One packet, the unit of a witness.
public struct Packet: Hashable, Sendable {
    public let destination: IPAddress
    public let source: IPAddress
    public let protocolNumber: UInt8
    /// The tcp/udp destination port, or the ICMP `type << 8 | code`.
    public let key: UInt16

    @inlinable
    public init(destination: IPAddress, source: IPAddress, protocolNumber: UInt8, key: UInt16) {
        self.destination = destination
        self.source = source
        self.protocolNumber = protocolNumber
        self.key = key
    }
}
