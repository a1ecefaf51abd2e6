import ExposureAudit
import ExposureDrawing
import ExposureModel
import ExposureSolver

extension HTMLRenderer {
    /// An `exposure diff`: what the change opens and introduces, drawn on the after network,
    /// then what it closes and resolves.
    public static func render(_ diff: DiffReview, version: String) -> String {
        let before = diff.before.inputNames
        let after = diff.after.inputNames
        var body = ["<header>", "<h1>exposure diff</h1>", "<p class=\"gate\">\(escape(before)) → \(escape(after)). \(escape(gateText(diff.after)))</p>", "</header>"]
        let report = diff.after.reports.first
        body.append("<section class=\"report\" id=\"d1\">")
        body.append("<p class=\"scope\">This change opens \(diff.opened.count) and closes \(diff.closed.count) exposure\(diff.closed.count == 1 ? "" : "s"); it introduces \(diff.introduced.count) finding\(diff.introduced.count == 1 ? "" : "s") (\(diff.failing.count) failing), resolves \(diff.resolved.count) and leaves \(diff.unchanged.count) as they were.</p>")
        if let report {
            let diagram = Diagram(topology: report.topology, exposures: diff.opened.map(\.exposure), findings: diff.introduced.map(\.finding))
            let layout = DiagramLayout(diagram)
            let drawn = Set(layout.lines.map(\.index))
            var byFinding: [FindingID: [String]] = [:]
            for (index, line) in diagram.lines.enumerated() where drawn.contains(index) {
                for finding in line.findings { byFinding[finding, default: []].append("d1-l\(index)") }
            }
            body += glance(diagram) { drawn.contains($0) ? "d1-l\($0)" : nil }
            body.append("<h3>The network after the change, with what it opens</h3>")
            body.append(svg(layout, prefix: "d1", input: report.input))
            body.append(legend)
            body += findingsTable(diff.introduced, lines: byFinding, baseline: diff.after.gate.baseline != nil).map {
                $0.replacingOccurrences(of: "<h3>Findings: ", with: "<h3>Introduced findings: ")
            }
        }
        body += changeSection("Opened", diff.opened)
        body += changeSection("Closed", diff.closed)
        if !diff.resolved.isEmpty {
            body.append("<h3>Resolved findings</h3><ul>")
            body += diff.resolved.map { "<li><span class=\"badge sev-\($0.finding.severity.rawValue)\">\($0.finding.severity.rawValue)</span> <code>\(escape($0.finding.rule))</code> \(escape($0.finding.message)) <code>\($0.finding.id)</code></li>" }
            body.append("</ul>")
        }
        body.append("</section>")
        return page(title: "exposure diff: \(before) → \(after)", body: body, version: version)
    }

    /// The exposures a change opens or closes, each with the path that proves it.
    static func changeSection(_ title: String, _ changes: [ExposureChange]) -> [String] {
        guard !changes.isEmpty else { return [] }
        var html = ["<h3>\(title)</h3>"]
        for change in changes {
            html.append("<details class=\"exposure\"><summary>\(escape(change.summary))</summary><p>path:</p>\(hopList(change.exposure.path))</details>")
        }
        return html
    }
}
