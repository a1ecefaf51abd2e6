import ExposureModel
import ExposureSolver

/// `tenant-exposure`: cluster ports another tenant (or another VPC) can open.
struct TenantExposureRule: AuditRule {
    static let id = "tenant-exposure"
    static let summary = "another tenant's interfaces (or another VPC's) can open a cluster port, in a shared VPC, over peering or through a transit gateway"

    func findings(in context: AuditContext) -> [Finding] {
        let observations = context.roleExposures(from: { zone in
            switch zone {
            case .tenant, .vpc: true
            default: false
            }
        }).flatMap { exposure in
            let clusterGroups = Set(EMRCluster.Role.allCases.flatMap(exposure.cluster.securityGroups(for:)) + [exposure.cluster.serviceAccessGroup].compactMap { $0 })
            return context.admissions(of: exposure.witness, services: exposure.services, sources: exposure.sources).map { admission in
                var fix = "remove the ingress rules that admit \(exposure.zone)"
                var note = ""
                if let rule = admission.rule {
                    fix = rule.removal
                    if case .securityGroup(let peer) = rule.rule.peer, clusterGroups.contains(peer) {
                        // EMR needs this rule between its own nodes; the fix is on the tenant's side.
                        let carriers = Topology.sortedValues(context.topology.networkInterfaces).filter {
                            $0.securityGroups.contains(peer) && context.solver.ownZone(of: $0) == exposure.zone
                        }.map(\.id.rawValue)
                        note = "; EMR's intra-cluster rule (\(rule.text)) admits it because \(carriers.joined(separator: ", ")) of \(exposure.zone) carr\(carriers.count == 1 ? "ies" : "y") \(peer)"
                        fix = "remove \(peer) from \(carriers.joined(separator: ", "))"
                    }
                }
                return Finding.Observation(
                    cause: admission.cause,
                    affected: AffectedTarget(
                        cluster: exposure.cluster.id, roles: [exposure.role], interfaces: exposure.interfaces, zone: exposure.zone,
                        services: admission.services,
                        severity: ExposureSeverity.byPort(AuditContext.sensitivity(of: admission.services, role: exposure.role)),
                        detail: "\(exposure.zone) can open \(AuditContext.describe(admission.services, role: exposure.role)) on \(AuditContext.describeNodes(exposure.role, exposure.interfaces)) of \(exposure.cluster.id) \(TenantExposureRule.channel(of: admission.path))\(note)"),
                    evidence: admission.evidence, path: admission.path, fixes: [fix])
            }
        }
        return Finding.merging(observations, rule: Self.id) { cause, affected in
            "\(cause) lets other tenants or VPCs open \(AffectedTarget.summary(of: affected))"
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
