import ExposureModel
import ExposureSolver

/// `tenant-exposure`: cluster ports another tenant (or another VPC) can open.
struct TenantExposureRule: AuditRule {
    static let id = "tenant-exposure"
    static let summary = "another tenant's interfaces (or another VPC's) can open a cluster port, in a shared VPC, over peering or through a transit gateway"

    func findings(in context: AuditContext) -> [Finding] {
        context.roleExposures(from: { zone in
            switch zone {
            case .tenant, .vpc: true
            default: false
            }
        }).map { exposure in
            let severity = ExposureSeverity.byPort(AuditContext.sensitivity(of: exposure.services, role: exposure.role))
            let groups = context.topology.networkInterfaces[exposure.witness.target]?.securityGroups ?? []
            let rules = context.ingressRules(of: groups, admitting: exposure.services, from: exposure.sources)
            let clusterGroups = Set(EMRCluster.Role.allCases.flatMap(exposure.cluster.securityGroups(for:)) + [exposure.cluster.serviceAccessGroup].compactMap { $0 })
            var remediations: [String] = []
            var intraCluster: [String] = []
            for rule in rules {
                if case .securityGroup(let peer) = rule.rule.peer, clusterGroups.contains(peer) {
                    // EMR needs this rule between its own nodes; the fix is on the tenant's side.
                    let carriers = Topology.sortedValues(context.topology.networkInterfaces).filter {
                        $0.securityGroups.contains(peer) && context.solver.ownZone(of: $0) == exposure.zone
                    }.map(\.id.rawValue)
                    intraCluster.append("EMR's intra-cluster rule (\(rule.text)) admits it because \(carriers.joined(separator: ", ")) of \(exposure.zone) carr\(carriers.count == 1 ? "ies" : "y") \(peer)")
                    remediations.append("remove \(peer) from \(carriers.joined(separator: ", "))")
                } else {
                    remediations.append(rule.removal)
                }
            }
            let note = intraCluster.isEmpty ? "" : "; " + intraCluster.joined(separator: "; ")
            return Finding(
                rule: Self.id, severity: severity, resource: exposure.cluster.id.rawValue, cluster: exposure.cluster.id,
                message: "\(exposure.zone) can open \(AuditContext.describe(exposure.services, role: exposure.role)) on \(AuditContext.describeNodes(exposure.role, exposure.interfaces)) \(TenantExposureRule.channel(of: exposure.witness.path))\(note)",
                evidence: rules.map(\.text), path: exposure.witness.path,
                remediation: remediations.isEmpty ? "remove the ingress rules that admit \(exposure.zone)" : remediations.joined(separator: "; "))
        }
    }

    /// How the traffic crosses, read from the witness path's first route.
    static func channel(of path: [Hop]) -> String {
        if let transit = path.first(where: { $0.component.kind == .transitGatewayRouteTable }) {
            return "through a transit gateway (\(transit.component) \(transit.explanation))"
        }
        if let vpn = path.first(where: { $0.component.kind == .vpnGateway }) {
            return "over the VPN through \(vpn.component)"
        }
        guard let route = path.first(where: { $0.component.kind == .routeTable }) else { return "" }
        if case .route(let taken) = route.rule, taken.target == .local {
            return "inside the shared VPC (\(route.component) \(route.explanation))"
        }
        return "over peering (\(route.component) \(route.explanation))"
    }
}
