/// An Amazon EMR cluster: its placement, managed security groups and nodes.
public struct EMRCluster: Hashable, Sendable, Identifiable {
    /// The role of a node in the cluster.
    public enum Role: String, Hashable, Sendable, Comparable, CaseIterable {
        case primary, core, task

        private var rank: Int {
            switch self {
            case .primary: 0
            case .core: 1
            case .task: 2
            }
        }

        public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
    }

    /// A node and the interface it uses.
    public struct Node: Hashable, Sendable {
        public let role: Role
        public let networkInterface: NetworkInterfaceID
        public let instance: InstanceID?

        public init(role: Role, networkInterface: NetworkInterfaceID, instance: InstanceID? = nil) {
            self.role = role
            self.networkInterface = networkInterface
            self.instance = instance
        }
    }

    public let id: EMRClusterID
    public let name: String?
    public let releaseLabel: String?
    public let subnets: [SubnetID]
    public let primaryGroup: SecurityGroupID?
    public let coreGroup: SecurityGroupID?
    public let serviceAccessGroup: SecurityGroupID?
    public let additionalPrimaryGroups: [SecurityGroupID]
    public let additionalCoreGroups: [SecurityGroupID]
    public let nodes: [Node]
    /// Whether the nodes were synthesised because the input does not list them.
    public let isPlanned: Bool
    /// Whether the cluster is running (its nodes may still be synthesised, when the export
    /// did not list them); decides whether EMR "refuses to launch" or "revokes".
    public let isLaunched: Bool

    public init(
        id: EMRClusterID, name: String? = nil, releaseLabel: String? = nil, subnets: [SubnetID],
        primaryGroup: SecurityGroupID? = nil, coreGroup: SecurityGroupID? = nil,
        serviceAccessGroup: SecurityGroupID? = nil,
        additionalPrimaryGroups: [SecurityGroupID] = [],
        additionalCoreGroups: [SecurityGroupID] = [], nodes: [Node], isPlanned: Bool = false,
        isLaunched: Bool? = nil
    ) {
        self.id = id
        self.name = name
        self.releaseLabel = releaseLabel
        self.subnets = subnets
        self.primaryGroup = primaryGroup
        self.coreGroup = coreGroup
        self.serviceAccessGroup = serviceAccessGroup
        self.additionalPrimaryGroups = additionalPrimaryGroups
        self.additionalCoreGroups = additionalCoreGroups
        self.nodes = nodes
        self.isPlanned = isPlanned
        self.isLaunched = isLaunched ?? !isPlanned
    }

    /// The groups EMR attaches to a node of `role`.
    public func securityGroups(for role: Role) -> [SecurityGroupID] {
        switch role {
        case .primary: [primaryGroup].compactMap { $0 } + additionalPrimaryGroups
        case .core, .task: [coreGroup].compactMap { $0 } + additionalCoreGroups
        }
    }
}
