import ExposureAudit
import ExposureModel
import ExposureSolver

/// Renders analysis reports as a readable terminal report, wrapped to the layout's width.
public enum AnalysisTextRenderer {
    /// One line of the report, with what its first word is coloured by.
    typealias Line = (text: String, tone: TextLayout.Tone?)

    /// The reports, reviewed by a gate that never fails.
    public static func render(_ reports: [AnalysisReport]) -> String {
        render(Review(reports, gate: .never))
    }

    /// The reviewed reports, one after another.
    public static func render(_ review: Review, layout: TextLayout = .plain) -> String {
        review.reports.map { report in
            layout.lay(lines(report, findings: review.findings.filter { $0.input == report.input }, review: review))
        }.joined(separator: "\n") + staleText(review, layout: layout)
    }

    static func lines(_ report: AnalysisReport, findings: [ReviewedFinding], review: Review) -> [Line] {
        var lines: [Line] = []
        lines.append(("exposure analyze: \(report.input)", nil))
        lines.append((scopeLine(report), nil))
        lines += importLines(report).map { ($0, nil) }
        lines += findingLines(findings, baseline: review.gate.baseline != nil)
        lines += clusterLines(report.clusters).map { ($0, nil) }
        if !report.exposures.isEmpty {
            lines.append(("", nil))
            lines.append(("Exposures, with the path that proves each:", nil))
        }
        var currentTarget: NetworkInterfaceID?
        for exposure in report.exposures {
            if exposure.target != currentTarget {
                currentTarget = exposure.target
                lines.append(("", nil))
                lines.append((targetLabel(exposure), nil))
            }
            lines += exposureLines(exposure, services: exposure.services)
        }
        if report.exposures.isEmpty {
            lines.append(("", nil))
            lines.append(("No zone outside each interface's own can open any port.", nil))
        }
        if !report.assumptions.isEmpty {
            lines.append(("", nil))
            lines.append(("Assumptions:", nil))
            lines += report.assumptions.map { ("  - \($0)", nil) }
        }
        return lines
    }

    /// `3 EMR node interfaces analysed: 2 reachable exposures from internet, 0 unknown`.
    static func scopeLine(_ report: AnalysisReport) -> String {
        let reachable = report.exposures.filter { $0.verdict == .reachable }
        let unknown = report.exposures.filter { $0.verdict == .unknown }
        let zones = Set(reachable.map(\.zone)).sorted().map(\.description)
        let interfaces = "\(NumberText.thousands(report.targetCount)) \(report.scope == .emrNodes ? "EMR node " : "")interface\(report.targetCount == 1 ? "" : "s")"
        let scope: String
        switch report.scope {
        case .emrNodes: scope = ""
        case .allInterfaces: scope = " (every interface)"
        case .allInterfacesWithoutCluster: scope = " (every interface: the input has no EMR cluster)"
        }
        return "\(interfaces) analysed\(scope): \(plural(reachable.count, "reachable exposure"))\(zones.isEmpty ? "" : " from \(zones.joined(separator: ", "))"), \(NumberText.thousands(unknown.count)) unknown"
    }

    /// `eni-1 (j-1 primary, i-1)`.
    static func targetLabel(_ exposure: Exposure) -> String {
        var label = exposure.target.rawValue
        var details: [String] = []
        if let cluster = exposure.cluster, let role = exposure.role { details.append("\(cluster) \(role.rawValue)") }
        if let instance = exposure.instance { details.append(instance.rawValue) }
        if !details.isEmpty { label += " (\(details.joined(separator: ", ")))" }
        return label
    }

    /// One exposure's services from its zone, and its path: each hop once, nothing after
    /// the hop that blocks.
    static func exposureLines(_ exposure: Exposure, services: ServiceSet) -> [Line] {
        var lines: [Line] = []
        let rows = ServiceRow.rows(of: services).map { $0.text(naming: exposure.role) }
        let word = exposure.verdict == .reachable ? "OPEN   " : "UNKNOWN"
        lines.append(("  \(word) from \(exposure.zone): \(rows.joined(separator: "; "))", .verdict(exposure.verdict)))
        if let reason = exposure.reason { lines.append(("    reason: \(reason)", nil)) }
        lines += exposure.missing.map { ("    missing: \($0)", nil) }
        lines += hopLines("    path:   ", PathText.hops(exposure.path))
        if !exposure.returnPath.isEmpty { lines += hopLines("    return: ", PathText.hops(exposure.returnPath)) }
        for caveat in exposure.caveats { lines.append(("    caveat: \(caveat)", nil)) }
        return lines
    }

    /// A path, one hop to a line after `label`, each continued with an arrow.
    static func hopLines(_ label: String, _ hops: [Hop]) -> [Line] {
        hops.enumerated().map { index, hop in
            ((index == 0 ? label : String(repeating: " ", count: label.count) + "-> ") + hop.description, nil)
        }
    }

    /// Baseline entries that matched nothing, after every input.
    static func staleText(_ review: Review, layout: TextLayout) -> String {
        guard !review.stale.isEmpty else { return "" }
        var lines: [Line] = [("", nil), ("Stale baseline entries (they match no finding; delete them):", nil)]
        lines += review.stale.map { entry in
            ("  \(entry.id) \([entry.rule, entry.resource].compactMap { $0 }.joined(separator: " ")): \(entry.reason.isEmpty ? "no reason given" : entry.reason)", nil)
        }
        return layout.lay(lines)
    }

    /// What the input leaves out: missing AWS CLI calls, skipped resources, and how many
    /// warnings the import printed.
    static func importLines(_ report: AnalysisReport) -> [String] {
        var lines: [String] = []
        if !report.missingExports.isEmpty {
            lines.append("")
            lines.append("Incomplete input: verdicts that depend on what is missing are unknown")
            for call in report.missingExports {
                lines.append("  - no \(call.rawValue) (`\(call.command)`): \(call.effect)")
            }
        }
        if !report.skipped.isEmpty {
            lines.append("")
            lines.append("Not analysed:")
            lines += report.skipped.map { "  - \($0.resource) (\($0.kind.rawValue)): \($0.reason)" }
        }
        if report.warningCount > 0 {
            lines.append("")
            lines.append("Import: \(plural(report.warningCount, "warning")), printed on standard error")
        }
        return lines
    }

    /// The findings, worst first: severity, rule, resource, id, message, what the cause
    /// affects, the baseline's word on it, evidence, path and fix.
    static func findingLines(_ findings: [ReviewedFinding], baseline: Bool, title: String = "Findings") -> [Line] {
        let counts = severityCounts(findings.map(\.finding))
        var header = "\(title): \(counts.isEmpty ? "none" : counts.joined(separator: ", "))"
        if baseline {
            header += "; \(NumberText.thousands(findings.filter(\.status.isAccepted).count)) accepted by the baseline"
        }
        var lines: [Line] = [("", nil), (header, nil)]
        for reviewed in findings {
            let finding = reviewed.finding
            lines.append(("", nil))
            lines.append(("  \(finding.severity.rawValue.uppercased()) \(finding.rule) \(finding.resource) [\(finding.id)]", .severity(finding.severity)))
            lines.append(("    \(finding.message)", nil))
            for (index, target) in finding.affected.enumerated() {
                lines.append(((index == 0 ? "    affects:  " : "              ") + "\(target.severity.rawValue): \(target.detail)", nil))
            }
            switch reviewed.status {
            case .accepted(let entry):
                lines.append(("    accepted: \(acceptanceText(entry)); it does not fail the gate", nil))
            case .expired(let entry, let failing):
                lines.append(("    expired:  \(acceptanceText(entry)); the acceptance has lapsed\(failing ? ", so it fails the gate again" : "")", nil))
            case .failing, .passing:
                break
            }
            for (index, item) in finding.evidence.enumerated() {
                lines.append(((index == 0 ? "    evidence: " : "              ") + item, nil))
            }
            if !finding.path.isEmpty {
                lines.append(("    path:     " + PathText.components(finding.path).joined(separator: " -> "), nil))
            }
            lines.append(("    fix:      \(finding.remediation)", nil))
        }
        return lines
    }

    /// `until 2027-03-31: the partner's VPN is being retired`.
    static func acceptanceText(_ entry: Baseline.Entry) -> String {
        "\(entry.expires.map { "until \($0)" } ?? "with no end date"): \(entry.reason.isEmpty ? "no reason given" : entry.reason)"
    }

    /// The cluster port report: each cluster, each role, what each zone opens.
    static func clusterLines(_ clusters: [ClusterPortSummary]) -> [String] {
        guard !clusters.isEmpty else { return [] }
        var lines = ["", "Cluster ports:"]
        for cluster in clusters {
            var details = [cluster.releaseLabel, cluster.amazonLinux].compactMap { $0 }
            if let name = cluster.name { details.insert(name, at: 0) }
            let subnets = cluster.subnets.map { "\($0.id) (\($0.isPublic ? "public" : "private") for EMR)" }.joined(separator: ", ")
            lines.append("  \(cluster.cluster)\(details.isEmpty ? "" : " (\(details.joined(separator: ", ")))") in \(subnets.isEmpty ? "no subnet" : subnets)")
            for role in cluster.roles {
                let nodes = role.interfaces.map(\.rawValue).joined(separator: ", ")
                if role.zones.isEmpty {
                    lines.append("    \(role.role.rawValue) (\(nodes)): no zone outside its own opens any port")
                    continue
                }
                lines.append("    \(role.role.rawValue) (\(nodes)):")
                for zone in role.zones {
                    if !zone.reachable.isEmpty {
                        lines.append("      \(zone.zone): \(ServiceRow.rows(of: zone.reachable).map { $0.text(naming: role.role) }.joined(separator: "; "))")
                    }
                    if !zone.unknown.isEmpty {
                        lines.append("      \(zone.zone) (unknown): \(ServiceRow.rows(of: zone.unknown).map { $0.text(naming: role.role) }.joined(separator: "; "))")
                    }
                }
            }
        }
        return lines
    }

    /// `2 critical`, `1,204 high`: how many findings of each severity there are, worst first.
    static func severityCounts(_ findings: [Finding]) -> [String] {
        Severity.allCases.compactMap { severity in
            let count = findings.filter { $0.severity == severity }.count
            return count == 0 ? nil : "\(NumberText.thousands(count)) \(severity.rawValue)"
        }
    }

    /// `1 reachable exposure`, `1,204 reachable exposures`.
    static func plural(_ count: Int, _ noun: String) -> String {
        "\(NumberText.thousands(count)) \(noun)\(count == 1 ? "" : "s")"
    }
}
