/// An address block of one family that the input does not give (a Terraform value known
/// only after apply, or a subnet an export names but does not describe).
///
/// The subnet or VPC still gets a block of that family so that its interfaces have
/// addresses: a subnet takes its VPC's blocks, a VPC a placeholder from a reserved range
/// (240.0.0.0/4, 2001:db8::/32). Verdicts about interfaces whose address may be anywhere in
/// such a block are `unknown`.
public struct UnknownBlock: Hashable, Sendable {
    public let family: AddressFamily
    /// Why the block is not known, as the input's own words (`aws_subnet.a.ipv6_cidr_block
    /// is known only after apply`).
    public let reason: String

    public init(family: AddressFamily, reason: String) {
        self.family = family
        self.reason = reason
    }
}
