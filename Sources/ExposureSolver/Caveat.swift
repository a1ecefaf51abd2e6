import ExposureModel

/// A warning that qualifies a `reachable` answer.
public enum Caveat: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Replies reach only `returning` of the ports in `window` that the client may use:
    /// the client's own ephemeral range, or, `atNATGateway`, the NAT gateway's ports on its
    /// outside leg. Connections then fail intermittently.
    case partialReturn(atNATGateway: Bool, returning: IntervalSet<UInt16>, window: PortRange)

    public var description: String {
        switch self {
        case .partialReturn(let atNATGateway, let returning, let window):
            "partial-return: replies reach only \(atNATGateway ? "NAT gateway" : "client") ports \(returning.rangeText) of \(window.lowerBound)-\(window.upperBound); connections fail intermittently"
        }
    }

    /// Whether the caveat concerns a NAT gateway's outside leg.
    public var isAtNATGateway: Bool {
        switch self {
        case .partialReturn(let atNATGateway, _, _): atNATGateway
        }
    }

    /// Caveats in the order of their text, as reports list them.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.description < rhs.description }
}
