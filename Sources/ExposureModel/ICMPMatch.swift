/// The ICMP type and code a rule matches; `nil` means any.
///
/// The solver keys ICMP traffic as `type << 8 | code` in the port dimension, so a type
/// with any code is one interval and "any type" is the whole dimension.
public struct ICMPMatch: Hashable, Sendable, CustomStringConvertible {
    public let type: UInt8?
    public let code: UInt8?

    public init(type: UInt8?, code: UInt8?) {
        self.type = type
        self.code = code
    }

    /// Every type and code.
    public static let any = ICMPMatch(type: nil, code: nil)

    /// The keys (`type << 8 | code`) matched.
    public var keys: ClosedRange<UInt16> {
        guard let type else { return 0...65535 }
        let base = UInt16(type) << 8
        guard let code else { return base...(base | 0xff) }
        return (base | UInt16(code))...(base | UInt16(code))
    }

    public var description: String {
        guard let type else { return "all" }
        guard let code else { return "type \(type)" }
        return "type \(type) code \(code)"
    }
}
