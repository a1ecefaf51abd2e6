/// A subnet of a VPC in one Availability Zone.
public struct Subnet: Hashable, Sendable, Identifiable {
    public let id: SubnetID
    public let vpc: VPCID
    /// The IPv4 and IPv6 blocks of the subnet (an IPv6-only subnet has no IPv4 block).
    public let cidrs: [CIDR]
    public let availabilityZone: String
    /// The explicitly associated route table; `nil` means the VPC's main table.
    public let routeTable: RouteTableID?
    /// The associated network ACL; `nil` means the VPC's default ACL.
    public let networkACL: NetworkACLID?
    public let tenant: String?

    public init(
        id: SubnetID, vpc: VPCID, cidrs: [CIDR], availabilityZone: String,
        routeTable: RouteTableID? = nil, networkACL: NetworkACLID? = nil, tenant: String? = nil
    ) {
        self.id = id
        self.vpc = vpc
        self.cidrs = cidrs.sorted()
        self.availabilityZone = availabilityZone
        self.routeTable = routeTable
        self.networkACL = networkACL
        self.tenant = tenant
    }

    /// Every address of the subnet.
    public var addresses: AddressSet { AddressSet(cidrs: cidrs) }
}
