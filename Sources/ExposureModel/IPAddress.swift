/// An IPv4 or IPv6 address in one 128-bit space.
///
/// IPv4 addresses live at their IPv4-mapped position `::ffff:a.b.c.d`, so one interval
/// dimension holds both families; IPv6 sets never include that block (see `CIDR`).
public struct IPAddress: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The position in the 128-bit space.
    public let rawValue: UInt128

    /// The start of the IPv4-mapped block `::ffff:0:0/96`.
    static let ipv4Base: UInt128 = 0xffff << 32

    /// The IPv4-mapped block as an interval of the address space.
    public static let ipv4Block: ClosedRange<UInt128> = ipv4Base...(ipv4Base + 0xffff_ffff)

    public init(rawValue: UInt128) { self.rawValue = rawValue }

    /// The IPv4 address with the given 32-bit value.
    public init(ipv4 value: UInt32) { rawValue = IPAddress.ipv4Base + UInt128(value) }

    /// Whether this is an IPv4 address.
    public var isIPv4: Bool { IPAddress.ipv4Block.contains(rawValue) }

    /// The address family.
    public var family: AddressFamily { isIPv4 ? .ipv4 : .ipv6 }

    /// Parses dotted-quad IPv4 or RFC 4291 IPv6 text; `nil` if malformed.
    public init?(_ text: some StringProtocol) {
        if text.contains(":") {
            guard let value = IPAddress.parseIPv6(Substring(text)) else { return nil }
            self.init(rawValue: value)
        } else {
            guard let value = IPAddress.parseIPv4(Substring(text)) else { return nil }
            self.init(ipv4: value)
        }
    }

    static func parseIPv4(_ text: Substring) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            // No leading zeros: many tools read `010` as octal 8, so its meaning is not clear.
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                part.count == 1 || part.first != "0", let octet = UInt32(part), octet <= 255
            else { return nil }
            value = value << 8 | octet
        }
        return value
    }

    static func parseIPv6(_ text: Substring) -> UInt128? {
        var halves: [String] = []
        var rest = text
        while let separator = rest.firstRange(of: "::") {
            halves.append(String(rest[..<separator.lowerBound]))
            rest = rest[separator.upperBound...]
        }
        halves.append(String(rest))
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index == pieces.count - 1, piece.contains(".") {
                    guard let v4 = parseIPv4(piece) else { return nil }
                    result.append(UInt16(v4 >> 16))
                    result.append(UInt16(v4 & 0xffff))
                } else {
                    guard (1...4).contains(piece.count), piece.allSatisfy(\.isHexDigit),
                        let group = UInt16(piece, radix: 16)
                    else { return nil }
                    result.append(group)
                }
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count <= 7 else { return nil }
            all += Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        return all.reduce(UInt128(0)) { $0 << 16 | UInt128($1) }
    }

    /// Dotted quad for IPv4; RFC 5952 text (lower case, longest zero run compressed) for IPv6.
    public var description: String {
        if isIPv4 {
            let value = UInt32(rawValue - IPAddress.ipv4Base)
            return (0..<4).map { String(value >> (24 - 8 * $0) & 0xff) }.joined(separator: ".")
        }
        let groups = (0..<8).map { UInt16(truncatingIfNeeded: rawValue >> (112 - 16 * $0)) }
        var bestStart = -1
        var bestLength = 1
        var index = 0
        while index < 8 {
            if groups[index] == 0 {
                var end = index
                while end < 8, groups[end] == 0 { end += 1 }
                if end - index > bestLength {
                    bestStart = index
                    bestLength = end - index
                }
                index = end
            } else {
                index += 1
            }
        }
        let text = groups.map { String($0, radix: 16) }
        if bestStart < 0 { return text.joined(separator: ":") }
        let head = text[..<bestStart].joined(separator: ":")
        let tail = text[(bestStart + bestLength)...].joined(separator: ":")
        return head + "::" + tail
    }

    public static func < (lhs: IPAddress, rhs: IPAddress) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// IPv4 or IPv6.
public enum AddressFamily: String, Sendable, Hashable, Codable {
    case ipv4
    case ipv6
}
