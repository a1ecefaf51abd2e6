/// A whole network design, resolved: every reference points at something that exists.
///
/// Loaders build it; the solver only reads it. Collections are keyed by id for lookup and
/// are always read through the sorted accessors when order matters.
public struct Topology: Sendable {
    public var region: String?
    public var vpcs: [VPCID: VPC] = [:]
    public var subnets: [SubnetID: Subnet] = [:]
    public var routeTables: [RouteTableID: RouteTable] = [:]
    public var networkACLs: [NetworkACLID: NetworkACL] = [:]
    public var securityGroups: [SecurityGroupID: SecurityGroup] = [:]
    public var networkInterfaces: [NetworkInterfaceID: NetworkInterface] = [:]
    public var internetGateways: [InternetGatewayID: InternetGateway] = [:]
    public var egressOnlyGateways: [EgressOnlyGatewayID: EgressOnlyGateway] = [:]
    public var natGateways: [NATGatewayID: NATGateway] = [:]
    public var vpnGateways: [VPNGatewayID: VPNGateway] = [:]
    public var customerGateways: [CustomerGatewayID: CustomerGateway] = [:]
    public var vpnConnections: [VPNConnectionID: VPNConnection] = [:]
    public var peeringConnections: [PeeringConnectionID: PeeringConnection] = [:]
    public var transitGateways: [TransitGatewayID: TransitGateway] = [:]
    public var transitGatewayAttachments: [TransitGatewayAttachmentID: TransitGatewayAttachment] = [:]
    public var transitGatewayRouteTables: [TransitGatewayRouteTableID: TransitGatewayRouteTable] = [:]
    public var vpcEndpoints: [VPCEndpointID: VPCEndpoint] = [:]
    public var prefixLists: [PrefixListID: PrefixList] = [:]
    public var emrClusters: [EMRClusterID: EMRCluster] = [:]
    /// Groups that rules name as peers but the input does not describe.
    public var outsideGroups: [SecurityGroupID: OutsideGroup] = [:]
    /// Declared tenant names, sorted.
    public var tenants: [String] = []
    /// The EMR block-public-access setting; `nil` when the input does not say.
    public var blockPublicAccess: BlockPublicAccess?
    /// What the loader assumed to fill gaps in the input, for the report.
    public var assumptions: [String] = []
    /// AWS CLI calls the export lacks although verdicts depend on them, in call order.
    public var missingExports: [MissingExport] = []
    /// Resources of the input that are not analysed, and why.
    public var skipped: [SkippedResource] = []

    public init() {}
}

extension Topology {
    /// Values of a keyed collection in ascending id order.
    package static func sortedValues<K: Comparable, V>(_ dictionary: [K: V]) -> [V] {
        dictionary.keys.sorted().compactMap { dictionary[$0] }
    }

    /// Whether the input holds nothing of a network: no VPC, subnet or interface.
    public var isEmpty: Bool { vpcs.isEmpty && subnets.isEmpty && networkInterfaces.isEmpty }

    /// The route table a subnet uses: its association, else its VPC's main table.
    public func routeTable(of subnet: Subnet) -> RouteTable? {
        if let id = subnet.routeTable, let table = routeTables[id] { return table }
        return Topology.sortedValues(routeTables).first { $0.vpc == subnet.vpc && $0.isMain }
    }

    /// The network ACL a subnet uses: its association, else its VPC's default ACL.
    public func networkACL(of subnet: Subnet) -> NetworkACL? {
        if let id = subnet.networkACL, let acl = networkACLs[id] { return acl }
        return Topology.sortedValues(networkACLs).first { $0.vpc == subnet.vpc && $0.isDefault }
    }

    /// The tenant owning an interface: its own, else its subnet's, else its VPC's.
    public func tenant(of interface: NetworkInterface) -> String? {
        if let tenant = interface.tenant { return tenant }
        guard let subnet = subnets[interface.subnet] else { return nil }
        return tenant(of: subnet)
    }

    /// The tenant owning a subnet: its own, else its VPC's.
    public func tenant(of subnet: Subnet) -> String? {
        subnet.tenant ?? vpcs[subnet.vpc]?.tenant
    }

}
