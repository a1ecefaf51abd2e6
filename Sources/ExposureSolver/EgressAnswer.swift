import ExposureModel

/// What an egress question found over every way out: the traffic that gets through and
/// back, what the input cannot decide, and the ways themselves for explaining the rest.
public struct EgressAnswer: Sendable {
    /// Every connection asked about: the sources' addresses to the destinations, for the
    /// services.
    public let wanted: TrafficSet
    /// The part of `wanted` that is opened and answered on some way out.
    public let reachable: TrafficSet
    /// Traffic whose fate the input does not decide on some way out.
    public let unknown: TrafficSet
    /// Traffic that is answered on part of the ephemeral range only.
    public let partialReturn: TrafficSet
    /// The partial-return caveats of the witnesses of `partialReturn`, sorted.
    public let caveats: [Caveat]
    /// Why traffic is `unknown`, sorted.
    public let unknownReasons: [String]
    /// What the input lacks to decide `unknown`, sorted.
    public let missingInputs: [MissingInput]
    /// Whether a way out is an interface endpoint (whose DNS names give its own addresses
    /// in place of the destinations).
    public let usesInterfaceEndpoint: Bool
    /// Each way out with the endpoint policy's filter appended, for `blockedWays`.
    let paths: [(via: String, path: Path)]

    /// The part of `wanted` that no way opens.
    public var blocked: TrafficSet { wanted.subtracting(reachable) }
}
