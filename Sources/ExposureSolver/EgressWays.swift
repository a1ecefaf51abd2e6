import ExposureModel

/// The ways a set of interfaces can take toward some destinations (one per next hop their
/// route table picks, or their interface endpoints): the first half of an egress question,
/// computed once and asked about for several services.
public struct EgressWays: Sendable {
    /// The interfaces, as the source of the question; `nil` when none was given.
    let source: SourceClass?
    let candidates: [Solver.EgressCandidate]
    /// The destinations asked about.
    public let destinations: AddressSet

    /// The interfaces' own addresses of the destinations' families: the sources asked about.
    public var sources: AddressSet { source?.addresses ?? .empty }
    /// The ephemeral port range their replies must reach.
    public var ephemeralPorts: PortRange { source?.ephemeralPorts ?? .linuxEphemeral }
    /// Whether some way goes through an endpoint, whose policy the caller then decides.
    public var crossesEndpoint: Bool { candidates.contains { $0.endpoint != nil } }
}
