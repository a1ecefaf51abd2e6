import ExposureModel
import ExposureSolver

/// `launch-s3-route`: a private-subnet cluster with no route to S3, which EMR requires.
struct S3RouteRule: AuditRule {
    static let id = "launch-s3-route"
    static let summary = "a cluster in a private subnet has no route to S3 (gateway endpoint, NAT gateway, transit gateway or S3 interface endpoint with private DNS): EMR fails to launch it"

    func findings(in context: AuditContext) -> [Finding] {
        let repositories = context.repositories
        let observations = Topology.sortedValues(context.topology.emrClusters).flatMap { cluster -> [Finding.Observation] in
            guard !context.isPublicForEMR(cluster) else { return [] }
            return cluster.subnets.compactMap { subnetID -> Finding.Observation? in
                guard let subnet = context.topology.subnets[subnetID],
                    let lookup = repositories.solver.routeLookup(of: subnetID)
                else { return nil }
                let interfaceEndpoint = Topology.sortedValues(context.topology.vpcEndpoints).contains {
                    $0.vpc == subnet.vpc && $0.type == .interface && $0.privateDNS && $0.service == repositories.service
                }
                if interfaceEndpoint { return nil }
                let routed = lookup.addresses(routedBy: { route in
                    switch route.target {
                    case .natGateway, .transitGateway, .internetGateway: true
                    case .gatewayEndpoint(let id): context.topology.vpcEndpoints[id]?.service == repositories.service
                    default: false
                    }
                })
                let missing = repositories.addresses.subtracting(routed)
                guard !missing.isEmpty, !(missing.isSubset(of: lookup.uncertain)) else { return nil }
                let tableID = context.topology.routeTable(of: subnet)?.id
                let table = tableID?.rawValue ?? "the main route table of \(subnet.vpc)"
                let sample = missing.firstAddress.map { lookup.route(for: $0).map { "\($0)" } ?? "no route" } ?? "no route"
                let fix = Topology.sortedValues(context.topology.vpcEndpoints).first {
                    $0.vpc == subnet.vpc && $0.type == .gateway && $0.service == repositories.service
                }.map { "add a route from \(repositories.s3Name) to \($0.id) in \(table) (associate \($0.id) with \(table))" }
                    ?? "create a gateway endpoint for \(repositories.service) in \(subnet.vpc) and associate it with \(table)"
                return Finding.Observation(
                    cause: Cause(tableID?.component ?? ComponentRef(.routeTable, table)),
                    affected: AffectedTarget(
                        cluster: cluster.id, roles: Array(Set(cluster.nodes.map(\.role))).sorted(), interfaces: cluster.nodes.map(\.networkInterface),
                        services: ServiceSet.single(6, IntervalSet(ranges: [80...80, 443...443])), severity: .high,
                        detail: "\(cluster.id) is in private subnet \(subnetID), whose route table \(table) has no route to S3 \(missing == repositories.addresses ? "" : "for part of its addresses ")(a gateway endpoint, NAT gateway or transit gateway): EMR \(cluster.isLaunched ? "cannot bootstrap or relaunch its nodes" : "will fail to launch this cluster")"),
                    evidence: ["\(table) sends S3 traffic to: \(sample)"], path: [], fixes: [fix])
            }
        }
        return Finding.merging(observations, rule: Self.id) { cause, affected in
            let clusters = orderedUnique(affected.compactMap(\.cluster)).map(\.rawValue)
            return "\(cause) has no route to S3 for the private subnets of \(clusters.count <= 3 ? clusters.joined(separator: ", ") : "\(clusters.count) clusters"), which EMR needs to launch and bootstrap nodes"
        }
    }
}
