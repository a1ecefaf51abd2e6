/// A VPC's size before it is placed: its subnet grid's columns, its edge gateways wrapped
/// into rows of the grid's width, and the height of everything.
struct VPCShape {
    let subnets: [DiagramBox]
    let subnetColumns: Int
    /// The width inside the padding, which the edge rows and the subnet grid share.
    let innerWidth: Int
    let edgeRows: [[DiagramBox]]
    let width: Int
    let height: Int

    init(_ vpc: DiagramBox) {
        let subnets = vpc.children.filter { $0.element.placement == .subnet }
        let edges = vpc.children.filter { $0.element.placement == .edge }
        let subnetColumns = Self.subnetColumnCount(subnets.count)
        self.subnets = subnets
        self.subnetColumns = subnetColumns
        let grid = subnetColumns * Metrics.subnetWidth + (subnetColumns - 1) * Metrics.vpcPadding
        let widest = edges.map { Self.edgeWidth(of: $0, room: Metrics.edgeMaximumWidth) }.max() ?? 0
        let title = min(max(DiagramText.width(of: vpc.title, size: .title), DiagramText.width(of: vpc.subtitle ?? "", size: .detail)), Metrics.vpcTitleWidth)
        innerWidth = max(grid, widest, title + 2 * (Metrics.vpcTitleInset - Metrics.vpcPadding))
        var rows: [[DiagramBox]] = []
        var used = 0
        for edge in edges {
            let width = Self.edgeWidth(of: edge, room: innerWidth)
            if rows.isEmpty || used + Metrics.edgeGap + width > innerWidth {
                rows.append([edge])
                used = width
            } else {
                rows[rows.count - 1].append(edge)
                used += Metrics.edgeGap + width
            }
        }
        edgeRows = rows
        width = innerWidth + 2 * Metrics.vpcPadding
        let rowHeights = stride(from: 0, to: subnets.count, by: subnetColumns).map { start in
            subnets[start..<min(start + subnetColumns, subnets.count)].map(Self.subnetHeight(of:)).max() ?? 0
        }
        let subnetsHeight = rowHeights.reduce(0, +) + max(rowHeights.count - 1, 0) * Metrics.subnetRowGap
        height = Metrics.vpcTitleBand + rows.count * (Metrics.bandHeight + Metrics.edgeHeight) + Metrics.vpcLaneBand + subnetsHeight + Metrics.vpcBottom
    }

    /// Where the subnets start, below the title, the edge rows and the inner lane.
    var subnetsTop: Int { Metrics.vpcTitleBand + edgeRows.count * (Metrics.bandHeight + Metrics.edgeHeight) + Metrics.vpcLaneBand }

    /// Subnet columns in a VPC: about the square root of the count, at most six.
    static func subnetColumnCount(_ count: Int) -> Int {
        var columns = 1
        while columns * columns < count, columns < Metrics.maximumSubnetColumns { columns += 1 }
        return columns
    }

    /// An edge gateway's width: its title's, or its subtitle's up to a limit, within `room`.
    static func edgeWidth(of box: DiagramBox, room: Int) -> Int {
        let natural = max(DiagramText.width(of: box.title, size: .title), min(DiagramText.width(of: box.subtitle ?? "", size: .detail), Metrics.edgeSubtitleWidth))
        return min(max(natural + 2 * Metrics.textInset, Metrics.edgeMinimumWidth), Metrics.edgeMaximumWidth, room)
    }

    /// A subnet's height: its header, then its boxes stacked.
    static func subnetHeight(of subnet: DiagramBox) -> Int {
        Metrics.subnetHeader + subnet.children.count * (Metrics.chipHeight + Metrics.chipGap) + Metrics.subnetBottom
    }
}
