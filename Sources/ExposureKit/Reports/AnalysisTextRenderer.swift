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
        lines.append(
            "\(report.targetCount) interface\(report.targetCount == 1 ? "" : "s") analysed: \(reachable.count) reachable exposure\(reachable.count == 1 ? "" : "s")\(zones.isEmpty ? "" : " from \(zones.joined(separator: ", "))"), \(unknown.count) unknown")
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
            lines.append("    path:   " + exposure.path.map(hopText).joined(separator: "\n            -> "))
            if !exposure.returnPath.isEmpty {
                lines.append("    return: " + exposure.returnPath.map(hopText).joined(separator: "\n            -> "))
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

    static func hopText(_ hop: Hop) -> String {
        "\(hop.component) [\(hop.kind)] \(hop.rule)"
    }
}
