import ExposureTestSupport
import Testing
@testable import ExposureAudit
@testable import ExposureLoading
@testable import ExposureModel
@testable import ExposureReports
@testable import ExposureSolver

/// The set algebra's laws, on seeded random sets of every nesting the solver uses:
/// interval sets, service sets and full traffic sets. Each set is also checked against a
/// membership oracle on sample points, so that a law holding for a wrong result still fails.
@Suite("Lattice laws of the set algebra")
struct LatticeLawTests {
    static let seeds: [UInt64] = Array(1...40)

    static func intervalSet(_ random: inout SeededGenerator) -> IntervalSet<UInt16> {
        IntervalSet(ranges: (0..<Int.random(in: 0...5, using: &random)).map { _ in
            let low = UInt16.random(in: 0...65000, using: &random)
            return low...(low + UInt16.random(in: 0...500, using: &random))
        })
    }

    static func serviceSet(_ random: inout SeededGenerator) -> ServiceSet {
        [UInt8(6), 17, 1].reduce(ServiceSet.empty) { result, protocolNumber in
            Bool.random(using: &random) ? result.union(.single(protocolNumber, intervalSet(&random))) : result
        }
    }

    static func addressSet(_ random: inout SeededGenerator) -> AddressSet {
        let blocks = ["10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/24", "0.0.0.0/0", "192.168.0.0/16", "54.0.0.0/8", "2600::/16", "::/0", "10.1.2.3/32"]
        return AddressSet(cidrs: (0..<Int.random(in: 0...3, using: &random)).compactMap { _ in
            CIDR(blocks[Int.random(in: 0..<blocks.count, using: &random)])
        })
    }

    static func trafficSet(_ random: inout SeededGenerator) -> TrafficSet {
        (0..<Int.random(in: 0...3, using: &random)).reduce(TrafficSet.empty) { result, _ in
            result.union(TrafficSet(destinations: addressSet(&random), sources: addressSet(&random), services: serviceSet(&random)))
        }
    }

    /// The laws of a Boolean algebra that the solver relies on.
    static func checkLaws<Set: BooleanLattice>(_ a: Set, _ b: Set, _ c: Set, seed: UInt64) {
        #expect(a.union(b) == b.union(a), "seed \(seed): union commutes")
        #expect(a.intersection(b) == b.intersection(a), "seed \(seed): intersection commutes")
        #expect(a.union(b).union(c) == a.union(b.union(c)), "seed \(seed): union associates")
        #expect(a.intersection(b).intersection(c) == a.intersection(b.intersection(c)), "seed \(seed): intersection associates")
        #expect(a.intersection(b.union(c)) == a.intersection(b).union(a.intersection(c)), "seed \(seed): intersection distributes")
        #expect(a.union(a.intersection(b)) == a, "seed \(seed): absorption")
        #expect(a.union(.empty) == a && a.intersection(.universe) == a, "seed \(seed): identities")
        #expect(a.isUniverse == (a == .universe) && Set.universe.isUniverse && !Set.empty.isUniverse, "seed \(seed): the universe is known as such")
        #expect(a.union(.universe) == .universe && a.intersection(.empty) == .empty && Set.universe.subtracting(.universe) == .empty, "seed \(seed): bounds")
        #expect(a.subtracting(b) == a.intersection(Set.universe.subtracting(b)), "seed \(seed): difference is meet with complement")
        #expect(a.subtracting(b).intersection(b).isEmpty, "seed \(seed): difference is disjoint from what it removes")
        #expect(a.subtracting(b).union(a.intersection(b)) == a, "seed \(seed): a splits into a - b and a & b")
        #expect(Set.union(of: [a, b, c]) == a.union(b).union(c), "seed \(seed): balanced union equals running union")
        #expect(Set.union(of: []) == .empty && Set.union(of: [a]) == a, "seed \(seed): balanced union of none and one")
    }

    @Test("Interval sets", arguments: seeds)
    func intervalSets(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let (a, b, c) = (LatticeLawTests.intervalSet(&random), LatticeLawTests.intervalSet(&random), LatticeLawTests.intervalSet(&random))
        LatticeLawTests.checkLaws(a, b, c, seed: seed)
        for _ in 0..<50 {
            let point = UInt16.random(in: 0...UInt16.max, using: &random)
            #expect(a.union(b).contains(point) == (a.contains(point) || b.contains(point)))
            #expect(a.intersection(b).contains(point) == (a.contains(point) && b.contains(point)))
            #expect(a.subtracting(b).contains(point) == (a.contains(point) && !b.contains(point)))
        }
    }

    @Test("Service sets", arguments: seeds)
    func serviceSets(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        LatticeLawTests.checkLaws(LatticeLawTests.serviceSet(&random), LatticeLawTests.serviceSet(&random), LatticeLawTests.serviceSet(&random), seed: seed)
    }

    @Test("Traffic sets", arguments: seeds)
    func trafficSets(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let (a, b, c) = (LatticeLawTests.trafficSet(&random), LatticeLawTests.trafficSet(&random), LatticeLawTests.trafficSet(&random))
        LatticeLawTests.checkLaws(a, b, c, seed: seed)
        // Membership agrees with the operands on each set's own first packet.
        for packet in [a.firstPacket, b.firstPacket, a.union(b).firstPacket].compactMap({ $0 }) {
            #expect(a.union(b).contains(packet) == (a.contains(packet) || b.contains(packet)))
            #expect(a.intersection(b).contains(packet) == (a.contains(packet) && b.contains(packet)))
        }
    }

    @Test("Intersection and subtraction that skip empty runs equal the segment-by-segment walk", arguments: seeds)
    func skippingIntersection(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        func walked<Value: BooleanLattice>(_ a: SegmentMap<UInt16, Value>, _ b: SegmentMap<UInt16, Value>) -> SegmentMap<UInt16, Value> {
            a.combined(with: b) { $0.intersection($1) }
        }
        for _ in 0..<20 {
            let (a, b) = (LatticeLawTests.intervalSet(&random), LatticeLawTests.intervalSet(&random))
            #expect(a.intersection(b) == walked(a, b), "seed \(seed)")
            // A tiny set against a large one, where the skipping matters.
            let tiny = IntervalSet<UInt16>(ranges: [UInt16.random(in: 0...65000, using: &random)...UInt16.random(in: 65001...65535, using: &random)])
            let large = IntervalSet<UInt16>(ranges: (0..<200).map { UInt16($0 * 300)...UInt16($0 * 300 + 100) })
            #expect(tiny.intersection(large) == walked(tiny, large) && large.intersection(tiny) == walked(large, tiny), "seed \(seed)")
            #expect(tiny.subtracting(large) == tiny.combined(with: large) { $0.subtracting($1) }, "seed \(seed)")
            #expect(large.subtracting(tiny) == large.combined(with: tiny) { $0.subtracting($1) }, "seed \(seed)")
            #expect(a.subtracting(b) == a.combined(with: b) { $0.subtracting($1) }, "seed \(seed)")
        }
        let (s, t) = (LatticeLawTests.serviceSet(&random), LatticeLawTests.serviceSet(&random))
        #expect(s.intersection(t) == s.combined(with: t) { $0.intersection($1) }, "seed \(seed)")
        #expect(s.subtracting(t) == s.combined(with: t) { $0.subtracting($1) }, "seed \(seed)")
        let (x, y) = (LatticeLawTests.trafficSet(&random), LatticeLawTests.trafficSet(&random))
        #expect(x.intersection(y).map == x.map.combined(with: y.map) { $0.intersection($1) }, "seed \(seed)")
        #expect(x.subtracting(y).map == x.map.combined(with: y.map) { $0.subtracting($1) }, "seed \(seed)")
    }

    @Test("Canonical form: equal sets built two ways are equal segment for segment", arguments: seeds)
    func canonicalForm(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let ranges = (0..<Int.random(in: 1...8, using: &random)).map { _ -> ClosedRange<UInt16> in
            let low = UInt16.random(in: 0...60000, using: &random)
            return low...(low + UInt16.random(in: 0...3000, using: &random))
        }
        let direct = IntervalSet<UInt16>(ranges: ranges)
        let united = ranges.reduce(IntervalSet<UInt16>.empty) { $0.union(IntervalSet(ranges: [$1])) }
        let shuffled = IntervalSet<UInt16>(ranges: ranges.reversed())
        #expect(direct == united && direct == shuffled)
        #expect(direct.starts == united.starts && direct.values == united.values)
        // No two neighbouring segments hold the same value.
        #expect(zip(direct.values, direct.values.dropFirst()).allSatisfy { $0 != $1 })
    }

    @Test("Overlap and projection without building sets agree with building them", arguments: seeds)
    func overlapWithoutBuilding(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let (a, b) = (Self.serviceSet(&random), Self.serviceSet(&random))
        #expect(a.overlaps(b) == a.intersects(b))
        let ports = Self.intervalSet(&random)
        let low = UInt16.random(in: 0...65000, using: &random)
        let range = low...(low + UInt16.random(in: 0...600, using: &random))
        #expect(ports.containsAny(of: range) == ports.intersects(IntervalSet(ranges: [range])))
        let traffic = Self.trafficSet(&random)
        #expect(traffic.sources(opening: a) == traffic.intersection(TrafficSet(services: a)).sources)
    }
}
