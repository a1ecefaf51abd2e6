/// A finding's stable id: a fingerprint of its rule id, its cause and its resource, so the
/// same cause gets the same id in every run, on every machine, whatever else changes in
/// the input (never a position or a `hashValue`, which Swift seeds per process).
public struct FindingID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 16 lowercase hexadecimal digits.
    public let rawValue: String

    /// The 64-bit FNV-1a hash of the fields, each followed by a unit separator (U+001F)
    /// so that no two field lists give the same bytes.
    init(fingerprinting fields: [String]) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for field in fields {
            for byte in field.utf8 + [0x1f] {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        let digits = String(hash, radix: 16)
        rawValue = String(repeating: "0", count: 16 - digits.count) + digits
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
