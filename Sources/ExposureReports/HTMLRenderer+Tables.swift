import ExposureAudit
import ExposureModel
import ExposureSolver

extension HTMLRenderer {
    /// The findings as a table (each row highlights its lines), then each one's message,
    /// what it affects, the baseline's word, evidence, path and fix.
    static func findingsTable(
        _ findings: [ReviewedFinding], lines: [FindingID: [String]], baseline: Bool, prefix: String, title: String = "Findings"
    ) -> [String] {
        let counts = AnalysisTextRenderer.severityCounts(findings.map(\.finding))
        var html = ["<h3>\(escape(title)): \(escape(counts.isEmpty ? "none" : counts.joined(separator: ", ")))\(baseline ? "; \(findings.filter(\.status.isAccepted).count) accepted by the baseline" : "")</h3>"]
        guard !findings.isEmpty else { return html }
        html.append("<table class=\"findings\"><thead><tr><th>gate</th><th>severity</th><th>rule</th><th>resource</th><th>what is wrong</th><th>id</th></tr></thead><tbody>")
        for reviewed in findings {
            let finding = reviewed.finding
            let ids = lines[finding.id] ?? []
            let attributes = ids.isEmpty ? "" : " data-lines=\"\(ids.joined(separator: " "))\" tabindex=\"0\""
            html.append(
                "<tr class=\"sev-\(finding.severity.rawValue)\"\(attributes)><td>\(escape(statusText(reviewed.status)))</td><td><span class=\"badge sev-\(finding.severity.rawValue)\">\(finding.severity.rawValue)</span></td><td><code>\(escape(finding.rule))</code></td><td><code>\(escape(finding.resource))</code></td><td><a href=\"#\(prefix)-f-\(finding.id)\">\(escape(finding.message))</a></td><td><code>\(finding.id)</code></td></tr>")
        }
        html.append("</tbody></table>")
        for reviewed in findings {
            html += findingDetails(reviewed, prefix: prefix)
        }
        return html
    }

    /// `fails`, `passes`, `accepted`, `expired, fails`.
    static func statusText(_ status: FindingStatus) -> String {
        switch status {
        case .failing: "fails"
        case .passing: "passes"
        case .accepted: "accepted"
        case .expired(_, let failing): failing ? "expired, fails" : "expired"
        }
    }

    /// One finding in full, as the text report prints it.
    static func findingDetails(_ reviewed: ReviewedFinding, prefix: String) -> [String] {
        let finding = reviewed.finding
        var html = ["<article class=\"finding sev-\(finding.severity.rawValue)\" id=\"\(prefix)-f-\(finding.id)\">"]
        html.append("<h4><span class=\"badge sev-\(finding.severity.rawValue)\">\(finding.severity.rawValue)</span> <code>\(escape(finding.rule))</code> <code>\(escape(finding.resource))</code> <small>[\(finding.id)]</small></h4>")
        html.append("<p>\(escape(finding.message))</p>")
        html.append("<dl>")
        if !finding.affected.isEmpty {
            html.append("<dt>affects</dt><dd><ul>" + finding.affected.map { "<li>\($0.severity.rawValue): \(escape($0.detail))</li>" }.joined() + "</ul></dd>")
        }
        switch reviewed.status {
        case .accepted(let entry):
            html.append("<dt>accepted</dt><dd>\(escape(AnalysisTextRenderer.acceptanceText(entry))); it does not fail the gate</dd>")
        case .expired(let entry, let failing):
            html.append("<dt>expired</dt><dd>\(escape(AnalysisTextRenderer.acceptanceText(entry))); the acceptance has lapsed\(failing ? ", so it fails the gate again" : "")</dd>")
        case .failing, .passing:
            break
        }
        if !finding.evidence.isEmpty {
            html.append("<dt>evidence</dt><dd><ul>" + finding.evidence.map { "<li><code>\(escape($0))</code></li>" }.joined() + "</ul></dd>")
        }
        if !finding.path.isEmpty {
            html.append("<dt>path</dt><dd>\(escape(PathText.components(finding.path).joined(separator: " → ")))</dd>")
        }
        html.append("<dt>fix</dt><dd>\(escape(finding.remediation))</dd>")
        html += ["</dl>", "</article>"]
        return html
    }

    /// Each cluster, each role, what each zone opens.
    static func clusterSection(_ clusters: [ClusterPortSummary]) -> [String] {
        guard !clusters.isEmpty else { return [] }
        var html = ["<h3>Cluster ports</h3>", "<table class=\"clusters\"><thead><tr><th>cluster</th><th>role and nodes</th><th>zone</th><th>open</th><th>unknown</th></tr></thead><tbody>"]
        for cluster in clusters {
            var details = [cluster.releaseLabel, cluster.amazonLinux].compactMap { $0 }
            if let name = cluster.name { details.insert(name, at: 0) }
            let subnets = cluster.subnets.map { "\($0.id) (\($0.isPublic ? "public" : "private") for EMR)" }.joined(separator: ", ")
            let head = "<code>\(escape(cluster.cluster.rawValue))</code>\(details.isEmpty ? "" : " (\(escape(details.joined(separator: ", "))))")<br><small>in \(escape(subnets.isEmpty ? "no subnet" : subnets))</small>"
            for (position, role) in cluster.roles.enumerated() {
                let first = position == 0 ? head : ""
                let nodes = "\(role.role.rawValue)<br><small>\(escape(role.interfaces.map(\.rawValue).joined(separator: ", ")))</small>"
                if role.zones.isEmpty {
                    html.append("<tr><td>\(first)</td><td>\(nodes)</td><td colspan=\"3\" class=\"quiet\">no zone outside its own opens any port</td></tr>")
                    continue
                }
                for (index, zone) in role.zones.enumerated() {
                    let open = ServiceRow.rows(of: zone.reachable).map { $0.text(naming: role.role) }.joined(separator: "; ")
                    let unknown = ServiceRow.rows(of: zone.unknown).map { $0.text(naming: role.role) }.joined(separator: "; ")
                    html.append("<tr><td>\(index == 0 ? first : "")</td><td>\(index == 0 ? nodes : "")</td><td>\(escape(zone.zone.description))</td><td>\(escape(open.isEmpty ? "-" : open))</td><td>\(escape(unknown.isEmpty ? "-" : unknown))</td></tr>")
                }
            }
        }
        html.append("</tbody></table>")
        return html
    }

    /// Every exposure with the path that proves it, its return path, caveats, and for an
    /// unknown one the reason and what is missing.
    static func exposureSection(_ exposures: [Exposure]) -> [String] {
        guard !exposures.isEmpty else { return [] }
        var html = ["<h3>Exposures, with the path that proves each</h3>"]
        var current: NetworkInterfaceID?
        for exposure in exposures {
            if exposure.target != current {
                if current != nil { html.append("</div>") }
                current = exposure.target
                html.append("<div class=\"target\"><h4>\(escape(AnalysisTextRenderer.targetLabel(exposure)))</h4>")
            }
            html += exposureDetails(exposure, services: exposure.services)
        }
        html.append("</div>")
        return html
    }

    /// One exposure, collapsed: its verdict, zone and `services` (all of them, or what a
    /// change opens), then the reason and what is missing when unknown, the path, the
    /// return path and the caveats.
    static func exposureDetails(_ exposure: Exposure, services: ServiceSet) -> [String] {
        let rows = ServiceRow.rows(of: services).map { $0.text(naming: exposure.role) }
        let word = exposure.verdict == .reachable ? "OPEN" : "UNKNOWN"
        var html = ["<details class=\"exposure \(exposure.verdict.rawValue)\"><summary><b class=\"verdict-\(exposure.verdict.rawValue)\">\(word)</b> from \(escape(exposure.zone.description)): \(escape(rows.joined(separator: "; ")))</summary>"]
        if let reason = exposure.reason { html.append("<p>reason: \(escape(reason))</p>") }
        if !exposure.missing.isEmpty { html.append("<p>missing:</p><ul>" + exposure.missing.map { "<li>\(escape($0.description))</li>" }.joined() + "</ul>") }
        html.append("<p>path:</p>" + hopList(exposure.path))
        if !exposure.returnPath.isEmpty { html.append("<p>return:</p>" + hopList(exposure.returnPath)) }
        for caveat in exposure.caveats { html.append("<p>caveat: \(escape(caveat.description))</p>") }
        html.append("</details>")
        return html
    }

    /// A path as a numbered list: component, kind, what decided.
    static func hopList(_ path: [Hop]) -> String {
        "<ol class=\"path\">" + PathText.hops(path).map { hop in
            "<li><code>\(escape(hop.component.id))</code> <small>[\(escape(hop.component.kind.rawValue))]</small> \(escape(hop.explanation))</li>"
        }.joined() + "</ol>"
    }

    /// What the input leaves out, how many warnings it printed, and what was assumed.
    static func inputSection(_ report: AnalysisReport) -> [String] {
        var html: [String] = []
        if !report.missingExports.isEmpty {
            html.append("<h3>Incomplete input: verdicts that depend on what is missing are unknown</h3><ul>")
            html += report.missingExports.map { "<li>no <code>\(escape($0.rawValue))</code> (<code>\(escape($0.command))</code>): \(escape($0.effect))</li>" }
            html.append("</ul>")
        }
        if !report.skipped.isEmpty {
            html.append("<h3>Not analysed</h3><ul>")
            html += report.skipped.map { "<li><code>\(escape($0.resource))</code> (\(escape($0.kind.rawValue))): \(escape($0.reason))</li>" }
            html.append("</ul>")
        }
        if report.warningCount > 0 {
            html.append("<p>Import: \(escape(AnalysisTextRenderer.plural(report.warningCount, "warning"))), printed on standard error.</p>")
        }
        if !report.assumptions.isEmpty {
            html.append("<h3>Assumptions</h3><ul class=\"assumptions\">")
            html += report.assumptions.map { "<li>\(escape($0))</li>" }
            html.append("</ul>")
        }
        return html
    }

    /// Baseline entries that matched nothing.
    static func staleSection(_ stale: [Baseline.Entry]) -> [String] {
        guard !stale.isEmpty else { return [] }
        var html = ["<section class=\"stale\"><h2>Stale baseline entries (they match no finding; delete them)</h2><ul>"]
        html += stale.map { entry in
            "<li><code>\(escape(entry.id))</code> \(escape([entry.rule, entry.resource].compactMap { $0 }.joined(separator: " "))): \(escape(entry.reason.isEmpty ? "no reason given" : entry.reason))</li>"
        }
        html.append("</ul></section>")
        return html
    }
}
