import ExposureModel
import ExposureSolver

/// How urgently a finding needs a change, from `critical` down to `info`.
public enum Severity: String, Hashable, Sendable, Comparable, CaseIterable {
    case critical, high, medium, low, info

    /// 4 for `critical` down to 0 for `info`.
    package var rank: Int {
        switch self {
        case .critical: 4
        case .high: 3
        case .medium: 2
        case .low: 1
        case .info: 0
        }
    }

    /// One step lower (`info` stays `info`).
    public var lowered: Severity {
        switch self {
        case .critical: .high
        case .high: .medium
        case .medium: .low
        case .low, .info: .info
        }
    }

    /// Lower severities sort first; reports sort with `>` to lead with the worst.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
