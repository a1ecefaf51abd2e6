/// A virtual private cloud.
public struct VPC: Hashable, Sendable, Identifiable {
    public let id: VPCID
    /// IPv4 and IPv6 blocks of the VPC; a block of a family in `unknownBlocks` is a
    /// placeholder for one the input does not give.
    public let cidrs: [CIDR]
    public let tenant: String?
    public let account: String?
    /// Families whose block the input does not give.
    public let unknownBlocks: [UnknownBlock]

    public init(
        id: VPCID, cidrs: [CIDR], tenant: String? = nil, account: String? = nil, unknownBlocks: [UnknownBlock] = []
    ) {
        self.id = id
        self.cidrs = cidrs.sorted()
        self.tenant = tenant
        self.account = account
        self.unknownBlocks = unknownBlocks.sorted { $0.family.rawValue < $1.family.rawValue }
    }

    /// Every address of the VPC.
    public var addresses: AddressSet { AddressSet(cidrs: cidrs) }

    /// The blocks the input gives (placeholders left out).
    public var knownCIDRs: [CIDR] {
        cidrs.filter { cidr in !unknownBlocks.contains { $0.family == cidr.family } }
    }
}
