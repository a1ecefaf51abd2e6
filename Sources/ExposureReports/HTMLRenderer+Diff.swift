import ExposureAudit
import ExposureDrawing
import ExposureModel
import ExposureSolver

extension HTMLRenderer {
    /// An `exposure diff`: what the change opens and introduces, drawn on the after network,
    /// then what it closes and resolves.
    ///
    /// - Complexity: building and laying out the after side's drawing of what is opened,
    ///   and writing each change and finding once.
    public static func render(_ diff: DiffReview, version: String) -> String {
        let before = diff.before.inputNames
        let after = diff.after.inputNames
        var body = ["<header>", "<h1>exposure diff</h1>", "<p class=\"gate\">\(escape(before)) → \(escape(after)). \(escape(gateText(diff.after)))</p>", "</header>"]
        let report = diff.after.reports.first
        body.append("<section class=\"report\" id=\"d1\">")
        body.append("<p class=\"scope\">This change opens \(diff.opened.count) and closes \(diff.closed.count) exposure\(diff.closed.count == 1 ? "" : "s"); it introduces \(diff.introduced.count) finding\(diff.introduced.count == 1 ? "" : "s") (\(diff.failing.count) failing), resolves \(diff.resolved.count) and leaves \(diff.unchanged.count) as they were.</p>")
        if let report {
            // Only what the change opens: an exposure widened from 8088 to 8080-8090 shows 8080-8087 and 8089-8090.
            let shown = diff.opened.map { DiagramExposure($0.exposure, services: $0.services) }
            let diagram = Diagram(topology: report.topology, shown: shown, findings: diff.introduced.map(\.finding))
            let drawing = Drawing(diagram, prefix: "d1")
            body += glance(diagram, id: drawing.id(ofLine:))
            body.append("<h3>The network after the change, with what it opens</h3>")
            body.append(svg(drawing.layout, prefix: "d1", input: report.input))
            body.append(legend)
            body += undrawnNote(shown, layout: drawing.layout)
            body += findingsTable(
                diff.introduced, lines: drawing.linesByFinding, baseline: diff.after.gate.baseline != nil, prefix: "d1", title: "Introduced findings")
        }
        body += changeSection("Opened", diff.opened)
        body += changeSection("Closed", diff.closed)
        if !diff.resolved.isEmpty {
            body.append("<h3>Resolved findings</h3><ul>")
            body += diff.resolved.map { "<li><span class=\"badge sev-\($0.finding.severity.rawValue)\">\($0.finding.severity.rawValue)</span> <code>\(escape($0.finding.rule))</code> \(escape($0.finding.message)) <code>\($0.finding.id)</code></li>" }
            body.append("</ul>")
        }
        body.append("</section>")
        body += staleSection(diff.after.stale)
        return page(title: "exposure diff: \(before) → \(after)", body: body, version: version)
    }

    /// The exposures a change opens or closes, each with what changed, the path that
    /// proves it, and (for an unknown one) why and what is missing.
    static func changeSection(_ title: String, _ changes: [ExposureChange]) -> [String] {
        guard !changes.isEmpty else { return [] }
        var html = ["<h3>\(title)</h3>", "<ul>"] + changes.map { "<li>\(escape($0.summary))</li>" } + ["</ul>"]
        for change in changes {
            html.append("<div class=\"target\"><h4>\(escape(AnalysisTextRenderer.targetLabel(change.exposure)))</h4>")
            html += exposureDetails(change.exposure, services: change.services)
            html.append("</div>")
        }
        return html
    }
}
