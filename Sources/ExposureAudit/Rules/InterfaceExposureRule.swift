import ExposureModel
import ExposureSolver

/// `interface-exposure`: a port of an interface that is not an EMR node open to another
/// zone, so the gate works for any network.
struct InterfaceExposureRule: AuditRule {
    static let id = "interface-exposure"
    static let summary = "a port of an interface that is not an EMR node is open from the internet, another tenant, another VPC or on-premises networks (remote administration and databases high, HTTP and HTTPS informational)"

    func findings(in context: AuditContext) -> [Finding] {
        let observations = context.interfaceExposures(.reachable).flatMap { exposure in
            let internet: AddressSet
            switch exposure.zone {
            case .internet: internet = context.solver.internetIPv4
            case .internet6: internet = context.solver.internetIPv6
            default: internet = .universe
            }
            return context.admissions(of: exposure.witness, services: exposure.services, sources: exposure.sources.intersection(internet)).map { admission in
                let sensitivity = ServicePortCatalog.sensitivity(of: admission.services)
                let who: String
                switch exposure.zone {
                case .internet, .internet6:
                    who = "is open to \(admission.share(of: exposure.sources, within: internet, ipv6: exposure.zone == .internet6).text)"
                default:
                    who = "can be opened by \(exposure.zone) \(TenantExposureRule.channel(of: admission.path))"
                }
                return Finding.Observation(
                    cause: admission.cause,
                    affected: AffectedTarget(
                        cluster: nil, interfaces: exposure.interfaces, zone: exposure.zone, services: admission.services,
                        severity: ExposureSeverity.of(exposure.zone, sources: admission.sources, sensitivity: sensitivity, solver: context.solver),
                        detail: "\(AuditContext.describeGeneric(admission.services)) on \(context.describeInterfaces(exposure.interfaces)) \(who)"),
                    evidence: admission.evidence, path: admission.path,
                    fixes: [admission.rule.map { $0.removal + " (or keep it if it is meant to be reachable)" } ?? "remove the ingress rules that admit \(exposure.zone)"])
            }
        }
        return Finding.merging(observations, rule: Self.id) { cause, affected in
            "\(cause) opens \(AffectedTarget.summary(of: affected))"
        }
    }
}
