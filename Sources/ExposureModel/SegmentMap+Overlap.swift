extension SegmentMap {
    /// Whether some point of the domain maps to values that pass `test` in both maps,
    /// found by one merge walk over the segments, building nothing.
    ///
    /// - Complexity: O(*s* + *t*) calls of `test` for *s* and *t* segments.
    @inlinable
    public func overlaps<Other>(_ other: SegmentMap<Bound, Other>, where test: (Value, Other) -> Bool) -> Bool {
        var mine = 0
        var theirs = 0
        while mine < starts.count, theirs < other.starts.count {
            // Both segments hold the current point; the one that ends first moves on.
            if test(values[mine], other.values[theirs]) { return true }
            let myNext = mine + 1 < starts.count ? starts[mine + 1] : nil
            let theirNext = theirs + 1 < other.starts.count ? other.starts[theirs + 1] : nil
            switch (myNext, theirNext) {
            case (nil, nil): return false
            case (nil, _): theirs += 1
            case (_, nil): mine += 1
            case (let a?, let b?):
                if a <= b { mine += 1 }
                if b <= a { theirs += 1 }
            }
        }
        return false
    }
}

extension SegmentMap where Value == IntervalSet<UInt16> {
    /// Whether the two service sets share a service, without building their intersection.
    @inlinable
    public func overlaps(_ other: Self) -> Bool {
        overlaps(other) { ports, otherPorts in ports.overlaps(otherPorts) { $0 && $1 } }
    }
}

extension SegmentMap where Value == Bool {
    /// Whether some element of `range` is in the set.
    ///
    /// - Complexity: O(log *s* + *k*) for *s* segments, *k* of them within `range`.
    @inlinable
    public func containsAny(of range: ClosedRange<Bound>) -> Bool {
        // The last segment starting at or before the range's lower bound.
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= range.lowerBound { low = middle } else { high = middle - 1 }
        }
        var index = low
        while index < starts.count, starts[index] <= range.upperBound {
            if values[index] { return true }
            index += 1
        }
        return false
    }
}
