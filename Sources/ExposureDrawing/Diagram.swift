import ExposureAudit
import ExposureModel
import ExposureSolver

/// The network as the drawing shows it, before geometry: the row of origins (zones,
/// transit gateways, the repositories in S3), the VPCs holding their subnets and nodes with
/// their gateways on the edge, and the lines between them.
///
/// Built from the topology, the exposures and the findings of one report; the HTML and DOT
/// renderers draw it, `DiagramLayout` places it.
public struct Diagram: Sendable {
    /// The boxes above the VPCs, where exposures start and egress gaps end.
    public let origins: [DiagramBox]
    /// The VPCs, the most exposed first, each holding its edge gateways and subnets.
    public let vpcs: [DiagramBox]
    /// Exposures (worst first), egress gaps, then links.
    public let lines: [DiagramLine]

    public init(origins: [DiagramBox], vpcs: [DiagramBox], lines: [DiagramLine]) {
        self.origins = origins
        self.vpcs = vpcs
        self.lines = lines
    }
}
