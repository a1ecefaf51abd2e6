import ExposureModel

/// The exposure question: for every target interface and every zone, what opens.
extension Solver {
    /// The zone an interface belongs to; traffic from its own zone is not an exposure.
    public func ownZone(of interface: NetworkInterface) -> Zone {
        if let tenant = topology.tenant(of: interface) { return .tenant(tenant) }
        return .vpc(topology.subnets[interface.subnet]?.vpc ?? VPCID(""))
    }

    /// Groups interfaces that can be evaluated together.
    func targetClasses(of interfaces: [NetworkInterfaceID]) -> [TargetClass] {
        struct Key: Hashable {
            let subnet: SubnetID
            let groups: [SecurityGroupID]
            let isPublic: Bool
            let isPlanned: Bool
            let zone: Zone
        }
        var grouped: [Key: [NetworkInterface]] = [:]
        var order: [Key] = []
        for id in interfaces.sorted() {
            guard let interface = topology.networkInterfaces[id], topology.subnets[interface.subnet] != nil else { continue }
            let key = Key(
                subnet: interface.subnet, groups: interface.securityGroups, isPublic: interface.hasPublicIPv4,
                isPlanned: interface.addressIsPlanned, zone: ownZone(of: interface))
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append(interface)
        }
        return order.compactMap { key in
            guard let subnet = topology.subnets[key.subnet], let members = grouped[key] else { return nil }
            return TargetClass(
                subnet: subnet, groups: key.groups, hasPublicIPv4: key.isPublic, hasPlannedAddresses: key.isPlanned,
                interfaces: members)
        }
    }

    /// Every origin whose traffic could reach `target`, in zone order.
    func origins(excluding own: Zone) -> [Origin] {
        var result: [Origin] = [.internet(internetIPv4), .internet6(internetIPv6)]
        for connection in index.vpnConnections {
            result.append(.onprem(connection.id, nil))
        }
        for source in mergedSources where source.zone != own {
            result.append(.interfaces(source))
        }
        for entry in outsideEntries where entry.zone != own {
            result.append(.outside(entry, nil))
        }
        return result
    }

    /// Whether any path from `source` can carry something to `target`: the target's ingress
    /// rules admit some of its addresses (with members looked for in both VPCs, the widest
    /// scope any path uses), or the source's table sends the target's addresses to a NAT
    /// gateway, whose own address the target's rules then see. A necessary condition only,
    /// so that most pairs are dismissed without building a path.
    func mayReach(_ target: TargetClass, from source: SourceClass) -> Bool {
        guard let sourceVPC = topology.subnets[source.subnet]?.vpc else { return true }
        if (natRoutes[source.subnet] ?? []).contains(where: { $0.addresses.intersects(target.subnet.addresses) }) { return true }
        return ingressReach(of: target.groups, scope: [sourceVPC, target.subnet.vpc]).intersects(source.addresses)
    }

    /// The exact services each zone can open on each interface, one witness path per part.
    ///
    /// - Parameter interfaces: the targets; interfaces that share a subnet, group set,
    ///   public IPv4 status and owner are evaluated once.
    /// - Returns: exposures sorted by target, zone and service.
    /// - Complexity: O(*c* × (*z* + *o*) × *k* × *s*) for *c* target classes, *z* external
    ///   zones, *o* source classes, *k* stages per path and *s* segments per set.
    public func exposures(of interfaces: [NetworkInterfaceID]) -> [Exposure] {
        var exposures: [Exposure] = []
        let memo = EvaluationMemo()
        for target in targetClasses(of: interfaces) {
            guard let first = target.interfaces.first else { continue }
            var evaluated: [(path: Path, result: PathResult)] = []
            for origin in origins(excluding: ownZone(of: first)) {
                if case .interfaces(let source) = origin, !mayReach(target, from: source) { continue }
                for path in paths(from: origin, to: target) {
                    let result = evaluate(path, memo: memo)
                    if result.reachable.isEmpty && result.unknown.isEmpty { continue }
                    evaluated.append((path, result))
                }
            }
            // Witnesses are built only for paths that report something, once per class.
            var witnesses: [Int: [Witness]] = [:]
            for interface in target.interfaces {
                exposures += self.exposures(of: interface, from: evaluated, witnesses: &witnesses)
            }
        }
        return exposures
    }

    /// The exposures of one interface of a class, from the class's evaluated paths;
    /// `witnesses` holds the witnesses of the paths that needed them, by path index.
    private func exposures(
        of interface: NetworkInterface, from evaluated: [(path: Path, result: PathResult)], witnesses: inout [Int: [Witness]]
    ) -> [Exposure] {
        let own = Solver.addresses(of: interface, in: topology)
        let node = nodes[interface.id]
        let targetHop = Hop(
            interface.id.component, .destination("destination\(node.map { " (\($0.cluster) \($0.role.rawValue) node)" } ?? "")"))
        var covered: [Zone: ServiceSet] = [:]
        var reachableByZone: [Zone: TrafficSet] = [:]
        for (path, pathResult) in evaluated {
            reachableByZone[path.zone] = (reachableByZone[path.zone] ?? .empty)
                .union(pathResult.reachable.union(pathResult.unknown).restricted(toDestinations: own))
        }
        var result: [Exposure] = []
        func make(
            _ zone: Zone, _ verdict: Verdict, _ services: ServiceSet, _ packet: Packet, _ forward: [Hop], _ back: [Hop],
            _ caveats: [Caveat], _ reason: String?, _ missing: [MissingInput] = []
        ) -> Exposure {
            let sources = (reachableByZone[zone] ?? .empty).sources(opening: services)
            return Exposure(
                target: interface.id, instance: interface.instance, cluster: node?.cluster, role: node?.role,
                zone: zone, verdict: verdict, services: services, sources: sources, witness: packet,
                path: forward + [targetHop], returnPath: back, caveats: caveats, reason: reason, missing: missing)
        }
        for (index, (path, pathResult)) in evaluated.enumerated() {
            // A path whose services this zone already covers adds no exposure: its
            // witnesses are not needed.
            guard !pathResult.reachable.isEmpty,
                !pathResult.reachable.restricted(toDestinations: own).services.isSubset(of: covered[path.zone] ?? .empty)
            else { continue }
            let pathWitnesses = witnesses[index] ?? self.witnesses(of: path, result: pathResult)
            witnesses[index] = pathWitnesses
            for witness in pathWitnesses {
                let region = witness.region.restricted(toDestinations: own)
                let services = region.services.subtracting(covered[path.zone] ?? .empty)
                guard !services.isEmpty, let packet = region.intersection(TrafficSet(services: services)).firstPacket else { continue }
                covered[path.zone] = (covered[path.zone] ?? .empty).union(services)
                result.append(make(path.zone, .reachable, services, packet, witness.forward, witness.back, witness.caveats, nil))
            }
        }
        // One unknown exposure per zone: what every path from it leaves undecided, with the
        // reasons and missing inputs of all of them, and the first such path as its witness.
        var unknownByZone: [Zone: (services: ServiceSet, reasons: Set<String>, missing: Set<MissingInput>, packet: Packet, forward: [Hop])] = [:]
        var unknownZones: [Zone] = []
        for (path, pathResult) in evaluated where !pathResult.unknown.isEmpty {
            let region = pathResult.unknown.restricted(toDestinations: own)
            let services = region.services.subtracting(covered[path.zone] ?? .empty)
            guard !services.isEmpty, let packet = region.intersection(TrafficSet(services: services)).firstPacket else { continue }
            if var merged = unknownByZone[path.zone] {
                merged.services = merged.services.union(services)
                merged.reasons.formUnion(pathResult.unknownReasons)
                merged.missing.formUnion(pathResult.missing)
                unknownByZone[path.zone] = merged
                continue
            }
            let forward = [path.origin(for: packet)] + path.stages.filter { $0.coordinates == .request && !$0.addsNoHop }.map { $0.hop(for: packet) }
            unknownZones.append(path.zone)
            unknownByZone[path.zone] = (services, Set(pathResult.unknownReasons), Set(pathResult.missing), packet, forward)
        }
        for zone in unknownZones {
            guard let merged = unknownByZone[zone] else { continue }
            result.append(make(
                zone, .unknown, merged.services, merged.packet, merged.forward, [], [], merged.reasons.sorted().joined(separator: "; "),
                merged.missing.sorted()))
        }
        return result.sorted { lhs, rhs in
            (lhs.zone, lhs.verdict, lhs.witness.protocolNumber, lhs.witness.key)
                < (rhs.zone, rhs.verdict, rhs.witness.protocolNumber, rhs.witness.key)
        }
    }
}
