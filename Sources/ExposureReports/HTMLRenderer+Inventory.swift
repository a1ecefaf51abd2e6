import ExposureAudit
import ExposureDrawing
import ExposureModel
import ExposureSolver

extension HTMLRenderer {
    /// Everything the drawing shows, as a table, so nothing is only in the picture: the
    /// origins, each VPC with what is on its edge and in its subnets, and the links.
    static func inventory(_ diagram: Diagram) -> [String] {
        let subnets = diagram.vpcs.flatMap(\.children).filter { $0.element.placement == .subnet }
        let links = diagram.lines.filter { $0.kind == .link }
        var html = [
            "<details class=\"inventory\"><summary>The drawing as a list: \(AnalysisTextRenderer.plural(diagram.vpcs.count, "VPC")), \(AnalysisTextRenderer.plural(subnets.count, "subnet")), \(AnalysisTextRenderer.plural(links.count, "link"))</summary>"
        ]
        if !diagram.origins.isEmpty {
            html.append("<p>Above the VPCs:</p><ul>" + diagram.origins.map { "<li>\(escape($0.detail))</li>" }.joined() + "</ul>")
        }
        html.append("<table><thead><tr><th>VPC</th><th>on its edge</th><th>subnets and what they hold</th></tr></thead><tbody>")
        for vpc in diagram.vpcs {
            let edges = vpc.children.filter { $0.element.placement == .edge }.map { "<li>\(escape($0.detail))</li>" }.joined()
            let held = vpc.children.filter { $0.element.placement == .subnet }.map { subnet in
                let chips = subnet.children.map { "<li>\(escape([$0.title, $0.subtitle].compactMap { $0 }.joined(separator: ": ")))</li>" }.joined()
                return "<li>\(escape(subnet.detail))\(chips.isEmpty ? "" : "<ul>\(chips)</ul>")</li>"
            }.joined()
            html.append("<tr><td>\(escape(vpc.detail))</td><td><ul>\(edges)</ul></td><td><ul>\(held)</ul></td></tr>")
        }
        html.append("</tbody></table>")
        if !links.isEmpty {
            html.append("<p>Links:</p><ul>" + links.map { "<li>\(escape($0.summary))</li>" }.joined() + "</ul>")
        }
        html.append("</details>")
        return html
    }

    /// A note for exposures the drawing has no box for (an interface in a subnet the input
    /// does not describe): they are in the tables only.
    static func undrawnNote(_ shown: [DiagramExposure], layout: DiagramLayout) -> [String] {
        struct Drawn: Hashable {
            let zone: Zone
            let interface: NetworkInterfaceID
        }
        var drawn: Set<Drawn> = []
        for placed in layout.lines {
            guard let zone = placed.line.zone else { continue }
            for interface in placed.line.interfaces { drawn.insert(Drawn(zone: zone, interface: interface)) }
        }
        let missing = shown.filter { item in
            item.exposure.verdict != .blocked && !item.services.isEmpty && !drawn.contains(Drawn(zone: item.exposure.zone, interface: item.exposure.target))
        }
        guard !missing.isEmpty else { return [] }
        let targets = Array(Set(missing.map(\.exposure.target))).sorted().map(\.rawValue)
        return ["<p class=\"hint\">Not drawn: \(AnalysisTextRenderer.plural(missing.count, "exposure")) of \(escape(targets.joined(separator: ", "))), whose subnet the input does not describe; the tables below list them.</p>"]
    }
}
