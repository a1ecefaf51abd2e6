import ExposureAudit
import ExposureLoading
import ExposureModel
import ExposureReports

/// `exposure diff`.
extension CommandLineTool {
    func diff(_ arguments: [String]) throws -> ExitCode {
        let parsed = try ParsedArguments(arguments, specs: CommandLineTool.reviewOptions)
        if parsed.has("help") {
            output.standardOutput(Usage.diff + "\n")
            return .success
        }
        guard parsed.positionals.count == 2 else {
            throw UsageError("diff needs two inputs, BEFORE and AFTER; found \(parsed.positionals.count)")
        }
        let selection = try FindingSelection(parsed)
        let outputs = try ReportOutputs(parsed)
        let gate = selection.gate(baseline: try baseline(parsed), today: today)
        let sides = try parsed.positionals.map { path in
            let reports = try analyses(of: [path], parsed)
            guard reports.count == 1 else {
                throw InputFailure(
                    exitCode: .dataError,
                    diagnostics: [Diagnostic(severity: .error, file: path, message: "\(path) holds \(reports.count) native topology files; diff compares one input with one other, so name the file")],
                    summary: "no report written")
            }
            return Review(reports, rules: selection.rules, gate: gate)
        }
        let diff = DiffReview(before: sides[0], after: sides[1])
        let layout = terminalLayout
        try outputs.write({ target in
            target.format.render(diff, layout: target.file == nil ? layout : .plain, version: Usage.versionNumber)
        }, standardOutput: output.standardOutput)
        warnAboutBaseline(diff.after, file: parsed.value("baseline"))
        let failing = diff.failing
        guard failing.isEmpty else {
            for reviewed in failing {
                let finding = reviewed.finding
                output.standardError("exposure: this change introduces \(finding.severity.rawValue) \(finding.rule) [\(finding.id)]: \(finding.message)\n")
            }
            output.standardError(
                "exposure: \(failing.count) introduced finding\(failing.count == 1 ? "" : "s") at or above \(selection.threshold?.rawValue ?? "") (\(selection.thresholdText); findings the before input has too do not fail a diff)\n")
            return .findings
        }
        return .success
    }
}
