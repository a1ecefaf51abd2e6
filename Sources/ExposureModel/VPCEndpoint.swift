/// A VPC endpoint: a gateway endpoint reached by route, or interface endpoint ENIs.
public struct VPCEndpoint: Hashable, Sendable, Identifiable {
    public enum EndpointType: String, Hashable, Sendable { case gateway, interface }

    public let id: VPCEndpointID
    public let vpc: VPCID
    public let type: EndpointType
    /// The service name, such as `com.amazonaws.us-east-1.s3`.
    public let service: String
    /// Route tables that route the service's prefix list to a gateway endpoint.
    public let routeTables: [RouteTableID]
    /// Subnets holding an interface endpoint's network interfaces.
    public let subnets: [SubnetID]
    public let securityGroups: [SecurityGroupID]
    public let privateDNS: Bool
    /// The endpoint policy document; `nil` means full access.
    public let policy: EndpointPolicyDocument?

    public init(
        id: VPCEndpointID, vpc: VPCID, type: EndpointType, service: String,
        routeTables: [RouteTableID] = [], subnets: [SubnetID] = [],
        securityGroups: [SecurityGroupID] = [], privateDNS: Bool = false, policy: EndpointPolicyDocument? = nil
    ) {
        self.id = id
        self.vpc = vpc
        self.type = type
        self.service = service
        self.routeTables = routeTables.sorted()
        self.subnets = subnets.sorted()
        self.securityGroups = securityGroups.sorted()
        self.privateDNS = privateDNS
        self.policy = policy
    }
}
