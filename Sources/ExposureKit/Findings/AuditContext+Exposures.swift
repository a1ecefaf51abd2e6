/// EMR node exposures as the exposure rules read them: merged across the nodes of one
/// cluster role that the same zone opens in the same way.
extension AuditContext {
    /// What one zone opens on the nodes of one cluster role, proven by one witness.
    struct RoleExposure {
        let cluster: EMRCluster
        let role: EMRCluster.Role
        let zone: Zone
        let services: ServiceSet
        /// Every source of the zone that opens some of `services` on the first node.
        let sources: AddressSet
        let interfaces: [NetworkInterfaceID]
        /// The first node's exposure, for its witness path.
        let witness: Exposure
    }

    /// Exposures of EMR nodes with `verdict` from zones that `includes` accepts, in cluster,
    /// role, zone and service order; `unknown` ones that lack different inputs stay apart.
    func roleExposures(_ verdict: Verdict = .reachable, from includes: (Zone) -> Bool) -> [RoleExposure] {
        struct Key: Hashable {
            let cluster: EMRClusterID
            let role: EMRCluster.Role
            let zone: Zone
            let services: [String]
            let missing: [MissingInput]
        }
        var merged: [Key: RoleExposure] = [:]
        var order: [Key] = []
        for exposure in exposures where exposure.verdict == verdict && includes(exposure.zone) {
            guard let node = node(exposure.target) else { continue }
            let key = Key(
                cluster: node.cluster.id, role: node.role, zone: exposure.zone,
                services: ServiceRow.rows(of: exposure.services).map { $0.text(naming: node.role) }, missing: exposure.missing)
            if let existing = merged[key] {
                guard !existing.interfaces.contains(exposure.target) else { continue }
                merged[key] = RoleExposure(
                    cluster: existing.cluster, role: existing.role, zone: existing.zone, services: existing.services,
                    sources: existing.sources, interfaces: existing.interfaces + [exposure.target], witness: existing.witness)
            } else {
                order.append(key)
                merged[key] = RoleExposure(
                    cluster: node.cluster, role: node.role, zone: exposure.zone, services: exposure.services,
                    sources: exposure.sources, interfaces: [exposure.target], witness: exposure)
            }
        }
        return order.compactMap { merged[$0] }.sorted { lhs, rhs in
            (lhs.cluster.id, lhs.role, lhs.zone, lhs.witness.witness.protocolNumber, lhs.witness.witness.key)
                < (rhs.cluster.id, rhs.role, rhs.zone, rhs.witness.witness.protocolNumber, rhs.witness.witness.key)
        }
    }

    /// What one zone opens (or may open) on interfaces that are not EMR nodes, merged
    /// across the interfaces it opens in the same way.
    struct InterfaceExposure {
        let zone: Zone
        let services: ServiceSet
        /// Every source of the zone that opens some of `services` on the first interface.
        let sources: AddressSet
        let interfaces: [NetworkInterfaceID]
        /// The first interface's exposure, for its witness path.
        let witness: Exposure
    }

    /// Exposures with `verdict` of interfaces that are not EMR nodes, in zone, service and
    /// interface order.
    func interfaceExposures(_ verdict: Verdict) -> [InterfaceExposure] {
        struct Key: Hashable {
            let zone: Zone
            let services: [String]
            let missing: [MissingInput]
        }
        var merged: [Key: InterfaceExposure] = [:]
        var order: [Key] = []
        for exposure in exposures where exposure.verdict == verdict && node(exposure.target) == nil {
            let key = Key(zone: exposure.zone, services: ServiceRow.rows(of: exposure.services).map { $0.text(naming: nil) }, missing: exposure.missing)
            if let existing = merged[key] {
                if !existing.interfaces.contains(exposure.target) {
                    merged[key] = InterfaceExposure(
                        zone: existing.zone, services: existing.services, sources: existing.sources,
                        interfaces: existing.interfaces + [exposure.target], witness: existing.witness)
                }
            } else {
                order.append(key)
                merged[key] = InterfaceExposure(
                    zone: exposure.zone, services: exposure.services, sources: exposure.sources, interfaces: [exposure.target], witness: exposure)
            }
        }
        return order.compactMap { merged[$0] }.sorted { lhs, rhs in
            (lhs.zone, lhs.witness.witness.protocolNumber, lhs.witness.witness.key, lhs.interfaces.first?.rawValue ?? "")
                < (rhs.zone, rhs.witness.witness.protocolNumber, rhs.witness.witness.key, rhs.interfaces.first?.rawValue ?? "")
        }
    }

    /// `eni-1 (i-1)`, `3 interfaces (eni-1, eni-2, eni-3)`.
    func describeInterfaces(_ interfaces: [NetworkInterfaceID]) -> String {
        let named = interfaces.map { id in
            topology.networkInterfaces[id]?.instance.map { "\(id) (\($0))" } ?? id.rawValue
        }
        return interfaces.count == 1 ? named[0] : "\(interfaces.count) interfaces (\(named.joined(separator: ", ")))"
    }

    /// `tcp 22 (SSH), 3306 (MySQL)`: a service set named by the general catalog, for
    /// interfaces that are not EMR nodes.
    static func describeGeneric(_ services: ServiceSet) -> String {
        ServiceRow.rows(of: services).map { $0.text(naming: nil) }.joined(separator: "; ")
    }

    /// The most sensitive service of a set on a node of `role`.
    static func sensitivity(of services: ServiceSet, role: EMRCluster.Role) -> PortSensitivity {
        var worst: PortSensitivity = .low
        for (protocols, ports) in services.segments where !ports.isEmpty {
            for number in [UInt8(6), 17] where protocols.contains(number) {
                for range in ports.intersection(IntervalSet(ranges: [PortRange.nonZero.closedRange])).ranges {
                    worst = max(worst, EMRPortCatalog.sensitivity(of: range, protocolNumber: number, role: role))
                }
            }
            if !IntervalSet(ranges: [protocols]).subtracting(IntervalSet(ranges: [6...6, 17...17])).isEmpty {
                worst = max(worst, .medium)
            }
        }
        return worst
    }

    /// `the primary node (eni-1)`, `3 core nodes (eni-1, eni-2, eni-3)`.
    static func describeNodes(_ role: EMRCluster.Role, _ interfaces: [NetworkInterfaceID]) -> String {
        let list = interfaces.map(\.rawValue).joined(separator: ", ")
        return interfaces.count == 1 ? "the \(role.rawValue) node (\(list))" : "\(interfaces.count) \(role.rawValue) nodes (\(list))"
    }

    /// `tcp 8088 (YARN ResourceManager); udp all ports`.
    static func describe(_ services: ServiceSet, role: EMRCluster.Role) -> String {
        ServiceRow.rows(of: services).map { $0.text(naming: role) }.joined(separator: "; ")
    }
}
