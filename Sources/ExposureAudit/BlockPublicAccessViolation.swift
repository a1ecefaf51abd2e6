import ExposureModel
import ExposureSolver

/// A security group rule that EMR's block public access rejects, as EMR checks it.
struct BlockPublicAccessViolation: Sendable {
    let cluster: EMRCluster
    let group: SecurityGroupID
    let index: Int
    let rule: SecurityGroupRule
    /// The rule's ports outside the permitted ranges (every port for protocol -1).
    let ports: IntervalSet<UInt16>
    /// The rule's services: EMR refuses (or revokes) the whole rule, not only its ports
    /// outside the permitted ranges.
    let services: ServiceSet

    /// The literal violations of every cluster that may sit in a public subnet: an inbound
    /// rule from exactly 0.0.0.0/0 or ::/0 on a port outside the permitted ranges.
    static func all(
        in topology: Topology, setting: BlockPublicAccess, isPublic: (EMRCluster) -> Bool
    ) -> [BlockPublicAccessViolation] {
        let permitted = IntervalSet<UInt16>(ranges: setting.permittedPorts.map(\.closedRange))
        var result: [BlockPublicAccessViolation] = []
        for cluster in Topology.sortedValues(topology.emrClusters) where isPublic(cluster) {
            var groups: [SecurityGroupID] = []
            for group in EMRCluster.Role.allCases.flatMap(cluster.securityGroups(for:)) + [cluster.serviceAccessGroup].compactMap({ $0 })
            where !groups.contains(group) {
                groups.append(group)
            }
            for groupID in groups {
                guard let group = topology.securityGroups[groupID] else { continue }
                for (index, rule) in group.ingress.enumerated() {
                    guard case .cidr(let cidr) = rule.peer, cidr == .anyIPv4 || cidr == .anyIPv6 else { continue }
                    let ports: IntervalSet<UInt16>
                    switch rule.traffic.ipProtocol {
                    case .all: ports = .universe
                    case .tcp, .udp: ports = rule.traffic.ports.map { IntervalSet(ranges: [$0.closedRange]) } ?? .universe
                    default: continue
                    }
                    let outside = ports.subtracting(permitted)
                    guard !outside.isEmpty else { continue }
                    result.append(BlockPublicAccessViolation(
                        cluster: cluster, group: groupID, index: index, rule: rule, ports: outside,
                        services: ServiceSet(rule.traffic)))
                }
            }
        }
        return result
    }
}
