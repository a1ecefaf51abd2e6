import ExposureModel
import ExposureSolver

/// The EMR audit: every rule over one topology, findings worst first.
public struct Audit: Sendable {
    /// Every rule, in the order of the README's rule table.
    static let rules: [any AuditRule] = [
        BlockPublicAccessViolationRule(), BlockPublicAccessDisabledRule(), BlockPublicAccessPermittedPortsRule(),
        PublicExposureRule(), TenantExposureRule(), OnPremExposureRule(), PossibleExposureRule(),
        InterfaceExposureRule(), RepositoryEgressGapRule(), RepositoryPartialReturnRule(),
        RepositoryEgressUnverifiedRule(), ServiceAccessRule(), S3RouteRule(), InputIncompleteRule(),
    ]

    /// The id and summary of every rule, for documentation and `--help`.
    public static var ruleTable: [(id: String, summary: String)] {
        rules.map { (type(of: $0).id, type(of: $0).summary) }
    }

    public let findings: [Finding]
    /// What the audit assumed where the input is silent.
    public let assumptions: [String]

    /// Audits `solver`'s topology, given the exposures of the interfaces analysed (every EMR
    /// node among them).
    ///
    /// - Complexity: dominated by the repository egress checks, O(*c* × *b* × *p* × *k* × *s*)
    ///   for *c* node classes, *b* buckets, *p* candidate paths, *k* stages and *s* segments.
    public init(solver: Solver, exposures: [Exposure]) {
        let context = AuditContext(topology: solver.topology, solver: solver, exposures: exposures)
        findings = Audit.rules.flatMap { $0.findings(in: context) }.sorted(by: Finding.inReportOrder)
        var assumptions: [String] = []
        if !solver.topology.emrClusters.isEmpty {
            if !context.blockPublicAccessStated {
                assumptions.append("the input does not give EMR block public access: EMR's default (enabled, port 22 permitted) is assumed")
            }
            if !context.repositories.addressesKnown {
                assumptions.append("S3's addresses are not in the input: repository egress is judged for every public IPv4 address, and only answers that hold for all of them are given (export them with \(context.repositories.exportCommand))")
            }
            if context.repositories.region == nil {
                assumptions.append("the input names no region: repository bucket names carry <region>")
            }
        }
        self.assumptions = assumptions
    }
}
