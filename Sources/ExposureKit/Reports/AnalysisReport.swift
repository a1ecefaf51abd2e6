/// Everything `exposure analyze` reports for one input, ready for any renderer.
public struct AnalysisReport: Sendable {
    /// The input as the user named it (never made absolute).
    public let input: String
    public let targetCount: Int
    public let exposures: [Exposure]
    /// The EMR audit's findings, worst first.
    public let findings: [Finding]
    public let clusters: [ClusterPortSummary]
    public let assumptions: [String]
    public let warnings: [Diagnostic]

    public init(
        input: String, targetCount: Int, exposures: [Exposure], findings: [Finding] = [],
        clusters: [ClusterPortSummary] = [], assumptions: [String], warnings: [Diagnostic]
    ) {
        self.input = input
        self.targetCount = targetCount
        self.exposures = exposures
        self.findings = findings
        self.clusters = clusters
        self.assumptions = assumptions
        self.warnings = warnings
    }

    /// Analyses `topology`: the exposures of `targets`, and the EMR audit of its clusters
    /// (whose nodes are always analysed, whatever `targets` holds).
    public static func analyse(_ topology: Topology, targets: [NetworkInterfaceID]? = nil, input: String, warnings: [Diagnostic]) -> AnalysisReport {
        let solver = Solver(topology: topology)
        let nodes = solver.emrNodeInterfaces
        let chosen = targets ?? nodes
        let exposures = solver.exposures(of: chosen)
        let nodeSet = Set(nodes)
        let nodeExposures = Set(chosen).isSuperset(of: nodeSet)
            ? exposures.filter { nodeSet.contains($0.target) } : solver.exposures(of: nodes)
        let audit = Audit(solver: solver, exposures: nodeExposures)
        return AnalysisReport(
            input: input, targetCount: chosen.count, exposures: exposures, findings: audit.findings,
            clusters: ClusterPortSummary.summaries(of: topology, exposures: nodeExposures),
            assumptions: topology.assumptions + audit.assumptions, warnings: warnings)
    }
}
