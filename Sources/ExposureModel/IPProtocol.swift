/// An IP protocol as AWS rules name it: a number 0-255, or every protocol (`-1`).
public enum IPProtocol: Hashable, Comparable, Sendable, CustomStringConvertible {
    case all
    case number(UInt8)

    public static let icmp = IPProtocol.number(1)
    public static let tcp = IPProtocol.number(6)
    public static let udp = IPProtocol.number(17)
    public static let icmpv6 = IPProtocol.number(58)

    /// Parses AWS spellings: `-1`, `all`, `tcp`, `udp`, `icmp`, `icmpv6`, or a number.
    public init?(parsing text: String) {
        switch text.lowercased() {
        case "-1", "all": self = .all
        case "tcp": self = .tcp
        case "udp": self = .udp
        case "icmp": self = .icmp
        case "icmpv6", "icmp6", "ipv6-icmp": self = .icmpv6
        default:
            guard let number = IntegerText.parse(text), let value = UInt8(exactly: number) else { return nil }
            self = .number(value)
        }
    }

    /// Whether rules of this protocol carry a port range (tcp, udp).
    public var hasPorts: Bool { self == .tcp || self == .udp }

    /// Whether rules of this protocol carry an ICMP type and code.
    public var isICMP: Bool { self == .icmp || self == .icmpv6 }

    /// The protocol numbers it covers.
    public var numbers: ClosedRange<UInt8> {
        switch self {
        case .all: 0...255
        case .number(let value): value...value
        }
    }

    public var description: String {
        switch self {
        case .all: "all"
        case .number(let value): IPProtocol.name(of: value)
        }
    }

    /// `tcp`, `udp`, `icmp`, `icmpv6`, or the number as text.
    public static func name(of number: UInt8) -> String {
        switch number {
        case 6: "tcp"
        case 17: "udp"
        case 1: "icmp"
        case 58: "icmpv6"
        default: String(number)
        }
    }

    public static func < (lhs: IPProtocol, rhs: IPProtocol) -> Bool {
        switch (lhs, rhs) {
        case (.all, .number): true
        case (.number(let a), .number(let b)): a < b
        default: false
        }
    }
}
