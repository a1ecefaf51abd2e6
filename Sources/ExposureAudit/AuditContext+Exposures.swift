import ExposureModel
import ExposureSolver

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
            /// The node's groups: their rules are the causes, so nodes merge only when
            /// they carry the same ones.
            let groups: [SecurityGroupID]
            let services: [String]
            let missing: [MissingInput]
        }
        let groups = merged(exposures.filter { $0.verdict == verdict && includes($0.zone) }) { exposure -> Key? in
            guard let node = node(exposure.target) else { return nil }
            return Key(
                cluster: node.cluster.id, role: node.role, zone: exposure.zone, groups: node.interface.securityGroups,
                services: ServiceRow.rows(of: exposure.services).map { $0.text(naming: node.role) }, missing: exposure.missing)
        }
        return groups.compactMap { first, interfaces -> RoleExposure? in
            guard let node = node(first.target) else { return nil }
            return RoleExposure(
                cluster: node.cluster, role: node.role, zone: first.zone, services: first.services,
                sources: first.sources, interfaces: interfaces, witness: first)
        }.sorted { lhs, rhs in
            (lhs.cluster.id, lhs.role, lhs.zone, lhs.witness.witness.protocolNumber, lhs.witness.witness.key)
                < (rhs.cluster.id, rhs.role, rhs.zone, rhs.witness.witness.protocolNumber, rhs.witness.witness.key)
        }
    }

    /// `exposures` grouped by `key` (those without one left out), in the order each group
    /// first appears: its first exposure, and its interfaces, each once.
    private func merged<Key: Hashable>(_ exposures: [Exposure], by key: (Exposure) -> Key?) -> [(first: Exposure, interfaces: [NetworkInterfaceID])] {
        var groups: [(first: Exposure, interfaces: [NetworkInterfaceID])] = []
        var index: [Key: (at: Int, members: Set<NetworkInterfaceID>)] = [:]
        for exposure in exposures {
            guard let key = key(exposure) else { continue }
            guard var group = index[key] else {
                index[key] = (groups.count, [exposure.target])
                groups.append((exposure, [exposure.target]))
                continue
            }
            if group.members.insert(exposure.target).inserted {
                groups[group.at].interfaces.append(exposure.target)
                index[key] = group
            }
        }
        return groups
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
            let groups: [SecurityGroupID]
            let services: [String]
            let missing: [MissingInput]
        }
        let groups = merged(exposures.filter { $0.verdict == verdict && node($0.target) == nil }) { exposure in
            Key(
                zone: exposure.zone, groups: topology.networkInterfaces[exposure.target]?.securityGroups ?? [], services: ServiceRow.rows(of: exposure.services).map { $0.text(naming: nil) }, missing: exposure.missing)
        }
        return groups.map { first, interfaces in
            InterfaceExposure(zone: first.zone, services: first.services, sources: first.sources, interfaces: interfaces, witness: first)
        }.sorted { lhs, rhs in
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
