import ExposureAudit
import ExposureDrawing
import ExposureModel
import ExposureSolver

/// Renders one self-contained HTML page: a summary, what is exposed at a glance, the
/// network drawn as inline SVG, and every finding, cluster port, exposure path and note of
/// the text report as tables and lists. Inline CSS and a small inline script (selecting a
/// finding highlights its lines); nothing is fetched, and the page is complete without the
/// script.
public enum HTMLRenderer {
    /// An `analyze` run: one section per input, then the stale baseline entries.
    ///
    /// - Complexity: per input, building and laying out its drawing (see `Diagram` and
    ///   `DiagramLayout`) and writing each exposure, finding and box once.
    public static func render(_ review: Review, version: String) -> String {
        var body: [String] = ["<header>", "<h1>exposure analyze</h1>", "<p class=\"gate\">\(escape(gateText(review)))</p>", "</header>"]
        for (offset, report) in review.reports.enumerated() {
            let findings = review.findings.filter { $0.input == report.input }
            body += section(report, findings: findings, prefix: "r\(offset + 1)", baseline: review.gate.baseline != nil)
        }
        body += staleSection(review.stale)
        return page(title: "exposure analyze: \(review.inputNames)", body: body, version: version)
    }

    /// The page around `body`: head, style, script, footer.
    static func page(title: String, body: [String], version: String) -> String {
        var lines = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(escape(title))</title>", "<style>", style, "</style>", "</head>", "<body>",
        ]
        lines += body
        lines.append("<footer>Written by exposure \(escape(version)). Every line of the drawing is also a row of the tables; the script only highlights.</footer>")
        lines += ["<script>", script, "</script>", "</body>", "</html>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// One input: summary, glance table, drawing, findings, cluster ports, exposures, notes.
    static func section(_ report: AnalysisReport, findings: [ReviewedFinding], prefix: String, baseline: Bool) -> [String] {
        let diagram = Diagram(topology: report.topology, exposures: report.exposures, findings: findings.map(\.finding))
        let drawing = Drawing(diagram, prefix: prefix)
        var lines = ["<section class=\"report\" id=\"\(prefix)\">", "<h2>\(escape(report.input))</h2>"]
        lines.append("<p class=\"scope\">\(escape(AnalysisTextRenderer.scopeLine(report)))</p>")
        lines += summary(report, findings: findings)
        lines += glance(diagram, id: drawing.id(ofLine:))
        lines.append("<h3>The network</h3>")
        lines.append(svg(drawing.layout, prefix: prefix, input: report.input))
        lines.append(legend)
        lines += undrawnNote(report.exposures.map { DiagramExposure($0) }, layout: drawing.layout)
        lines += inventory(diagram)
        lines += findingsTable(findings, lines: drawing.linesByFinding, baseline: baseline, prefix: prefix)
        lines += clusterSection(report.clusters)
        lines += exposureSection(report.exposures)
        lines += inputSection(report)
        lines.append("</section>")
        return lines
    }

    /// `Gate: fails at high and above; 2 accepted by the baseline.`
    static func gateText(_ review: Review) -> String {
        MarkdownRenderer.gateLine(review) { $0 }
    }

    /// Counts by severity, clusters, exposed ports by zone, egress gaps, unknowns.
    static func summary(_ report: AnalysisReport, findings: [ReviewedFinding]) -> [String] {
        var cards = Severity.allCases.map { severity in
            let count = findings.filter { $0.finding.severity == severity }.count
            return card(count, severity.rawValue, tone: count == 0 ? "none" : "sev-\(severity.rawValue)")
        }
        let gaps = findings.filter { $0.finding.repositoryEgress != nil }.count
        let unknown = report.exposures.filter { $0.verdict == .unknown }.count
        let failing = findings.filter(\.status.fails).count
        cards.append(card(failing, failing == 1 ? "fails the gate" : "fail the gate", tone: failing == 0 ? "none" : "failing"))
        cards.append(card(report.clusters.count, report.clusters.count == 1 ? "cluster" : "clusters", tone: "plain"))
        cards.append(card(gaps, gaps == 1 ? "egress gap" : "egress gaps", tone: gaps == 0 ? "none" : "plain"))
        cards.append(card(unknown, unknown == 1 ? "unknown answer" : "unknown answers", tone: unknown == 0 ? "none" : "unknown"))
        cards.append(card(report.missingExports.count + report.skipped.count, "inputs missing or skipped", tone: report.missingExports.isEmpty && report.skipped.isEmpty ? "none" : "unknown"))
        var lines = ["<div class=\"cards\">"] + cards + ["</div>"]
        var zones: [Zone: (open: ServiceSet, unknown: ServiceSet, targets: Set<NetworkInterfaceID>)] = [:]
        for exposure in report.exposures where exposure.verdict != .blocked {
            var entry = zones[exposure.zone] ?? (.empty, .empty, [])
            if exposure.verdict == .reachable { entry.open = entry.open.union(exposure.services) } else { entry.unknown = entry.unknown.union(exposure.services) }
            entry.targets.insert(exposure.target)
            zones[exposure.zone] = entry
        }
        guard !zones.isEmpty else { return lines + ["<p class=\"quiet\">No zone outside each interface's own can open any port.</p>"] }
        lines.append("<ul class=\"zones\" aria-label=\"Exposed ports by zone\">")
        for zone in zones.keys.sorted() {
            guard let entry = zones[zone] else { continue }
            var parts: [String] = []
            if !entry.open.isEmpty { parts.append("open \(brief(entry.open))") }
            if !entry.unknown.isEmpty { parts.append("unknown \(brief(entry.unknown))") }
            let count = AnalysisTextRenderer.plural(entry.targets.count, "interface")
            lines.append("<li><b>\(escape(zone.description))</b> \(escape(parts.joined(separator: "; "))) <small>(\(count))</small></li>")
        }
        lines.append("</ul>")
        return lines
    }

    /// One count of the summary, `tone` its CSS class.
    static func card(_ count: Int, _ label: String, tone: String) -> String {
        "<div class=\"card \(tone)\"><b>\(NumberText.thousands(count))</b> \(escape(label))</div>"
    }

    /// `tcp 22, 8443; udp 53`, or `-` for nothing.
    static func brief(_ services: ServiceSet) -> String {
        services.isEmpty ? "-" : ServiceRow.rows(of: services).map { $0.text(naming: nil, withServiceNames: false) }.joined(separator: "; ")
    }

    /// What is exposed, to whom, through which gateway and rule: one row per exposure line
    /// of the drawing, worst first.
    static func glance(_ diagram: Diagram, id: (Int) -> String?) -> [String] {
        let exposures = diagram.lines.enumerated().filter { $0.element.verdict != nil }
        guard !exposures.isEmpty else { return [] }
        let head = "<thead><tr><th>severity</th><th>where</th><th>what opens</th><th>from</th><th>through</th><th>let in by</th></tr></thead><tbody>"
        let rows = exposures.map { index, line in glanceRow(line, id: id(index)) }
        var lines = ["<h3>What is exposed</h3>", "<table class=\"glance\">", head] + rows.prefix(glanceRows) + ["</tbody></table>"]
        if rows.count > glanceRows {
            lines.append("<details class=\"more\"><summary>\(rows.count - glanceRows) more</summary><table class=\"glance\">\(head)")
            lines += rows.dropFirst(glanceRows)
            lines.append("</tbody></table></details>")
        }
        return lines
    }

    /// Rows of the glance table shown before the rest are folded away, so the drawing
    /// stays near the top of the page.
    static let glanceRows = 5

    /// One exposure line as a row: severity, target, services, zone, gateway, rules.
    static func glanceRow(_ line: DiagramLine, id: String?) -> String {
        let severity = line.severity?.rawValue ?? "unrated"
        let verdict = line.verdict == .unknown ? " <span class=\"unknown-tag\">unknown</span>" : ""
        let services = ServiceRow.rows(of: line.services).map { $0.text(naming: line.role) }.joined(separator: "; ")
        let target = line.stops.last?.name ?? ""
        let members = AnalysisTextRenderer.plural(line.interfaces.count, "interface") + ": " + line.interfaces.map(\.rawValue).joined(separator: ", ")
        let through = line.gateway.map { "\($0.id) (\($0.kind.rawValue))" } ?? entryText(line.zone)
        let admission = line.admissionTexts.isEmpty ? "-" : line.admissionTexts.map(escape).joined(separator: "<br>")
        let attributes = id.map { " data-lines=\"\($0)\" tabindex=\"0\"" } ?? ""
        return "<tr class=\"sev-\(severity)\"\(attributes)><td><span class=\"badge sev-\(severity)\">\(severity)</span>\(verdict)</td><td>\(escape(target))<br><small>\(escape(members))</small></td><td>\(escape(services))</td><td>\(escape(line.zone?.description ?? ""))</td><td>\(escape(through))</td><td><code>\(admission)</code></td></tr>"
    }

    /// What a line without a drawn gateway enters through: the outside component, or
    /// nothing (a neighbour in the same VPC, or a gateway the drawing does not show).
    static func entryText(_ zone: Zone?) -> String {
        if case .outside(let id) = zone { return "\(id), which the input does not describe" }
        return "no gateway: from inside the VPC or a way the drawing does not show"
    }

    /// Text safe in HTML and in the SVG's XML.
    static func escape(_ text: String) -> String { MarkupText.escaped(text) }
}
