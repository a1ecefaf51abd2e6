import ExposureModel

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
        /// An interface's address, or any address outside the topology.
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
    public let caveats: [Caveat]
    /// For `unknown`: what the input lacks, with the exports that would settle it.
    public let missing: [MissingInput]

    init(
        verdict: Verdict, path: [Hop] = [], returnPath: [Hop] = [], blockedBy: [Hop] = [], reason: String,
        caveats: [Caveat] = [], missing: [MissingInput] = []
    ) {
        self.verdict = verdict
        self.path = path
        self.returnPath = returnPath
        self.blockedBy = blockedBy
        self.reason = reason
        self.caveats = caveats
        self.missing = missing
    }
}

/// A query that names a zone, tenant, VPN, VPC, interface or instance the topology does
/// not hold, or asks a question about no part of it: a usage error, not a verdict.
public struct TraceProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String

    public var description: String { message }
}

extension Solver {
    /// What in `query` names nothing in the topology, with the closest name that exists;
    /// `nil` when the query can be answered.
    ///
    /// - Complexity: O(*n*) for *n* named things in the topology (plus the edit distance
    ///   to each, for a suggestion).
    public func problem(with query: TraceQuery) -> TraceProblem? {
        switch query.source {
        case .zone(let zone):
            if !knownZones.contains(zone) {
                let noun: String
                switch zone {
                case .internet, .internet6: noun = "zone"
                case .tenant: noun = "tenant"
                case .onprem: noun = "VPN connection"
                case .vpc: noun = "VPC"
                case .outside: noun = "outside zone (a component the input does not describe)"
                }
                return TraceProblem(message: "no \(noun) '\(zone)' in the topology" + suggestion(for: zone.description, among: knownZones.map(\.description)))
            }
        case .resource(let id):
            if interface(named: id) == nil {
                return TraceProblem(message: "no interface or instance '\(id)' in the topology" + suggestion(for: id, among: resourceNames))
            }
        case .address:
            break
        }
        switch query.destination {
        case .resource(let id):
            if interface(named: id) == nil {
                return TraceProblem(message: "no interface or instance '\(id)' in the topology" + suggestion(for: id, among: resourceNames))
            }
        case .address(let address):
            guard interface(holding: address) == nil else { break }
            // A destination outside the topology: the question is about egress from it.
            switch query.source {
            case .resource: break
            case .zone(.tenant), .zone(.vpc):
                if sourceClasses(for: query.source).isEmpty {
                    return TraceProblem(message: "\(address) is outside the topology, and no interface of the source opens connections to it")
                }
            case .address(let source):
                if interface(holding: source) == nil {
                    return TraceProblem(message: "both \(source) and \(address) are outside the topology; trace a flow from or to one of its interfaces")
                }
            case .zone(let zone):
                return TraceProblem(message: "\(address) is outside the topology, and so is \(zone); trace from an interface, instance, tenant or VPC to an address outside it")
            }
        }
        return nil
    }

    /// Traces one flow: to an interface of the topology from any zone or address, or from
    /// the topology's interfaces to any address (the egress question).
    ///
    /// - Throws: the query's problem when it names something the topology does not hold,
    ///   so such a query is never answered with a verdict.
    /// - Complexity: O(*p* × *k* × *s*) for *p* candidate paths.
    public func trace(_ query: TraceQuery) throws(TraceProblem) -> TraceResult {
        if let problem = problem(with: query) { throw problem }
        let flowServices = ServiceSet.single(query.protocolNumber, IntervalSet(ranges: [query.keys]))
        let resolved: (interface: NetworkInterface, fromPublic: Bool)?
        switch query.destination {
        case .resource(let id): resolved = interface(named: id).map { ($0, false) }
        case .address(let address): resolved = interface(holding: address)
        }
        guard let (interface, fromPublic) = resolved else {
            guard case .address(let address) = query.destination else {
                return TraceResult(verdict: .unknown, reason: "destination \(query.destination) is not in the topology")
            }
            return traceEgress(from: sourceClasses(for: query.source), to: address, services: flowServices)
        }
        guard let target = targetClasses(of: [interface.id]).first else {
            return TraceResult(verdict: .unknown, reason: "destination has no subnet")
        }
        var destinations = Solver.addresses(of: interface, in: topology)
        if case .address(let address) = query.destination, !fromPublic {
            destinations = AddressSet(addresses: [address])
        }
        let origins = self.origins(for: query.source)
        if origins.isEmpty, case .address(let address) = query.source {
            return TraceResult(
                verdict: .blocked,
                reason: "\(address) is in no zone: not public, not an interface's or subnet's address, not behind a VPN, and no route of the topology leads to it, so no reply could return")
        }
        if fromPublic, origins.contains(where: { if case .interfaces = $0 { return true } else { return false } }) {
            return TraceResult(
                verdict: .unknown,
                reason: "the destination is a public address: a connection from inside the topology would leave through the internet and come back, which trace does not follow; trace the private address instead")
        }
        let candidates = origins.flatMap { paths(from: $0, to: target) }.map { (path: $0, via: String?.none) }
        guard !candidates.isEmpty else {
            return TraceResult(
                verdict: .blocked,
                reason: "no path connects the source to \(interface.id): no shared VPC, active peering, transit gateway or gateway links them")
        }
        let targetHop = Hop(interface.id.component, .destination("destination"))
        return decide(candidates, destinations: destinations, services: flowServices, targetHop: targetHop)
    }

    /// From interfaces of the topology to an address outside it, by every way out their
    /// route tables give.
    private func traceEgress(from sources: [SourceClass], to address: IPAddress, services: ServiceSet) -> TraceResult {
        let destinations = AddressSet(addresses: [address])
        let candidates = sources.flatMap { source in
            egressCandidates(from: source, to: destinations, service: nil).map { (path: $0.path, via: Optional($0.via)) }
        }
        guard !candidates.isEmpty else {
            return TraceResult(verdict: .blocked, reason: "no interface of the source opens connections")
        }
        let targetHop = Hop(ComponentRef(.address, address.description), .destination("destination outside the topology\(describeOutside(address))"))
        return decide(candidates, destinations: destinations, services: services, targetHop: targetHop)
    }

    /// ` (internet)`, ` (pl-63a5400a com.amazonaws.us-east-1.s3)`, ` (on-premises, behind
    /// vpn-1)`, ` (in vpc-2, held by no interface)`.
    private func describeOutside(_ address: IPAddress) -> String {
        if let list = Topology.sortedValues(topology.prefixLists).first(where: { $0.name != nil && ($0.entries ?? []).contains { $0.contains(address) } }),
            let name = list.name
        {
            return " (\(list.id) \(name))"
        }
        if internetIPv4.contains(address) || internetIPv6.contains(address) { return " (internet)" }
        if let vpc = Topology.sortedValues(topology.vpcs).first(where: { $0.addresses.contains(address) }) {
            return " (in \(vpc.id), held by no interface)"
        }
        if let connection = Topology.sortedValues(topology.vpnConnections).first(where: { onPremSources(of: $0).contains(address) }) {
            return " (on-premises, behind \(connection.id))"
        }
        return ""
    }

    /// The verdict over candidate paths: reachable with the first witness, else unknown with
    /// every reason, else blocked with every blocker.
    private func decide(_ candidates: [(path: Path, via: String?)], destinations: AddressSet, services: ServiceSet, targetHop: Hop) -> TraceResult {
        var unknownReasons: [String] = []
        var missing: [MissingInput] = []
        var blocked: [(blockers: [Hop], hops: [Hop])] = []
        let flow = TrafficSet(destinations: destinations, sources: .universe, services: services)
        for (path, via) in candidates {
            let scoped = Path(
                zone: path.zone, origin: path.origin, sources: path.sources, destinations: path.destinations.intersection(destinations),
                clientPorts: path.clientPorts, checksPartialReturn: path.checksPartialReturn, stages: path.stages)
            let result = evaluate(scoped, within: flow)
            if !result.reachable.isEmpty, let witness = witnesses(of: scoped, result: result).first {
                return TraceResult(
                    verdict: .reachable, path: witness.forward + [targetHop], returnPath: witness.back,
                    reason: via.map { "reachable through \($0)" } ?? "reachable through \(path.zone)", caveats: witness.caveats)
            }
            if !result.unknown.isEmpty {
                unknownReasons += result.unknownReasons
                missing += result.missing
                continue
            }
            let explained = explainBlock(scoped, flow: flow)
            blocked.append((explained.blockers.map { blocker in via.map { blocker.hop.taking($0) } ?? blocker.hop }, explained.hops))
        }
        if !unknownReasons.isEmpty {
            return TraceResult(
                verdict: .unknown, blockedBy: blocked.flatMap(\.blockers),
                reason: Array(Set(unknownReasons)).sorted().joined(separator: "; "), missing: Array(Set(missing)).sorted())
        }
        let best = blocked.min { $0.blockers.count < $1.blockers.count }
        var seen = Set<Hop>()
        let blockers = blocked.flatMap(\.blockers).filter { seen.insert($0).inserted }
        return TraceResult(
            verdict: .blocked, path: best?.hops ?? [], blockedBy: blockers,
            reason: "blocked by \(blockers.count) component\(blockers.count == 1 ? "" : "s") on \(blocked.count) candidate path\(blocked.count == 1 ? "" : "s")")
    }

    /// Every stage that stops the whole flow on its own; when none does alone, the stage
    /// where the remaining traffic runs out.
    ///
    /// - Complexity: O(*k* × *s*) for *k* stages.
    func explainBlock(_ path: Path, flow: TrafficSet) -> (path: Path, blockers: [Blocker], hops: [Hop]) {
        let requests = Solver.origin(of: path, within: flow)
        guard let sample = requests.firstPacket else {
            let blocker = Blocker(origin: path.origin, reason: "the source and destination addresses are of different families or the source has no address")
            return (path, [blocker], [path.origin])
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
            let passing = traffic.intersection(stage.possible)
            let probe = traffic.firstPacket ?? sample
            if passing.isEmpty {
                blockers.append(Blocker(stage, refusing: probe))
            } else if stage.coordinates == .request {
                cumulative = cumulative.intersection(stage.allowed)
                if cumulative.isEmpty && firstEmpty == nil { firstEmpty = Blocker(stage, refusing: probe) }
            }
            if stage.coordinates == .request && !stage.addsNoHop { hops.append(stage.hop(for: probe)) }
        }
        if blockers.isEmpty, let firstEmpty { blockers.append(firstEmpty) }
        if blockers.isEmpty {
            blockers.append(Blocker(origin: path.origin, reason: "no single address and port passes every stage together"))
        }
        return (path, blockers, hops)
    }

    /// Every zone a trace may start from: the internet zones, each VPN, tenant and VPC, and
    /// every outside zone.
    var knownZones: Set<Zone> {
        var zones: Set<Zone> = [.internet, .internet6]
        zones.formUnion(topology.vpnConnections.keys.map(Zone.onprem))
        zones.formUnion(topology.vpcs.keys.map(Zone.vpc))
        zones.formUnion(topology.tenants.map(Zone.tenant))
        zones.formUnion(sourceClasses.map(\.zone))
        zones.formUnion(outsideEntries.map(\.zone))
        return zones
    }

    /// Interface and instance ids, for suggestions.
    private var resourceNames: [String] {
        topology.networkInterfaces.keys.map(\.rawValue) + topology.networkInterfaces.values.compactMap(\.instance?.rawValue)
    }

    private func suggestion(for text: String, among candidates: [String]) -> String {
        EditDistance.closest(to: text, among: candidates.sorted()).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// The interface with this id, or the first interface of the instance with this id.
    func interface(named id: String) -> NetworkInterface? {
        topology.networkInterfaces[NetworkInterfaceID(id)]
            ?? Topology.sortedValues(topology.networkInterfaces).first { $0.instance?.rawValue == id }
    }

    /// The interface holding `address` as a private or public address.
    private func interface(holding address: IPAddress) -> (NetworkInterface, fromPublic: Bool)? {
        for interface in Topology.sortedValues(topology.networkInterfaces) {
            if (interface.privateIPv4 + interface.ipv6).contains(address) { return (interface, false) }
            if interface.publicIPv4 == address { return (interface, true) }
        }
        return nil
    }

    /// Where a trace's traffic comes from: every entry point of the source (an address
    /// judged in each zone that holds it).
    private func origins(for source: TraceQuery.Source) -> [Origin] {
        switch source {
        case .zone(.internet): return [.internet(internetIPv4)]
        case .zone(.internet6): return [.internet6(internetIPv6)]
        case .zone(.onprem(let id)): return [.onprem(id, nil)]
        case .zone(let zone):
            return sourceClasses.filter { isSource($0, in: zone) }.map { .interfaces($0) }
                + outsideEntries.filter { $0.zone == zone || ($0.vpc.map(Zone.vpc) == zone) }.map { .outside($0, nil) }
        case .resource:
            return sourceClasses(for: source).map { .interfaces($0) }
        case .address(let address):
            if let (interface, fromPublic) = interface(holding: address), !fromPublic {
                return [.interfaces(sourceClass(of: interface, addresses: AddressSet(addresses: [address])))]
            }
            let single = AddressSet(addresses: [address])
            var result: [Origin] = []
            if internetIPv4.contains(address) { result.append(.internet(single)) }
            if internetIPv6.contains(address) { result.append(.internet6(single)) }
            for connection in Topology.sortedValues(topology.vpnConnections) where onPremSources(of: connection).contains(address) {
                result.append(.onprem(connection.id, single))
            }
            // Future interfaces of empty subnets, and planned ones, may take the address.
            for source in sourceClasses where source.hasPlannedAddresses && source.addresses.contains(address) {
                result.append(.interfaces(restricted(source, to: single)))
            }
            for entry in outsideEntries where entry.sources.contains(address) {
                result.append(.outside(entry, single))
            }
            return result
        }
    }

    /// The interfaces a trace to an address outside the topology starts from.
    private func sourceClasses(for source: TraceQuery.Source) -> [SourceClass] {
        switch source {
        case .resource(let id):
            guard let interface = interface(named: id) else { return [] }
            return [sourceClass(of: interface, addresses: Solver.addresses(of: interface, in: topology))]
        case .address(let address):
            guard let (interface, _) = interface(holding: address) else { return [] }
            return [sourceClass(of: interface, addresses: AddressSet(addresses: [address]))]
        case .zone(let zone):
            // Out of an internet gateway only interfaces with a public IPv4 address go: the
            // zone's classes are split by it here.
            return sourceClasses.filter { isSource($0, in: zone) }.flatMap { source -> [SourceClass] in
                let members = source.interfaces.compactMap { topology.networkInterfaces[$0] }
                guard !source.hasPublicIPv4, members.contains(where: \.hasPublicIPv4) else { return [source] }
                return [true, false].map { isPublic in
                    let part = members.filter { $0.hasPublicIPv4 == isPublic }
                    return SourceClass(
                        zone: source.zone, subnet: source.subnet, groups: source.groups,
                        addresses: part.reduce(AddressSet.empty) { $0.union(Solver.addresses(of: $1, in: topology)) },
                        hasPlannedAddresses: source.hasPlannedAddresses, hasPublicIPv4: isPublic,
                        ephemeralPorts: source.ephemeralPorts, interfaces: part.map(\.id))
                }
            }
        }
    }

    /// Whether `source` is traffic from `zone`: its own zone, or, for a VPC, any interface
    /// in it, whichever tenant owns it.
    private func isSource(_ source: SourceClass, in zone: Zone) -> Bool {
        if source.zone == zone { return true }
        guard case .vpc(let vpc) = zone else { return false }
        return topology.subnets[source.subnet]?.vpc == vpc
    }

    /// The class of one interface of the input, limited to `addresses`.
    private func sourceClass(of interface: NetworkInterface, addresses: AddressSet) -> SourceClass {
        SourceClass(
            zone: ownZone(of: interface), subnet: interface.subnet, groups: interface.securityGroups,
            addresses: addresses, hasPlannedAddresses: interface.addressIsPlanned, hasPublicIPv4: interface.hasPublicIPv4,
            ephemeralPorts: interface.ephemeralPorts, interfaces: [interface.id])
    }

    /// `source` limited to `addresses`.
    private func restricted(_ source: SourceClass, to addresses: AddressSet) -> SourceClass {
        SourceClass(
            zone: source.zone, subnet: source.subnet, groups: source.groups, addresses: source.addresses.intersection(addresses),
            hasPlannedAddresses: source.hasPlannedAddresses, hasPublicIPv4: source.hasPublicIPv4,
            ephemeralPorts: source.ephemeralPorts, interfaces: source.interfaces)
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

extension TraceQuery.Source: CustomStringConvertible {
    public var description: String {
        switch self {
        case .zone(let zone): zone.description
        case .address(let address): address.description
        case .resource(let id): id
        }
    }
}
