/// A virtual private cloud.
public struct VPC: Hashable, Sendable, Identifiable {
    public let id: VPCID
    /// IPv4 and IPv6 blocks of the VPC.
    public let cidrs: [CIDR]
    public let tenant: String?
    public let account: String?

    public init(id: VPCID, cidrs: [CIDR], tenant: String? = nil, account: String? = nil) {
        self.id = id
        self.cidrs = cidrs.sorted()
        self.tenant = tenant
        self.account = account
    }

    /// Every address of the VPC.
    public var addresses: AddressSet { AddressSet(cidrs: cidrs) }
}
