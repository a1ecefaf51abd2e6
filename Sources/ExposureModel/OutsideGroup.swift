/// A security group that rules name as their peer but that the input does not describe (a
/// group of another account, or one the export left out).
///
/// Its members are not in the input, so a rule naming it matches none of the modelled
/// interfaces; the solver instead treats its members as an `outside:` zone of their own,
/// holding `addresses`.
public struct OutsideGroup: Hashable, Sendable, Identifiable {
    public let id: SecurityGroupID
    /// Where its members may be: the CIDRs of its VPC or account when the input knows them,
    /// else `anywhere`.
    public let addresses: [CIDR]
    /// The VPC the group belongs to, when known.
    public let vpc: VPCID?
    /// The account that owns it, when known.
    public let account: String?

    public init(id: SecurityGroupID, addresses: [CIDR], vpc: VPCID? = nil, account: String? = nil) {
        self.id = id
        self.addresses = addresses.sorted()
        self.vpc = vpc
        self.account = account
    }

    /// RFC 1918 and RFC 6598 space, and IPv6 unique local addresses.
    public static let privateRanges: [CIDR] = ["10.0.0.0/8", "100.64.0.0/10", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"]
        .compactMap { CIDR($0) }

    /// Where the members of a group nothing else is known about may be: every private
    /// range, and global unicast IPv6, since VPCs' IPv6 blocks are global addresses.
    public static let anywhere: [CIDR] = privateRanges + ["2000::/3"].compactMap { CIDR($0) }
}
