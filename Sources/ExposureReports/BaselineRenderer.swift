import ExposureAudit
import ExposureModel

/// Writes a baseline file (read back by `--baseline`): the current findings' ids, each with
/// its rule, resource and message for people, a reason to fill in, and an optional expiry.
public enum BaselineRenderer {
    struct Document: Encodable {
        let baselineVersion: Int
        let description: String
        let accepted: [Entry]
    }

    struct Entry: Encodable {
        let id: String
        let rule: String
        let resource: String
        let message: String
        let reason: String
        let expires: String?
    }

    /// One entry per finding of `review`, worst first. An entry of `previous` for the same
    /// id keeps its reason and expiry; otherwise the entry gets `reason` and `expires`.
    public static func render(_ review: Review, previous: Baseline? = nil, reason: String = "", expires: CalendarDay? = nil) -> String {
        var seen = Set<String>()
        let entries = review.findings.compactMap { reviewed -> Entry? in
            let finding = reviewed.finding
            guard seen.insert(finding.id.rawValue).inserted else { return nil }
            let kept = previous?.entry(for: finding.id.rawValue)
            return Entry(
                id: finding.id.rawValue, rule: finding.rule, resource: finding.resource, message: finding.message,
                reason: kept?.reason ?? reason, expires: (kept.map(\.expires) ?? expires)?.description)
        }
        return JSONOutput.encode(Document(
            baselineVersion: Baseline.version,
            description: "Findings of \(review.inputNames) accepted on purpose. Say why in each reason and, if the acceptance should end, give the last day it holds as expires (YYYY-MM-DD); delete the entries you do not accept. Read by `exposure analyze --baseline FILE` and `exposure diff --baseline FILE`.",
            accepted: entries))
    }
}
