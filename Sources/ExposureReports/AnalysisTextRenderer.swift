import ExposureAudit
import ExposureModel
import ExposureSolver

/// Renders analysis reports as a readable terminal report.
public enum AnalysisTextRenderer {
    public static func render(_ reports: [AnalysisReport]) -> String {
        reports.map(render).joined(separator: "\n")
    }

    static func render(_ report: AnalysisReport) -> String {
        var lines: [String] = []
        let reachable = report.exposures.filter { $0.verdict == .reachable }
        let unknown = report.exposures.filter { $0.verdict == .unknown }
        let zones = Set(reachable.map(\.zone)).sorted().map(\.description)
        lines.append("exposure analyze: \(report.input)")
        let interfaces = "\(report.targetCount) \(report.scope == .emrNodes ? "EMR node " : "")interface\(report.targetCount == 1 ? "" : "s")"
        let scope: String
        switch report.scope {
        case .emrNodes: scope = ""
        case .allInterfaces: scope = " (every interface)"
        case .allInterfacesWithoutCluster: scope = " (every interface: the input has no EMR cluster)"
        }
        lines.append(
            "\(interfaces) analysed\(scope): \(reachable.count) reachable exposure\(reachable.count == 1 ? "" : "s")\(zones.isEmpty ? "" : " from \(zones.joined(separator: ", "))"), \(unknown.count) unknown")
        lines += importLines(report)
        lines += findingLines(report.findings)
        lines += clusterLines(report.clusters)
        if !report.exposures.isEmpty {
            lines.append("")
            lines.append("Exposures, with the path that proves each:")
        }
        var currentTarget: NetworkInterfaceID?
        for exposure in report.exposures {
            if exposure.target != currentTarget {
                currentTarget = exposure.target
                var label = exposure.target.rawValue
                var details: [String] = []
                if let cluster = exposure.cluster, let role = exposure.role { details.append("\(cluster) \(role.rawValue)") }
                if let instance = exposure.instance { details.append(instance.rawValue) }
                if !details.isEmpty { label += " (\(details.joined(separator: ", ")))" }
                lines.append("")
                lines.append(label)
            }
            let services = ServiceRow.rows(of: exposure.services).map { $0.text(naming: exposure.role) }
            lines.append("  \(exposure.verdict == .reachable ? "OPEN   " : "UNKNOWN") from \(exposure.zone): \(services.joined(separator: "; "))")
            if let reason = exposure.reason { lines.append("    reason: \(reason)") }
            lines += exposure.missing.map { "    missing: \($0)" }
            lines.append("    path:   " + exposure.path.map(\.description).joined(separator: "\n            -> "))
            if !exposure.returnPath.isEmpty {
                lines.append("    return: " + exposure.returnPath.map(\.description).joined(separator: "\n            -> "))
            }
            for caveat in exposure.caveats { lines.append("    caveat: \(caveat)") }
        }
        if report.exposures.isEmpty {
            lines.append("")
            lines.append("No zone outside each interface's own can open any port.")
        }
        if !report.assumptions.isEmpty {
            lines.append("")
            lines.append("Assumptions:")
            lines += report.assumptions.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
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
            lines.append("Import: \(report.warningCount) warning\(report.warningCount == 1 ? "" : "s"), printed on standard error")
        }
        return lines
    }

    /// The findings, worst first: severity, rule, resource, id, message, what the cause
    /// affects, evidence and fix.
    static func findingLines(_ findings: [Finding]) -> [String] {
        let counts = Severity.allCases.compactMap { severity -> String? in
            let count = findings.filter { $0.severity == severity }.count
            return count == 0 ? nil : "\(count) \(severity.rawValue)"
        }
        var lines = ["", "Findings: \(counts.isEmpty ? "none" : counts.joined(separator: ", "))"]
        for finding in findings {
            lines.append("")
            lines.append("  \(finding.severity.rawValue.uppercased()) \(finding.rule) \(finding.resource) [\(finding.id)]")
            lines.append("    \(finding.message)")
            for (index, target) in finding.affected.enumerated() {
                lines.append((index == 0 ? "    affects:  " : "              ") + "\(target.severity.rawValue): \(target.detail)")
            }
            for (index, item) in finding.evidence.enumerated() {
                lines.append((index == 0 ? "    evidence: " : "              ") + item)
            }
            if !finding.path.isEmpty {
                // One line of components; a component two hops in a row name is shown once.
                let components = finding.path.map(\.component).enumerated().filter { index, component in
                    index == 0 || finding.path[index - 1].component != component
                }.map(\.element.id)
                lines.append("    path:     " + components.joined(separator: " -> "))
            }
            lines.append("    fix:      \(finding.remediation)")
        }
        return lines
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
}
