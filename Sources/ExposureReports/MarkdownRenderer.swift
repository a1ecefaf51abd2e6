import ExposureAudit
import ExposureModel
import ExposureSolver

/// Renders a pull-request comment in GitHub-flavoured Markdown: one summary line, a table
/// of the findings that fail (or, for a diff, that the change introduces), and each one's
/// path and fix in a collapsible section; cut to fit GitHub's comment limit, with a note.
public enum MarkdownRenderer {
    /// GitHub's limit on a comment's body, in characters.
    public static let characterLimit = 65_536
    /// Room kept for the note that says the comment is cut.
    static let noteReserve = 400

    /// An `analyze` run: the failing findings, then the others collapsed.
    public static func render(_ review: Review, limit: Int = characterLimit) -> String {
        let inputs = review.reports.map { "`\(cell($0.input))`" }.joined(separator: ", ")
        let failing = review.failing
        var head = ["### exposure: \(countText(failing.map(\.finding), noun: "failing finding")) in \(inputs)", ""]
        head.append(gateLine(review))
        var blocks: [String] = []
        if !failing.isEmpty {
            blocks.append(table(failing))
            blocks += failing.map(details)
        }
        let others = review.findings.filter { !$0.status.fails }
        if !others.isEmpty {
            blocks.append("#### \(countText(others.map(\.finding), noun: "other finding")) (below the threshold or accepted)\n\n" + table(others))
            blocks += others.map(details)
        }
        if !review.stale.isEmpty {
            blocks.append("#### Stale baseline entries\n\n" + review.stale.map { "- `\($0.id)` \(cell($0.rule ?? "")) \(cell($0.resource ?? "")): matches no finding; delete it" }.joined(separator: "\n"))
        }
        return assemble(head: head.joined(separator: "\n"), blocks: blocks, limit: limit)
    }

    /// An `exposure diff`: what the change opens and introduces, then what it closes and
    /// resolves.
    public static func render(_ diff: DiffReview, limit: Int = characterLimit) -> String {
        let before = diff.before.inputNames
        let after = diff.after.inputNames
        let failing = diff.failing
        var summary = "### exposure diff: "
        if diff.opened.isEmpty, diff.closed.isEmpty, diff.introduced.isEmpty, diff.resolved.isEmpty {
            summary += "this change opens nothing and introduces no finding"
        } else {
            summary += "this change opens \(diff.opened.count), closes \(diff.closed.count) exposure\(diff.closed.count == 1 ? "" : "s"); "
            summary += "introduces \(countText(diff.introduced.map(\.finding), noun: "finding")) (\(failing.count) failing), resolves \(diff.resolved.count)"
        }
        var head = [summary, "", "`\(cell(before))` → `\(cell(after))`. " + gateLine(diff.after)]
        head.append("")
        var blocks: [String] = []
        if !diff.introduced.isEmpty {
            blocks.append("#### Introduced findings\n\n" + table(diff.introduced))
            blocks += diff.introduced.map(details)
        }
        if !diff.opened.isEmpty {
            blocks.append("#### Opened\n\n" + diff.opened.map { "- \(cell($0.summary))" }.joined(separator: "\n"))
            blocks += diff.opened.map { change in
                "<details><summary>path: \(html(change.summary))</summary>\n\n" + pathList(change.exposure.path) + "\n</details>"
            }
        }
        if !diff.closed.isEmpty {
            blocks.append("#### Closed\n\n" + diff.closed.map { "- \(cell($0.summary))" }.joined(separator: "\n"))
        }
        if !diff.resolved.isEmpty {
            blocks.append("#### Resolved findings\n\n" + diff.resolved.map { "- \($0.finding.severity.rawValue) `\($0.finding.rule)` \(cell($0.finding.message)) `\($0.finding.id)`" }.joined(separator: "\n"))
        }
        return assemble(head: head.joined(separator: "\n"), blocks: blocks, limit: limit)
    }

    /// The head, then as many blocks as fit in `limit` characters, then a note for the rest.
    static func assemble(head: String, blocks: [String], limit: Int) -> String {
        var text = head
        var used = text.count
        for (index, block) in blocks.enumerated() {
            let addition = "\n\n" + block
            guard used + addition.count + noteReserve <= limit else {
                let left = blocks.count - index
                text += "\n\n_Cut here to stay under GitHub's \(NumberText.thousands(limit))-character comment limit: \(left) more section\(left == 1 ? "" : "s") not shown; the SARIF and JSON reports hold everything._"
                return text + "\n"
            }
            text += addition
            used += addition.count
        }
        return text + "\n"
    }

    /// `Gate: fails at `low` and above; 2 accepted by the baseline, 1 stale baseline entry.`,
    /// with `code` marking the literal parts (backticks, by default).
    static func gateLine(_ review: Review, code: (String) -> String = { "`\($0)`" }) -> String {
        var parts = ["Gate: " + (review.gate.threshold.map { "fails at \(code($0.rawValue)) and above" } ?? "never fails (\(code("--fail-on none")))")]
        let accepted = review.accepted.count
        if review.gate.baseline != nil {
            parts.append("\(accepted) accepted by the baseline")
            let expired = review.expired.count
            if expired > 0 { parts.append("\(expired) with an expired acceptance") }
            if !review.stale.isEmpty { parts.append("\(review.stale.count) stale baseline entr\(review.stale.count == 1 ? "y" : "ies")") }
        }
        return parts.joined(separator: "; ") + "."
    }

    /// The findings as a table: status, severity, rule, cause, what it affects, id.
    static func table(_ findings: [ReviewedFinding]) -> String {
        var lines = ["| | severity | rule | cause | affects | id |", "| --- | --- | --- | --- | --- | --- |"]
        for reviewed in findings {
            let finding = reviewed.finding
            let affects = finding.affected.prefix(3).map(\.detail).joined(separator: "; ") + (finding.affected.count > 3 ? "; and \(finding.affected.count - 3) more" : "")
            lines.append("| \(mark(reviewed.status)) | \(finding.severity.rawValue) | `\(finding.rule)` | \(cell(finding.cause.description)) | \(cell(affects)) | `\(finding.id)` |")
        }
        return lines.joined(separator: "\n")
    }

    /// One finding's message, path and fix, collapsed.
    static func details(_ reviewed: ReviewedFinding) -> String {
        let finding = reviewed.finding
        var lines = ["<details><summary>\(finding.severity.rawValue) \(html(finding.rule)) \(html(finding.resource)) <code>\(finding.id)</code></summary>", ""]
        lines.append(html(finding.message) + ".")
        lines.append("")
        if let entry = reviewed.status.acceptance {
            let until = entry.expires.map { " until \($0)" } ?? ""
            let lapsed = reviewed.status.isExpired ? " (expired)" : ""
            lines.append("Accepted\(until)\(lapsed): \(html(entry.reason.isEmpty ? "no reason given" : entry.reason))")
            lines.append("")
        }
        if !finding.path.isEmpty {
            lines.append(pathList(finding.path))
            lines.append("")
        }
        lines.append("**Fix:** \(html(finding.remediation))")
        lines.append("</details>")
        return lines.joined(separator: "\n")
    }

    /// A path as a numbered list of hops.
    static func pathList(_ path: [Hop]) -> String {
        PathText.hops(path).enumerated().map { index, hop in "\(index + 1). `\(code(hop.component.id))` \(html(hop.explanation))" }.joined(separator: "\n")
    }

    static func mark(_ status: FindingStatus) -> String {
        switch status {
        case .failing: "❌"
        case .expired(_, let failing): failing ? "❌ expired" : "expired"
        case .accepted: "accepted"
        case .passing: "·"
        }
    }

    /// `3 failing findings (1 critical, 2 high)`, `no failing finding`.
    static func countText(_ findings: [Finding], noun: String) -> String {
        guard !findings.isEmpty else { return "no \(noun)" }
        let counts = AnalysisTextRenderer.severityCounts(findings)
        return "\(NumberText.thousands(findings.count)) \(noun)\(findings.count == 1 ? "" : "s") (\(counts.joined(separator: ", ")))"
    }

    /// Text safe in a table cell: HTML escaped, pipes escaped, one line.
    static func cell(_ text: String) -> String {
        html(text).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// Text safe in Markdown outside code: `&`, `<` and `>` as entities.
    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Text safe inside a code span: backticks removed.
    static func code(_ text: String) -> String {
        text.replacingOccurrences(of: "`", with: "'")
    }
}
