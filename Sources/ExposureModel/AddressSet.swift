/// A set of IPv4 and IPv6 addresses, exact, in the shared 128-bit space.
public typealias AddressSet = IntervalSet<UInt128>

extension SegmentMap where Bound == UInt128, Value == Bool {
    /// Every IPv4 address.
    public static let allIPv4 = AddressSet.indicator(of: IPAddress.ipv4Block)
    /// Every IPv6 address (the IPv4-mapped block excluded).
    public static let allIPv6 = AddressSet.universe.subtracting(allIPv4)

    /// The union of the given blocks.
    @inlinable
    public init<S: Sequence>(cidrs: S) where S.Element == CIDR {
        self = cidrs.reduce(AddressSet.empty) { $0.union($1.addresses) }
    }

    /// The set holding exactly the given addresses.
    @inlinable
    public init<S: Sequence>(addresses: S) where S.Element == IPAddress {
        self.init(ranges: addresses.map { $0.rawValue...$0.rawValue })
    }

    /// Whether `address` is in the set.
    @inlinable
    public func contains(_ address: IPAddress) -> Bool { contains(address.rawValue) }

    /// The smallest address in the set.
    @inlinable
    public var firstAddress: IPAddress? { min.map(IPAddress.init(rawValue:)) }

    /// The set as the fewest CIDR blocks, ascending; IPv4 blocks print in IPv4 notation.
    @inlinable
    public var cidrs: [CIDR] {
        var result: [CIDR] = []
        for range in ranges {
            var low = range.lowerBound
            while true {
                // The largest aligned block starting at `low` that stays inside the range.
                var hostBits = low == 0 ? 128 : low.trailingZeroBitCount
                while hostBits > 0 {
                    let size: UInt128 = hostBits >= 128 ? ~0 : (UInt128(1) << hostBits) - 1
                    let (end, overflow) = low.addingReportingOverflow(size)
                    if !overflow && end <= range.upperBound { break }
                    hostBits -= 1
                }
                let address = IPAddress(rawValue: low)
                let length = address.isIPv4 && hostBits <= 32 ? 32 - hostBits : 128 - hostBits
                result.append(CIDR(address: address, prefixLength: length))
                let size: UInt128 = hostBits >= 128 ? ~0 : (UInt128(1) << hostBits) - 1
                let (end, _) = low.addingReportingOverflow(size)
                if end >= range.upperBound { break }
                low = end + 1
            }
        }
        return result
    }
}
