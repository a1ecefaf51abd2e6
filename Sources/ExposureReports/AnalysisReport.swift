import ExposureAudit
import ExposureModel
import ExposureSolver

/// Everything `exposure analyze` reports for one input, ready for any renderer.
public struct AnalysisReport: Sendable {
    /// Which interfaces the exposures cover.
    public enum Scope: String, Sendable {
        /// The EMR nodes (the default).
        case emrNodes = "emr-nodes"
        /// Every interface, as asked with `--all-interfaces`.
        case allInterfaces = "all-interfaces"
        /// Every interface, because the input has no EMR cluster.
        case allInterfacesWithoutCluster = "all-interfaces-no-emr-cluster"
    }

    /// The input as the user named it (never made absolute).
    public let input: String
    public let scope: Scope
    public let targetCount: Int
    public let exposures: [Exposure]
    /// The audit's findings, worst first.
    public let findings: [Finding]
    public let clusters: [ClusterPortSummary]
    public let assumptions: [String]
    /// AWS CLI calls the export lacks although verdicts depend on them.
    public let missingExports: [MissingExport]
    /// Resources of the input that are not analysed.
    public let skipped: [SkippedResource]
    public let warnings: [Diagnostic]
    /// Where the input writes each component, for reports that point at it.
    public let sources: SourceMap
    /// The network analysed, for the reports that draw it.
    public let topology: Topology

    public init(
        input: String, scope: Scope = .emrNodes, targetCount: Int, exposures: [Exposure], findings: [Finding] = [],
        clusters: [ClusterPortSummary] = [], assumptions: [String], missingExports: [MissingExport] = [],
        skipped: [SkippedResource] = [], warnings: [Diagnostic], sources: SourceMap = SourceMap(), topology: Topology
    ) {
        self.input = input
        self.scope = scope
        self.targetCount = targetCount
        self.exposures = exposures
        self.findings = findings
        self.clusters = clusters
        self.assumptions = assumptions
        self.missingExports = missingExports
        self.skipped = skipped
        self.warnings = warnings
        self.sources = sources
        self.topology = topology
    }

    /// Analyses `topology`: the exposures of its EMR nodes (or of every interface, when
    /// asked or when it has no EMR cluster), and the audit of what they show.
    public static func analyse(
        _ topology: Topology, allInterfaces: Bool = false, input: String, warnings: [Diagnostic], sources: SourceMap = SourceMap()
    ) -> AnalysisReport {
        let solver = Solver(topology: topology)
        let nodes = solver.emrNodeInterfaces
        let scope: Scope = allInterfaces ? .allInterfaces : (nodes.isEmpty ? .allInterfacesWithoutCluster : .emrNodes)
        let targets = scope == .emrNodes ? nodes : topology.networkInterfaces.keys.sorted()
        let exposures = solver.exposures(of: targets)
        let nodeSet = Set(nodes)
        let audit = Audit(solver: solver, exposures: exposures)
        return AnalysisReport(
            input: input, scope: scope, targetCount: targets.count, exposures: exposures, findings: audit.findings,
            clusters: ClusterPortSummary.summaries(of: topology, exposures: exposures.filter { nodeSet.contains($0.target) }),
            assumptions: topology.assumptions + audit.assumptions, missingExports: topology.missingExports,
            skipped: topology.skipped, warnings: warnings, sources: sources, topology: topology)
    }

    /// The same report with only the findings `isKept` accepts.
    public func keeping(_ isKept: (Finding) -> Bool) -> AnalysisReport {
        AnalysisReport(
            input: input, scope: scope, targetCount: targetCount, exposures: exposures, findings: findings.filter(isKept),
            clusters: clusters, assumptions: assumptions, missingExports: missingExports, skipped: skipped, warnings: warnings,
            sources: sources, topology: topology)
    }

    /// The number of warnings the loader printed.
    public var warningCount: Int { warnings.filter { $0.severity == .warning }.count }
}
