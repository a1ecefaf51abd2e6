/// Numbers as reports print them, the same on every machine (no locale).
public enum NumberText {
    /// `65,536`, `1,441`, `-12,000`: digits grouped in threes with commas.
    public static func thousands(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }
}
