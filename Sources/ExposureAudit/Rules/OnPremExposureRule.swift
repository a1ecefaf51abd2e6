import ExposureModel
import ExposureSolver

/// `onprem-exposure`: cluster ports the networks behind a VPN can open.
struct OnPremExposureRule: AuditRule {
    static let id = "onprem-exposure"
    static let summary = "the on-premises networks behind a VPN can open a cluster port"

    func findings(in context: AuditContext) -> [Finding] {
        let observations = context.roleExposures(from: { zone in
            if case .onprem = zone { return true }
            return false
        }).flatMap { exposure in
            context.admissions(of: exposure.witness, services: exposure.services, sources: exposure.sources).map { admission in
                let prefixes = admission.sources.cidrs.prefix(4).map(\.description).joined(separator: ", ")
                return Finding.Observation(
                    cause: admission.cause,
                    affected: AffectedTarget(
                        cluster: exposure.cluster.id, roles: [exposure.role], interfaces: exposure.interfaces, zone: exposure.zone,
                        services: admission.services,
                        severity: ExposureSeverity.byPort(AuditContext.sensitivity(of: admission.services, role: exposure.role)).lowered,
                        detail: "\(exposure.zone) (\(prefixes)\(admission.sources.cidrs.count > 4 ? ", …" : "")) can open \(AuditContext.describe(admission.services, role: exposure.role)) on \(AuditContext.describeNodes(exposure.role, exposure.interfaces)) of \(exposure.cluster.id) \(TenantExposureRule.channel(of: admission.path))"),
                    evidence: admission.evidence, path: admission.path,
                    fixes: [admission.rule.map { $0.removal + " (or keep it if on-premises users need it)" } ?? "remove the ingress rules that admit \(exposure.zone)"])
            }
        }
        return Finding.merging(observations, rule: Self.id) { cause, affected in
            "\(cause) lets on-premises networks open \(AffectedTarget.summary(of: affected))"
        }
    }
}
