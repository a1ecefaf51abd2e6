/// Strict reading of decimal integers written as text.
///
/// Swift's `Int(_:)` accepts a leading `+` and any length; inputs that say `"+6"` or carry
/// thousands of digits are malformed, and reading them leniently changes what a rule means.
public enum IntegerText {
    /// The most characters an integer may have (a sign and 19 digits hold every `Int`).
    public static let maximumLength = 20

    /// `text` as an integer if it is an optional `-` followed by ASCII digits without a
    /// leading zero (`0` itself aside, and never `-0`), fits in an `Int`, and is at most
    /// `maximumLength` characters; `nil` otherwise. This is JSON's integer syntax.
    public static func parse<S: StringProtocol>(_ text: S) -> Int? {
        var negative = false
        var sawDigit = false
        var magnitude: UInt = 0
        var length = 0
        for byte in text.utf8 {
            length += 1
            guard length <= maximumLength else { return nil }
            if length == 1, byte == UInt8(ascii: "-") {
                negative = true
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let (times, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times.addingReportingOverflow(UInt(byte - UInt8(ascii: "0")))
            guard !overflow, !carry else { return nil }
            magnitude = sum
            sawDigit = true
        }
        guard sawDigit else { return nil }
        let digits = text.utf8.dropFirst(negative ? 1 : 0)
        if digits.first == UInt8(ascii: "0"), digits.count > 1 || negative { return nil }
        if negative { return magnitude <= UInt(Int.max) + 1 ? Int(truncatingIfNeeded: 0 &- magnitude) : nil }
        return magnitude <= UInt(Int.max) ? Int(magnitude) : nil
    }
}
