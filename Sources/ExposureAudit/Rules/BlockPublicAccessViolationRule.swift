import ExposureModel
import ExposureSolver

/// `bpa-violation`: what EMR's block public access itself refuses.
struct BlockPublicAccessViolationRule: AuditRule {
    static let id = "bpa-violation"
    static let summary = "a cluster in a public subnet has an inbound rule from exactly 0.0.0.0/0 or ::/0 on a port outside the permitted ranges: EMR refuses to launch it, or revokes the rule"

    func findings(in context: AuditContext) -> [Finding] {
        let setting = context.blockPublicAccess
        let permitted = setting.permittedPorts.map(\.description).joined(separator: ", ")
        let observations = context.violations.map { violation in
            let cluster = violation.cluster
            let subnet = cluster.subnets.first { context.isPublicForEMR($0) }?.rawValue ?? "a public subnet"
            let ports = violation.rule.traffic.ipProtocol == .all
                ? "every port (protocol -1)" : "port \(violation.ports.rangeText)"
            let consequence: String
            if !setting.isEnabled {
                consequence = "block public access would refuse it, but it is disabled in this account"
            } else if !cluster.isLaunched {
                consequence = "EMR will refuse to launch this cluster"
            } else {
                consequence = "EMR will revoke this rule"
            }
            let assumed = context.blockPublicAccessStated ? "" : " (the input does not give the block public access setting: EMR's default, enabled with port 22 permitted, is assumed)"
            let sensitivity = AuditContext.sensitivity(of: violation.services, role: .primary)
            let severity: Severity = setting.isEnabled ? .high : (sensitivity == .high ? .critical : .high)
            let rule = AuditContext.GroupRule(group: violation.group, index: violation.index, rule: violation.rule)
            let zone: Zone = violation.rule.peer == .cidr(.anyIPv6) ? .internet6 : .internet
            let exposed = AuditContext.exposure(
                through: rule, proving: violation.services, from: zone, verdict: .reachable,
                among: context.exposures.lazy.filter { $0.cluster == cluster.id })
            var evidence = [rule.text, "\(cluster.id) is in \(subnet), whose route for 0.0.0.0/0 is an internet gateway", "permitted ranges: \(permitted)"]
            if let exposed {
                evidence.append("\(cluster.isLaunched ? "reachable" : "would be reachable") from \(exposed.zone) on \(exposed.target) (path below)")
            }
            let nodes = cluster.nodes.map(\.networkInterface).filter {
                context.topology.networkInterfaces[$0]?.securityGroups.contains(violation.group) ?? false
            }
            return Finding.Observation(
                cause: rule.cause,
                affected: AffectedTarget(
                    cluster: cluster.id, roles: Array(Set(cluster.nodes.filter { nodes.contains($0.networkInterface) }.map(\.role))).sorted(),
                    interfaces: nodes, zone: zone, services: violation.services, severity: severity,
                    detail: "\(violation.group) allows \(violation.rule.traffic) from \(violation.rule.peer), \(ports) outside the permitted ranges, for \(cluster.id) in public subnet \(subnet): \(consequence)\(assumed)"),
                evidence: evidence, path: exposed?.path ?? [],
                fixes: ["\(rule.removal), or narrow it to the addresses that need it"])
        }
        return Finding.merging(observations, rule: Self.id) { cause, affected in
            let clusters = orderedUnique(affected.compactMap(\.cluster)).map(\.rawValue)
            let named = clusters.count <= 3 ? clusters.joined(separator: ", ") : "\(clusters.count) clusters"
            return setting.isEnabled
                ? "\(cause) is refused by block public access in public subnets of \(named)"
                : "\(cause) is one block public access would refuse in public subnets of \(named), but it is disabled"
        }
    }
}
