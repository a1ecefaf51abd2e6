import ExposureAudit
import ExposureDrawing
import ExposureModel
import ExposureSolver

extension HTMLRenderer {
    /// The laid-out network as inline SVG: containers (VPCs, subnets) at the back, then the
    /// lines, then the boxes lines start and end at, so a line never covers a label. Every
    /// box and line has a `<title>` with what it stands for.
    static func svg(_ layout: DiagramLayout, prefix: String, input: String) -> String {
        let vpcs = layout.boxes.filter { $0.box.element.placement == .vpc }.count
        let subnets = layout.boxes.filter { $0.box.element.placement == .subnet }.count
        let exposures = layout.lines.filter { $0.line.verdict != nil }.count
        var svg = [
            "<figure class=\"drawing\"><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"network\" viewBox=\"0 0 \(layout.width) \(layout.height)\" width=\"\(layout.width)\" height=\"\(layout.height)\" role=\"img\" aria-labelledby=\"\(prefix)-drawing\">",
            "<title id=\"\(prefix)-drawing\">\(escape("The network of \(input): \(vpcs) VPC\(vpcs == 1 ? "" : "s"), \(subnets) subnet\(subnets == 1 ? "" : "s"), \(exposures) exposure line\(exposures == 1 ? "" : "s")"))</title>",
            "<defs>",
        ]
        for tone in tones {
            svg.append("<marker id=\"\(prefix)-arrow-\(tone)\" class=\"tone-\(tone)\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker>")
        }
        svg.append("</defs>")
        let back = layout.boxes.filter { [.vpc, .subnet].contains($0.box.element.placement) }
        let front = layout.boxes.filter { ![.vpc, .subnet].contains($0.box.element.placement) }
        svg.append("<g class=\"containers\">")
        svg += back.map(box)
        svg.append("</g>")
        svg.append("<g class=\"lines\">")
        // Worst last, so it is on top where lines share a lane.
        svg += layout.lines.reversed().map { line(of: $0, prefix: prefix) }
        svg.append("</g>")
        svg.append("<g class=\"boxes\">")
        svg += front.map(box)
        svg.append("</g>")
        svg.append("</svg></figure>")
        return svg.joined(separator: "\n")
    }

    /// The colour classes lines and markers use: one per severity, unrated, link.
    static let tones = Severity.allCases.map(\.rawValue) + ["unrated", "link"]

    /// One box: its frame, its labels, its tooltip.
    static func box(_ placed: DiagramLayout.PlacedBox) -> String {
        let frame = placed.frame
        let classes = ["box", placement(placed.box.element.placement), marking(placed.box.marking)].joined(separator: " ")
        var parts = ["<g class=\"\(classes)\"><title>\(escape(placed.box.detail))</title>"]
        parts.append("<rect x=\"\(frame.x)\" y=\"\(frame.y)\" width=\"\(frame.width)\" height=\"\(frame.height)\" rx=\"\(placed.box.element.placement == .vpc ? 8 : 4)\"/>")
        if case .exposed = placed.box.marking, placed.box.element.placement == .chip || placed.box.element.placement == .origin {
            parts.append("<rect class=\"bar\" x=\"\(frame.x)\" y=\"\(frame.y)\" width=\"4\" height=\"\(frame.height)\"/>")
        }
        parts.append(label(placed.title, role: "title"))
        if let subtitle = placed.subtitle { parts.append(label(subtitle, role: "subtitle")) }
        parts.append("</g>")
        return parts.joined()
    }

    /// One line of a box's text at its place.
    static func label(_ label: DiagramLayout.Label, role: String) -> String {
        "<text class=\"\(role)\" x=\"\(label.origin.x)\" y=\"\(label.origin.y)\">\(escape(label.text))</text>"
    }

    /// The CSS class of where a box sits.
    static func placement(_ placement: DiagramElement.Placement) -> String {
        switch placement {
        case .origin: "origin"
        case .vpc: "vpc"
        case .edge: "edge"
        case .subnet: "subnet"
        case .chip: "chip"
        }
    }

    /// The CSS classes of how a box is marked.
    static func marking(_ marking: DiagramBox.Marking) -> String {
        switch marking {
        case .plain: "plain"
        case .publicSubnet: "public"
        case .privateSubnet: "private"
        case .unknownSubnet: "unknownsubnet"
        case .exposed(let severity): "exposed tone-\(severity?.rawValue ?? "unrated")"
        case .cutOff(let severity): "cutoff tone-\(severity.rawValue)"
        case .undecided: "undecided"
        }
    }

    /// One line: a wide white halo under the stroke, so crossings stay legible, an arrow at
    /// the end it points to, and a tooltip saying what it shows.
    static func line(of placed: DiagramLayout.PlacedLine, prefix: String) -> String {
        let points = placed.points.map { "\($0.x),\($0.y)" }.joined(separator: " ")
        let tone = placed.line.severity?.rawValue ?? (placed.line.kind == .link ? "link" : "unrated")
        let style: String
        switch placed.line.kind {
        case .exposure(.reachable, _): style = "open"
        case .exposure: style = "unknown"
        case .egressGap(_, let egress): style = egress == .unverified ? "gap unknown" : "gap"
        case .link: style = "link"
        }
        let marker = placed.line.kind == .link ? "" : " marker-end=\"url(#\(prefix)-arrow-\(tone))\""
        return "<g class=\"line \(style) tone-\(tone)\" id=\"\(prefix)-l\(placed.index)\"><title>\(escape(placed.line.summary))</title><polyline class=\"halo\" points=\"\(points)\"/><polyline class=\"stroke\" points=\"\(points)\"\(marker)/></g>"
    }
}
