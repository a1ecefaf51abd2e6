/// A question about one flow, like AWS Reachability Analyzer's path analysis.
public struct TraceQuery: Sendable {
    public enum Source: Sendable {
        case zone(Zone)
        case address(IPAddress)
        /// An interface id, or an instance id.
        case resource(String)
    }

    public enum Destination: Sendable {
        /// An interface id, or an instance id.
        case resource(String)
        case address(IPAddress)
    }

    public let source: Source
    public let destination: Destination
    public let protocolNumber: UInt8
    /// The tcp/udp port, or the ICMP `type << 8 | code` keys.
    public let keys: ClosedRange<UInt16>

    public init(source: Source, destination: Destination, protocolNumber: UInt8, keys: ClosedRange<UInt16>) {
        self.source = source
        self.destination = destination
        self.protocolNumber = protocolNumber
        self.keys = keys
    }
}

/// The answer to a trace: the verdict, the proving path, and everything that blocks.
public struct TraceResult: Sendable {
    public let verdict: Verdict
    public let path: [Hop]
    public let returnPath: [Hop]
    /// Every component that blocks the flow, on every candidate path.
    public let blockedBy: [Hop]
    public let reason: String
    public let caveats: [String]
}

extension Solver {
    /// Traces one flow.
    ///
    /// - Complexity: O(*p* × *k* × *s*) for *p* candidate paths.
    public func trace(_ query: TraceQuery) -> TraceResult {
        guard let (interface, fromPublic) = resolveDestination(query.destination) else {
            return TraceResult(
                verdict: .unknown, path: [], returnPath: [], blockedBy: [],
                reason: "destination \(query.destination) is not an interface of the topology; trace answers flows to interfaces (by id, instance id, private or public address)",
                caveats: [])
        }
        guard let target = targetClasses(of: [interface.id]).first else {
            return TraceResult(verdict: .unknown, path: [], returnPath: [], blockedBy: [], reason: "destination has no subnet", caveats: [])
        }
        var destinations = Solver.addresses(of: interface, in: topology)
        if case .address(let address) = query.destination, !fromPublic {
            destinations = AddressSet(addresses: [address])
        }
        let origins: [Origin]
        switch resolveSource(query.source) {
        case .success(let resolved): origins = resolved
        case .failure(let message):
            return TraceResult(verdict: .blocked, path: [], returnPath: [], blockedBy: [], reason: message, caveats: [])
        }
        if fromPublic, origins.contains(where: { if case .interfaces = $0 { return true } else { return false } }) {
            return TraceResult(
                verdict: .unknown, path: [], returnPath: [], blockedBy: [],
                reason: "the destination is a public address: a connection from inside the topology would leave through the internet and come back, which trace does not follow; trace the private address instead",
                caveats: [])
        }
        let flowServices = ServiceSet.single(query.protocolNumber, IntervalSet(ranges: [query.keys]))
        let candidates = origins.flatMap { paths(from: $0, to: target) }
        guard !candidates.isEmpty else {
            return TraceResult(
                verdict: .blocked, path: [], returnPath: [], blockedBy: [],
                reason: "no path connects the source to \(interface.id): no shared VPC, active peering, transit gateway or gateway links them",
                caveats: [])
        }
        let targetHop = Hop(component: interface.id.rawValue, kind: NetworkInterfaceKind.kindName, rule: "destination", direction: .forward)
        var unknownReasons: [String] = []
        var blocked: [(path: Path, blockers: [Hop], hops: [Hop])] = []
        for path in candidates {
            let flow = TrafficSet(destinations: destinations, sources: .universe, services: flowServices)
            let scoped = Path(
                zone: path.zone, origin: path.origin, sources: path.sources, destinations: path.destinations.intersection(destinations),
                clientPorts: path.clientPorts, checksPartialReturn: path.checksPartialReturn, stages: path.stages)
            let result = evaluate(scoped, within: flow)
            if !result.reachable.isEmpty, let witness = witnesses(of: scoped, result: result).first {
                return TraceResult(
                    verdict: .reachable, path: witness.forward + [targetHop], returnPath: witness.back, blockedBy: [],
                    reason: "reachable through \(path.zone)", caveats: witness.caveats)
            }
            if !result.unknown.isEmpty {
                unknownReasons += scoped.stages.filter { !$0.unknown.isEmpty }.compactMap(\.unknownReason)
                continue
            }
            let explained = explainBlock(scoped, flow: flow)
            blocked.append((explained.path, explained.blockers.map(\.hop), explained.hops))
        }
        if !unknownReasons.isEmpty {
            return TraceResult(
                verdict: .unknown, path: [], returnPath: [], blockedBy: blocked.flatMap(\.blockers),
                reason: Array(Set(unknownReasons)).sorted().joined(separator: "; "), caveats: [])
        }
        let best = blocked.min { $0.blockers.count < $1.blockers.count }
        var seen = Set<Hop>()
        let blockers = blocked.flatMap(\.blockers).filter { seen.insert($0).inserted }
        return TraceResult(
            verdict: .blocked, path: best?.hops ?? [], returnPath: [], blockedBy: blockers,
            reason: "blocked by \(blockers.count) component\(blockers.count == 1 ? "" : "s") on \(blocked.count) candidate path\(blocked.count == 1 ? "" : "s")",
            caveats: [])
    }

    /// A stage that stops a flow, and how it explains itself for the flow's sample packet.
    struct Blocker {
        let stage: Stage?
        let hop: Hop
        /// The packet (request or reply, in the stage's coordinates) the stage refuses.
        let packet: Packet?
    }

    /// Every stage that stops the whole flow on its own; when none does alone, the stage
    /// where the remaining traffic runs out.
    ///
    /// - Complexity: O(*k* × *s*) for *k* stages.
    func explainBlock(_ path: Path, flow: TrafficSet) -> (path: Path, blockers: [Blocker], hops: [Hop]) {
        let requests = Solver.origin(of: path, within: flow)
        guard let sample = requests.firstPacket else {
            let hop = Hop(component: path.origin.component, kind: path.origin.kind, rule: "the source and destination addresses are of different families or the source has no address", direction: .forward)
            return (path, [Blocker(stage: nil, hop: hop, packet: nil)], [path.origin])
        }
        func replyKeys(_ clientPorts: PortRange) -> IntervalSet<UInt16>? {
            switch sample.protocolNumber {
            case 6, 17: return IntervalSet(ranges: [clientPorts.closedRange])
            case 1, 58:
                return ReplyProjection.replyKey(ofRequest: sample.key, protocolNumber: sample.protocolNumber)
                    .map { IntervalSet(ranges: [$0...$0]) }
            default: return .universe
            }
        }
        func replies(_ clientPorts: PortRange) -> TrafficSet? {
            replyKeys(clientPorts).map { keys in
                TrafficSet(destinations: requests.map.mapValues { !$0.isEmpty }, sources: requests.sources, services: .single(sample.protocolNumber, keys))
            }
        }
        let ownReplies = replies(path.clientPorts)
        let natReplies = replies(.natGatewayEphemeral)
        var blockers: [Blocker] = []
        var hops: [Hop] = [path.origin]
        var cumulative = requests
        var firstEmpty: Blocker?
        for stage in path.stages {
            let traffic: TrafficSet
            switch stage.coordinates {
            case .request: traffic = requests
            case .reply:
                guard let ownReplies else { continue }
                traffic = ownReplies
            case .natReply:
                guard let natReplies else { continue }
                traffic = natReplies
            }
            let passing = traffic.intersection(stage.allowed.union(stage.unknown))
            let probe = traffic.firstPacket ?? sample
            if passing.isEmpty {
                blockers.append(Blocker(stage: stage, hop: stage.hop(for: probe), packet: probe))
            } else if stage.coordinates == .request {
                cumulative = cumulative.intersection(stage.allowed)
                if cumulative.isEmpty && firstEmpty == nil { firstEmpty = Blocker(stage: stage, hop: stage.hop(for: probe), packet: probe) }
            }
            if stage.coordinates == .request { hops.append(stage.hop(for: probe)) }
        }
        if blockers.isEmpty, let firstEmpty { blockers.append(firstEmpty) }
        if blockers.isEmpty {
            let hop = Hop(component: path.origin.component, kind: path.origin.kind, rule: "no single address and port passes every stage together", direction: .forward)
            blockers.append(Blocker(stage: nil, hop: hop, packet: nil))
        }
        return (path, blockers, hops)
    }

    private func resolveDestination(_ destination: TraceQuery.Destination) -> (NetworkInterface, fromPublic: Bool)? {
        switch destination {
        case .resource(let id):
            if let interface = topology.networkInterfaces[NetworkInterfaceID(id)] { return (interface, false) }
            let byInstance = Topology.sortedValues(topology.networkInterfaces).first { $0.instance?.rawValue == id }
            return byInstance.map { ($0, false) }
        case .address(let address):
            for interface in Topology.sortedValues(topology.networkInterfaces) {
                if (interface.privateIPv4 + interface.ipv6).contains(address) { return (interface, false) }
                if interface.publicIPv4 == address { return (interface, true) }
            }
            return nil
        }
    }

    private enum Resolution {
        case success([Origin])
        case failure(String)
    }

    private func resolveSource(_ source: TraceQuery.Source) -> Resolution {
        switch source {
        case .zone(.internet): return .success([.internet(internetIPv4)])
        case .zone(.internet6): return .success([.internet6(internetIPv6)])
        case .zone(.onprem(let id)):
            guard topology.vpnConnections[id] != nil else { return .failure("no VPN connection \(id) in the topology") }
            return .success([.onprem(id, nil)])
        case .zone(let zone):
            let classes = sourceClasses.filter { $0.zone == zone }
            guard !classes.isEmpty else { return .failure("zone \(zone) has no interface or subnet in the topology") }
            return .success(classes.map { .interfaces($0) })
        case .resource(let id):
            guard let interface = topology.networkInterfaces[NetworkInterfaceID(id)]
                ?? Topology.sortedValues(topology.networkInterfaces).first(where: { $0.instance?.rawValue == id })
            else { return .failure("no interface or instance \(id) in the topology") }
            return .success([.interfaces(sourceClass(of: interface, addresses: Solver.addresses(of: interface, in: topology)))])
        case .address(let address):
            if let interface = Topology.sortedValues(topology.networkInterfaces).first(where: { ($0.privateIPv4 + $0.ipv6).contains(address) }) {
                return .success([.interfaces(sourceClass(of: interface, addresses: AddressSet(addresses: [address])))])
            }
            let single = AddressSet(addresses: [address])
            if internetIPv4.contains(address) { return .success([.internet(single)]) }
            if internetIPv6.contains(address) { return .success([.internet6(single)]) }
            let connections = Topology.sortedValues(topology.vpnConnections).filter {
                onPremSources(of: $0).contains(address)
            }
            guard !connections.isEmpty else {
                return .failure("\(address) is in no zone: not public, not an interface's address, not behind any VPN")
            }
            return .success(connections.map { .onprem($0.id, single) })
        }
    }

    private func sourceClass(of interface: NetworkInterface, addresses: AddressSet) -> SourceClass {
        SourceClass(
            zone: ownZone(of: interface), subnet: interface.subnet, groups: interface.securityGroups,
            addresses: addresses, ephemeralPorts: interface.ephemeralPorts, interfaces: [interface.id])
    }
}

extension TraceQuery.Destination: CustomStringConvertible {
    public var description: String {
        switch self {
        case .resource(let id): id
        case .address(let address): address.description
        }
    }
}
