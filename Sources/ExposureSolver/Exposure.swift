import ExposureModel

/// What one zone can open on one interface through one witness path.
public struct Exposure: Sendable {
    public let target: NetworkInterfaceID
    public let instance: InstanceID?
    public let cluster: EMRClusterID?
    public let role: EMRCluster.Role?
    public let zone: Zone
    public let verdict: Verdict
    /// The protocols and ports (or ICMP keys) this witness proves open.
    public let services: ServiceSet
    /// Every source address of the zone that can open at least one of `services` on the
    /// target, by any path (not only this witness's): how much of the zone is let in.
    public let sources: AddressSet
    /// The sample packet the path was checked with.
    public let witness: Packet
    public let path: [Hop]
    public let returnPath: [Hop]
    /// Warnings that qualify the verdict, such as `partial-return`.
    public let caveats: [Caveat]
    /// For `unknown`: what the analyzer could not decide.
    public let reason: String?
    /// For `unknown`: what the input lacks, with the exports that would settle it.
    public let missing: [MissingInput]
}
