import ExposureModel
import ExposureSolver

/// One thing to fix: the cause (a group rule, ACL entry, route, setting) that opens or
/// blocks, everything it affects, how bad the worst of that is, the proof, and the change.
public struct Finding: Hashable, Sendable {
    /// The stable rule id, as in the README's rule table (`public-exposure`).
    public let rule: String
    /// The worst severity among what the cause affects.
    public let severity: Severity
    public let cause: Cause
    /// One line saying what is wrong.
    public let message: String
    /// What the cause affects, worst first.
    public let affected: [AffectedTarget]
    /// The offending rules, routes and statements, as text.
    public let evidence: [String]
    /// The witness path (for exposures) or the blocked path (for gaps) of the worst target.
    public let path: [Hop]
    /// The concrete change that resolves the finding.
    public let remediation: String
    /// The fingerprint of the rule id, the cause and the resource.
    public let id: FindingID

    public init(
        rule: String, severity: Severity, cause: Cause, message: String,
        affected: [AffectedTarget] = [], evidence: [String] = [], path: [Hop] = [], remediation: String
    ) {
        self.rule = rule
        self.severity = severity
        self.cause = cause
        self.message = message
        self.affected = affected
        self.evidence = evidence
        self.path = path
        self.remediation = remediation
        // The resource is the cause's component, fingerprinted in its own field as well.
        let resource = cause.component.id
        id = FindingID(fingerprinting: [rule, cause.component.kind.rawValue, cause.component.id, cause.identity, resource])
    }

    /// The resource the finding concerns (an id, or a Terraform address): the cause's
    /// component, which is the cluster when the cause is a cluster's own outcome.
    public var resource: String { cause.component.id }

    /// The clusters among what the finding affects, each once, sorted.
    public var clusters: [EMRClusterID] { Array(Set(affected.compactMap(\.cluster))).sorted() }

    /// The zones among what the finding affects, each once, sorted.
    public var zones: [Zone] { Array(Set(affected.compactMap(\.zone))).sorted() }

    /// Every protocol and port among what the finding affects.
    public var services: ServiceSet { affected.reduce(ServiceSet.empty) { $0.union($1.services) } }

    /// Worst first, then by rule, resource and message, so reports are deterministic.
    static func inReportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        return (lhs.rule, lhs.resource, lhs.message, lhs.id) < (rhs.rule, rhs.resource, rhs.message, rhs.id)
    }
}
