import RegionGenerator

/// A deterministic random generator, so property tests replay exactly: the region
/// generator's SplitMix64.
package typealias SeededGenerator = SplitMix64
