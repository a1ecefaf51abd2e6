import ExposureKit

/// `exposure analyze`.
extension CommandLineTool {
    func analyze(_ arguments: [String]) throws -> ExitCode {
        let parsed = try ParsedArguments(arguments, specs: [
            CommandLineTool.formatOption, CommandLineTool.helpOption,
            .init(name: "all-interfaces", takesValue: false),
            .init(name: "output", short: "o", takesValue: true),
            CommandLineTool.tenantTagOption, CommandLineTool.tenantsOption,
        ])
        if parsed.has("help") {
            output.standardOutput(Usage.analyze + "\n")
            return .success
        }
        guard !parsed.positionals.isEmpty else { throw UsageError("analyze needs at least one INPUT") }
        let tenants = try tenantOptions(parsed)
        var reports: [AnalysisReport] = []
        var failures: [InputFailure] = []
        for path in parsed.positionals {
            do {
                let loaded = try loadInput(path, tenants: tenants)
                let (topology, warnings) = (loaded.topology, loaded.diagnostics)
                for warning in warnings { output.standardError("\(warning)\n") }
                let solver = Solver(topology: topology)
                let targets = parsed.has("all-interfaces")
                    ? topology.networkInterfaces.keys.sorted() : solver.emrNodeInterfaces
                reports.append(AnalysisReport(
                    input: path, targetCount: targets.count, exposures: solver.exposures(of: targets),
                    assumptions: topology.assumptions, warnings: warnings))
            } catch let failure as InputFailure {
                failures.append(failure)
            }
        }
        if let first = failures.first {
            // One bad input means no report at all: a partial report could be mistaken for a clean one.
            let diagnostics = failures.flatMap(\.diagnostics)
            throw InputFailure(exitCode: first.exitCode, diagnostics: diagnostics, summary: failures.map(\.summary).joined(separator: "; "))
        }
        let text = parsed.value("format") == "json"
            ? AnalysisJSONRenderer.render(reports) : AnalysisTextRenderer.render(reports)
        try emit(text, to: parsed.value("output"))
        return .success
    }
}
