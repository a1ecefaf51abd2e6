import ExposureLoading
import ExposureModel
import ExposureReports

/// What a fuzzer feeds bytes to: the JSON reader and each loader, each followed, when the
/// input loads, by the analysis and the JSON report, so that whatever an input can make
/// the loaders accept is also run through the solver, the audit and a renderer.
///
/// The libFuzzer drivers in `Drivers/` call `run(_:)`; the regression suite replays the
/// inputs under `Tests/ExposureFuzzingTests/Regressions/<target>/` through the same call.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// `JSONReader.parseSequence` alone.
    case jsonReader = "json-reader"
    /// One native topology file.
    case native
    /// One file of an AWS bundle, placed as `accounts/111111111111/us-east-1/input.json`.
    case awsBundle = "aws-bundle"
    /// One `terraform show -json` plan.
    case terraformPlan = "terraform-plan"

    /// Reads `bytes` as this target's input. Malformed input must end in diagnostics,
    /// never a trap; a trap, a hang or unbounded memory is what the fuzzer reports.
    ///
    /// - Returns: whether the input loaded (the analysis then ran).
    @discardableResult
    public func run(_ bytes: [UInt8]) -> Bool {
        switch self {
        case .jsonReader:
            return (try? JSONReader.parseSequence(bytes)) != nil
        case .native, .terraformPlan:
            let file = InputFile(path: "input.json", relativePath: "input.json", bytes: bytes)
            guard let loaded = try? InputLoader.load(file: file), loaded.format == expectedFormat else { return false }
            analyse([loaded])
            return true
        case .awsBundle:
            let file = InputFile(path: "bundle/input.json", relativePath: "accounts/111111111111/us-east-1/input.json", bytes: bytes)
            guard let loaded = try? InputLoader.loadAll(folder: "bundle", files: [file]) else { return false }
            analyse(loaded)
            return true
        }
    }

    /// The format `InputLoader` must detect for the input to count as this target's.
    private var expectedFormat: InputFormat? {
        switch self {
        case .native: .native
        case .terraformPlan: .terraformPlan
        case .jsonReader, .awsBundle: nil
        }
    }

    private func analyse(_ inputs: [InputLoader.Loaded]) {
        let reports = inputs.map { AnalysisReport.analyse($0.topology, input: $0.name, warnings: $0.diagnostics, sources: $0.sources) }
        _ = AnalysisJSONRenderer.render(Review(reports, gate: Gate(today: CalendarDay.unixEpoch)))
    }
}
