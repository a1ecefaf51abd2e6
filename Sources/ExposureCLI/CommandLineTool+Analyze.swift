import ExposureAudit
import ExposureLoading
import ExposureModel
import ExposureReports
import ExposureSolver

/// `exposure analyze`.
extension CommandLineTool {
    func analyze(_ arguments: [String]) throws -> ExitCode {
        let parsed = try ParsedArguments(arguments, specs: [
            CommandLineTool.formatOption, CommandLineTool.helpOption,
            .init(name: "all-interfaces", takesValue: false),
            .init(name: "output", short: "o", takesValue: true),
            CommandLineTool.tenantTagOption, CommandLineTool.tenantsOption,
        ] + FindingSelection.options)
        if parsed.has("help") {
            output.standardOutput(Usage.analyze + "\n")
            return .success
        }
        guard !parsed.positionals.isEmpty else { throw UsageError("analyze needs at least one INPUT") }
        let selection = try FindingSelection(parsed)
        let tenants = try tenantOptions(parsed)
        var reports: [AnalysisReport] = []
        var failures: [InputFailure] = []
        for path in parsed.positionals {
            do {
                for loaded in try loadInputs(path, tenants: tenants) {
                    for warning in loaded.diagnostics { output.standardError("\(warning)\n") }
                    reports.append(selection.apply(to: AnalysisReport.analyse(
                        loaded.topology, allInterfaces: parsed.has("all-interfaces"), input: loaded.name, warnings: loaded.diagnostics)))
                }
            } catch let failure as InputFailure {
                failures.append(failure)
            }
        }
        if let first = failures.first {
            // One bad input means no report at all: a partial report could be mistaken for a clean one.
            let diagnostics = failures.flatMap(\.diagnostics)
            throw InputFailure(exitCode: first.exitCode, diagnostics: diagnostics, summary: failures.map(\.summary).joined(separator: "; "))
        }
        guard !reports.isEmpty else {
            throw InputFailure(
                exitCode: .dataError, diagnostics: [],
                summary: "no input to analyse: every file named is a JSON Schema; no report written")
        }
        let text = parsed.value("format") == "json"
            ? AnalysisJSONRenderer.render(reports) : AnalysisTextRenderer.render(reports)
        try emit(text, to: parsed.value("output"))
        let failing = selection.failing(reports.flatMap(\.findings))
        guard failing.isEmpty else {
            output.standardError("exposure: \(failing.count) finding\(failing.count == 1 ? "" : "s") at or above \(selection.threshold?.rawValue ?? "") (\(selection.thresholdText); --fail-on none never fails)\n")
            return .findings
        }
        return .success
    }
}
