import ExposureAudit
import ExposureModel
import ExposureReports
import Foundation

/// Which findings a command reports and which fail it: `--only-rule`, `--skip-rule` and
/// `--fail-on`, checked against the audit's rule table.
struct FindingSelection {
    /// The rule ids reported; every rule when no `--only-rule` is given.
    let rules: Set<String>
    /// `nil` for `--fail-on none`: findings never fail the command.
    let threshold: Severity?
    /// Whether `threshold` is the default, not given on the command line.
    let isDefaultThreshold: Bool

    /// The options that choose the findings, for every command that reports them.
    static let options: [ParsedArguments.OptionSpec] = [
        .init(name: "fail-on", takesValue: true, choices: Severity.allCases.map(\.rawValue) + ["none"]),
        .init(name: "only-rule", takesValue: true, repeatable: true),
        .init(name: "skip-rule", takesValue: true, repeatable: true),
    ]

    /// Reads the options; several ids may be given by repeating an option or with commas.
    ///
    /// - Throws: `UsageError` naming an id that is no rule, with the closest one and the
    ///   list of valid ids.
    init(_ parsed: ParsedArguments) throws(UsageError) {
        let known = Audit.ruleTable.map(\.id)
        func ids(_ option: String) throws(UsageError) -> [String] {
            let given = parsed.values(option).flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
            for id in given where !known.contains(id) {
                let guess = EditDistance.closest(to: id, among: known).map { "did you mean '\($0)'? " } ?? ""
                throw UsageError("unknown rule '\(id)' for '--\(option)'; \(guess)valid rules: \(known.joined(separator: ", "))")
            }
            return given
        }
        let only = try ids("only-rule")
        let skipped = Set(try ids("skip-rule"))
        rules = Set(only.isEmpty ? known : only).subtracting(skipped)
        isDefaultThreshold = parsed.value("fail-on") == nil
        switch parsed.value("fail-on") {
        case "none": threshold = nil
        case let value?: threshold = Severity(rawValue: value) ?? Gate.defaultThreshold
        case nil: threshold = Gate.defaultThreshold
        }
    }

    /// The gate of the threshold and `baseline`, judged on `today`.
    func gate(baseline: Baseline?, today: CalendarDay) -> Gate {
        Gate(threshold: threshold, baseline: baseline, today: today)
    }

    /// `--fail-on high`, or `--fail-on low, the default`.
    var thresholdText: String {
        guard let threshold else { return "--fail-on none" }
        return "--fail-on \(threshold.rawValue)" + (isDefaultThreshold ? ", the default" : "")
    }
}
