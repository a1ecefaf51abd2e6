import ExposureModel

/// The reachability solver: which zones can open which services on which interfaces.
///
/// It follows `shared/spec/semantics.md`. Construction indexes the topology (route
/// decisions per subnet, group membership, zone address sets); each question then
/// enumerates the candidate paths from an origin to a class of interfaces that share a
/// subnet and group set, and evaluates every path on exact traffic sets.
public struct Solver: Sendable {
    public let topology: Topology
    let routeLookups: [SubnetID: RouteLookup]
    let transitLookups: [TransitGatewayAttachmentID: TransitGatewayLookup]
    /// Each VPC's attachment to each transit gateway, and each VPN's attachment (the first
    /// in id order), so that paths find them without a search.
    let vpcAttachments: [VPCID: [TransitGatewayID: TransitGatewayAttachment]]
    let vpnAttachments: [VPNConnectionID: TransitGatewayAttachment]
    /// Private addresses of the interfaces carrying each group, by VPC.
    let groupMembers: [SecurityGroupID: [VPCID: AddressSet]]
    /// The internet zone's IPv4 addresses: public unicast, less the topology's own blocks.
    public let internetIPv4: AddressSet
    /// The internet zone's IPv6 addresses: global unicast, less the topology's own blocks.
    public let internetIPv6: AddressSet
    let nodes: [NetworkInterfaceID: (cluster: EMRClusterID, role: EMRCluster.Role)]
    let sourceClasses: [SourceClass]
    /// The source classes merged per zone, subnet, ephemeral ports and planned status
    /// (`SourceClass.merged`): the origins of the exposure question.
    let mergedSources: [SourceClass]
    /// Which route targets lead to what the input does not describe.
    let outsideTargets: OutsideTargets
    /// For each subnet, the routes of its table to what the input does not describe, with
    /// the addresses each wins and what is missing behind it (computed once per table).
    let outsideRoutes: [SubnetID: [OutsideRoute]]
    /// For each subnet, the NAT gateways its table routes to and the addresses each wins
    /// (computed once per table).
    let natRoutes: [SubnetID: [(gateway: NATGatewayID, addresses: AddressSet)]]
    /// Where traffic from what the input does not describe comes in.
    let outsideEntries: [OutsideEntry]
    /// Every stage built so far, so that no filter is compiled twice.
    let stageCache = StageCache()
    /// Peerings, gateways and attachments arranged for the paths' lookups.
    let index: TopologyIndex

    /// Indexes `topology` for questions.
    ///
    /// - Complexity: O(*t* × *r* × *s*) for route tables, routes and segments, plus O(*n*
    ///   log *n*) for *n* interfaces.
    public init(topology: Topology) {
        self.topology = topology
        index = TopologyIndex(topology)
        var lookups: [SubnetID: RouteLookup] = [:]
        var byTable: [String: RouteLookup] = [:]
        for subnet in Topology.sortedValues(topology.subnets) {
            guard let vpc = topology.vpcs[subnet.vpc] else { continue }
            let table = topology.routeTable(of: subnet)
            let key = table?.id.rawValue ?? "local:\(vpc.id)"
            let lookup = byTable[key] ?? RouteLookup(table: table, vpc: vpc, topology: topology)
            byTable[key] = lookup
            lookups[subnet.id] = lookup
        }
        routeLookups = lookups
        var transit: [TransitGatewayAttachmentID: TransitGatewayLookup] = [:]
        for table in Topology.sortedValues(topology.transitGatewayRouteTables) {
            let lookup = TransitGatewayLookup(table: table, topology: topology)
            for attachment in table.associations { transit[attachment] = lookup }
        }
        transitLookups = transit
        var vpcAttachments: [VPCID: [TransitGatewayID: TransitGatewayAttachment]] = [:]
        var vpnAttachments: [VPNConnectionID: TransitGatewayAttachment] = [:]
        for attachment in Topology.sortedValues(topology.transitGatewayAttachments) {
            switch attachment.resource {
            case .vpc(let vpc, _) where vpcAttachments[vpc]?[attachment.transitGateway] == nil:
                vpcAttachments[vpc, default: [:]][attachment.transitGateway] = attachment
            case .vpn(let connection) where vpnAttachments[connection] == nil:
                vpnAttachments[connection] = attachment
            default:
                break
            }
        }
        self.vpcAttachments = vpcAttachments
        self.vpnAttachments = vpnAttachments
        var members: [SecurityGroupID: [VPCID: [ClosedRange<UInt128>]]] = [:]
        for interface in topology.networkInterfaces.values {
            guard let vpc = topology.subnets[interface.subnet]?.vpc else { continue }
            let ranges = Solver.addresses(of: interface, in: topology).ranges
            for group in interface.securityGroups { members[group, default: [:]][vpc, default: []] += ranges }
        }
        groupMembers = members.mapValues { $0.mapValues { AddressSet(ranges: $0) } }
        let vpcBlocks = AddressSet(cidrs: topology.vpcs.values.flatMap(\.cidrs))
        internetIPv4 = Zone.internetIPv4(excluding: vpcBlocks)
        internetIPv6 = Zone.internetIPv6(excluding: vpcBlocks)
        var nodes: [NetworkInterfaceID: (EMRClusterID, EMRCluster.Role)] = [:]
        for cluster in Topology.sortedValues(topology.emrClusters) {
            for node in cluster.nodes where nodes[node.networkInterface] == nil {
                nodes[node.networkInterface] = (cluster.id, node.role)
            }
        }
        self.nodes = nodes
        sourceClasses = SourceClass.all(in: topology)
        mergedSources = SourceClass.merged(sourceClasses)
        let outsideTargets = OutsideTargets(topology: topology)
        self.outsideTargets = outsideTargets
        // Per table once: its routes to what the input does not describe, and to NAT gateways.
        var outsideRoutes: [SubnetID: [OutsideRoute]] = [:]
        var natRoutes: [SubnetID: [(gateway: NATGatewayID, addresses: AddressSet)]] = [:]
        var routesByTable: [String: (outside: [OutsideRoute], nat: [(gateway: NATGatewayID, addresses: AddressSet)])] = [:]
        for subnet in Topology.sortedValues(topology.subnets) {
            guard let lookup = lookups[subnet.id] else { continue }
            let key = lookup.table?.rawValue ?? "local:\(subnet.vpc)"
            let routes = routesByTable[key] ?? (
                outside: lookup.regions(routedBy: { outsideTargets.missing(behind: $0.target, in: subnet.vpc) != nil }).compactMap { route, addresses in
                    outsideTargets.missing(behind: route.target, in: subnet.vpc).map { OutsideRoute(target: route.target, addresses: addresses, missing: $0) }
                },
                nat: lookup.regions(routedBy: { route in
                    if case .natGateway = route.target { return true }
                    return false
                }).compactMap { route, addresses -> (gateway: NATGatewayID, addresses: AddressSet)? in
                    guard case .natGateway(let id) = route.target else { return nil }
                    return (id, addresses)
                })
            routesByTable[key] = routes
            outsideRoutes[subnet.id] = routes.outside
            natRoutes[subnet.id] = routes.nat
        }
        self.outsideRoutes = outsideRoutes
        self.natRoutes = natRoutes
        outsideEntries = Solver.outsideEntries(
            of: topology, index: index, routeLookups: lookups, outsideRoutes: outsideRoutes, transitLookups: transit, targets: outsideTargets,
            internet: internetIPv4.union(internetIPv6))
    }

    /// The private addresses of an interface; a planned node may hold any of its subnet's.
    static func addresses(of interface: NetworkInterface, in topology: Topology) -> AddressSet {
        if interface.addressIsPlanned { return topology.subnets[interface.subnet]?.addresses ?? .empty }
        return AddressSet(addresses: interface.privateIPv4 + interface.ipv6)
    }

    /// The interfaces `exposures` looks at by default: every EMR node, in id order.
    public var emrNodeInterfaces: [NetworkInterfaceID] { nodes.keys.sorted() }
}

/// Interfaces that open connections, grouped so that each group is evaluated once: same
/// owner zone, subnet, groups and ephemeral ports.
struct SourceClass: Sendable {
    let zone: Zone
    let subnet: SubnetID
    /// `nil` for an empty subnet: a future interface, assumed to allow all egress.
    let groups: [SecurityGroupID]?
    let addresses: AddressSet
    /// Whether the addresses are planned: any address of the subnet.
    let hasPlannedAddresses: Bool
    /// Whether every interface of the class has a public IPv4 address (traffic out of an
    /// internet gateway needs one). Classes are not split by it, since only egress asks.
    let hasPublicIPv4: Bool
    let ephemeralPorts: PortRange
    /// The interfaces of the class, in id order (empty for an empty subnet).
    let interfaces: [NetworkInterfaceID]
    /// For a merged class, the classes it stands for, each with its own groups and
    /// addresses; empty for a plain class. `groups` and `interfaces` are then the first
    /// member's, and a path reads each member's groups through `Solver.egressStage(of:scope:)`.
    var members: [SourceClass] = []

    /// A plain class (no members).
    init(
        zone: Zone, subnet: SubnetID, groups: [SecurityGroupID]?, addresses: AddressSet, hasPlannedAddresses: Bool,
        hasPublicIPv4: Bool, ephemeralPorts: PortRange, interfaces: [NetworkInterfaceID]
    ) {
        self.zone = zone
        self.subnet = subnet
        self.groups = groups
        self.addresses = addresses
        self.hasPlannedAddresses = hasPlannedAddresses
        self.hasPublicIPv4 = hasPublicIPv4
        self.ephemeralPorts = ephemeralPorts
        self.interfaces = interfaces
    }

    /// Merges classes of the same zone and subnet, ephemeral ports and planned status whose
    /// addresses are disjoint, in order, so that the exposure question evaluates each such
    /// set once: the paths from them differ only in the egress groups, which a merged
    /// stage applies to each member's own addresses.
    ///
    /// - Complexity: O(*n*²) set intersections for *n* classes of one zone and subnet, in
    ///   the worst case (each is checked against the members of every open merged class).
    static func merged(_ classes: [SourceClass]) -> [SourceClass] {
        struct Key: Hashable {
            let zone: Zone
            let subnet: SubnetID
            let ephemeral: PortRange
            let planned: Bool
        }
        var groups: [[SourceClass]] = []
        var open: [Key: [Int]] = [:]
        for source in classes {
            let key = Key(zone: source.zone, subnet: source.subnet, ephemeral: source.ephemeralPorts, planned: source.hasPlannedAddresses)
            // Empty subnets stand for future interfaces; they stay on their own.
            if source.groups != nil, let index = open[key]?.first(where: { index in
                groups[index].allSatisfy { !$0.addresses.intersects(source.addresses) }
            }) {
                groups[index].append(source)
                continue
            }
            open[key, default: []].append(groups.count)
            groups.append([source])
        }
        return groups.map { members in
            guard members.count > 1, let first = members.first else { return members[0] }
            var merged = SourceClass(
                zone: first.zone, subnet: first.subnet, groups: first.groups,
                addresses: AddressSet(ranges: members.flatMap(\.addresses.ranges)), hasPlannedAddresses: first.hasPlannedAddresses,
                hasPublicIPv4: members.allSatisfy(\.hasPublicIPv4), ephemeralPorts: first.ephemeralPorts,
                interfaces: first.interfaces)
            merged.members = members
            return merged
        }
    }

    static func all(in topology: Topology) -> [SourceClass] {
        struct Key: Hashable {
            let zone: Zone
            let subnet: SubnetID
            let groups: [SecurityGroupID]
            let ephemeral: PortRange
            let planned: Bool
        }
        var grouped: [Key: [NetworkInterface]] = [:]
        var occupied = Set<SubnetID>()
        for interface in topology.networkInterfaces.values {
            occupied.insert(interface.subnet)
            guard interface.originatesTraffic, let subnet = topology.subnets[interface.subnet] else { continue }
            let zone = topology.tenant(of: interface).map(Zone.tenant) ?? .vpc(subnet.vpc)
            let key = Key(
                zone: zone, subnet: subnet.id, groups: interface.securityGroups, ephemeral: interface.ephemeralPorts,
                planned: interface.addressIsPlanned)
            grouped[key, default: []].append(interface)
        }
        var classes = grouped.map { key, interfaces in
            SourceClass(
                zone: key.zone, subnet: key.subnet, groups: key.groups,
                addresses: AddressSet(ranges: interfaces.flatMap { Solver.addresses(of: $0, in: topology).ranges }),
                hasPlannedAddresses: key.planned, hasPublicIPv4: interfaces.allSatisfy(\.hasPublicIPv4), ephemeralPorts: key.ephemeral,
                interfaces: interfaces.map(\.id).sorted())
        }
        for subnet in Topology.sortedValues(topology.subnets) where !occupied.contains(subnet.id) {
            let zone = subnet.standsForUnlisted ? .outside(subnet.id.rawValue) : topology.tenant(of: subnet).map(Zone.tenant) ?? .vpc(subnet.vpc)
            classes.append(SourceClass(
                zone: zone, subnet: subnet.id,
                groups: nil, addresses: subnet.addresses, hasPlannedAddresses: true, hasPublicIPv4: false, ephemeralPorts: .linuxEphemeral,
                interfaces: []))
        }
        return classes.sorted { lhs, rhs in
            (lhs.zone, lhs.subnet, lhs.interfaces.first?.rawValue ?? "")
                < (rhs.zone, rhs.subnet, rhs.interfaces.first?.rawValue ?? "")
        }
    }

    /// How the origin is named on a path.
    var originHop: Hop {
        if let first = interfaces.first {
            let more = interfaces.count > 1 ? " and \(interfaces.count - 1) more with the same subnet and groups" : ""
            return Hop(first.component, .origin("source in \(zone)\(more)"))
        }
        if case .outside = zone {
            return Hop(subnet.component, .origin("source: any future interface of the subnets the input does not list"))
        }
        return Hop(subnet.component, .origin("source: any future interface of this empty subnet in \(zone)"))
    }
}

/// What the solver's indexes say about single components, for the audit's rules.
extension Solver {
    /// The longest-prefix decisions of `subnet`'s route table (its own, else its VPC's
    /// main table); `nil` for a subnet not in the topology.
    public func routeLookup(of subnet: SubnetID) -> RouteLookup? { routeLookups[subnet] }

    /// The private addresses of every interface that carries `group`, in any VPC.
    public func members(of group: SecurityGroupID) -> AddressSet {
        guard let byVPC = groupMembers[group] else { return .empty }
        return byVPC.keys.sorted().reduce(AddressSet.empty) { $0.union(byVPC[$1] ?? .empty) }
    }

    /// The EMR cluster and role of the node `interface` belongs to, if any.
    public func node(on interface: NetworkInterfaceID) -> (cluster: EMRClusterID, role: EMRCluster.Role)? { nodes[interface] }
}
