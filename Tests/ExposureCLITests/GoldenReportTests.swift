import Foundation
import Testing
@testable import ExposureCLI

/// The reports in reports/ must be what the current code produces.
///
/// Re-record with `EXPOSURE_RECORD=1 swift test --filter GoldenReportTests`: the test then
/// writes the new reports and fails with "recorded new baseline", so a re-record is never silent.
@Suite("Golden reports")
struct GoldenReportTests {
    @Test("There are example topologies to report on")
    func examplesExist() {
        #expect(CLIHarness.exampleTopologies.count >= 6)
    }

    /// Each format's file name extension in reports/.
    static let extensions = ["text": "txt", "json": "json", "sarif": "sarif", "markdown": "md", "junit": "xml", "html": "html", "dot": "dot"]

    @Test("reports/ is current", arguments: CLIHarness.exampleTopologies, ["text", "json", "sarif", "markdown", "junit", "html", "dot"])
    func reportIsCurrent(topology: String, format: String) throws {
        let result = CLIHarness.run(["analyze", topology, "--format", format, "--fail-on", "none"])
        #expect(result.status == .success)
        let name = URL(fileURLWithPath: topology).deletingPathExtension().lastPathComponent
        let golden = CLIHarness.root.appendingPathComponent("reports/\(name).\(GoldenReportTests.extensions[format] ?? format)")
        if ProcessInfo.processInfo.environment["EXPOSURE_RECORD"] != nil {
            try Data(result.standardOutput.utf8).write(to: golden)
            Issue.record("recorded new baseline for \(golden.lastPathComponent)")
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(result.standardOutput == expected, "reports/\(golden.lastPathComponent) is stale; re-record with EXPOSURE_RECORD=1 swift test --filter GoldenReportTests")
    }

    @Test("The same input gives byte-identical output", arguments: CLIHarness.exampleTopologies)
    func deterministic(topology: String) {
        let first = CLIHarness.run(["analyze", topology, "--format", "json", "--all-interfaces"])
        let second = CLIHarness.run(["analyze", topology, "--format", "json", "--all-interfaces"])
        #expect(first.standardOutput == second.standardOutput)
        #expect(!first.standardOutput.contains(CLIHarness.root.path))
    }
}
