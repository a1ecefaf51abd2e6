import ExposureModel
import ExposureSolver

/// `repo-egress-gap`: nodes that cannot download Amazon Linux or EMR security updates.
struct RepositoryEgressGapRule: AuditRule {
    static let id = "repo-egress-gap"
    static let summary = "nodes cannot reach their Amazon Linux repository buckets or the EMR repository in S3 on tcp 80 or 443, so they get no security updates"

    /// Buckets and node classes of one cluster that fail in the same way.
    private struct Entry {
        let cluster: EMRCluster
        var roles: [EMRCluster.Role]
        var interfaces: [NetworkInterfaceID]
        var buckets: [String]
        let ports: [UInt16]
        let evidence: [String]
        let fixes: [String]
        let path: [Hop]
        let isPartial: Bool

        func sameFailure(as other: Entry) -> Bool {
            cluster.id == other.cluster.id && ports == other.ports && evidence == other.evidence
                && fixes == other.fixes && isPartial == other.isPartial
        }
    }

    func findings(in context: AuditContext) -> [Finding] {
        var entries: [Entry] = []
        func add(_ entry: Entry) {
            guard let index = entries.firstIndex(where: { $0.sameFailure(as: entry) }) else {
                entries.append(entry)
                return
            }
            for role in entry.roles where !entries[index].roles.contains(role) { entries[index].roles.append(role) }
            for id in entry.interfaces where !entries[index].interfaces.contains(id) { entries[index].interfaces.append(id) }
            for bucket in entry.buckets where !entries[index].buckets.contains(bucket) { entries[index].buckets.append(bucket) }
        }
        for nodeClass in context.repositories.classes {
            for (bucket, outcomes) in nodeClass.outcomes {
                let gaps = outcomes.compactMap { outcome -> (UInt16, RepositoryEgress.Gap)? in
                    if case .gap(let gap) = outcome.status { return (outcome.port, gap) }
                    return nil
                }
                guard let first = gaps.first?.1 else { continue }
                add(Entry(
                    cluster: nodeClass.cluster, roles: nodeClass.roles, interfaces: nodeClass.interfaces.map(\.id),
                    buckets: [bucket], ports: gaps.map(\.0),
                    evidence: orderedUnique(gaps.flatMap { port, gap in gap.evidence.map { "tcp \(port) \($0)" } }),
                    fixes: orderedUnique(gaps.flatMap(\.1.fixes)), path: first.path, isPartial: gaps.contains { $0.1.isPartial }))
            }
        }
        return entries.map { entry in
            let cluster = entry.cluster
            let generation = cluster.releaseLabel.flatMap(EMRRelease.init(label:))?.amazonLinux.rawValue ?? "AL2023 (release label not in the input)"
            let roles = entry.roles.sorted().map(\.rawValue).joined(separator: "/")
            let nodes = entry.interfaces.sorted().map(\.rawValue).joined(separator: ", ")
            let what = entry.isPartial ? "reach only part of S3's addresses for" : "cannot reach"
            return Finding(
                rule: Self.id, severity: entry.isPartial ? .medium : .high, resource: cluster.id.rawValue, cluster: cluster.id,
                message: "\(roles) nodes of \(cluster.id) (\(nodes)) \(what) \(entry.buckets.joined(separator: ", ")) on tcp \(entry.ports.map(String.init).joined(separator: ", ")): no \(generation) security updates",
                evidence: entry.evidence, path: entry.path, remediation: entry.fixes.joined(separator: "; "))
        }
    }
}

/// The elements in first-seen order, without repeats.
func orderedUnique(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
}
