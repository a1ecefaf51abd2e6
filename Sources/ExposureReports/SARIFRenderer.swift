import ExposureAudit
import ExposureModel

/// Renders findings as SARIF 2.1.0, the way GitHub code scanning takes it: one rule per
/// audit rule id with help text and a help URI into the README's rule table, one result per
/// finding with its level, `security-severity`, a partial fingerprint from the stable id,
/// and a location at the file and line of the cause (and, for a Terraform plan, the
/// resource address as a logical location).
public enum SARIFRenderer {
    /// Where each rule's help links: the README's rule table, as a reference relative to
    /// the exposure repository (no public address is published yet).
    static let helpURI = "README.md#audit-rules"
    /// The `partialFingerprints` key; its version changes if the id's recipe does.
    static let fingerprintKey = "exposureFindingId/v1"

    struct Log: Encodable {
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let version = "2.1.0"
        let runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        let tool: Tool
        let results: [Result]
        let columnKind = "unicodeCodePoints"
    }

    struct Tool: Encodable {
        let driver: Driver
    }

    struct Driver: Encodable {
        let name = "exposure"
        let semanticVersion: String
        let informationUri = SARIFRenderer.helpURI
        let rules: [Rule]
    }

    struct Rule: Encodable {
        let id: String
        let name: String
        let shortDescription: Text
        let fullDescription: Text
        let help: Help
        let helpUri: String
        let properties: RuleProperties
    }

    struct Text: Encodable {
        let text: String
    }

    struct Help: Encodable {
        let text: String
        let markdown: String
    }

    struct RuleProperties: Encodable {
        let tags = ["security", "network"]
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Text
        let locations: [Location]
        let partialFingerprints: [String: String]
        let baselineState: String?
        let suppressions: [Suppression]?
        let properties: ResultProperties
    }

    struct Location: Encodable {
        let physicalLocation: PhysicalLocation
        let logicalLocations: [LogicalLocation]?
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region?
    }

    struct ArtifactLocation: Encodable {
        let uri: String
    }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
    }

    struct LogicalLocation: Encodable {
        let fullyQualifiedName: String
        let kind = "resource"
    }

    struct Suppression: Encodable {
        let kind = "external"
        let status: String
        let justification: String
    }

    struct ResultProperties: Encodable {
        let securitySeverity: String
        let severity: String
        let findingId: String
        let cause: String
        let input: String
        let fix: String
        let gate: String
        let affected: [String]

        enum CodingKeys: String, CodingKey {
            case securitySeverity = "security-severity"
            case severity, findingId, cause, input, fix, gate, affected
        }
    }

    /// The findings of an `analyze` run.
    public static func render(_ review: Review, version: String) -> String {
        document(review.findings.map { ($0, nil) }, version: version)
    }

    /// The findings after a change: each marked `new` or `unchanged` (resolved findings are
    /// not results; the diff's other formats list them).
    public static func render(_ diff: DiffReview, version: String) -> String {
        let introduced = Set(diff.introduced.map(\.finding.id))
        return document(diff.after.findings.map { ($0, introduced.contains($0.finding.id) ? "new" : "unchanged") }, version: version)
    }

    private static func document(_ findings: [(ReviewedFinding, String?)], version: String) -> String {
        let table = Audit.ruleTable
        let rules = table.map { rule in
            Rule(
                id: rule.id, name: ruleName(rule.id), shortDescription: Text(text: firstClause(of: rule.summary)),
                fullDescription: Text(text: rule.summary),
                help: Help(
                    text: "\(rule.summary). Each finding names the rule, ACL entry, route or setting to change, what it affects, the path that proves it, and the fix.",
                    markdown: "**\(rule.id)**: \(rule.summary).\n\nEach finding names the rule, ACL entry, route or setting to change, what it affects, the path that proves it, and the fix. See [the rule table](\(helpURI))."),
                helpUri: helpURI, properties: RuleProperties())
        }
        let results = findings.map { reviewed, state in
            let finding = reviewed.finding
            return Result(
                ruleId: finding.rule, ruleIndex: table.firstIndex { $0.id == finding.rule } ?? 0,
                level: level(finding.severity), message: Text(text: message(finding)),
                locations: [location(reviewed)], partialFingerprints: [fingerprintKey: finding.id.rawValue],
                baselineState: state,
                suppressions: suppressions(reviewed.status),
                properties: ResultProperties(
                    securitySeverity: securitySeverity(finding.severity), severity: finding.severity.rawValue,
                    findingId: finding.id.rawValue, cause: finding.cause.description, input: reviewed.input,
                    fix: finding.remediation, gate: reviewed.status.keyword,
                    affected: finding.affected.map { "\($0.severity.rawValue): \($0.detail)" }))
        }
        return JSONOutput.encode(Log(runs: [Run(tool: Tool(driver: Driver(semanticVersion: version, rules: rules)), results: results)]))
    }

    /// A baseline acceptance that still holds, as SARIF's external suppression.
    private static func suppressions(_ status: FindingStatus) -> [Suppression]? {
        guard case .accepted(let entry) = status else { return nil }
        return [Suppression(status: "accepted", justification: entry.reason.isEmpty ? "accepted by the baseline, no reason given" : entry.reason)]
    }

    /// The message, the fix and the path: what a reviewer reads in the alert.
    private static func message(_ finding: Finding) -> String {
        var text = finding.message + "."
        if !finding.path.isEmpty { text += " Path: " + PathText.components(finding.path).joined(separator: " -> ") + "." }
        return text + " Fix: " + finding.remediation
    }

    /// The cause's place, else the input itself (a folder's first line is no line, so a
    /// place without a location gives the file alone).
    private static func location(_ reviewed: ReviewedFinding) -> Location {
        let place = reviewed.place
        return Location(
            physicalLocation: PhysicalLocation(
                artifactLocation: ArtifactLocation(uri: uri(place?.file ?? reviewed.input)),
                region: place?.location.map { Region(startLine: $0.line, startColumn: $0.column) }),
            logicalLocations: place?.address.map { [LogicalLocation(fullyQualifiedName: $0)] })
    }

    /// A relative path as a URI reference: `./` dropped, spaces and `%` escaped.
    static func uri(_ path: String) -> String {
        var text = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        text = text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: " ", with: "%20")
        return text
    }

    /// `critical` and `high` are errors, `medium` warnings, `low` and `info` notes.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }

    /// GitHub's numeric severity: above 9 critical, 7 to 8.9 high, 4 to 6.9 medium, below 4 low.
    static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        case .info: "1.0"
        }
    }

    /// `public-exposure` as `PublicExposure`.
    static func ruleName(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The summary up to its first colon or semicolon.
    static func firstClause(of summary: String) -> String {
        String(summary.prefix { $0 != ":" && $0 != ";" })
    }
}
