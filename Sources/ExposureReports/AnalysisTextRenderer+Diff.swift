import ExposureAudit
import ExposureModel

/// `exposure diff` as text.
extension AnalysisTextRenderer {
    /// What the change introduces and opens first, then what it closes and resolves.
    public static func render(_ diff: DiffReview, layout: TextLayout = .plain) -> String {
        let before = diff.before.inputNames
        let after = diff.after.inputNames
        var lines: [Line] = [("exposure diff: \(before) -> \(after)", nil)]
        lines.append((
            "This change opens \(plural(diff.opened.count, "exposure")) and closes \(NumberText.thousands(diff.closed.count)); "
                + "it introduces \(plural(diff.introduced.count, "finding")) (\(NumberText.thousands(diff.failing.count)) failing the gate) "
                + "and resolves \(NumberText.thousands(diff.resolved.count)); \(NumberText.thousands(diff.unchanged.count)) unchanged.",
            nil))
        if !diff.introduced.isEmpty {
            lines += findingLines(diff.introduced, baseline: diff.after.gate.baseline != nil, title: "Introduced findings")
        }
        lines += changeLines("Opened, with the path that proves each:", diff.opened)
        lines += changeLines("Closed, with the path that proved each before:", diff.closed)
        if !diff.resolved.isEmpty {
            lines.append(("", nil))
            lines.append(("Resolved findings:", nil))
            for reviewed in diff.resolved {
                let finding = reviewed.finding
                lines.append((
                    "  \(finding.severity.rawValue.uppercased()) \(finding.rule) \(finding.resource) [\(finding.id)]: \(finding.message)",
                    .severity(finding.severity)))
            }
        }
        return layout.lay(lines) + staleText(diff.after, layout: layout)
    }

    /// Exposure changes grouped by interface, each with its path.
    static func changeLines(_ title: String, _ changes: [ExposureChange]) -> [Line] {
        guard !changes.isEmpty else { return [] }
        var lines: [Line] = [("", nil), (title, nil)]
        var current: String?
        for change in changes {
            let label = targetLabel(change.exposure)
            if label != current {
                current = label
                lines.append(("", nil))
                lines.append((label, nil))
            }
            lines += exposureLines(change.exposure, services: change.services)
        }
        return lines
    }
}
