import ExposureModel

/// Building stages from the topology's filters: network ACLs, security groups, route
/// tables and transit gateway route tables.
extension Solver {
    /// Which address of a packet a filter matches.
    public enum Side: Hashable, Sendable { case source, destination }

    static func embed(_ peers: SegmentMap<UInt128, ServiceSet>, on side: Side) -> TrafficSet {
        side == .source ? .matchingSource(peers) : .matchingDestination(peers)
    }

    static func embed(_ addresses: AddressSet, on side: Side) -> TrafficSet {
        side == .source ? TrafficSet(sources: addresses) : TrafficSet(destinations: addresses)
    }

    /// One direction of a subnet's network ACL, first match wins, implicit deny at the end.
    ///
    /// - Parameters:
    ///   - inbound: which list of the ACL.
    ///   - side: which address of the stage's packets the entries' CIDRs match.
    /// - Complexity: O(*e* × *s*) for *e* entries and *s* segments.
    func aclStage(
        _ subnetID: SubnetID, inbound: Bool, side: Side, coordinates: Leg,
        direction: Hop.Direction
    ) -> Stage {
        guard let subnet = topology.subnets[subnetID], let acl = topology.networkACL(of: subnet) else {
            var assumed = Stage.pass(
                subnetID.component, .assumption("no network ACL in the input: allow all assumed"), direction: direction,
                coordinates: coordinates)
            assumed.isNetworkACL = true
            return assumed
        }
        return stageCache.stage(.acl(acl.id, inbound: inbound, side: side, coordinates: coordinates, direction: direction)) {
            Solver.aclStage(acl, inbound: inbound, side: side, coordinates: coordinates, direction: direction)
        }
    }

    /// One direction of `acl` compiled into a stage.
    private static func aclStage(
        _ acl: NetworkACL, inbound: Bool, side: Side, coordinates: Leg, direction: Hop.Direction
    ) -> Stage {
        let list = inbound ? "inbound" : "outbound"
        var remaining = SegmentMap<UInt128, ServiceSet>.universe
        var allowed = SegmentMap<UInt128, ServiceSet>.empty
        var rules: [Stage.Rule] = []
        for entry in inbound ? acl.inbound : acl.outbound {
            let services = ServiceSet(entry.traffic)
            let cube = entry.cidr.addresses.mapValues { $0 ? services : ServiceSet.empty }
            let region = cube.intersection(remaining)
            remaining = remaining.subtracting(cube)
            if region.isEmpty { continue }
            if entry.action == .allow { allowed = allowed.union(region) }
            rules.append(Stage.Rule(
                region: Solver.embed(region, on: side), component: acl.id.component,
                rule: .aclEntry(inbound: inbound, entry: entry), allows: entry.action == .allow))
        }
        let aclID = acl.id
        return Stage(
            component: acl.id.component, direction: direction,
            coordinates: coordinates, allowed: Solver.embed(allowed, on: side), unknown: .empty,
            unknownContext: nil, rules: rules,
            refusal: { _ in .refusal("\(aclID) \(list): no entry matches, implicit deny (rule *)") },
            fix: .allowInACL(aclID, inbound: inbound, peerSide: side), isNetworkACL: true)
    }

    /// The union of an interface's groups, ingress (matching sources) or egress (matching
    /// destinations). A group peer matches the private addresses of the interfaces that
    /// carry the group in the VPCs of `scope`; a peer that is an outside group matches its
    /// possible members only for traffic from those members (`admitting`).
    ///
    /// - Complexity: O(*r* × *s*) for *r* rules and *s* segments.
    func groupStage(
        _ groups: [SecurityGroupID]?, ingress: Bool, scope: Set<VPCID>, direction: Hop.Direction,
        admitting outsideMembers: SecurityGroupID? = nil
    ) -> Stage {
        let (key, scope) = groupStageKey(groups, ingress: ingress, scope: scope, direction: direction, admitting: outsideMembers)
        return stageCache.stage(key) {
            buildGroupStage(groups, ingress: ingress, scope: scope, direction: direction, admitting: outsideMembers)
        }
    }

    /// The sources from which `groups`' ingress rules admit anything (or may), with group
    /// members looked for in `scope`.
    func ingressReach(of groups: [SecurityGroupID], scope: Set<VPCID>) -> AddressSet {
        let (key, scope) = groupStageKey(groups, ingress: true, scope: scope, direction: .forward, admitting: nil)
        return stageCache.sourceReach(key) {
            buildGroupStage(groups, ingress: true, scope: scope, direction: .forward, admitting: nil)
        }
    }

    /// The cache key of a group stage, and the scope it is built with: rules that name no
    /// group read no scope, so one stage serves every scope.
    private func groupStageKey(
        _ groups: [SecurityGroupID]?, ingress: Bool, scope: Set<VPCID>, direction: Hop.Direction, admitting: SecurityGroupID?
    ) -> (key: StageCache.Key, scope: Set<VPCID>) {
        let scope = index.dependOnScope(groups, ingress: ingress) ? scope : []
        return (.groups(groups, ingress: ingress, scope: scope.sorted(), direction: direction, admitting: admitting), scope)
    }

    private func buildGroupStage(
        _ groups: [SecurityGroupID]?, ingress: Bool, scope: Set<VPCID>, direction: Hop.Direction,
        admitting outsideMembers: SecurityGroupID?
    ) -> Stage {
        let side: Side = ingress ? .source : .destination
        guard let groups else {
            return Stage.pass(
                ComponentRef(.securityGroup, "egress"),
                .assumption("a future interface's groups are unknown: all egress assumed, as a new group allows"),
                direction: direction)
        }
        var regions: [SegmentMap<UInt128, ServiceSet>] = []
        var unknown = SegmentMap<UInt128, ServiceSet>.empty
        var unknownLists: [(list: PrefixListID, region: TrafficSet)] = []
        var rules: [Stage.Rule] = []
        for groupID in groups {
            guard let group = topology.securityGroups[groupID] else { continue }
            for (index, rule) in (ingress ? group.ingress : group.egress).enumerated() {
                let services = ServiceSet(rule.traffic)
                var peers = AddressSet.empty
                switch rule.peer {
                case .cidr(let cidr):
                    peers = cidr.addresses
                case .prefixList(let id):
                    if let entries = topology.prefixLists[id]?.entries {
                        peers = AddressSet(cidrs: entries)
                    } else {
                        unknown = unknown.union(SegmentMap(constant: services))
                        unknownLists.append((id, Solver.embed(SegmentMap(constant: services), on: side)))
                    }
                case .securityGroup(let peerGroup):
                    for vpc in scope.sorted() { peers = peers.union(groupMembers[peerGroup]?[vpc] ?? .empty) }
                    if peerGroup == outsideMembers, let outside = topology.outsideGroups[peerGroup] {
                        peers = peers.union(AddressSet(cidrs: outside.addresses))
                    }
                }
                let region = peers.mapValues { $0 ? services : ServiceSet.empty }
                regions.append(region)
                rules.append(Stage.Rule(
                    region: Solver.embed(region, on: side), component: groupID.component,
                    rule: .groupRule(ingress: ingress, index: index, rule: rule), allows: true))
            }
        }
        let allowed = SegmentMap.union(of: regions)
        let names = groups.map(\.rawValue).joined(separator: ", ")
        let kind = ingress ? "ingress" : "egress"
        return Stage(
            component: ComponentRef(.securityGroup, names), direction: direction, coordinates: .request,
            allowed: Solver.embed(allowed, on: side),
            unknown: Solver.embed(unknown.subtracting(allowed), on: side),
            unknownContext: unknownLists.isEmpty ? nil : "\(names) \(kind) rules name what the input does not give",
            rules: rules,
            refusal: { _ in .refusal("no \(kind) rule of \(names) allows it") },
            fix: .allowInGroups(groups, ingress: ingress),
            missing: unknownLists.map { Stage.MissingPart(input: missing(forUnknownList: $0.list), region: $0.region) })
    }

    /// The route lookup of a subnet's table, keeping the addresses whose winning route is
    /// `target`; built once per table, side and target.
    func routeStage(
        _ subnetID: SubnetID, side: Side, coordinates: Leg, direction: Hop.Direction, toward target: Route.Target
    ) -> Stage {
        guard let lookup = routeLookups[subnetID], let subnet = topology.subnets[subnetID] else {
            return routeStage(subnetID, side: side, coordinates: coordinates, direction: direction, expecting: target.description, where: { $0 == target })
        }
        let table = lookup.table?.rawValue ?? "local:\(subnet.vpc)"
        return stageCache.stage(.route(table: table, side: side, coordinates: coordinates, direction: direction, target: target)) {
            routeStage(subnetID, side: side, coordinates: coordinates, direction: direction, expecting: target.description, where: { $0 == target })
        }
    }

    /// The route lookup of a subnet's table, keeping the addresses whose winning route
    /// satisfies `expected`.
    func routeStage(
        _ subnetID: SubnetID, side: Side, coordinates: Leg, direction: Hop.Direction,
        expecting description: String, where expected: @escaping (Route.Target) -> Bool
    ) -> Stage {
        guard let lookup = routeLookups[subnetID], let subnet = topology.subnets[subnetID] else {
            return Stage.block(subnetID.component, reason: "subnet is not in the topology", direction: direction)
        }
        let tableName = lookup.table?.rawValue ?? "main route table of \(subnet.vpc)"
        let table = ComponentRef(.routeTable, tableName)
        var allowed = AddressSet.empty
        var rules: [Stage.Rule] = []
        for (route, addresses) in lookup.regions(routedBy: { expected($0.target) }) {
            allowed = allowed.union(addresses)
            rules.append(Stage.Rule(
                region: Solver.embed(addresses, on: side), component: table, rule: .route(route), allows: true))
        }
        // Appliances and targets outside the model forward traffic onward in ways the
        // input does not describe: unknown, never blocked (semantics, section 4).
        let appliances = lookup.regions(routedBy: { route in
            switch route.target {
            case .networkInterface, .instance, .unsupported: !expected(route.target)
            default: false
            }
        })
        let diverted = appliances.reduce(AddressSet.empty) { $0.union($1.addresses) }
        let uncertain = lookup.uncertain.union(diverted).subtracting(allowed)
        var missing: [Stage.MissingPart] = []
        if lookup.isTableMissing {
            missing.append(Stage.MissingPart(input: .mainRouteTable(of: subnet.vpc), region: Solver.embed(lookup.uncertain, on: side)))
        } else if !lookup.uncertain.isEmpty {
            missing += lookup.unknownPrefixLists.map { Stage.MissingPart(input: self.missing(forUnknownList: $0), region: Solver.embed(lookup.uncertain, on: side)) }
        }
        for (route, addresses) in appliances {
            guard let input = outsideTargets.missing(behind: route.target, in: subnet.vpc) else { continue }
            missing.append(Stage.MissingPart(input: input, region: Solver.embed(addresses, on: side)))
        }
        return Stage(
            component: table, direction: direction, coordinates: coordinates,
            allowed: Solver.embed(allowed, on: side), unknown: Solver.embed(uncertain, on: side),
            unknownContext: uncertain.isEmpty ? nil : "\(tableName) sends the traffic where the input cannot follow",
            rules: rules,
            refusal: { packet in
                let address = side == .destination ? packet.destination : packet.source
                guard let route = lookup.route(for: address) else { return .refusal("no route for \(address) in \(tableName)") }
                if route.isBlackhole { return .refusal("route \(route.destination) -> \(route.target) is a blackhole") }
                return .refusal("route for \(address) is \(route.destination) -> \(route.target), not \(description)")
            },
            fix: .addRoute(table: tableName, target: description), missing: uncertain.isEmpty ? [] : missing)
    }

    /// The transit gateway route table associated with `from`, keeping addresses it sends
    /// to `to`.
    func transitStage(
        from: TransitGatewayAttachmentID, to: TransitGatewayAttachmentID, side: Side,
        coordinates: Leg, direction: Hop.Direction
    ) -> Stage {
        stageCache.stage(.transit(from: from, to: to, side: side, coordinates: coordinates, direction: direction)) {
            buildTransitStage(from: from, to: to, side: side, coordinates: coordinates, direction: direction)
        }
    }

    private func buildTransitStage(
        from: TransitGatewayAttachmentID, to: TransitGatewayAttachmentID, side: Side,
        coordinates: Leg, direction: Hop.Direction
    ) -> Stage {
        guard let lookup = transitLookups[from] else {
            if case .outside(type: TransitGatewayAttachment.unknownType, _)? = topology.transitGatewayAttachments[from]?.resource,
                let missing = missing(behind: from)
            {
                // An attachment the input knows only from routes to it: its table is unknown too.
                return Stage.unknown(
                    from.component, reason: "the route table of \(from) is not in the input", missing: [missing], direction: direction)
            }
            return Stage.block(
                from.component, reason: "\(from) is associated with no transit gateway route table", direction: direction)
        }
        var allowed = AddressSet.empty
        var rules: [Stage.Rule] = []
        // With the table's routes unknown, a static route the input does not give may beat
        // any propagated one: nothing is decided.
        for (route, addresses) in lookup.table.routesAreKnown ? lookup.regions(to: to) : [] {
            allowed = allowed.union(addresses)
            rules.append(Stage.Rule(
                region: Solver.embed(addresses, on: side), component: lookup.table.id.component,
                rule: .transitGatewayRoute(route), allows: true))
        }
        let tableID = lookup.table.id
        let uncertain = lookup.undecided
        let missing = lookup.table.routesAreKnown ? [] : [Stage.MissingPart(input: .routes(ofTransitGatewayTable: tableID), region: Solver.embed(uncertain, on: side))]
        return Stage(
            component: tableID.component, direction: direction,
            coordinates: coordinates, allowed: Solver.embed(allowed, on: side), unknown: Solver.embed(uncertain, on: side),
            unknownContext: missing.isEmpty ? nil : "the routes of \(tableID) are not in the input",
            rules: rules,
            refusal: { packet in
                let address = side == .destination ? packet.destination : packet.source
                guard let route = lookup.route(for: address) else { return .refusal("no route for \(address) in \(tableID)") }
                return .refusal("route for \(address) is \(route), not \(to)")
            }, missing: missing)
    }

    /// What the input lacks to know prefix list `id`.
    func missing(forUnknownList id: PrefixListID) -> MissingInput {
        topology.prefixLists[id]?.missing ?? .prefixListEntries(id)
    }
}
