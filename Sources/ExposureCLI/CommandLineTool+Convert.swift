import ExposureAudit
import ExposureLoading
import ExposureModel
import ExposureReports
import ExposureSolver

/// `exposure convert`.
extension CommandLineTool {
    func convert(_ arguments: [String]) throws -> ExitCode {
        let parsed = try ParsedArguments(arguments, specs: [
            CommandLineTool.helpOption, .init(name: "output", short: "o", takesValue: true),
            CommandLineTool.tenantTagOption, CommandLineTool.tenantsOption,
        ])
        if parsed.has("help") {
            output.standardOutput(Usage.convert + "\n")
            return .success
        }
        guard parsed.positionals.count == 1, let path = parsed.positionals.first else {
            throw UsageError("convert needs exactly one INPUT, found \(parsed.positionals.count)")
        }
        let loaded = try loadInput(path, tenants: try tenantOptions(parsed))
        printDiagnostics(loaded.diagnostics)
        try emit(loaded.nativeDocument, to: parsed.value("output"))
        return .success
    }
}
