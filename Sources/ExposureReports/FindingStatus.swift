import ExposureModel

/// What the gate makes of one finding.
public enum FindingStatus: Hashable, Sendable {
    /// At or above the threshold, and not accepted: the command fails.
    case failing
    /// Below the threshold.
    case passing
    /// Accepted by a baseline entry that still holds: reported, never failing.
    case accepted(Baseline.Entry)
    /// Accepted by an entry that has expired: judged as if not accepted (`failing` when at
    /// or above the threshold), and reported with the entry.
    case expired(Baseline.Entry, failing: Bool)

    /// Whether the finding fails the command.
    public var fails: Bool {
        switch self {
        case .failing: true
        case .expired(_, let failing): failing
        case .passing, .accepted: false
        }
    }

    /// Whether a baseline entry that still holds accepts the finding.
    public var isAccepted: Bool {
        if case .accepted = self { true } else { false }
    }

    /// Whether the baseline entry naming the finding has expired.
    public var isExpired: Bool {
        if case .expired = self { true } else { false }
    }

    /// The baseline entry that names the finding, if any.
    public var acceptance: Baseline.Entry? {
        switch self {
        case .accepted(let entry), .expired(let entry, _): entry
        case .failing, .passing: nil
        }
    }

    /// `fail`, `pass`, `accepted`, `expired`: the word reports use.
    public var keyword: String {
        switch self {
        case .failing: "fail"
        case .passing: "pass"
        case .accepted: "accepted"
        case .expired: "expired"
        }
    }
}
