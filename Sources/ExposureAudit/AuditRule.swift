import ExposureModel
import ExposureSolver

/// One audit rule: a stable id, what it checks, and the findings it draws from the context.
protocol AuditRule: Sendable {
    /// The id reports and the README's rule table use; never changes once published.
    static var id: String { get }
    /// One line for the rule table.
    static var summary: String { get }
    func findings(in context: AuditContext) -> [Finding]
}
