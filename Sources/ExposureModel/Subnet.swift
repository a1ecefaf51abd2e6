/// A subnet of a VPC in one Availability Zone.
public struct Subnet: Hashable, Sendable, Identifiable {
    public let id: SubnetID
    public let vpc: VPCID
    /// The IPv4 and IPv6 blocks of the subnet (an IPv6-only subnet has no IPv4 block); a
    /// block of a family in `unknownBlocks` stands for "somewhere in the VPC's".
    public let cidrs: [CIDR]
    /// `nil` when the input does not say.
    public let availabilityZone: String?
    /// The explicitly associated route table; `nil` means the VPC's main table.
    public let routeTable: RouteTableID?
    /// The associated network ACL; `nil` means the VPC's default ACL.
    public let networkACL: NetworkACLID?
    public let tenant: String?
    /// Families whose block the input does not give.
    public let unknownBlocks: [UnknownBlock]
    /// Whether the subnet stands for the subnets of its VPC that the input does not list (an
    /// export without describe-subnets sees only subnets something names). Such subnets hold
    /// no interface and have no explicit association, so they use the VPC's main route
    /// table and default ACL; their future interfaces are the zone `outside:ID`.
    public let standsForUnlisted: Bool

    public init(
        id: SubnetID, vpc: VPCID, cidrs: [CIDR], availabilityZone: String?,
        routeTable: RouteTableID? = nil, networkACL: NetworkACLID? = nil, tenant: String? = nil,
        unknownBlocks: [UnknownBlock] = [], standsForUnlisted: Bool = false
    ) {
        self.id = id
        self.vpc = vpc
        self.cidrs = cidrs.sorted()
        self.availabilityZone = availabilityZone
        self.routeTable = routeTable
        self.networkACL = networkACL
        self.tenant = tenant
        self.unknownBlocks = unknownBlocks.sorted { $0.family.rawValue < $1.family.rawValue }
        self.standsForUnlisted = standsForUnlisted
    }

    /// Every address of the subnet.
    public var addresses: AddressSet { AddressSet(cidrs: cidrs) }

    /// The addresses of the subnet's blocks that stand for blocks the input does not give.
    public var unknownAddresses: AddressSet {
        AddressSet(cidrs: cidrs.filter { cidr in unknownBlocks.contains { $0.family == cidr.family } })
    }
}
