import Foundation
import Testing
@testable import ExposureAudit
@testable import ExposureLoading
@testable import ExposureModel
@testable import ExposureReports
@testable import ExposureSolver

/// Output must not depend on the order a process happens to iterate dictionaries and sets
/// in. Swift seeds hashing per process, so only separate runs of the built executable can
/// show such a dependence; running the tool twice in one process cannot.
@Suite("Determinism across processes")
struct ProcessDeterminismTests {
    /// The `exposure` executable that `swift test` builds beside the test bundle.
    static var executable: URL {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return products.appendingPathComponent("exposure")
    }

    /// Every input kind the repository holds: the example topologies, AWS exports (one
    /// without describe-subnets, whose gaps are filled from unordered records) and
    /// Terraform plans.
    static let inputs: [[String]] = [
        ["analyze"] + CLIHarness.exampleTopologies + ["--format", "json", "--all-interfaces"],
        ["analyze", "Tests/ExposureLoadingTests/Fixtures/aws", "--format", "json", "--all-interfaces"],
        ["analyze"] + CLIHarness.exampleTopologies + ["--format", "html", "--all-interfaces"],
        ["analyze", "Tests/ExposureLoadingTests/Fixtures/aws", "--format", "dot", "--all-interfaces"],
        ["analyze", "Tests/ExposureCLITests/Fixtures/aws-without-subnets", "--format", "json"],
        ["analyze", "Tests/ExposureLoadingTests/Fixtures/terraform/emr-module.tfplan.json", "Tests/ExposureLoadingTests/Fixtures/terraform/planned-instance.tfplan.json", "--all-interfaces"],
        ["convert", "Tests/ExposureLoadingTests/Fixtures/aws"],
    ]

    /// Runs the executable from the package root, returning status and both streams.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: Data, error: Data) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = CLIHarness.root
        let output = Pipe()
        // Standard error goes to a file: reading two pipes one after the other stalls a child
        // that fills the second (a sanitizer's report at exit does) while the first is read.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("exposure-stderr-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: errorFile.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let error = try FileHandle(forWritingTo: errorFile)
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read before waiting, so a large report cannot fill the pipe and stall the child.
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try error.close()
        return (process.terminationStatus, out, try Data(contentsOf: errorFile))
    }

    @Test("Separate processes give byte-identical reports and diagnostics", arguments: ProcessDeterminismTests.inputs)
    func separateProcesses(arguments: [String]) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the package first: \(Self.executable.path)")
        let first = try Self.run(arguments)
        #expect(!first.output.isEmpty)
        for _ in 0..<3 {
            let again = try Self.run(arguments)
            #expect(again.status == first.status)
            #expect(again.output == first.output)
            #expect(again.error == first.error)
        }
    }
}
