extension LayoutEngine {
    /// The corners of `line` through its stops, in lane `lane` of every gutter it uses;
    /// empty when fewer than two of its stops are drawn.
    ///
    /// - Complexity: O(*s*) in the line's stops.
    func route(_ line: DiagramLine, lane: Int) -> [DiagramPoint] {
        let stops = line.stops.compactMap { index[$0] }
        guard stops.count >= 2 else { return [] }
        var points: [DiagramPoint] = []
        for (from, to) in zip(stops, stops.dropFirst()) {
            points += segment(from: from, to: to, lane: lane)
        }
        return Self.simplified(points)
    }

    /// How deep a slot is: origins, then edges, then the boxes inside subnets.
    private func depth(_ box: Int) -> Int {
        switch slots[box] {
        case .origin: 0
        case .edge: 1
        case .chip: 2
        case .other: 3
        }
    }

    /// The corners from one box to the next: the shallower end first, reversed when the
    /// line runs upwards.
    private func segment(from: Int, to: Int, lane: Int) -> [DiagramPoint] {
        if depth(from) > depth(to) { return segment(from: to, to: from, lane: lane).reversed() }
        let start = boxes[from].frame
        let end = boxes[to].frame
        switch (slots[from], slots[to]) {
        case (.origin(let originRow), .edge(let vpc, let row)):
            return fromOrigin(start, row: originRow, toVPC: vpc, lane: lane, y: bandY(vpc: vpc, row: row, lane))
                + down(to: end, atY: bandY(vpc: vpc, row: row, lane))
        case (.origin(let originRow), .chip(let vpc, let column)):
            let innerY = innerLaneY(vpc: vpc, lane)
            return fromOrigin(start, row: originRow, toVPC: vpc, lane: lane, y: innerY) + inside(vpc: vpc, column: column, to: end, lane: lane, fromY: innerY)
        case (.edge(let vpc, let row), .chip(let target, let column)) where vpc == target:
            let innerY = innerLaneY(vpc: vpc, lane)
            var points = [DiagramPoint(x: start.midX, y: start.maxY)]
            if row + 1 < (places[vpc]?.edgeRows ?? 0) {
                // Out of the edge rows by the band below, along the VPC's left gutter.
                let below = bandY(vpc: vpc, row: row + 1, lane)
                points += [DiagramPoint(x: start.midX, y: below), DiagramPoint(x: leftGutterX(vpc: vpc, lane), y: below), DiagramPoint(x: leftGutterX(vpc: vpc, lane), y: innerY)]
            } else {
                points.append(DiagramPoint(x: start.midX, y: innerY))
            }
            return points + inside(vpc: vpc, column: column, to: end, lane: lane, fromY: innerY)
        case (.edge(let vpc, let row), .edge(let other, let otherRow)):
            let here = places[vpc] ?? VPCPlace(row: 0, column: 0, edgeRows: 0, subnetColumns: [])
            let there = places[other] ?? here
            let fromY = bandY(vpc: vpc, row: row, lane)
            let toY = bandY(vpc: other, row: otherRow, lane)
            let leave = laneX(column: here.column, lane)
            let arrive = laneX(column: there.column, lane)
            let across = laneY(row: there.row, lane)
            return [DiagramPoint(x: start.midX, y: start.y), DiagramPoint(x: start.midX, y: fromY), DiagramPoint(x: leave, y: fromY),
                    DiagramPoint(x: leave, y: across), DiagramPoint(x: arrive, y: across), DiagramPoint(x: arrive, y: toY)]
                + down(to: end, atY: toY)
        default:
            return [DiagramPoint(x: start.midX, y: start.midY), DiagramPoint(x: end.midX, y: end.midY)]
        }
    }

    /// From an origin's bottom down to the gutter below the origins (an upper row's by the
    /// band below its row and the gutter left of the rows), along it to the column gutter
    /// left of the VPC, and down that to `y`.
    private func fromOrigin(_ start: DiagramRect, row: Int, toVPC vpc: Int, lane: Int, y: Int) -> [DiagramPoint] {
        let x = spread(start, lane)
        let gutter = laneX(column: places[vpc]?.column ?? 0, lane)
        var points = [DiagramPoint(x: x, y: start.maxY)]
        if row + 1 < originRowBottoms.count {
            let band = originRowBottoms[row] + Metrics.laneInset + (lane % Metrics.bandLanes) * Metrics.innerLaneStep
            let left = Metrics.margin + Metrics.laneInset + lane * Metrics.laneStep
            points += [DiagramPoint(x: x, y: band), DiagramPoint(x: left, y: band), DiagramPoint(x: left, y: laneY(row: 0, lane))]
        } else {
            points.append(DiagramPoint(x: x, y: laneY(row: 0, lane)))
        }
        return points + [DiagramPoint(x: gutter, y: laneY(row: 0, lane)), DiagramPoint(x: gutter, y: y)]
    }

    /// Along a band at `y` to above a box, and down into its top.
    private func down(to end: DiagramRect, atY y: Int) -> [DiagramPoint] {
        [DiagramPoint(x: end.midX, y: y), DiagramPoint(x: end.midX, y: end.y)]
    }

    /// From the VPC's inner lane at `fromY` along it to the gutter left of the subnet
    /// column, down beside the subnets, and into the box from its left.
    private func inside(vpc: Int, column: Int, to end: DiagramRect, lane: Int, fromY: Int) -> [DiagramPoint] {
        let left = places[vpc]?.subnetColumns[column] ?? end.x
        let x = left - Metrics.vpcPadding + Metrics.laneInset + lane * Metrics.innerLaneStep
        return [DiagramPoint(x: x, y: fromY), DiagramPoint(x: x, y: end.midY), DiagramPoint(x: end.x, y: end.midY)]
    }

    /// A lane of the gutter above VPC row `row`.
    private func laneY(row: Int, _ lane: Int) -> Int {
        let top = row < rowY.count ? rowY[row] - Metrics.gutter : originBottom
        return top + Metrics.laneInset + lane * Metrics.laneStep
    }

    /// A lane of the gutter left of VPC column `column`.
    private func laneX(column: Int, _ lane: Int) -> Int {
        let left = column < columnX.count ? columnX[column] - Metrics.gutter : Metrics.margin
        return left + Metrics.laneInset + lane * Metrics.laneStep
    }

    /// A lane of the band above edge row `row` of a VPC.
    private func bandY(vpc: Int, row: Int, _ lane: Int) -> Int {
        boxes[vpc].frame.y + Metrics.vpcTitleBand + row * (Metrics.bandHeight + Metrics.edgeHeight) + 3 + (lane % Metrics.bandLanes) * Metrics.innerLaneStep
    }

    /// A lane of the band between a VPC's edge rows and its subnets.
    private func innerLaneY(vpc: Int, _ lane: Int) -> Int {
        let rows = places[vpc]?.edgeRows ?? 0
        return boxes[vpc].frame.y + Metrics.vpcTitleBand + rows * (Metrics.bandHeight + Metrics.edgeHeight) + 3 + lane * Metrics.innerLaneStep
    }

    /// A lane of the gutter inside a VPC's left edge, left of its first subnet column.
    private func leftGutterX(vpc: Int, _ lane: Int) -> Int {
        boxes[vpc].frame.x + Metrics.laneInset + lane * Metrics.innerLaneStep
    }

    /// Where a line leaves an origin's bottom edge: spread by lane around the middle.
    private func spread(_ frame: DiagramRect, _ lane: Int) -> Int {
        frame.midX + (lane - Metrics.lanes / 2) * 8
    }

    /// The corners without repeats and without points in the middle of a straight run.
    static func simplified(_ points: [DiagramPoint]) -> [DiagramPoint] {
        var kept: [DiagramPoint] = []
        for point in points {
            if kept.last == point { continue }
            if kept.count >= 2 {
                let a = kept[kept.count - 2]
                let b = kept[kept.count - 1]
                if (a.x == b.x && b.x == point.x) || (a.y == b.y && b.y == point.y) {
                    kept[kept.count - 1] = point
                    continue
                }
            }
            kept.append(point)
        }
        return kept
    }
}
