import ExposureModel

/// One way out that stops some traffic: how it leaves, every filter that stops the traffic
/// on its own, and the hops the traffic passes before.
public struct BlockedWay: Sendable {
    /// How the traffic leaves: `nat-1 -> internet gateway`.
    public let via: String
    public let blockers: [Blocker]
    public let hops: [Hop]
}
