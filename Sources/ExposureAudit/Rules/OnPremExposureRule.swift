import ExposureModel
import ExposureSolver

/// `onprem-exposure`: cluster ports the networks behind a VPN can open.
struct OnPremExposureRule: AuditRule {
    static let id = "onprem-exposure"
    static let summary = "the on-premises networks behind a VPN can open a cluster port"

    func findings(in context: AuditContext) -> [Finding] {
        context.roleExposures(from: { zone in
            if case .onprem = zone { return true }
            return false
        }).map { exposure in
            let severity = ExposureSeverity.byPort(AuditContext.sensitivity(of: exposure.services, role: exposure.role)).lowered
            let groups = context.topology.networkInterfaces[exposure.witness.target]?.securityGroups ?? []
            let rules = context.ingressRules(of: groups, admitting: exposure.services, from: exposure.sources)
            let prefixes = exposure.sources.cidrs.prefix(4).map(\.description).joined(separator: ", ")
            return Finding(
                rule: Self.id, severity: severity, resource: exposure.cluster.id.rawValue, cluster: exposure.cluster.id,
                message: "\(exposure.zone) (\(prefixes)\(exposure.sources.cidrs.count > 4 ? ", …" : "")) can open \(AuditContext.describe(exposure.services, role: exposure.role)) on \(AuditContext.describeNodes(exposure.role, exposure.interfaces)) \(TenantExposureRule.channel(of: exposure.witness.path))",
                evidence: rules.map(\.text), path: exposure.witness.path,
                remediation: rules.isEmpty ? "remove the ingress rules that admit \(exposure.zone)" : rules.map(\.removal).joined(separator: "; ") + " (or keep it if on-premises users need it)")
        }
    }
}
