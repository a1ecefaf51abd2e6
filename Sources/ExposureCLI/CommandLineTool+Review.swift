import ExposureAudit
import ExposureLoading
import ExposureModel
import ExposureReports

/// What `analyze`, `baseline` and `diff` share: loading inputs into reports, the baseline
/// option, and the gate's message.
extension CommandLineTool {
    static let baselineOption = ParsedArguments.OptionSpec(name: "baseline", takesValue: true)
    static let allInterfacesOption = ParsedArguments.OptionSpec(name: "all-interfaces", takesValue: false)

    /// The options of the commands that review findings, `analyze` and `diff`.
    static let reviewOptions: [ParsedArguments.OptionSpec] = [
        helpOption, allInterfacesOption, baselineOption, tenantTagOption, tenantsOption,
    ] + ReportOutputs.options + FindingSelection.options

    /// Analyses every input `paths` name (a folder of native files is several), printing
    /// their warnings; one bad input means no report at all, since a partial report could
    /// be mistaken for a clean one.
    func analyses(of paths: [String], _ parsed: ParsedArguments) throws -> [AnalysisReport] {
        let tenants = try tenantOptions(parsed)
        var reports: [AnalysisReport] = []
        var failures: [InputFailure] = []
        for path in paths {
            do {
                for loaded in try loadInputs(path, tenants: tenants) {
                    printDiagnostics(loaded.diagnostics)
                    reports.append(AnalysisReport.analyse(
                        loaded.topology, allInterfaces: parsed.has("all-interfaces"), input: loaded.name,
                        warnings: loaded.diagnostics, sources: loaded.sources))
                }
            } catch let failure as InputFailure {
                failures.append(failure)
            }
        }
        if let first = failures.first {
            throw InputFailure(
                exitCode: first.exitCode, diagnostics: failures.flatMap(\.diagnostics),
                summary: failures.map(\.summary).joined(separator: "; "))
        }
        guard !reports.isEmpty else {
            throw InputFailure(
                exitCode: .dataError, diagnostics: [],
                summary: "no input to analyse: every file named is a JSON Schema; no report written")
        }
        return reports
    }

    /// The baseline `--baseline` names, read strictly; `nil` without the option.
    func baseline(_ parsed: ParsedArguments) throws -> Baseline? {
        guard let path = parsed.value("baseline") else { return nil }
        return try readBaseline(path)
    }

    /// Reads and checks a baseline file (status 66 when unreadable, 65 when invalid).
    func readBaseline(_ path: String) throws -> Baseline {
        let bytes = try readInput(path, summary: "no report written")
        do {
            return try BaselineLoader.load(bytes, file: path)
        } catch {
            throw InputFailure(exitCode: .dataError, diagnostics: error.diagnostics, summary: "\(path) is not a valid baseline; no report written")
        }
    }

    /// Warns about baseline entries without a reason and entries that match nothing.
    func warnAboutBaseline(_ review: Review, file: String?) {
        guard let baseline = review.gate.baseline, let file else { return }
        for entry in baseline.entries where entry.reason.trimmingCharacters(in: .whitespaces).isEmpty {
            output.standardError("\(Diagnostic(severity: .warning, file: file, location: entry.location, message: "finding \(entry.id) is accepted without a reason; say why in \"reason\""))\n")
        }
        for entry in review.stale {
            let named = [entry.rule, entry.resource].compactMap { $0 }.joined(separator: " ")
            output.standardError("\(Diagnostic(severity: .warning, file: file, location: entry.location, message: "stale entry: finding \(entry.id)\(named.isEmpty ? "" : " (\(named))") is not in any input any more; delete the entry"))\n")
        }
        for reviewed in review.findings {
            guard case .expired(let entry, _) = reviewed.status, let expires = entry.expires else { continue }
            output.standardError("\(Diagnostic(severity: .warning, file: file, location: entry.location, message: "the acceptance of finding \(entry.id) (\(reviewed.finding.rule) \(reviewed.finding.resource)) expired after \(expires)"))\n")
        }
    }
}
