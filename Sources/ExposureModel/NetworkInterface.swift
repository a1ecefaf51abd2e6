/// An elastic network interface: the endpoint that security groups protect.
public struct NetworkInterface: Hashable, Sendable, Identifiable {
    /// What the interface belongs to; decides whether it opens connections of its own.
    public enum Role: String, Hashable, Sendable, CaseIterable {
        case instance
        case emrNode = "emr-node"
        case natGateway = "nat-gateway"
        case vpcEndpoint = "vpc-endpoint"
        case transitGatewayAttachment = "transit-gateway-attachment"
        case other
    }

    public let id: NetworkInterfaceID
    public let subnet: SubnetID
    public let role: Role
    public let privateIPv4: [IPAddress]
    public let ipv6: [IPAddress]
    /// The public IPv4 address (auto-assigned or Elastic IP), if any.
    public let publicIPv4: IPAddress?
    public let securityGroups: [SecurityGroupID]
    public let instance: InstanceID?
    public let tenant: String?
    /// Source ports of connections the interface opens.
    public let ephemeralPorts: PortRange
    /// For a planned node whose address is not known yet: it may hold any subnet address.
    public let addressIsPlanned: Bool
    /// For a planned node: whether it will get a public IPv4 address, not yet known.
    public let plannedPublicIPv4: Bool

    public init(
        id: NetworkInterfaceID, subnet: SubnetID, role: Role = .instance,
        privateIPv4: [IPAddress], ipv6: [IPAddress] = [], publicIPv4: IPAddress? = nil,
        securityGroups: [SecurityGroupID], instance: InstanceID? = nil, tenant: String? = nil,
        ephemeralPorts: PortRange = .linuxEphemeral, addressIsPlanned: Bool = false,
        plannedPublicIPv4: Bool = false
    ) {
        self.id = id
        self.subnet = subnet
        self.role = role
        self.privateIPv4 = privateIPv4.sorted()
        self.ipv6 = ipv6.sorted()
        self.publicIPv4 = publicIPv4
        self.securityGroups = Array(Set(securityGroups)).sorted()
        self.instance = instance
        self.tenant = tenant
        self.ephemeralPorts = ephemeralPorts
        self.addressIsPlanned = addressIsPlanned
        self.plannedPublicIPv4 = plannedPublicIPv4
    }

    /// Whether the internet can address the interface over IPv4.
    public var hasPublicIPv4: Bool { publicIPv4 != nil || plannedPublicIPv4 }

    /// Whether the interface opens connections itself (NAT and endpoint interfaces only
    /// forward or answer).
    public var originatesTraffic: Bool {
        switch role {
        case .instance, .emrNode, .other: true
        case .natGateway, .vpcEndpoint, .transitGatewayAttachment: false
        }
    }
}
