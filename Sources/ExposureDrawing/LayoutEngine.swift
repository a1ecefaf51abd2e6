/// The state of one layout: boxes placed so far, the VPC grid's rows and columns, and where
/// each box sits in it, for routing.
struct LayoutEngine {
    typealias PlacedBox = DiagramLayout.PlacedBox
    typealias Label = DiagramLayout.Label

    /// Where a box sits, for routing.
    enum Slot {
        /// In origin row `row` (counted from the top).
        case origin(row: Int)
        /// In edge row `row` of the VPC at `vpc` (an index into `boxes`).
        case edge(vpc: Int, row: Int)
        /// In the subnet column `column` of the VPC at `vpc`.
        case chip(vpc: Int, column: Int)
        /// Anything else (VPCs and subnets: lines do not end there).
        case other
    }

    /// Where the parts of one placed VPC are, for routing.
    struct VPCPlace {
        let row: Int
        let column: Int
        /// The number of edge rows.
        let edgeRows: Int
        /// The left x of each subnet column.
        let subnetColumns: [Int]
    }

    private(set) var boxes: [PlacedBox] = []
    private(set) var width = 0
    private(set) var height = 0
    private(set) var slots: [Slot] = []
    private(set) var index: [DiagramElement: Int] = [:]
    /// For each VPC's box index, where its parts are.
    private(set) var places: [Int: VPCPlace] = [:]
    private(set) var columnX: [Int] = []
    private(set) var rowY: [Int] = []
    private(set) var originBottom = 0
    /// The bottom of each row of origins.
    private(set) var originRowBottoms: [Int] = []

    /// Places the origins in rows of the target width (leaving a gutter on the left for the
    /// lines of the upper rows when there are several), then the VPCs in as many columns as
    /// fit the target width.
    mutating func place(_ diagram: Diagram) {
        let widths = diagram.origins.map { origin in
            let natural = max(DiagramText.width(of: origin.title, size: .title), DiagramText.width(of: origin.subtitle ?? "", size: .detail))
            return min(max(natural + 2 * Metrics.textInset + 4, Metrics.originMinimumWidth), Metrics.originMaximumWidth)
        }
        let oneRow = widths.reduce(2 * Metrics.margin - Metrics.originGap) { $0 + $1 + Metrics.originGap } <= Metrics.targetWidth
        let left = oneRow ? Metrics.margin : Metrics.margin + Metrics.gutter
        var x = left
        var y = Metrics.margin
        var row = 0
        var widest = 0
        for (origin, width) in zip(diagram.origins, widths) {
            if x > left, x + width + Metrics.margin > Metrics.targetWidth {
                originRowBottoms.append(y + Metrics.originHeight)
                row += 1
                x = left
                y += Metrics.originHeight + Metrics.originBand
            }
            add(origin, DiagramRect(x: x, y: y, width: width, height: Metrics.originHeight), parent: nil, slot: .origin(row: row))
            x += width + Metrics.originGap
            widest = max(widest, x - Metrics.originGap)
        }
        if !diagram.origins.isEmpty { originRowBottoms.append(y + Metrics.originHeight) }
        originBottom = originRowBottoms.last ?? Metrics.margin
        let shapes = diagram.vpcs.map(VPCShape.init)
        let columns = Self.columnCount(for: shapes.map(\.width))
        var columnWidths = Array(repeating: 0, count: columns)
        var rowHeights: [Int] = []
        for (offset, shape) in shapes.enumerated() {
            columnWidths[offset % columns] = max(columnWidths[offset % columns], shape.width)
            if offset / columns >= rowHeights.count { rowHeights.append(0) }
            rowHeights[offset / columns] = max(rowHeights[offset / columns], shape.height)
        }
        var columnLeft = Metrics.margin + Metrics.gutter
        for width in columnWidths {
            columnX.append(columnLeft)
            columnLeft += width + Metrics.gutter
        }
        var top = originBottom + Metrics.gutter
        for height in rowHeights {
            rowY.append(top)
            top += height + Metrics.gutter
        }
        for (offset, vpc) in diagram.vpcs.enumerated() {
            let row = offset / columns
            let column = offset % columns
            placeVPC(vpc, shape: shapes[offset], at: DiagramPoint(x: columnX[column], y: rowY[row]), row: row, column: column)
        }
        width = max(widest + Metrics.margin, columnLeft - Metrics.gutter + Metrics.margin, 2 * Metrics.margin)
        height = (diagram.vpcs.isEmpty ? originBottom + Metrics.gutter : top - Metrics.gutter) + Metrics.margin
    }

    /// The most columns (up to the number of VPCs) whose widest members fit the target width.
    ///
    /// - Complexity: O(*v*²) in the number of VPCs.
    static func columnCount(for widths: [Int]) -> Int {
        guard !widths.isEmpty else { return 1 }
        for columns in stride(from: widths.count, to: 1, by: -1) {
            var maxima = Array(repeating: 0, count: columns)
            for (offset, width) in widths.enumerated() { maxima[offset % columns] = max(maxima[offset % columns], width) }
            if maxima.reduce(2 * Metrics.margin, +) + columns * Metrics.gutter <= Metrics.targetWidth { return columns }
        }
        return 1
    }

    /// Places a VPC, its edge gateways in rows under its title, and its subnets in a grid.
    private mutating func placeVPC(_ vpc: DiagramBox, shape: VPCShape, at corner: DiagramPoint, row: Int, column: Int) {
        let frame = DiagramRect(x: corner.x, y: corner.y, width: shape.width, height: shape.height)
        let vpcIndex = add(vpc, frame, parent: nil, slot: .other)
        let lefts = (0..<shape.subnetColumns).map { frame.x + Metrics.vpcPadding + $0 * (Metrics.subnetWidth + Metrics.vpcPadding) }
        places[vpcIndex] = VPCPlace(row: row, column: column, edgeRows: shape.edgeRows.count, subnetColumns: lefts)
        for (rowIndex, edges) in shape.edgeRows.enumerated() {
            var x = frame.x + Metrics.vpcPadding
            let y = frame.y + Metrics.vpcTitleBand + rowIndex * (Metrics.bandHeight + Metrics.edgeHeight) + Metrics.bandHeight
            for edge in edges {
                let width = VPCShape.edgeWidth(of: edge, room: shape.innerWidth)
                add(edge, DiagramRect(x: x, y: y, width: width, height: Metrics.edgeHeight), parent: vpcIndex, slot: .edge(vpc: vpcIndex, row: rowIndex))
                x += width + Metrics.edgeGap
            }
        }
        var top = frame.y + shape.subnetsTop
        for start in stride(from: 0, to: shape.subnets.count, by: shape.subnetColumns) {
            let members = shape.subnets[start..<min(start + shape.subnetColumns, shape.subnets.count)]
            for (offset, subnet) in members.enumerated() {
                let subnetFrame = DiagramRect(x: lefts[offset], y: top, width: Metrics.subnetWidth, height: VPCShape.subnetHeight(of: subnet))
                let subnetIndex = add(subnet, subnetFrame, parent: vpcIndex, slot: .other)
                for (position, chip) in subnet.children.enumerated() {
                    let chipFrame = DiagramRect(
                        x: subnetFrame.x + Metrics.chipInset, y: subnetFrame.y + Metrics.subnetHeader + position * (Metrics.chipHeight + Metrics.chipGap),
                        width: Metrics.subnetWidth - 2 * Metrics.chipInset, height: Metrics.chipHeight)
                    add(chip, chipFrame, parent: subnetIndex, slot: .chip(vpc: vpcIndex, column: offset))
                }
            }
            top += (members.map(VPCShape.subnetHeight(of:)).max() ?? 0) + Metrics.subnetRowGap
        }
    }

    /// Adds a placed box with its labels cut to fit, and returns its index.
    @discardableResult
    private mutating func add(_ box: DiagramBox, _ frame: DiagramRect, parent: Int?, slot: Slot) -> Int {
        var leaf = box
        leaf.children = []
        let isVPC = box.element.placement == .vpc
        let inset = isVPC ? Metrics.vpcTitleInset : Metrics.textInset
        let titleBaseline = isVPC ? frame.y + 20 : frame.y + (box.subtitle == nil ? frame.height / 2 + 4 : 15)
        let title = Self.label(box.title, size: .title, room: frame.width - 2 * inset, at: DiagramPoint(x: frame.x + inset, y: titleBaseline))
        let subtitle = box.subtitle.map { text in
            Self.label(text, size: .detail, room: frame.width - 2 * inset, at: DiagramPoint(x: frame.x + inset, y: titleBaseline + 15))
        }
        boxes.append(PlacedBox(box: leaf, frame: frame, parent: parent, title: title, subtitle: subtitle))
        slots.append(slot)
        index[box.element] = boxes.count - 1
        return boxes.count - 1
    }

    /// A label cut to `room` pixels with its baseline at `origin`.
    static func label(_ text: String, size: DiagramText.Size, room: Int, at origin: DiagramPoint) -> Label {
        let fitted = DiagramText.fitted(text, width: room, size: size)
        let width = DiagramText.width(of: fitted, size: size)
        return Label(
            text: fitted, size: size, origin: origin,
            frame: DiagramRect(x: origin.x, y: origin.y - size.pixels + 2, width: width, height: size.pixels + 2))
    }
}
