import ExposureAudit
import ExposureModel
import ExposureSolver

/// The cluster port report: for each cluster and node role, what each zone opens.
public struct ClusterPortSummary: Sendable {
    /// What one zone opens on the nodes of one role (the union over those nodes).
    public struct ZoneRow: Sendable {
        public let zone: Zone
        public let reachable: ServiceSet
        public let unknown: ServiceSet
    }

    /// The nodes of one role and what each zone opens on them.
    public struct RoleRow: Sendable {
        public let role: EMRCluster.Role
        public let interfaces: [NetworkInterfaceID]
        public let zones: [ZoneRow]
    }

    public let cluster: EMRClusterID
    public let name: String?
    public let releaseLabel: String?
    public let amazonLinux: String?
    /// The cluster's subnets, each with whether EMR counts it as public.
    public let subnets: [(id: SubnetID, isPublic: Bool)]
    public let roles: [RoleRow]

    /// One summary per cluster, in id order, from the exposures of its nodes.
    public static func summaries(of topology: Topology, exposures: [Exposure]) -> [ClusterPortSummary] {
        Topology.sortedValues(topology.emrClusters).map { cluster in
            let roles = EMRCluster.Role.allCases.compactMap { role -> RoleRow? in
                let interfaces = cluster.nodes.filter { $0.role == role }.map(\.networkInterface).sorted()
                guard !interfaces.isEmpty else { return nil }
                var reachable: [Zone: ServiceSet] = [:]
                var unknown: [Zone: ServiceSet] = [:]
                for exposure in exposures where exposure.cluster == cluster.id && exposure.role == role {
                    if exposure.verdict == .reachable {
                        reachable[exposure.zone] = (reachable[exposure.zone] ?? .empty).union(exposure.services)
                    } else {
                        unknown[exposure.zone] = (unknown[exposure.zone] ?? .empty).union(exposure.services)
                    }
                }
                let zones = Set(reachable.keys).union(unknown.keys).sorted().map { zone in
                    let open = reachable[zone] ?? .empty
                    return ZoneRow(zone: zone, reachable: open, unknown: (unknown[zone] ?? .empty).subtracting(open))
                }
                return RoleRow(role: role, interfaces: interfaces, zones: zones)
            }
            let release = cluster.releaseLabel.flatMap(EMRRelease.init(label:))
            return ClusterPortSummary(
                cluster: cluster.id, name: cluster.name, releaseLabel: cluster.releaseLabel,
                amazonLinux: release?.amazonLinux.rawValue,
                subnets: cluster.subnets.map { id in
                    (id, topology.subnets[id].map { topology.routesDefaultToInternetGateway($0) } ?? false)
                },
                roles: roles)
        }
    }
}
