import ExposureModel
import ExposureSolver

/// `repo-egress-gap`: nodes that cannot download Amazon Linux or EMR security updates.
struct RepositoryEgressGapRule: AuditRule {
    static let id = "repo-egress-gap"
    static let summary = "nodes cannot reach their Amazon Linux repository buckets or the EMR repository in S3 on tcp 80 or 443, so they get no security updates"

    /// The buckets and ports of one node class that one cause blocks.
    private struct Entry {
        let cause: Cause
        let nodeClass: RepositoryEgress.NodeClass
        var buckets: [String]
        var ports: [UInt16]
        var evidence: [String]
        var fixes: [String]
        let path: [Hop]
        let isPartial: Bool
    }

    func findings(in context: AuditContext) -> [Finding] {
        var entries: [Entry] = []
        for nodeClass in context.repositories.classes {
            let first = entries.count
            for (bucket, outcomes) in nodeClass.outcomes {
                for outcome in outcomes {
                    guard case .gap(let gap) = outcome.status else { continue }
                    let cause = gap.cause.map { Cause($0.component, rule: $0.rule) }
                        ?? Cause(nodeClass.cluster.id.component, rule: .refusal("no way out of the nodes' subnet reaches S3"))
                    let evidence = gap.evidence.map { "tcp \(outcome.port) \($0)" }
                    // A partial gap and a full one stay apart, so each keeps its severity.
                    guard let index = entries[first...].firstIndex(where: { $0.cause == cause && $0.isPartial == gap.isPartial }) else {
                        entries.append(Entry(
                            cause: cause, nodeClass: nodeClass, buckets: [bucket], ports: [outcome.port], evidence: evidence,
                            fixes: gap.fixes, path: gap.path, isPartial: gap.isPartial))
                        continue
                    }
                    if !entries[index].buckets.contains(bucket) { entries[index].buckets.append(bucket) }
                    if !entries[index].ports.contains(outcome.port) { entries[index].ports.append(outcome.port) }
                    entries[index].evidence = orderedUnique(entries[index].evidence + evidence)
                    entries[index].fixes = orderedUnique(entries[index].fixes + gap.fixes)
                }
            }
        }
        let observations = entries.map { entry in
            let cluster = entry.nodeClass.cluster
            let generation = cluster.releaseLabel.flatMap(EMRRelease.init(label:))?.amazonLinux.rawValue ?? "AL2023 (release label not in the input)"
            let roles = entry.nodeClass.roles.sorted()
            let interfaces = entry.nodeClass.interfaces.map(\.id).sorted()
            let ports = entry.ports.sorted()
            let what = entry.isPartial ? "reach only part of S3's addresses for" : "cannot reach"
            return Finding.Observation(
                cause: entry.cause,
                affected: AffectedTarget(
                    cluster: cluster.id, roles: roles, interfaces: interfaces,
                    services: ServiceSet.single(6, IntervalSet(ranges: ports.map { $0...$0 })), severity: entry.isPartial ? .medium : .high,
                    detail: "\(roles.map(\.rawValue).joined(separator: "/")) nodes of \(cluster.id) (\(interfaces.map(\.rawValue).joined(separator: ", "))) \(what) \(entry.buckets.joined(separator: ", ")) on tcp \(ports.map(String.init).joined(separator: ", ")): no \(generation) security updates"),
                evidence: entry.evidence, path: entry.path, fixes: entry.fixes)
        }
        return Finding.merging(observations, rule: Self.id) { cause, affected in
            "\(AffectedTarget.targetText(of: affected)) cannot reach the Amazon Linux and EMR repositories in S3 on \(AffectedTarget.portText(of: affected)): \(cause)"
        }
    }
}

/// The elements in first-seen order, without repeats.
func orderedUnique<Element: Hashable>(_ items: [Element]) -> [Element] {
    var seen = Set<Element>()
    return items.filter { seen.insert($0).inserted }
}
