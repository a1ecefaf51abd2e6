/// An inclusive range of TCP or UDP ports, printed `22`, `80-443` or `all`.
public struct PortRange: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let lowerBound: UInt16
    public let upperBound: UInt16

    /// A range; `nil` when `from > to`.
    public init?(from: UInt16, to: UInt16) {
        guard from <= to else { return nil }
        lowerBound = from
        upperBound = to
    }

    /// One port.
    public init(_ port: UInt16) {
        lowerBound = port
        upperBound = port
    }

    /// Every port, 0-65535.
    public static let all = PortRange(lowerBound: 0, upperBound: 65535)
    /// The ports a TCP or UDP destination can have, 1-65535.
    public static let nonZero = PortRange(lowerBound: 1, upperBound: 65535)
    /// The Linux ephemeral range, the default source ports of an instance.
    public static let linuxEphemeral = PortRange(lowerBound: 32768, upperBound: 60999)
    /// The source ports a NAT gateway uses.
    public static let natGatewayEphemeral = PortRange(lowerBound: 1024, upperBound: 65535)

    private init(lowerBound: UInt16, upperBound: UInt16) {
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    /// The range as a closed range.
    public var closedRange: ClosedRange<UInt16> { lowerBound...upperBound }

    /// Whether `port` is in the range.
    public func contains(_ port: UInt16) -> Bool { closedRange.contains(port) }

    /// Parses `22`, `80-443` or `all`.
    public init?(parsing text: String) {
        if text == "all" {
            self = .all
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
            let low = IntegerText.parse(parts[0]).flatMap(UInt16.init(exactly:)),
            let high = IntegerText.parse(parts[parts.count - 1]).flatMap(UInt16.init(exactly:)), low <= high
        else { return nil }
        self.init(lowerBound: low, upperBound: high)
    }

    public var description: String {
        if self == .all || self == .nonZero { return "all" }
        return lowerBound == upperBound ? "\(lowerBound)" : "\(lowerBound)-\(upperBound)"
    }

    public static func < (lhs: PortRange, rhs: PortRange) -> Bool {
        (lhs.lowerBound, lhs.upperBound) < (rhs.lowerBound, rhs.upperBound)
    }
}
