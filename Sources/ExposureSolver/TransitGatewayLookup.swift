import ExposureModel

/// Longest-prefix-match decisions of one transit gateway route table.
struct TransitGatewayLookup: Sendable {
    let table: TransitGatewayRouteTable
    let routes: [TransitGatewayRouteTable.Route]
    /// Index into `routes` per address, -1 for no route.
    let decisions: SegmentMap<UInt128, Int>

    /// Static routes and propagated ones (a VPC attachment propagates its VPC's blocks, a
    /// VPN attachment its static routes); a static route beats a propagated one of the
    /// same prefix.
    ///
    /// - Complexity: O(*r* × *s*) for *r* routes and *s* segments.
    init(table: TransitGatewayRouteTable, topology: Topology) {
        var entries: [(route: TransitGatewayRouteTable.Route, priority: Int)] = table.routes.map { ($0, 1) }
        for attachmentID in table.propagations {
            guard let attachment = topology.transitGatewayAttachments[attachmentID] else { continue }
            var blocks: [CIDR] = []
            switch attachment.resource {
            case .vpc(let vpc, _): blocks = topology.vpcs[vpc]?.cidrs ?? []
            case .vpn(let connection): blocks = topology.vpnConnections[connection]?.knownPrefixes ?? []
            // What the far side advertises over BGP is not in the input, and none is
            // assumed (semantics, section 1); the assumption is stated in the report.
            case .outside: blocks = []
            }
            entries += blocks.map { (.init(destination: $0, attachment: attachmentID), 0) }
        }
        let ordered = entries.enumerated().sorted { lhs, rhs in
            (lhs.element.route.destination.unifiedPrefixLength, lhs.element.priority, lhs.offset)
                < (rhs.element.route.destination.unifiedPrefixLength, rhs.element.priority, rhs.offset)
        }
        var decisions = SegmentMap<UInt128, Int>(constant: -1)
        var unique: [TransitGatewayRouteTable.Route] = []
        for (_, entry) in ordered {
            let index = unique.firstIndex(of: entry.route) ?? {
                unique.append(entry.route)
                return unique.count - 1
            }()
            decisions = decisions.combined(with: entry.route.destination.addresses) { $1 ? index : $0 }
        }
        self.table = table
        self.routes = unique
        self.decisions = decisions
    }

    /// For each route to `attachment`, the addresses it wins.
    func regions(to attachment: TransitGatewayAttachmentID) -> [(route: TransitGatewayRouteTable.Route, addresses: AddressSet)] {
        routes.indices.filter { routes[$0].attachment == attachment }.map { index in
            (routes[index], decisions.mapValues { $0 == index })
        }
    }

    /// The addresses a known route sends to `attachment`.
    func addresses(routedTo attachment: TransitGatewayAttachmentID) -> AddressSet {
        regions(to: attachment).reduce(AddressSet.empty) { $0.union($1.addresses) }
    }

    /// The addresses whose route the table does not decide: every address when its routes
    /// are unknown (a static route the input lacks may beat any propagated one), none
    /// otherwise.
    var undecided: AddressSet { table.routesAreKnown ? .empty : .universe }

    /// The addresses a route sends, or may send, to `attachment`.
    func possibleAddresses(toward attachment: TransitGatewayAttachmentID) -> AddressSet {
        table.routesAreKnown ? addresses(routedTo: attachment) : .universe
    }

    /// The route that wins for `address`.
    func route(for address: IPAddress) -> TransitGatewayRouteTable.Route? {
        let index = decisions.value(at: address.rawValue)
        return index >= 0 ? routes[index] : nil
    }
}
