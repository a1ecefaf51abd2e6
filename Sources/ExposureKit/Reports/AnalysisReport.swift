/// Everything `exposure analyze` reports for one input, ready for any renderer.
public struct AnalysisReport: Sendable {
    /// The input as the user named it (never made absolute).
    public let input: String
    public let targetCount: Int
    public let exposures: [Exposure]
    public let assumptions: [String]
    public let warnings: [Diagnostic]

    public init(input: String, targetCount: Int, exposures: [Exposure], assumptions: [String], warnings: [Diagnostic]) {
        self.input = input
        self.targetCount = targetCount
        self.exposures = exposures
        self.assumptions = assumptions
        self.warnings = warnings
    }
}
