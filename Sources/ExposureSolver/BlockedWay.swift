import ExposureModel

/// One way out that stops some traffic: how it leaves, every filter that stops the traffic
/// on its own, and the hops the traffic passes before.
public struct BlockedWay: Sendable {
    /// How the traffic leaves: `nat-1 -> internet gateway`.
    public let via: String
    /// Every filter that stops the traffic on its own; when none does alone, the one where
    /// the remaining traffic runs out.
    public let blockers: [Blocker]
    /// The path's hops in request order, up to and past the blockers.
    public let hops: [Hop]
}
