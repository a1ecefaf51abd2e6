import ExposureModel
import ExposureSolver

/// `launch-service-access`: a private-subnet cluster whose service-access group does not
/// let the primary node in on 9443, which EMR requires.
struct ServiceAccessRule: AuditRule {
    static let id = "launch-service-access"
    static let summary = "a cluster in a private subnet lacks ingress tcp 9443 from the primary group in its service-access group: EMR fails to launch it"

    func findings(in context: AuditContext) -> [Finding] {
        let observations = Topology.sortedValues(context.topology.emrClusters).compactMap { cluster -> Finding.Observation? in
            guard !cluster.subnets.isEmpty, !context.isPublicForEMR(cluster),
                let access = cluster.serviceAccessGroup, let primary = cluster.primaryGroup,
                let group = context.topology.securityGroups[access]
            else { return nil }
            let needed = ServiceSet.single(6, IntervalSet(ranges: [9443...9443]))
            let allowed = group.ingress.contains { rule in
                rule.peer == .securityGroup(primary) && needed.isSubset(of: ServiceSet(rule.traffic))
            }
            guard !allowed else { return nil }
            return Finding.Observation(
                cause: Cause(access.component),
                affected: AffectedTarget(
                    cluster: cluster.id, roles: [.primary], interfaces: cluster.nodes.filter { $0.role == .primary }.map(\.networkInterface),
                    services: needed, severity: .high,
                    detail: "\(access), the service-access group of \(cluster.id) in a private subnet, has no ingress tcp 9443 from the primary group \(primary): EMR \(cluster.isLaunched ? "cannot manage this cluster, and a relaunch fails" : "will fail to launch this cluster")"),
                evidence: group.ingress.isEmpty
                    ? ["\(access) has no ingress rules"]
                    : group.ingress.enumerated().map { "ingress rule \($0.offset) of \(access): allow \($0.element.traffic) from \($0.element.peer)" },
                path: [], fixes: ["add ingress tcp 9443 from \(primary) in \(access)"])
        }
        return Finding.merging(observations, rule: Self.id) { cause, affected in
            let clusters = orderedUnique(affected.compactMap(\.cluster)).map(\.rawValue)
            return "\(cause) lacks the ingress tcp 9443 from the primary group that EMR needs in private subnets, for \(clusters.count <= 3 ? clusters.joined(separator: ", ") : "\(clusters.count) clusters")"
        }
    }
}
