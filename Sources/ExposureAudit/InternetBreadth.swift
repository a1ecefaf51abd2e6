import ExposureModel
import ExposureSolver

/// How much of the internet a rule set lets in, for grading public exposures.
enum InternetBreadth: Int, Comparable, Sendable {
    /// Up to a /16 of IPv4 (a /48 of IPv6): an office or partner range.
    case narrow
    /// More than that, but less than half of the internet.
    case broad
    /// Half of the internet or more: 0.0.0.0/0, or split ranges that add up to it.
    case world

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The breadth of `sources` within `internet`, and the share as text (`100%`,
    /// `16 addresses`).
    static func of(_ sources: AddressSet, within internet: AddressSet, ipv6: Bool) -> (InternetBreadth, String) {
        let allowed = count(sources.intersection(internet))
        let total = count(internet)
        let share = total > 0 ? allowed / total : 0
        let family = ipv6 ? "global IPv6" : "public IPv4"
        let percent = share >= 0.1 ? "\(Int((share * 100).rounded()))%" : share >= 0.0001 ? "\((share * 1000).rounded() / 10)%" : "less than 0.01%"
        let text: String
        if share >= 0.995 {
            text = "all of \(family)"
        } else if !ipv6 {
            text = "\(NumberText.thousands(Int(allowed))) \(family) address\(allowed == 1 ? "" : "es") (\(percent))"
        } else {
            text = "\(percent) of \(family)"
        }
        if share >= 0.5 { return (.world, text) }
        return (allowed > (ipv6 ? 1_208_925_819_614_629_174_706_176.0 : 65_536) ? .broad : .narrow, text)
    }

    /// The number of addresses, as a floating-point estimate (IPv6 sets exceed 64 bits).
    private static func count(_ set: AddressSet) -> Double {
        set.ranges.reduce(0) { $0 + Double($1.upperBound - $1.lowerBound) + 1 }
    }

    /// Severity of an exposure of this breadth on a port of `sensitivity`.
    func severity(for sensitivity: PortSensitivity) -> Severity {
        switch (self, sensitivity) {
        case (_, .minimal): .info
        case (.world, .high): .critical
        case (.world, .medium): .high
        case (.world, .low): .medium
        case (.broad, .high): .high
        case (.broad, .medium): .medium
        case (.broad, .low): .low
        case (.narrow, .high): .low
        case (.narrow, _): .info
        }
    }
}
