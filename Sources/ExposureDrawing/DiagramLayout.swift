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
    }

    /// The index of the box standing for `element`.
    public func index(of element: DiagramElement) -> Int? {
        boxes.firstIndex { $0.box.element == element }
    }
}

/// The drawing's sizes, in CSS pixels.
enum Metrics {
    /// Around the whole drawing.
    static let margin = 16
    /// Width of the gutters between VPCs (and below the origins), where lines run.
    static let gutter = 48
    /// Lines share a gutter in this many lanes.
    static let lanes = 5
    static let laneStep = 5
    static let laneInset = 4
    /// The widest the VPC grid may grow before it wraps to another row.
    static let targetWidth = 1800

    static let originHeight = 44
    static let originMinimumWidth = 128
    static let originMaximumWidth = 264
    static let originGap = 20

    /// Edge gateways sit in rows at the top of their VPC, each row under a lane band.
    static let edgeHeight = 34
    static let bandHeight = 14
    static let bandLanes = 3
    static let edgeMinimumWidth = 96
    static let edgeMaximumWidth = 232
    static let edgeGap = 8
    /// An edge gateway grows for its second line up to this width, then cuts it.
    static let edgeSubtitleWidth = 150

    /// Inside a VPC: the title band, the edge rows, the inner lane, then the subnets.
    static let vpcPadding = 28
    static let vpcTitleInset = 12
    static let vpcTitleBand = 42
    static let vpcLaneBand = 22
    static let innerLaneStep = 4
    static let vpcBottom = 14
    static let maximumSubnetColumns = 6
    /// A VPC grows to show this much of its title before cutting it.
    static let vpcTitleWidth = 400

    static let subnetWidth = 212
    static let subnetHeader = 40
    static let subnetRowGap = 14
    static let subnetBottom = 8
    static let chipInset = 8
    static let chipHeight = 34
    static let chipGap = 6
    static let textInset = 8
}
