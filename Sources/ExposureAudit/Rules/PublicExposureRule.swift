import ExposureModel
import ExposureSolver

/// `public-exposure`: cluster ports the internet can open that block public access does not
/// stop (its literal violations are `bpa-violation`).
struct PublicExposureRule: AuditRule {
    static let id = "public-exposure"
    static let summary = "a cluster port is open from the internet (IPv4 or IPv6) in a way block public access does not catch: split or broad ranges, prefix lists, IPv6, permitted ports such as SSH, subnets EMR counts as private"

    func findings(in context: AuditContext) -> [Finding] {
        let violations = context.violations
        let observations = context.roleExposures(from: { $0 == .internet || $0 == .internet6 }).flatMap { exposure -> [Finding.Observation] in
            let ipv6 = exposure.zone == .internet6
            // EMR's literal violations are bpa-violation findings; every other rule that
            // admits the internet is a cause here, even on a port a violation also opens.
            let literal = Set(violations.filter { $0.cluster.id == exposure.cluster.id }.map {
                AuditContext.GroupRule(group: $0.group, index: $0.index, rule: $0.rule)
            })
            let internet = ipv6 ? context.solver.internetIPv6 : context.solver.internetIPv4
            let admissions = context.admissions(of: exposure.witness, services: exposure.services, sources: exposure.sources.intersection(internet))
            return admissions.filter { admission in
                admission.rule.map { !literal.contains($0) } ?? true
            }.map { admission in
                // A cause is as severe as what it admits itself; the port's whole exposure is
                // said beside when other rules add to it.
                let (breadth, share) = admission.share(of: exposure.sources, within: internet, ipv6: ipv6)
                let sensitivity = AuditContext.sensitivity(of: admission.services, role: exposure.role)
                let fix = admission.rule.map { $0.removal + (breadth == .narrow ? " (or keep it if that range is yours and needs it)" : "") }
                    ?? "remove the ingress rules that admit \(exposure.zone) on \(AuditContext.describe(admission.services, role: exposure.role))"
                return Finding.Observation(
                    cause: admission.cause,
                    affected: AffectedTarget(
                        cluster: exposure.cluster.id, roles: [exposure.role], interfaces: exposure.interfaces, zone: exposure.zone,
                        services: admission.services, severity: breadth.severity(for: sensitivity),
                        detail: "\(AuditContext.describe(admission.services, role: exposure.role)) on \(AuditContext.describeNodes(exposure.role, exposure.interfaces)) of \(exposure.cluster.id) is open to \(share); block public access does not catch it: \(reason(exposure, rule: admission.rule, context: context))"),
                    evidence: admission.evidence, path: admission.path, fixes: [fix])
            }
        }
        return Finding.merging(observations, rule: Self.id) { cause, affected in
            "\(cause) opens \(AffectedTarget.summary(of: affected)), and block public access does not catch it"
        }
    }

    /// Why EMR's literal check lets this exposure through `rule`.
    private func reason(_ exposure: AuditContext.RoleExposure, rule: AuditContext.GroupRule?, context: AuditContext) -> String {
        if !context.isPublicForEMR(exposure.cluster) {
            let subnet = exposure.cluster.subnets.first.flatMap { context.topology.subnets[$0] }
            let target = subnet.flatMap { context.solver.routeLookup(of: $0.id)?.route(for: CIDR.anyIPv4.address) }.map { "to \($0.target)" } ?? "nowhere"
            return "EMR counts \(subnet?.id.rawValue ?? "its subnet") as private (its route for 0.0.0.0/0 goes \(target), not to an internet gateway)"
        }
        guard let rule = rule?.rule else { return "the rules that admit it are not literal 0.0.0.0/0 or ::/0 rules" }
        let permitted = IntervalSet<UInt16>(ranges: context.blockPublicAccess.permittedPorts.map(\.closedRange))
        switch rule.peer {
        case .cidr(let cidr) where cidr == .anyIPv4 || cidr == .anyIPv6:
            let ports = rule.traffic.ports.map { IntervalSet<UInt16>(ranges: [$0.closedRange]) } ?? .universe
            if ports.isSubset(of: permitted) { return "port \(ports.rangeText) is in the permitted ranges" }
            if !(rule.traffic.ipProtocol.hasPorts || rule.traffic.ipProtocol == .all) {
                return "\(rule.traffic.ipProtocol) has no ports, which block public access does not check"
            }
            return context.blockPublicAccess.isEnabled ? "the rule is not one block public access revokes" : "block public access is disabled"
        case .cidr(let cidr):
            return "\(cidr) is not exactly \(cidr.family == .ipv4 ? "0.0.0.0/0" : "::/0")"
        case .prefixList(let id):
            let entries = context.topology.prefixLists[id]?.entries
            let holds = entries.map { $0.map(\.description).joined(separator: ", ") } ?? "entries not in the input"
            return "prefix list \(id) (\(holds)) is not a CIDR rule"
        case .securityGroup(let peer):
            return "the rule admits the members of \(peer), not a CIDR"
        }
    }
}
