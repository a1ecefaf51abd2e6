/// Longest-prefix-match decisions of one route table over the whole address space.
///
/// Built once per table by painting routes from the shortest prefix to the longest, so a
/// lookup of any address set is a segment-map operation, never a per-address search.
public struct RouteLookup: Sendable {
    /// The routes the table uses: written ones, the implicit local routes and propagated
    /// VPN routes, in a fixed order.
    let routes: [Route]
    package let table: RouteTableID?
    /// For each address, the index in `routes` of the route that wins, or -1 for none.
    let decisions: SegmentMap<UInt128, Int>
    /// Addresses whose decision depends on a prefix list whose entries are unknown.
    public let uncertain: AddressSet
    /// The prefix lists with unknown entries behind `uncertain`.
    package let unknownPrefixLists: [PrefixListID]
    /// Whether no table of the input applies (the VPC has no main table in the input), so
    /// that every address beyond the local routes is in `uncertain`.
    package let isTableMissing: Bool

    /// The decisions of `table` (or, with no table, the local routes alone) in `vpc`.
    ///
    /// - Complexity: O(*r* × *s*) for *r* routes and *s* segments painted so far.
    package init(table: RouteTable?, vpc: VPC, topology: Topology) {
        var routes: [(route: Route, cidr: CIDR, priority: Int)] = []
        var written = table?.routes ?? []
        let explicitLocal = Set(written.compactMap { route -> CIDR? in
            if case .cidr(let cidr) = route.destination, route.target == .local { return cidr }
            return nil
        })
        for cidr in vpc.cidrs where !explicitLocal.contains(cidr) {
            written.append(Route(destination: .cidr(cidr), target: .local))
        }
        for gateway in table?.propagatingGateways ?? [] {
            for connection in Topology.sortedValues(topology.vpnConnections)
            where connection.gateway == .vpnGateway(gateway) {
                for cidr in connection.staticRoutes {
                    written.append(Route(destination: .cidr(cidr), target: .vpnGateway(gateway), isPropagated: true))
                }
            }
        }
        var uncertain = AddressSet.empty
        var unknownLists: [PrefixListID] = []
        for route in written {
            // Static routes beat propagated ones for the same prefix; local beats both.
            let priority = route.target == .local ? 2 : (route.isPropagated ? 0 : 1)
            switch route.destination {
            case .cidr(let cidr):
                routes.append((route, cidr, priority))
            case .prefixList(let id):
                if let entries = topology.prefixLists[id]?.entries {
                    for cidr in entries { routes.append((route, cidr, priority)) }
                } else {
                    uncertain = .universe
                    unknownLists.append(id)
                }
            }
        }
        let ordered = routes.enumerated().sorted { lhs, rhs in
            (lhs.element.cidr.unifiedPrefixLength, lhs.element.priority, lhs.offset)
                < (rhs.element.cidr.unifiedPrefixLength, rhs.element.priority, rhs.offset)
        }
        var decisions = SegmentMap<UInt128, Int>(constant: -1)
        var uniqueRoutes: [Route] = []
        for (_, entry) in ordered {
            let index = uniqueRoutes.firstIndex(of: entry.route) ?? {
                uniqueRoutes.append(entry.route)
                return uniqueRoutes.count - 1
            }()
            let painted = entry.cidr.addresses
            decisions = decisions.combined(with: painted) { current, inside in inside ? index : current }
        }
        self.routes = uniqueRoutes
        self.table = table?.id
        self.decisions = decisions
        self.unknownPrefixLists = unknownLists.sorted()
        // Without any table only the local routes are certain (AWS always has them).
        isTableMissing = table == nil
        self.uncertain = table == nil ? decisions.mapValues { $0 < 0 } : uncertain
    }

    /// Addresses whose winning route satisfies `predicate` and is not a blackhole.
    public func addresses(routedBy predicate: (Route) -> Bool) -> AddressSet {
        decisions.mapValues { index in
            index >= 0 && !routes[index].isBlackhole && predicate(routes[index])
        }
    }

    /// For each route satisfying `predicate`, the addresses it wins.
    package func regions(routedBy predicate: (Route) -> Bool) -> [(route: Route, addresses: AddressSet)] {
        routes.indices.filter { !routes[$0].isBlackhole && predicate(routes[$0]) }.map { index in
            (routes[index], decisions.mapValues { $0 == index })
        }
    }

    /// The route that wins for `address`.
    public func route(for address: IPAddress) -> Route? {
        let index = decisions.value(at: address.rawValue)
        return index >= 0 ? routes[index] : nil
    }
}

extension Topology {
    /// Whether a subnet's table sends 0.0.0.0/0 to an internet gateway, which makes EMR
    /// give a planned primary node a public IPv4 address.
    public func routesDefaultToInternetGateway(_ subnet: Subnet) -> Bool {
        guard let vpc = vpcs[subnet.vpc] else { return false }
        return RouteLookup(table: routeTable(of: subnet), vpc: vpc, topology: self).sendsDefaultRouteToInternetGateway
    }
}

extension RouteLookup {
    /// Whether the route for 0.0.0.0/0 is an internet gateway (what EMR calls public).
    public var sendsDefaultRouteToInternetGateway: Bool {
        guard let route = route(for: CIDR.anyIPv4.address), !route.isBlackhole else { return false }
        if case .internetGateway = route.target { return true }
        return false
    }
}
