import ExposureAudit
import ExposureModel

/// Renders JUnit XML, as GitLab and most CI systems show test results: one suite per audit
/// rule, one test case per cause (a finding), failed when the finding fails the gate,
/// skipped when a baseline accepts it, passed otherwise; a rule with no finding has one
/// passing case, so every rule checked shows up.
public enum JUnitRenderer {
    /// An `analyze` run.
    public static func render(_ review: Review) -> String {
        document(review.findings.map { ($0, $0.status.fails, nil) }, name: "exposure analyze")
    }

    /// An `exposure diff`: only introduced findings can fail; unchanged ones pass with a note.
    public static func render(_ diff: DiffReview) -> String {
        let introduced = Set(diff.introduced.map(\.finding.id))
        let before = diff.before.inputNames
        return document(
            diff.after.findings.map { reviewed in
                let isNew = introduced.contains(reviewed.finding.id)
                return (reviewed, isNew && reviewed.status.fails, isNew ? "introduced by the change" : "unchanged since \(before)")
            },
            name: "exposure diff")
    }

    private static func document(_ cases: [(ReviewedFinding, fails: Bool, note: String?)], name: String) -> String {
        var suites: [String] = []
        var totals = (tests: 0, failures: 0, skipped: 0)
        for rule in Audit.ruleTable.map(\.id) {
            let mine = cases.filter { $0.0.finding.rule == rule }
            var lines: [String] = []
            var counts = (tests: 0, failures: 0, skipped: 0)
            if mine.isEmpty {
                counts.tests = 1
                lines.append("    <testcase classname=\"exposure.\(xml(rule))\" name=\"no finding\"/>")
            }
            for (reviewed, fails, note) in mine {
                let finding = reviewed.finding
                counts.tests += 1
                var attributes = "classname=\"exposure.\(xml(rule))\" name=\"\(xml(finding.cause.description)) [\(finding.id)]\""
                let file = reviewed.place?.file ?? reviewed.input
                attributes += " file=\"\(xml(file))\""
                if let line = reviewed.place?.location?.line { attributes += " line=\"\(line)\"" }
                lines.append("    <testcase \(attributes)>")
                let body = xml(detail(reviewed, note: note))
                if fails {
                    counts.failures += 1
                    lines.append("      <failure type=\"\(finding.severity.rawValue)\" message=\"\(xml(finding.message))\">\(body)</failure>")
                } else if case .accepted(let entry) = reviewed.status {
                    counts.skipped += 1
                    lines.append("      <skipped message=\"accepted by the baseline: \(xml(entry.reason.isEmpty ? "no reason given" : entry.reason))\"/>")
                } else {
                    lines.append("      <system-out>\(body)</system-out>")
                }
                lines.append("    </testcase>")
            }
            totals.tests += counts.tests
            totals.failures += counts.failures
            totals.skipped += counts.skipped
            suites.append(
                "  <testsuite name=\"\(xml(rule))\" tests=\"\(counts.tests)\" failures=\"\(counts.failures)\" errors=\"0\" skipped=\"\(counts.skipped)\">\n"
                    + lines.joined(separator: "\n") + "\n  </testsuite>")
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="\(name)" tests="\(totals.tests)" failures="\(totals.failures)" errors="0" skipped="\(totals.skipped)">
            \(suites.joined(separator: "\n"))
            </testsuites>

            """
    }

    /// What a failed or passed case prints: severity, message, what it affects, path, fix.
    private static func detail(_ reviewed: ReviewedFinding, note: String?) -> String {
        let finding = reviewed.finding
        var lines = ["\(finding.severity.rawValue) \(finding.rule) \(finding.resource) [\(finding.id)] in \(reviewed.input)", finding.message]
        if let note { lines.append(note) }
        lines += finding.affected.map { "affects: \($0.severity.rawValue): \($0.detail)" }
        if case .expired(let entry, _) = reviewed.status, let expires = entry.expires {
            lines.append("the baseline's acceptance expired after \(expires): \(entry.reason)")
        }
        if !finding.path.isEmpty { lines.append("path: " + PathText.components(finding.path).joined(separator: " -> ")) }
        lines.append("fix: \(finding.remediation)")
        return lines.joined(separator: "\n")
    }

    /// Text safe in XML content and attributes.
    static func xml(_ text: String) -> String { MarkupText.escaped(text) }
}
