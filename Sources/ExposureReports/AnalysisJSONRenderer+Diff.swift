import ExposureAudit
import ExposureModel

/// `exposure diff` as JSON (documented in `reports/README.md`).
extension AnalysisJSONRenderer {
    struct DiffDocument: Encodable {
        let schemaVersion: Int
        let before: String
        let after: String
        let gate: GateEntry
        /// Exposure entries for the services each change opens (with the after side's path).
        let opened: [Entry]
        /// Exposure entries for the services each change closes (with the before side's path).
        let closed: [Entry]
        let introduced: [FindingEntry]
        let resolved: [FindingEntry]
        /// The ids of the after side's findings that the before side has too.
        let unchanged: [String]
    }

    /// What the change opens, closes, introduces and resolves; the gate counts only
    /// introduced findings.
    public static func render(_ diff: DiffReview) -> String {
        func entries(_ changes: [ExposureChange]) -> [Entry] {
            changes.flatMap { Self.entries($0.exposure, services: $0.services, input: $0.input) }
        }
        let document = DiffDocument(
            schemaVersion: schemaVersion, before: diff.before.inputNames, after: diff.after.inputNames,
            gate: gate(diff.after, failing: diff.failing.count), opened: entries(diff.opened), closed: entries(diff.closed),
            introduced: diff.introduced.map(entry), resolved: diff.resolved.map(entry),
            unchanged: diff.unchanged.map(\.finding.id.rawValue))
        return JSONOutput.encode(document)
    }
}
