import ExposureAudit
import ExposureLoading
import ExposureModel
import ExposureReports
import Foundation

/// `exposure baseline`.
extension CommandLineTool {
    func baseline(_ arguments: [String]) throws -> ExitCode {
        let parsed = try ParsedArguments(arguments, specs: [
            CommandLineTool.helpOption, CommandLineTool.allInterfacesOption,
            .init(name: "output", short: "o", takesValue: true),
            .init(name: "reason", takesValue: true), .init(name: "expires", takesValue: true),
            CommandLineTool.tenantTagOption, CommandLineTool.tenantsOption,
        ] + FindingSelection.options.filter { $0.name != "fail-on" })
        if parsed.has("help") {
            output.standardOutput(Usage.baseline + "\n")
            return .success
        }
        guard !parsed.positionals.isEmpty else { throw UsageError("baseline needs at least one INPUT") }
        var expires: CalendarDay?
        if let text = parsed.value("expires") {
            guard let day = CalendarDay(text) else { throw UsageError("invalid value '\(text)' for '--expires'; give the last day the acceptance holds as YYYY-MM-DD") }
            guard day >= today else { throw UsageError("'--expires \(text)' is in the past (today is \(today) in UTC)") }
            expires = day
        }
        let selection = try FindingSelection(parsed)
        // Rewriting a baseline keeps the reasons and expiries of the findings still there.
        let path = parsed.value("output")
        let previous = try path.flatMap { file in FileManager.default.fileExists(atPath: file) ? try readBaseline(file) : nil }
        let review = Review(try analyses(of: parsed.positionals, parsed), rules: selection.rules, gate: .never)
        let text = BaselineRenderer.render(review, previous: previous, reason: parsed.value("reason") ?? "", expires: expires)
        try emit(text, to: path)
        let count = Set(review.findings.map(\.finding.id)).count
        let kept = previous.map { old in review.findings.filter { old.entry(for: $0.finding.id.rawValue) != nil }.count } ?? 0
        output.standardError(
            "exposure: \(count) finding\(count == 1 ? "" : "s") written to \(path ?? "standard output")"
                + (kept > 0 ? " (\(kept) keeping their earlier reasons)" : "")
                + (parsed.value("reason") == nil && count > kept ? "; fill in each \"reason\" before relying on it" : "") + "\n")
        return .success
    }
}
