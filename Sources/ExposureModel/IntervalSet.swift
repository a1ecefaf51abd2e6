/// A set of unsigned integers stored as disjoint, sorted, non-adjacent closed intervals.
public typealias IntervalSet<Bound: FixedWidthInteger & UnsignedInteger & Sendable> =
    SegmentMap<Bound, Bool>

extension SegmentMap where Value == Bool {
    /// The set holding the union of `ranges`, in any order, overlapping or not.
    @inlinable
    public init<S: Sequence>(ranges: S) where S.Element == ClosedRange<Bound> {
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<Bound>] = []
        for range in sorted {
            if let last = merged.last,
                last.upperBound == Bound.max || range.lowerBound <= last.upperBound + 1
            {
                merged[merged.count - 1] = last.lowerBound...Swift.max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        var starts: [Bound] = [0]
        var values: [Bool] = [false]
        for range in merged {
            if range.lowerBound == 0 {
                values[0] = true
            } else {
                starts.append(range.lowerBound)
                values.append(true)
            }
            if range.upperBound != Bound.max {
                starts.append(range.upperBound + 1)
                values.append(false)
            }
        }
        self.init(segmentStarts: starts, values: values)
    }

    /// The maximal intervals of the set, ascending.
    @inlinable
    public var ranges: [ClosedRange<Bound>] {
        values.indices.filter { values[$0] }.map { range(ofSegment: $0) }
    }

    /// Whether `element` is in the set.
    @inlinable
    public func contains(_ element: Bound) -> Bool { value(at: element) }

    /// The smallest element, or `nil` for the empty set.
    @inlinable
    public var min: Bound? { firstNonEmptySegment?.range.lowerBound }

    /// The number of elements, saturating at `Bound.max`.
    @inlinable
    public var saturatingCount: Bound {
        var total: Bound = 0
        for range in ranges {
            let (size, overflow) = (range.upperBound - range.lowerBound).addingReportingOverflow(1)
            if overflow { return Bound.max }
            let (sum, overflowSum) = total.addingReportingOverflow(size)
            if overflowSum { return Bound.max }
            total = sum
        }
        return total
    }
}

extension SegmentMap where Value == Bool {
    /// The set as people read it: `32768-40000, 50000`.
    public var rangeText: String {
        ranges.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
            .joined(separator: ", ")
    }
}
