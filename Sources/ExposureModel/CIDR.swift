/// An IPv4 or IPv6 prefix such as `10.0.0.0/16` or `2600:1f18::/56`.
public struct CIDR: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The first address of the block (host bits are always zero).
    public let address: IPAddress
    /// The prefix length within the family: 0-32 for IPv4, 0-128 for IPv6.
    public let prefixLength: Int

    /// The block with host bits cleared.
    public init(address: IPAddress, prefixLength: Int) {
        let family = address.family
        let total = family == .ipv4 ? 32 : 128
        let length = Swift.max(0, Swift.min(prefixLength, total))
        let hostBits = total - length
        let mask: UInt128 = hostBits >= 128 ? ~0 : (UInt128(1) << hostBits) - 1
        let raw =
            family == .ipv4
            ? IPAddress.ipv4Base + ((address.rawValue - IPAddress.ipv4Base) & ~mask)
            : address.rawValue & ~mask
        self.address = IPAddress(rawValue: raw)
        self.prefixLength = length
    }

    /// The outcome of parsing text that may carry host bits.
    public enum ParseResult: Sendable {
        case valid(CIDR)
        /// Well formed, but host bits were set; the value holds the normalised block.
        case hostBitsSet(CIDR)
        case malformed
    }

    /// Parses `address/length`. A bare address is malformed: AWS never writes one, and
    /// reading `0.0.0.0` as a host route would hide an exposure to the whole internet.
    public static func parse(_ text: String) -> ParseResult {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPAddress(parts[0]) else {
            return .malformed
        }
        let total = address.isIPv4 ? 32 : 128
        guard parts[1].utf8.count <= 3, let length = IntegerText.parse(parts[1]), (0...total).contains(length) else {
            return .malformed
        }
        let cidr = CIDR(address: address, prefixLength: length)
        return cidr.address == address ? .valid(cidr) : .hostBitsSet(cidr)
    }

    /// Parses a CIDR, accepting host bits by clearing them; `nil` if malformed.
    public init?(_ text: String) {
        switch CIDR.parse(text) {
        case .valid(let cidr), .hostBitsSet(let cidr): self = cidr
        case .malformed: return nil
        }
    }

    /// The address family.
    public var family: AddressFamily { address.family }

    /// The prefix length in the shared 128-bit space (IPv4 lengths shift by 96).
    public var unifiedPrefixLength: Int { family == .ipv4 ? prefixLength + 96 : prefixLength }

    /// The addresses of the block as an interval of the 128-bit space.
    ///
    /// An IPv6 block that covers the IPv4-mapped area (`::/0`, `::/64`...) keeps it here;
    /// `addresses` removes it so that an IPv6 rule never matches an IPv4 packet.
    public var range: ClosedRange<UInt128> {
        let hostBits = 128 - unifiedPrefixLength
        let size: UInt128 = hostBits >= 128 ? ~0 : (UInt128(1) << hostBits) - 1
        return address.rawValue...(address.rawValue + size)
    }

    /// The addresses of the block, IPv6 blocks never containing IPv4 addresses.
    public var addresses: AddressSet {
        let set = AddressSet(ranges: [range])
        return family == .ipv6 ? set.subtracting(.allIPv4) : set
    }

    /// Whether `address` is in the block.
    public func contains(_ address: IPAddress) -> Bool {
        address.family == family && range.contains(address.rawValue)
    }

    public var description: String { "\(address)/\(prefixLength)" }

    public static func < (lhs: CIDR, rhs: CIDR) -> Bool {
        (lhs.address, lhs.prefixLength) < (rhs.address, rhs.prefixLength)
    }

    /// `0.0.0.0/0`.
    public static let anyIPv4 = CIDR(address: IPAddress(ipv4: 0), prefixLength: 0)
    /// `::/0`.
    public static let anyIPv6 = CIDR(address: IPAddress(rawValue: 0), prefixLength: 0)
}
