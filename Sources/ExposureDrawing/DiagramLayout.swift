/// Where every box, label and line of a `Diagram` goes: the origins in a row at the top,
/// the VPCs in a grid below with gutters between them for the lines; inside each VPC, its
/// title, its edge gateways in rows (each row under a lane band), an inner lane, then its
/// subnets in a grid, each subnet's boxes stacked.
///
/// Lines run only in gutters and lane bands: down from an origin, along the gutter below
/// the origins, down the column gutter left of the target's VPC, into the VPC along the
/// band above the edge gateway, through it, then along the inner lane and down the gutter
/// beside the subnet to the box. No two boxes overlap unless one holds the other, and
/// every label is cut to fit its box.
public struct DiagramLayout: Sendable {
    /// One placed box.
    public struct PlacedBox: Sendable {
        public let box: DiagramBox
        public let frame: DiagramRect
        /// The index of the box holding this one, in `boxes`.
        public let parent: Int?
        /// The title as drawn (cut to fit), where its baseline starts, and the area it takes.
        public let title: Label
        public let subtitle: Label?
    }

    /// One line of text in a box.
    public struct Label: Sendable {
        public let text: String
        public let size: DiagramText.Size
        /// The left end of the baseline.
        public let origin: DiagramPoint
        /// The area the text takes, estimated.
        public let frame: DiagramRect
    }

    /// One routed line.
    public struct PlacedLine: Sendable {
        public let line: DiagramLine
        /// The index of the line in the diagram's `lines`.
        public let index: Int
        /// The corners of the line, first to last; every segment is horizontal or vertical.
        public let points: [DiagramPoint]
    }

    /// Parents before their children: origins, then each VPC, its edge gateways, its
    /// subnets and their boxes.
    public let boxes: [PlacedBox]
    public let lines: [PlacedLine]
    public let width: Int
    public let height: Int
    /// The index in `boxes` of the box standing for each element.
    private let indexes: [DiagramElement: Int]

    /// Lays `diagram` out.
    ///
    /// - Complexity: O(*b* + *l* · *s*) in the boxes and lines (with *s* stops a line), after
    ///   O(*v*²) to choose the number of VPC columns, *v* the number of VPCs.
    public init(_ diagram: Diagram) {
        var engine = LayoutEngine()
        engine.place(diagram)
        boxes = engine.boxes
        lines = diagram.lines.enumerated().compactMap { index, line in
            let points = engine.route(line, lane: index % Metrics.lanes)
            return points.count < 2 ? nil : PlacedLine(line: line, index: index, points: points)
        }
        width = engine.width
        height = engine.height
        indexes = engine.index
    }

    /// The index in `boxes` of the box standing for `element`; `nil` when it is not drawn.
    public func index(of element: DiagramElement) -> Int? { indexes[element] }
}
