import ExposureModel
import ExposureSolver

/// `input-incomplete`: the export lacks a call verdicts depend on, or a resource could not
/// be analysed because something it needs is missing; what the input leaves out fails the
/// gate instead of passing it silently.
struct InputIncompleteRule: AuditRule {
    static let id = "input-incomplete"
    static let summary = "the input lacks an AWS CLI output that verdicts depend on, or a resource (an EMR cluster, an instance) could not be analysed because something it needs is missing"

    func findings(in context: AuditContext) -> [Finding] {
        let topology = context.topology
        let noInterfaces = topology.missingExports.contains(.describeNetworkInterfaces) && topology.missingExports.contains(.describeInstances)
        let calls = topology.missingExports.map { call in
            let severity: Severity
            switch call {
            case .describeNetworkInterfaces, .describeInstances: severity = noInterfaces ? .high : .low
            case .describeVPCs, .describeSubnets, .describeRouteTables, .describeSecurityGroups,
                .describeTransitGatewayAttachments, .searchTransitGatewayRoutes:
                severity = .medium
            }
            return Finding(
                rule: Self.id, severity: severity, cause: Cause(ComponentRef(.outside, call.rawValue)),
                message: "the export lacks \(call.rawValue): \(noInterfaces && (call == .describeNetworkInterfaces || call == .describeInstances) ? "no interface can be analysed" : call.effect)",
                evidence: ["no output of `\(call.command)` is in the input"],
                remediation: "add the output of `\(call.command)` to the export and analyse again")
        }
        let skipped = topology.skipped.filter(\.isIncomplete).map { skipped in
            Finding(
                rule: Self.id, severity: skipped.kind == .emrCluster ? .high : .medium,
                cause: Cause(ComponentRef(skipped.kind, skipped.resource)),
                message: "\(skipped.resource) could not be analysed: \(skipped.reason)",
                affected: skipped.kind == .emrCluster
                    ? [AffectedTarget(cluster: EMRClusterID(skipped.resource), severity: .high, detail: "\(skipped.resource) is not analysed")] : [],
                evidence: ["left out on import: \(skipped.reason)"],
                remediation: "add what it needs to the input and analyse again")
        }
        return calls + skipped
    }
}
