import ExposureAudit
import ExposureModel

extension CommandLineTool {
    /// The most diagnostics printed for one input; the rest are counted.
    static let printedDiagnostics = 50

    /// Prints `diagnostics` to standard error, at most `printedDiagnostics` of them, then
    /// how many more there were: a broken export can hold a million of the same mistake.
    func printDiagnostics(_ diagnostics: [Diagnostic]) {
        var text = diagnostics.prefix(CommandLineTool.printedDiagnostics).map { "\($0)\n" }.joined()
        let rest = diagnostics.dropFirst(CommandLineTool.printedDiagnostics)
        if !rest.isEmpty {
            let errors = rest.filter { $0.severity == .error }.count
            let warnings = rest.count - errors
            let parts = [errors > 0 ? "\(NumberText.thousands(errors)) error\(errors == 1 ? "" : "s")" : nil,
                         warnings > 0 ? "\(NumberText.thousands(warnings)) warning\(warnings == 1 ? "" : "s")" : nil]
            text += "exposure: and \(parts.compactMap { $0 }.joined(separator: " and ")) more, not shown\n"
        }
        output.standardError(text)
    }
}
