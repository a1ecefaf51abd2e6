import ExposureModel
import ExposureSolver

/// What every audit rule reads: the topology, the solver, the exposures of every EMR node
/// (computed once), and the facts several rules share.
struct AuditContext: Sendable {
    /// An EMR node with its cluster and interface.
    struct Node: Sendable {
        let cluster: EMRCluster
        let role: EMRCluster.Role
        let interface: NetworkInterface
    }

    /// An ingress rule of a group, with its place in the group.
    struct GroupRule: Hashable, Sendable {
        let group: SecurityGroupID
        let index: Int
        let rule: SecurityGroupRule

        /// `ingress rule 3 of sg-1: allow tcp 8088 from 0.0.0.0/0`.
        var text: String { "ingress rule \(index) of \(group): allow \(rule.traffic) from \(rule.peer)" }
        /// `remove ingress tcp 8088 from 0.0.0.0/0 in sg-1`.
        var removal: String { "remove ingress \(rule.traffic) from \(rule.peer) in \(group)" }
        /// The rule as a finding's cause.
        var cause: Cause { Cause(group.component, rule: .groupRule(ingress: true, index: index, rule: rule)) }
    }

    let topology: Topology
    let solver: Solver
    /// The exposures of every EMR node, as `analyze` reports them.
    let exposures: [Exposure]
    /// The same, by target interface, in report order.
    let exposuresByTarget: [NetworkInterfaceID: [Exposure]]
    /// Exposures by an ingress rule their witness path passes.
    let exposuresThroughRule: [RuleKey: [Exposure]]
    /// The account's block-public-access setting, or EMR's default when the input is silent.
    let blockPublicAccess: BlockPublicAccess
    let blockPublicAccessStated: Bool
    let repositories: RepositoryEgress
    /// EMR's own block-public-access violations, which two rules read.
    let violations: [BlockPublicAccessViolation]

    init(topology: Topology, solver: Solver, exposures: [Exposure]) {
        self.topology = topology
        self.solver = solver
        self.exposures = exposures
        exposuresByTarget = Dictionary(grouping: exposures, by: \.target)
        exposuresThroughRule = AuditContext.indexByRule(exposures)
        let setting = topology.blockPublicAccess ?? .awsDefault
        blockPublicAccess = setting
        blockPublicAccessStated = topology.blockPublicAccess != nil
        repositories = RepositoryEgress(topology: topology, solver: solver)
        violations = BlockPublicAccessViolation.all(
            in: topology, setting: setting,
            isPublic: { cluster in cluster.subnets.contains { AuditContext.isPublicForEMR($0, solver: solver) } })
    }

    /// Whether EMR counts the subnet as public: its route for 0.0.0.0/0 is an internet
    /// gateway (block public access applies only there).
    func isPublicForEMR(_ subnet: SubnetID) -> Bool {
        AuditContext.isPublicForEMR(subnet, solver: solver)
    }

    /// The same, on the solver's route lookups (built once per table, not per question).
    private static func isPublicForEMR(_ subnet: SubnetID, solver: Solver) -> Bool {
        solver.routeLookup(of: subnet)?.sendsDefaultRouteToInternetGateway ?? false
    }

    /// Whether the cluster may be placed in a subnet EMR counts as public.
    func isPublicForEMR(_ cluster: EMRCluster) -> Bool {
        cluster.subnets.contains { isPublicForEMR($0) }
    }

    /// The addresses a rule's peer stands for: a CIDR, a prefix list's entries (every
    /// address when the input lacks them), a group's members.
    func peers(of rule: SecurityGroupRule) -> AddressSet {
        switch rule.peer {
        case .cidr(let cidr): cidr.addresses
        case .prefixList(let id): topology.prefixLists[id]?.entries.map { AddressSet(cidrs: $0) } ?? .universe
        case .securityGroup(let peer): solver.members(of: peer)
        }
    }

    /// The node of `interface`, if it is an EMR node.
    func node(_ interface: NetworkInterfaceID) -> Node? {
        guard let (clusterID, role) = solver.node(on: interface), let cluster = topology.emrClusters[clusterID],
            let networkInterface = topology.networkInterfaces[interface]
        else { return nil }
        return Node(cluster: cluster, role: role, interface: networkInterface)
    }
}
