import ExposureAudit
import ExposureModel

/// The reports of one `analyze` run as the gate sees them: each finding with its status,
/// the baseline entries that match nothing, and what fails.
public struct Review: Sendable {
    /// The reports, with only the selected rules' findings.
    public let reports: [AnalysisReport]
    public let gate: Gate
    /// Every reported finding with its input, place and status, in report order.
    public let findings: [ReviewedFinding]
    /// Baseline entries that match no finding of any input, whichever rules are selected:
    /// the cause is gone (or its id changed), so the entry can be deleted.
    public let stale: [Baseline.Entry]

    /// Reviews `reports`, keeping the findings of `rules` (every rule when `nil`).
    ///
    /// - Complexity: O(*f*) in the number of findings.
    public init(_ reports: [AnalysisReport], rules: Set<String>? = nil, gate: Gate) {
        let kept = rules.map { rules in reports.map { $0.keeping { rules.contains($0.rule) } } } ?? reports
        self.reports = kept
        self.gate = gate
        findings = kept.flatMap { report in
            report.findings.map { finding in
                ReviewedFinding(
                    finding: finding, input: report.input, place: finding.cause.place(in: report.sources),
                    status: gate.status(of: finding))
            }
        }
        if let baseline = gate.baseline {
            let every = Set(reports.flatMap { $0.findings.map(\.id.rawValue) })
            stale = baseline.entries.filter { !every.contains($0.id) }
        } else {
            stale = []
        }
    }

    /// The findings that fail the command.
    public var failing: [ReviewedFinding] { findings.filter(\.status.fails) }

    /// The findings a baseline accepts (expired acceptances not included).
    public var accepted: [ReviewedFinding] { findings.filter(\.status.isAccepted) }

    /// The findings whose acceptance has expired.
    public var expired: [ReviewedFinding] { findings.filter(\.status.isExpired) }

    /// The inputs as the user named them, `a.json, b.json`.
    public var inputNames: String { reports.map(\.input).joined(separator: ", ") }
}
