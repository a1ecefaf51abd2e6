import ExposureAudit
import ExposureDrawing

/// A diagram laid out for one page, with the HTML id of each drawn line and the lines
/// each finding highlights.
struct Drawing {
    let layout: DiagramLayout
    /// The id of each drawn line, by its index in the diagram's lines.
    private let ids: [Int: String]
    /// The ids of the lines whose findings include each finding.
    let linesByFinding: [FindingID: [String]]

    /// Lays `diagram` out, naming its lines `PREFIX-lN`.
    ///
    /// - Complexity: that of `DiagramLayout`, plus O(*l* · *f*) in the lines and their findings.
    init(_ diagram: Diagram, prefix: String) {
        layout = DiagramLayout(diagram)
        var ids: [Int: String] = [:]
        var byFinding: [FindingID: [String]] = [:]
        for placed in layout.lines {
            let id = "\(prefix)-l\(placed.index)"
            ids[placed.index] = id
            for finding in placed.line.findings { byFinding[finding, default: []].append(id) }
        }
        self.ids = ids
        linesByFinding = byFinding
    }

    /// The id of line `index` of the diagram; `nil` when it is not drawn.
    func id(ofLine index: Int) -> String? { ids[index] }
}
