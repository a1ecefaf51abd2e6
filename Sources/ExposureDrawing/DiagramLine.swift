import ExposureAudit
import ExposureModel
import ExposureSolver

/// One line of the drawing: an exposure from a zone to nodes, an egress gap from nodes to
/// S3, or a link between a transit gateway or peering and the VPCs it joins.
public struct DiagramLine: Sendable {
    /// What the line shows, which decides how it is drawn.
    public enum Kind: Hashable, Sendable {
        /// A zone can open the services (`severity` of the worst finding that rates it).
        case exposure(Verdict, Severity?)
        /// The nodes cannot reach the repositories in S3, or only in part, or perhaps not:
        /// as the finding says.
        case egressGap(Severity, Finding.RepositoryEgress)
        /// A transit gateway attachment or peering: structure, not traffic.
        case link
    }

    public let kind: Kind
    /// The boxes the line passes, in order: where it starts, the edge gateway it crosses
    /// (when the path names one that is drawn), where it ends.
    public let stops: [DiagramElement]
    /// The zone traffic starts in, for an exposure.
    public let zone: Zone?
    /// The services open (an exposure) or blocked (a gap).
    public let services: ServiceSet
    /// The role of the nodes the line ends at, for naming their ports.
    public let role: EMRCluster.Role?
    /// The interfaces the line ends at.
    public let interfaces: [NetworkInterfaceID]
    /// The gateway the traffic enters the target's VPC through, when the path names one.
    public let gateway: ComponentRef?
    /// The hops that let the traffic in at the target (its security group rules), one per
    /// distinct rule among the exposures the line stands for.
    public let admissions: [Hop]
    /// The causes of the findings that rate the line (a witness path shows one rule; other
    /// rules opening the same ports are causes of their own findings), sorted.
    public let causes: [Cause]
    /// The findings that rate what the line shows, by id, sorted.
    public let findings: [FindingID]

    public init(
        kind: Kind, stops: [DiagramElement], zone: Zone? = nil, services: ServiceSet = .empty, role: EMRCluster.Role? = nil,
        interfaces: [NetworkInterfaceID] = [], gateway: ComponentRef? = nil, admissions: [Hop] = [], causes: [Cause] = [], findings: [FindingID] = []
    ) {
        self.kind = kind
        self.stops = stops
        self.zone = zone
        self.services = services
        self.role = role
        self.interfaces = interfaces
        self.gateway = gateway
        self.admissions = admissions
        self.causes = causes
        self.findings = findings
    }

    /// What lets the traffic in, in words: each admitting hop, then each cause of a rating
    /// finding that is not one of those hops.
    public var admissionTexts: [String] {
        let hops = admissions.map { "\($0.component.id): \($0.explanation)" }
        let others = causes.filter { cause in !admissions.contains { $0.component == cause.component && $0.rule == cause.rule } }
        return hops + others.map(\.description)
    }

    /// The verdict of an exposure line; `nil` for gaps and links.
    public var verdict: Verdict? {
        if case .exposure(let verdict, _) = kind { return verdict }
        return nil
    }

    /// How bad what the line shows is, for ordering and colour: `nil` for links and
    /// exposures no finding rates.
    public var severity: Severity? {
        switch kind {
        case .exposure(_, let severity): severity
        case .egressGap(let severity, _): severity
        case .link: nil
        }
    }
}
