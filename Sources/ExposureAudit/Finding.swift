import ExposureModel
import ExposureSolver

/// One audit result: what is wrong, how sure and how bad, the proof, and the change that
/// fixes it.
public struct Finding: Hashable, Sendable {
    /// The stable rule id, as in the README's rule table (`public-exposure`).
    public let rule: String
    public let severity: Severity
    /// The resource the finding concerns: an id, or a Terraform address.
    public let resource: String
    /// The cluster concerned, if any.
    public let cluster: EMRClusterID?
    /// One line saying what is wrong.
    public let message: String
    /// The offending rules, routes and statements, as text.
    public let evidence: [String]
    /// The witness path (for exposures) or the blocked path (for gaps).
    public let path: [Hop]
    /// The concrete change that resolves the finding.
    public let remediation: String

    public init(
        rule: String, severity: Severity, resource: String, cluster: EMRClusterID?, message: String,
        evidence: [String] = [], path: [Hop] = [], remediation: String
    ) {
        self.rule = rule
        self.severity = severity
        self.resource = resource
        self.cluster = cluster
        self.message = message
        self.evidence = evidence
        self.path = path
        self.remediation = remediation
    }

    /// Worst first, then by rule, resource and message, so reports are deterministic.
    static func inReportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        return (lhs.rule, lhs.resource, lhs.message) < (rhs.rule, rhs.resource, rhs.message)
    }
}
