import ExposureModel
import ExposureSolver

/// `public-exposure`: cluster ports the internet can open that block public access does not
/// stop (its literal violations are `bpa-violation`).
struct PublicExposureRule: AuditRule {
    static let id = "public-exposure"
    static let summary = "a cluster port is open from the internet (IPv4 or IPv6) in a way block public access does not catch: split or broad ranges, prefix lists, IPv6, permitted ports such as SSH, subnets EMR counts as private"

    func findings(in context: AuditContext) -> [Finding] {
        let violations = context.violations
        return context.roleExposures(from: { $0 == .internet || $0 == .internet6 }).compactMap { exposure in
            let ipv6 = exposure.zone == .internet6
            let literal = violations.filter { violation in
                guard violation.cluster.id == exposure.cluster.id, case .cidr(let cidr) = violation.rule.peer else { return false }
                return (cidr == .anyIPv6) == ipv6 && exposure.witness.path.contains { $0.component == violation.group.component }
            }
            let services = literal.reduce(exposure.services) { $0.subtracting($1.services) }
            guard !services.isEmpty else { return nil }
            let internet = ipv6 ? context.solver.internetIPv6 : context.solver.internetIPv4
            let (breadth, share) = InternetBreadth.of(exposure.sources, within: internet, ipv6: ipv6)
            let sensitivity = AuditContext.sensitivity(of: services, role: exposure.role)
            let groups = context.topology.networkInterfaces[exposure.witness.target]?.securityGroups ?? []
            let rules = context.ingressRules(of: groups, admitting: services, from: exposure.sources.intersection(internet))
            let why = reason(exposure, rules: rules, context: context)
            return Finding(
                rule: Self.id, severity: breadth.severity(for: sensitivity), resource: exposure.cluster.id.rawValue,
                cluster: exposure.cluster.id,
                message: "\(AuditContext.describe(services, role: exposure.role)) on \(AuditContext.describeNodes(exposure.role, exposure.interfaces)) is open to \(share); block public access does not catch it: \(why)",
                evidence: rules.map(\.text), path: exposure.witness.path,
                remediation: rules.isEmpty
                    ? "remove the ingress rules that admit \(exposure.zone) on \(AuditContext.describe(services, role: exposure.role))"
                    : rules.map(\.removal).joined(separator: "; ") + (breadth == .narrow ? " (or keep it if that range is yours and needs it)" : ""))
        }
    }

    /// Why EMR's literal check lets this exposure through.
    private func reason(_ exposure: AuditContext.RoleExposure, rules: [AuditContext.GroupRule], context: AuditContext) -> String {
        if !context.isPublicForEMR(exposure.cluster) {
            let subnet = exposure.cluster.subnets.first.flatMap { context.topology.subnets[$0] }
            let target = subnet.flatMap { context.solver.routeLookup(of: $0.id)?.route(for: CIDR.anyIPv4.address) }.map { "to \($0.target)" } ?? "nowhere"
            return "EMR counts \(subnet?.id.rawValue ?? "its subnet") as private (its route for 0.0.0.0/0 goes \(target), not to an internet gateway)"
        }
        let permitted = IntervalSet<UInt16>(ranges: context.blockPublicAccess.permittedPorts.map(\.closedRange))
        var reasons: [String] = []
        for rule in rules {
            switch rule.rule.peer {
            case .cidr(let cidr) where cidr == .anyIPv4 || cidr == .anyIPv6:
                let ports = rule.rule.traffic.ports.map { IntervalSet<UInt16>(ranges: [$0.closedRange]) } ?? .universe
                if ports.isSubset(of: permitted) {
                    reasons.append("port \(ports.rangeText) is in the permitted ranges")
                } else if !(rule.rule.traffic.ipProtocol.hasPorts || rule.rule.traffic.ipProtocol == .all) {
                    reasons.append("\(rule.rule.traffic.ipProtocol) has no ports, which block public access does not check")
                }
            case .cidr(let cidr):
                reasons.append("\(cidr) is not exactly \(cidr.family == .ipv4 ? "0.0.0.0/0" : "::/0")")
            case .prefixList(let id):
                let entries = context.topology.prefixLists[id]?.entries
                let holds = entries.map { $0.map(\.description).joined(separator: ", ") } ?? "entries not in the input"
                reasons.append("prefix list \(id) (\(holds)) is not a CIDR rule")
            case .securityGroup:
                continue
            }
        }
        if reasons.isEmpty { reasons.append("the rules that admit it are not literal 0.0.0.0/0 or ::/0 rules") }
        return Array(Set(reasons)).sorted().joined(separator: "; ")
    }
}
