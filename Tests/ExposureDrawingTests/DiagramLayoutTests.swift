import ExposureAudit
import ExposureDrawing
import ExposureModel
import ExposureReports
import ExposureSolver
import Testing

/// The layout model keeps every box apart from every other at its level, every label
/// inside its box, and every line in the gutters.
@Suite("Diagram layout")
struct DiagramLayoutTests {
    static func layout(_ name: String) throws -> (Diagram, DiagramLayout) {
        let report = try DrawingInputs.report(name)
        let diagram = Diagram(topology: report.topology, exposures: report.exposures, findings: report.findings)
        return (diagram, DiagramLayout(diagram))
    }

    /// Whether `ancestor` holds `box`, directly or further up.
    static func holds(_ layout: DiagramLayout, _ ancestor: Int, _ box: Int) -> Bool {
        var current = layout.boxes[box].parent
        while let parent = current {
            if parent == ancestor { return true }
            current = layout.boxes[parent].parent
        }
        return false
    }

    @Test("No box overlaps another unless one holds the other", arguments: DrawingInputs.names)
    func noOverlaps(name: String) throws {
        let (_, layout) = try DiagramLayoutTests.layout(name)
        #expect(!layout.boxes.isEmpty)
        let boxes = layout.boxes
        // Sorted by left edge, each box is compared only with those starting before it ends.
        let order = boxes.indices.sorted { boxes[$0].frame.x < boxes[$1].frame.x }
        var overlaps: [String] = []
        for (position, first) in order.enumerated() {
            for second in order[(position + 1)...] {
                if boxes[second].frame.x >= boxes[first].frame.maxX { break }
                guard boxes[first].frame.overlaps(boxes[second].frame) else { continue }
                if DiagramLayoutTests.holds(layout, first, second) || DiagramLayoutTests.holds(layout, second, first) { continue }
                overlaps.append("\(boxes[first].box.element.key) and \(boxes[second].box.element.key)")
            }
        }
        #expect(overlaps.isEmpty, "\(overlaps.prefix(5))")
    }

    @Test("Every box lies inside its parent and the drawing; every label inside its box", arguments: DrawingInputs.names)
    func containment(name: String) throws {
        let (_, layout) = try DiagramLayoutTests.layout(name)
        let canvas = DiagramRect(x: 0, y: 0, width: layout.width, height: layout.height)
        for box in layout.boxes {
            #expect(canvas.contains(box.frame), "\(box.box.element.key) is outside the drawing")
            if let parent = box.parent {
                #expect(layout.boxes[parent].frame.contains(box.frame), "\(box.box.element.key) leaves its parent")
            }
            for label in [box.title] + [box.subtitle].compactMap({ $0 }) {
                #expect(box.frame.contains(label.frame), "the label '\(label.text)' of \(box.box.element.key) leaves its box")
                #expect(DiagramText.width(of: label.text, size: label.size) <= box.frame.width - 8)
            }
        }
    }

    @Test("Lines run in horizontal and vertical segments, through no box but their own stops, and across no label", arguments: DrawingInputs.names)
    func linesStayInGutters(name: String) throws {
        let (_, layout) = try DiagramLayoutTests.layout(name)
        let solid = layout.boxes.indices.filter { [.origin, .edge, .chip].contains(layout.boxes[$0].box.element.placement) }
        // VPC and subnet boxes are crossed at their borders, never at their titles.
        let labels = layout.boxes.filter { [.vpc, .subnet].contains($0.box.element.placement) }
            .flatMap { box in ([box.title] + [box.subtitle].compactMap { $0 }).map { (box.box.element.key, $0.frame) } }
        for placed in layout.lines {
            let stops = Set(placed.line.stops.compactMap { layout.index(of: $0) })
            for (start, end) in zip(placed.points, placed.points.dropFirst()) {
                #expect(start.x == end.x || start.y == end.y, "a diagonal segment in \(placed.line.stops.map(\.key))")
                let segment = DiagramRect(x: min(start.x, end.x), y: min(start.y, end.y), width: abs(end.x - start.x) + 1, height: abs(end.y - start.y) + 1)
                for box in solid where !stops.contains(box) {
                    let frame = layout.boxes[box].frame
                    let inner = DiagramRect(x: frame.x + 1, y: frame.y + 1, width: frame.width - 2, height: frame.height - 2)
                    #expect(!inner.overlaps(segment), "a line of \(placed.line.stops.map(\.key)) crosses \(layout.boxes[box].box.element.key)")
                }
                for (key, frame) in labels {
                    #expect(!frame.overlaps(segment), "a line of \(placed.line.stops.map(\.key)) crosses the title of \(key)")
                }
            }
        }
    }

    @Test("Every exposure and egress gap is drawn as a line", arguments: DrawingInputs.names)
    func everythingDrawn(name: String) throws {
        let report = try DrawingInputs.report(name)
        let diagram = Diagram(topology: report.topology, exposures: report.exposures, findings: report.findings)
        let layout = DiagramLayout(diagram)
        let drawn = layout.lines.map(\.line)
        for line in diagram.lines {
            #expect(line.stops.allSatisfy { layout.index(of: $0) != nil }, "a stop of \(line.stops.map(\.key)) is not drawn")
        }
        #expect(layout.lines.count == diagram.lines.count)
        for exposure in report.exposures where exposure.verdict != .blocked {
            #expect(drawn.contains { $0.zone == exposure.zone && $0.interfaces.contains(exposure.target) && $0.verdict == exposure.verdict },
                "\(exposure.zone) to \(exposure.target) is not drawn")
        }
        for finding in report.findings where finding.repositoryEgress != nil {
            for interface in finding.affected.flatMap(\.interfaces) {
                #expect(drawn.contains { $0.findings.contains(finding.id) && $0.interfaces.contains(interface) && $0.stops.last == .repositories })
            }
        }
    }

    @Test("The generated region has 100 subnets in 20 VPCs, laid out at most 1,800 pixels wide")
    func regionSize() throws {
        let (diagram, layout) = try DiagramLayoutTests.layout(DrawingInputs.regionName)
        #expect(diagram.vpcs.count == 20)
        #expect(layout.boxes.filter { $0.box.element.placement == .subnet }.count == 100)
        #expect(layout.width <= 1_800)
        // The VPCs with exposures come first, so the exposures are at the top of the drawing.
        let firstQuiet = diagram.vpcs.firstIndex { if case .plain = $0.marking { true } else { false } } ?? diagram.vpcs.count
        #expect(diagram.vpcs[firstQuiet...].allSatisfy { if case .plain = $0.marking { true } else { false } })
    }

    @Test("Origins that do not fit one row wrap, and the drawing stays within the target width")
    func originsWrap() throws {
        let (diagram, layout) = try DiagramLayoutTests.layout("fixture:many-tenants")
        #expect(diagram.origins.count >= 15)
        let rows = Set(layout.boxes.filter { $0.box.element.placement == .origin }.map(\.frame.y))
        #expect(rows.count >= 2)
        #expect(layout.width <= 1_800)
    }

    @Test("Layouts are the same every time")
    func deterministic() throws {
        let (_, first) = try DiagramLayoutTests.layout("peering-transit-hub")
        let (_, second) = try DiagramLayoutTests.layout("peering-transit-hub")
        #expect(first.boxes.map(\.frame) == second.boxes.map(\.frame))
        #expect(first.lines.map(\.points) == second.lines.map(\.points))
    }
}
