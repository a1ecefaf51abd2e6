import ExposureAudit
import ExposureLoading
import ExposureModel
import ExposureReports
import ExposureSolver

/// `exposure analyze`.
extension CommandLineTool {
    func analyze(_ arguments: [String]) throws -> ExitCode {
        let parsed = try ParsedArguments(arguments, specs: CommandLineTool.reviewOptions)
        if parsed.has("help") {
            output.standardOutput(Usage.analyze + "\n")
            return .success
        }
        guard !parsed.positionals.isEmpty else { throw UsageError("analyze needs at least one INPUT") }
        let selection = try FindingSelection(parsed)
        let outputs = try ReportOutputs(parsed)
        let baseline = try baseline(parsed)
        let review = Review(try analyses(of: parsed.positionals, parsed), rules: selection.rules, gate: selection.gate(baseline: baseline, today: today))
        let layout = terminalLayout
        try outputs.write({ target in
            target.format.render(review, layout: target.file == nil ? layout : .plain, version: Usage.versionNumber)
        }, standardOutput: output.standardOutput)
        warnAboutBaseline(review, file: parsed.value("baseline"))
        let failing = review.failing
        guard failing.isEmpty else {
            let accepted = review.accepted.count
            output.standardError(
                "exposure: \(failing.count) finding\(failing.count == 1 ? "" : "s") at or above \(selection.threshold?.rawValue ?? "") (\(selection.thresholdText); --fail-on none never fails)"
                    + (accepted > 0 ? "; \(accepted) more accepted by the baseline" : "") + "\n")
            return .findings
        }
        return .success
    }
}
