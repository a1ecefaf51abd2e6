/// A set-like value with the Boolean operations the solver needs.
///
/// `Bool` is the one-point lattice; a `SegmentMap` whose values form a lattice is one too,
/// point by point, which is how traffic sets over several dimensions are built.
public protocol BooleanLattice: Equatable, Sendable {
    /// The set with no element.
    static var empty: Self { get }
    /// The set with every element.
    static var universe: Self { get }
    /// Whether the set has no element.
    var isEmpty: Bool { get }
    /// Whether the set has every element.
    var isUniverse: Bool { get }
    /// Elements in either set.
    func union(_ other: Self) -> Self
    /// Elements in both sets.
    func intersection(_ other: Self) -> Self
    /// Elements of this set that are not in `other`.
    func subtracting(_ other: Self) -> Self
}

extension BooleanLattice {
    /// Whether the two sets share an element.
    @inlinable
    public func intersects(_ other: Self) -> Bool { !intersection(other).isEmpty }
    /// Whether every element of this set is in `other`.
    @inlinable
    public func isSubset(of other: Self) -> Bool { subtracting(other).isEmpty }
    /// Whether this set is the universe.
    @inlinable
    public var isUniverse: Bool { self == .universe }

    /// The union of `sets`, merged pairwise in a balanced tree so that each element of
    /// each set takes part in O(log *n*) unions, not O(*n*) as a running union would.
    ///
    /// - Complexity: O(*m* log *n*) for *n* sets of *m* segments in all.
    @inlinable
    public static func union(of sets: [Self]) -> Self {
        var level = sets
        while level.count > 1 {
            var next: [Self] = []
            next.reserveCapacity((level.count + 1) / 2)
            var index = 0
            while index + 1 < level.count {
                next.append(level[index].union(level[index + 1]))
                index += 2
            }
            if index < level.count { next.append(level[index]) }
            level = next
        }
        return level.first ?? .empty
    }
}

extension Bool: BooleanLattice {
    @inlinable
    public static var empty: Bool { false }
    @inlinable
    public static var universe: Bool { true }
    @inlinable
    public var isEmpty: Bool { !self }
    @inlinable
    public var isUniverse: Bool { self }
    @inlinable
    public func union(_ other: Bool) -> Bool { self || other }
    @inlinable
    public func intersection(_ other: Bool) -> Bool { self && other }
    @inlinable
    public func subtracting(_ other: Bool) -> Bool { self && !other }
}

extension SegmentMap: BooleanLattice where Value: BooleanLattice {
    @inlinable
    public static var empty: Self { Self(constant: .empty) }
    @inlinable
    public static var universe: Self { Self(constant: .universe) }
    // Canonical form makes the empty set a single empty segment, and the universe a
    // single full one.
    @inlinable
    public var isEmpty: Bool { values.count == 1 && values[0].isEmpty }
    @inlinable
    public var isUniverse: Bool { values.count == 1 && values[0].isUniverse }
    /// Elements in either set; when one side is empty the other is returned as it is
    /// (shared, not copied), which nested unions of sparse sets meet at most points.
    @inlinable
    public func union(_ other: Self) -> Self {
        if other.isEmpty { return self }
        if isEmpty { return other }
        return combined(with: other) { $0.union($1) }
    }
    /// Elements in both sets. Over a segment where either side is empty the result is
    /// empty, so the other side's segments there are skipped by binary search: a small set
    /// meets a large one in time that grows with the small one.
    ///
    /// - Complexity: O(*s* log *t*) for the *s* segments the walk stops at, out of *t*.
    @inlinable
    public func intersection(_ other: Self) -> Self {
        if isEmpty || other.isUniverse { return self }
        if other.isEmpty || isUniverse { return other }
        return combined(with: other, emptyWhereOtherIsEmpty: true) { $0.intersection($1) }
    }

    /// Elements of this set that are not in `other`; where this set is empty, `other`'s
    /// segments are skipped as in `intersection`.
    @inlinable
    public func subtracting(_ other: Self) -> Self {
        if isEmpty || other.isEmpty { return self }
        return combined(with: other, emptyWhereOtherIsEmpty: false) { $0.subtracting($1) }
    }

    /// Combines two maps point by point with an operation whose result is empty wherever
    /// this map is empty (and, when `emptyWhereOtherIsEmpty`, wherever `other` is),
    /// jumping over such runs instead of visiting the segments inside them.
    @inlinable
    func combined(with other: Self, emptyWhereOtherIsEmpty: Bool, _ combine: (Value, Value) -> Value) -> Self {
        var resultStarts: [Bound] = []
        var resultValues: [Value] = []
        var i = 0
        var j = 0
        var position: Bound = 0
        walk: while true {
            let left = values[i]
            let right = other.values[j]
            let leftEmpty = left.isEmpty
            let rightEmpty = emptyWhereOtherIsEmpty && right.isEmpty
            let value = leftEmpty || rightEmpty ? Value.empty : combine(left, right)
            if resultValues.last != value {
                resultStarts.append(position)
                resultValues.append(value)
            }
            let nextI = i + 1 < starts.count ? starts[i + 1] : nil
            let nextJ = j + 1 < other.starts.count ? other.starts[j + 1] : nil
            if leftEmpty || rightEmpty {
                // The result stays empty to the end of the longer empty run (to the end of
                // the domain when a run has no next segment); both sides resume there.
                let end: Bound?
                if leftEmpty && rightEmpty {
                    guard let a = nextI, let b = nextJ else { break walk }
                    end = Swift.max(a, b)
                } else {
                    end = leftEmpty ? nextI : nextJ
                }
                guard let end else { break walk }
                position = end
                i = Self.segment(containing: end, in: starts, from: i)
                j = Self.segment(containing: end, in: other.starts, from: j)
                continue walk
            }
            guard Self.advance(&i, &j, to: &position, nextI: nextI, nextJ: nextJ) else { break walk }
        }
        return Self(uncheckedStarts: resultStarts, values: resultValues)
    }

    /// The union of the values of every segment: the projection that forgets this dimension.
    @inlinable
    public var unionOfValues: Value {
        values.reduce(Value.empty) { $0.union($1) }
    }

    /// The map restricted to `set`: values outside it become empty.
    @inlinable
    public func restricted(to set: SegmentMap<Bound, Bool>) -> Self {
        combined(with: set) { value, inside in inside ? value : .empty }
    }

    /// The first segment whose value is not empty, if any.
    @inlinable
    public var firstNonEmptySegment: (range: ClosedRange<Bound>, value: Value)? {
        guard let index = values.firstIndex(where: { !$0.isEmpty }) else { return nil }
        return (range(ofSegment: index), values[index])
    }
}
