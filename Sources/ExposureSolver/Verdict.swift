import ExposureModel

/// The answer for a flow.
public enum Verdict: String, Hashable, Sendable, Comparable {
    case reachable, unknown, blocked

    private var rank: Int {
        switch self {
        case .reachable: 0
        case .unknown: 1
        case .blocked: 2
        }
    }

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.rank < rhs.rank }
}
