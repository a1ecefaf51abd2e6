import ExposureAudit
import ExposureModel

/// What fails a command: the `--fail-on` threshold and the `--baseline` acceptances,
/// judged on `today` (acceptances expire).
public struct Gate: Sendable {
    /// The threshold when `--fail-on` is not given: every finding but `info` fails, so every
    /// unknown does (`possible-exposure`, `input-incomplete` and `repo-egress-unverified` are
    /// never below `low`).
    public static let defaultThreshold = Severity.low

    /// The gate of `--fail-on none` with no baseline: every finding passes.
    public static let never = Gate(threshold: nil, today: .unixEpoch)

    /// `nil` for `--fail-on none`: no finding fails.
    public let threshold: Severity?
    public let baseline: Baseline?
    public let today: CalendarDay

    public init(threshold: Severity? = Gate.defaultThreshold, baseline: Baseline? = nil, today: CalendarDay) {
        self.threshold = threshold
        self.baseline = baseline
        self.today = today
    }

    /// Whether a finding of `severity` is at or above the threshold.
    public func reaches(_ severity: Severity) -> Bool {
        threshold.map { severity >= $0 } ?? false
    }

    /// What the gate makes of `finding`.
    public func status(of finding: Finding) -> FindingStatus {
        if let entry = baseline?.entry(for: finding.id.rawValue) {
            return entry.isExpired(on: today) ? .expired(entry, failing: reaches(finding.severity)) : .accepted(entry)
        }
        return reaches(finding.severity) ? .failing : .passing
    }
}
