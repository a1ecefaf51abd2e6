import ExposureAudit
import ExposureDrawing
import ExposureModel
import ExposureSolver

/// Renders the drawing's graph for Graphviz: each VPC and subnet a cluster, each box a
/// node, each exposure, egress gap and link an edge (coloured by severity, dashed for
/// gaps, dotted for unknowns), with the same tooltips as the HTML report.
public enum DOTRenderer {
    /// An `analyze` run: one graph, each input in a cluster of its own when there are several.
    ///
    /// - Complexity: per input, building its diagram (see `Diagram`) and writing each box
    ///   and line once.
    public static func render(_ review: Review) -> String {
        var lines = ["digraph exposure {"] + header
        for (offset, report) in review.reports.enumerated() {
            let findings = review.findings.filter { $0.input == report.input }.map(\.finding)
            let diagram = Diagram(topology: report.topology, exposures: report.exposures, findings: findings)
            let prefix = review.reports.count == 1 ? "" : "r\(offset + 1)/"
            if review.reports.count > 1 {
                lines.append("  subgraph \(quoted("cluster_\(prefix)input")) {")
                lines.append("    label=\(quoted(report.input));")
            }
            lines += graph(diagram, prefix: prefix, indent: review.reports.count > 1 ? "    " : "  ")
            if review.reports.count > 1 { lines.append("  }") }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// An `exposure diff`: the after network with the exposures and findings the change
    /// opens and introduces.
    ///
    /// - Complexity: building the after side's diagram of what is opened, and writing it.
    public static func render(_ diff: DiffReview) -> String {
        guard let report = diff.after.reports.first else { return "digraph exposure {\n}\n" }
        let shown = diff.opened.map { DiagramExposure($0.exposure, services: $0.services) }
        let diagram = Diagram(topology: report.topology, shown: shown, findings: diff.introduced.map(\.finding))
        return (["digraph exposure {"] + header + ["  label=\(quoted("exposure diff: what \(diff.after.inputNames) opens"));"] + graph(diagram, prefix: "", indent: "  ") + ["}"])
            .joined(separator: "\n") + "\n"
    }

    static let header = [
        "  graph [rankdir=TB, fontname=\"monospace\", fontsize=11, compound=true, newrank=true];",
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"white\", fontname=\"monospace\", fontsize=10];",
        "  edge [fontname=\"monospace\", fontsize=9];",
    ]

    /// The origins at the top, the VPCs as clusters, then the edges.
    static func graph(_ diagram: Diagram, prefix: String, indent: String) -> [String] {
        var lines = ["\(indent){ rank=min;"]
        lines += diagram.origins.map { "\(indent)  " + node($0, prefix: prefix) }
        lines.append("\(indent)}")
        for vpc in diagram.vpcs {
            lines.append("\(indent)subgraph \(quoted("cluster_\(prefix)\(vpc.element.key)")) {")
            lines.append("\(indent)  label=\(quoted([vpc.title, vpc.subtitle].compactMap { $0 }.joined(separator: "\n"))); tooltip=\(quoted(vpc.detail)); style=\"rounded\"; color=\"#374151\";")
            for child in vpc.children {
                if child.element.placement == .subnet {
                    let colour = child.marking == .publicSubnet ? "#fff7ed" : (child.marking == .unknownSubnet ? "#faf5ff" : "#eff6ff")
                    lines.append("\(indent)  subgraph \(quoted("cluster_\(prefix)\(child.element.key)")) {")
                    lines.append("\(indent)    label=\(quoted([child.title, child.subtitle].compactMap { $0 }.joined(separator: "\n"))); tooltip=\(quoted(child.detail)); style=\"filled\"; fillcolor=\"\(colour)\";")
                    // A subnet with nothing drawn inside still shows as a cluster.
                    if child.children.isEmpty { lines.append("\(indent)    \(quoted("\(prefix)\(child.element.key)/empty")) [shape=point, style=invis];") }
                    lines += child.children.map { "\(indent)    " + node($0, prefix: prefix) }
                    lines.append("\(indent)  }")
                } else {
                    lines.append("\(indent)  " + node(child, prefix: prefix))
                }
            }
            lines.append("\(indent)}")
        }
        for line in diagram.lines {
            lines += edges(line, prefix: prefix).map { indent + $0 }
        }
        return lines
    }

    /// One box as a node, with its two lines and its tooltip.
    static func node(_ box: DiagramBox, prefix: String) -> String {
        var attributes = ["label=\(quoted([box.title, box.subtitle].compactMap { $0 }.joined(separator: "\n")))", "tooltip=\(quoted(box.detail))"]
        switch box.marking {
        case .exposed(let severity): attributes.append("color=\"\(DiagramPalette.colour(of: severity))\", penwidth=2")
        case .cutOff(let severity): attributes.append("color=\"\(DiagramPalette.colour(of: severity))\", style=\"rounded,dashed,filled\", penwidth=2")
        case .undecided: attributes.append("color=\"\(DiagramPalette.colour(of: nil))\", style=\"rounded,dashed,filled\"")
        default: break
        }
        if box.element.placement == .edge { attributes.append("fillcolor=\"#f3f4f6\"") }
        if box.element.placement == .origin { attributes.append("shape=box3d") }
        return "\(quoted(prefix + box.element.key)) [\(attributes.joined(separator: ", "))];"
    }

    /// A line as edges between consecutive stops, labelled on its first edge.
    static func edges(_ line: DiagramLine, prefix: String) -> [String] {
        var style: [String]
        switch line.kind {
        case .exposure(.reachable, let severity): style = ["color=\"\(DiagramPalette.colour(of: severity))\"", "penwidth=2"]
        case .exposure(_, let severity): style = ["color=\"\(DiagramPalette.colour(of: severity))\"", "style=dotted", "penwidth=2"]
        case .egressGap(let severity, .unverified): style = ["color=\"\(DiagramPalette.colour(of: severity))\"", "style=dotted", "penwidth=2"]
        case .egressGap(let severity, _): style = ["color=\"\(DiagramPalette.colour(of: severity))\"", "style=dashed", "penwidth=2"]
        case .link: style = ["color=\"\(DiagramPalette.link)\"", "dir=none"]
        }
        if line.kind != .link { style.append("tooltip=\(quoted(line.summary))") }
        let services = ServiceRow.rows(of: line.services).map { $0.text(naming: line.role, withServiceNames: false) }.joined(separator: "; ")
        return zip(line.stops, line.stops.dropFirst()).enumerated().map { offset, pair in
            let label = offset == 0 && !services.isEmpty ? ["label=\(quoted(services))"] : []
            return "\(quoted(prefix + pair.0.key)) -> \(quoted(prefix + pair.1.key)) [\((style + label).joined(separator: ", "))];"
        }
    }

    /// A DOT string: quotes and backslashes escaped, line breaks as `\n`, other control
    /// characters dropped.
    static func quoted(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default:
                if scalar.value >= 0x20 && scalar.value != 0x7F { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped + "\""
    }
}
