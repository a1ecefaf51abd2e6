/// Every kind of component a path can name: the topology's resources, and what stands in
/// for the parts of a network the input does not hold (a zone, an address, an outside
/// network).
public enum ComponentKind: String, Hashable, Comparable, Sendable, CaseIterable {
    case vpc
    case subnet
    case routeTable = "route-table"
    case networkACL = "network-acl"
    case securityGroup = "security-group"
    case networkInterface = "network-interface"
    case internetGateway = "internet-gateway"
    case egressOnlyGateway = "egress-only-internet-gateway"
    case natGateway = "nat-gateway"
    case vpnGateway = "vpn-gateway"
    case vpnConnection = "vpn-connection"
    case customerGateway = "customer-gateway"
    case peeringConnection = "peering-connection"
    case transitGateway = "transit-gateway"
    case transitGatewayAttachment = "transit-gateway-attachment"
    case transitGatewayRouteTable = "transit-gateway-route-table"
    case vpcEndpoint = "vpc-endpoint"
    case prefixList = "prefix-list"
    case emrCluster = "emr-cluster"
    case instance
    /// An account's setting for a region, such as EMR block public access.
    case accountSetting = "account-setting"
    /// A zone as a whole, where traffic from the internet or on-premises starts.
    case zone
    /// One address outside every component of the input.
    case address
    /// A component the input names or implies but does not describe.
    case outside

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
