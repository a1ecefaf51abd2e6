import ExposureAudit
import ExposureModel

/// What a change to a network does: the exposures it opens and closes, and the findings
/// it introduces and resolves, each as the gate sees it. Only introduced findings can fail
/// `exposure diff`.
public struct DiffReview: Sendable {
    public let before: Review
    public let after: Review
    /// Exposures of the after input that the before input lacks (in part or whole).
    public let opened: [ExposureChange]
    /// Exposures of the before input that the after input lacks.
    public let closed: [ExposureChange]
    /// Findings of the after input whose id the before input has no finding with.
    public let introduced: [ReviewedFinding]
    /// Findings of the before input whose id the after input has no finding with.
    public let resolved: [ReviewedFinding]
    /// Findings of the after input that the before input has too.
    public let unchanged: [ReviewedFinding]

    /// Compares `before` with `after` (each reviewed with the same gate).
    ///
    /// - Complexity: O(*e* + *f*) in the exposures and findings of both sides.
    public init(before: Review, after: Review) {
        self.before = before
        self.after = after
        let beforeExposures = before.reports.flatMap(\.exposures)
        let afterExposures = after.reports.flatMap(\.exposures)
        let afterInput = after.reports.first?.input ?? ""
        let beforeInput = before.reports.first?.input ?? ""
        opened = ExposureChange.changes(in: afterExposures, comparedWith: beforeExposures, input: afterInput)
        closed = ExposureChange.changes(in: beforeExposures, comparedWith: afterExposures, input: beforeInput)
        let beforeIDs = Set(before.findings.map(\.finding.id))
        let afterIDs = Set(after.findings.map(\.finding.id))
        introduced = after.findings.filter { !beforeIDs.contains($0.finding.id) }
        unchanged = after.findings.filter { beforeIDs.contains($0.finding.id) }
        resolved = before.findings.filter { !afterIDs.contains($0.finding.id) }
    }

    /// The introduced findings that fail the command.
    public var failing: [ReviewedFinding] { introduced.filter(\.status.fails) }
}
