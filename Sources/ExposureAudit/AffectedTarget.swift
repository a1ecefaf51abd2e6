import ExposureModel
import ExposureSolver

/// One thing a finding's cause affects: interfaces of one cluster role (or interfaces that
/// are not EMR nodes), what they are affected on, from which zone, and how badly.
public struct AffectedTarget: Hashable, Sendable {
    public let cluster: EMRClusterID?
    /// The cluster roles of `interfaces` (empty for interfaces that are not EMR nodes).
    public let roles: [EMRCluster.Role]
    public let interfaces: [NetworkInterfaceID]
    /// The zone that opens the services, for an exposure; `nil` for egress and settings.
    public let zone: Zone?
    /// The protocols and ports concerned (open for an exposure, blocked for a gap).
    public let services: ServiceSet
    public let severity: Severity
    /// One line for people: what the cause does to these targets.
    public let detail: String

    public init(
        cluster: EMRClusterID?, roles: [EMRCluster.Role] = [], interfaces: [NetworkInterfaceID] = [], zone: Zone? = nil,
        services: ServiceSet = .empty, severity: Severity, detail: String
    ) {
        self.cluster = cluster
        self.roles = roles
        self.interfaces = interfaces
        self.zone = zone
        self.services = services
        self.severity = severity
        self.detail = detail
    }
}
