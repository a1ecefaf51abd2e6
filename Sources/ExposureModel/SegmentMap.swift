/// A total function from an unsigned integer domain to values, stored as sorted segments.
///
/// The domain `0...Bound.max` is cut into consecutive segments, each mapped to one value;
/// adjacent segments always hold different values, so two maps that describe the same
/// function are `==`. Nesting maps (`SegmentMap<UInt128, SegmentMap<UInt16, Bool>>`) gives
/// exact sets over products of integer dimensions without enumerating any element.
public struct SegmentMap<Bound, Value>: Sendable
where Bound: FixedWidthInteger & UnsignedInteger & Sendable, Value: Equatable & Sendable {
    /// The first element of each segment: `starts[0] == 0`, strictly increasing.
    public let starts: [Bound]
    /// The value of each segment; no two neighbours are equal.
    public let values: [Value]

    /// A map that sends every element of the domain to `value`.
    @inlinable
    public init(constant value: Value) {
        starts = [0]
        values = [value]
    }

    /// Builds a map from raw segments, merging neighbours with equal values.
    ///
    /// - Precondition: `starts` begins with 0, is strictly increasing, and has as many
    ///   elements as `values`.
    @inlinable
    init(segmentStarts: [Bound], values: [Value]) {
        var mergedStarts: [Bound] = []
        var mergedValues: [Value] = []
        mergedStarts.reserveCapacity(segmentStarts.count)
        mergedValues.reserveCapacity(values.count)
        for (start, value) in zip(segmentStarts, values) {
            if let last = mergedValues.last, last == value { continue }
            mergedStarts.append(start)
            mergedValues.append(value)
        }
        self.starts = mergedStarts
        self.values = mergedValues
    }

    /// The number of segments.
    @inlinable
    public var segmentCount: Int { starts.count }

    /// The inclusive range covered by segment `index`.
    @inlinable
    public func range(ofSegment index: Int) -> ClosedRange<Bound> {
        let upper = index + 1 < starts.count ? starts[index + 1] - 1 : Bound.max
        return starts[index]...upper
    }

    /// The segments in ascending order, each with its range and value.
    @inlinable
    public var segments: [(range: ClosedRange<Bound>, value: Value)] {
        values.indices.map { (range(ofSegment: $0), values[$0]) }
    }

    /// The value at one point of the domain.
    ///
    /// - Complexity: O(log *s*) for *s* segments.
    @inlinable
    public func value(at point: Bound) -> Value {
        values[Self.segment(containing: point, in: starts, from: 0)]
    }

    /// The index of the segment of `starts` holding `point`, searching from `index` on.
    ///
    /// - Complexity: O(log *s*) for *s* segments.
    @inlinable
    static func segment(containing point: Bound, in starts: [Bound], from index: Int) -> Int {
        var low = index
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= point { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Combines two maps point by point.
    ///
    /// - Complexity: O(*s* + *t*) calls of `combine` for maps of *s* and *t* segments.
    @inlinable
    public func combined<Other: Equatable & Sendable, Result: Equatable & Sendable>(
        with other: SegmentMap<Bound, Other>,
        _ combine: (Value, Other) -> Result
    ) -> SegmentMap<Bound, Result> {
        var resultStarts: [Bound] = []
        var resultValues: [Result] = []
        resultStarts.reserveCapacity(starts.count + other.starts.count)
        resultValues.reserveCapacity(starts.count + other.starts.count)
        var i = 0
        var j = 0
        var position: Bound = 0
        while true {
            let value = combine(values[i], other.values[j])
            if resultValues.last != value {
                resultStarts.append(position)
                resultValues.append(value)
            }
            let nextI = i + 1 < starts.count ? starts[i + 1] : nil
            let nextJ = j + 1 < other.starts.count ? other.starts[j + 1] : nil
            guard Self.advance(&i, &j, to: &position, nextI: nextI, nextJ: nextJ) else {
                return SegmentMap<Bound, Result>(uncheckedStarts: resultStarts, values: resultValues)
            }
        }
    }

    /// One step of a walk over two maps' segments at once: moves `position` to the nearer
    /// of the next segment starts (`nil` where a map has no next segment) and the index of
    /// each map that starts a segment there; `false` when both maps are done.
    @inlinable
    static func advance(_ i: inout Int, _ j: inout Int, to position: inout Bound, nextI: Bound?, nextJ: Bound?) -> Bool {
        switch (nextI, nextJ) {
        case (nil, nil):
            return false
        case let (a?, nil):
            position = a
            i += 1
        case let (nil, b?):
            position = b
            j += 1
        case let (a?, b?):
            position = Swift.min(a, b)
            if a == position { i += 1 }
            if b == position { j += 1 }
        }
        return true
    }

    /// Applies `transform` to every segment's value.
    @inlinable
    public func mapValues<Result: Equatable & Sendable>(_ transform: (Value) -> Result) -> SegmentMap<Bound, Result> {
        SegmentMap<Bound, Result>(segmentStarts: starts, values: values.map(transform))
    }

    /// Applies `transform` to the values inside `range` only.
    @inlinable
    public func updating(_ range: ClosedRange<Bound>, _ transform: (Value) -> Value) -> Self {
        combined(with: SegmentMap<Bound, Bool>.indicator(of: range)) { value, inside in
            inside ? transform(value) : value
        }
    }

    @inlinable
    init(uncheckedStarts: [Bound], values: [Value]) {
        self.starts = uncheckedStarts
        self.values = values
    }
}

extension SegmentMap: Equatable {
    @inlinable
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.starts == rhs.starts && lhs.values == rhs.values
    }
}

/// Canonical form makes equal maps hash alike, so maps can key a memo.
extension SegmentMap: Hashable where Value: Hashable {
    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(starts)
        hasher.combine(values)
    }
}

extension SegmentMap where Value == Bool {
    /// The set holding exactly the elements of `range`.
    @inlinable
    public static func indicator(of range: ClosedRange<Bound>) -> Self {
        var starts: [Bound] = [0]
        var values: [Bool] = [range.lowerBound == 0]
        if range.lowerBound != 0 {
            starts.append(range.lowerBound)
            values.append(true)
        }
        if range.upperBound != Bound.max {
            starts.append(range.upperBound + 1)
            values.append(false)
        }
        return Self(segmentStarts: starts, values: values)
    }
}
