import ExposureModel
import ExposureSolver

/// `interface-exposure`: a port of an interface that is not an EMR node open to another
/// zone, so the gate works for any network.
struct InterfaceExposureRule: AuditRule {
    static let id = "interface-exposure"
    static let summary = "a port of an interface that is not an EMR node is open from the internet, another tenant, another VPC or on-premises networks (remote administration and databases high, HTTP and HTTPS informational)"

    func findings(in context: AuditContext) -> [Finding] {
        context.interfaceExposures(.reachable).map { exposure in
            let internet: AddressSet
            switch exposure.zone {
            case .internet: internet = context.solver.internetIPv4
            case .internet6: internet = context.solver.internetIPv6
            default: internet = .universe
            }
            let sensitivity = ServicePortCatalog.sensitivity(of: exposure.services)
            let severity = ExposureSeverity.of(exposure.zone, sources: exposure.sources, sensitivity: sensitivity, solver: context.solver)
            let groups = context.topology.networkInterfaces[exposure.witness.target]?.securityGroups ?? []
            let rules = context.ingressRules(of: groups, admitting: exposure.services, from: exposure.sources.intersection(internet))
            let who: String
            switch exposure.zone {
            case .internet, .internet6:
                who = "is open to \(InternetBreadth.of(exposure.sources, within: internet, ipv6: exposure.zone == .internet6).1)"
            default:
                who = "can be opened by \(exposure.zone) \(TenantExposureRule.channel(of: exposure.witness.path))"
            }
            return Finding(
                rule: Self.id, severity: severity, resource: exposure.interfaces[0].rawValue, cluster: nil,
                message: "\(AuditContext.describeGeneric(exposure.services)) on \(context.describeInterfaces(exposure.interfaces)) \(who)",
                evidence: rules.map(\.text), path: exposure.witness.path,
                remediation: rules.isEmpty
                    ? "remove the ingress rules that admit \(exposure.zone)"
                    : rules.map(\.removal).joined(separator: "; ") + " (or keep it if it is meant to be reachable)")
        }
    }
}
