import ExposureAudit
import ExposureModel

/// A finding with the input it came from, where its cause is written, and what the gate
/// makes of it.
public struct ReviewedFinding: Sendable {
    public let finding: Finding
    /// The input as the user named it.
    public let input: String
    /// Where the cause's rule (or component) is written; `nil` when the input does not
    /// write it down (a stand-in for something missing).
    public let place: SourceMap.Place?
    public let status: FindingStatus
}
