import Foundation
import Synchronization
@testable import ExposureCLI
import ExposureModel

/// Runs the command line in-process from the package root, capturing both streams.
struct CLIHarness {
    /// The package root, found from this file's path so tests do not depend on the
    /// working directory.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    struct Result {
        let status: ExitCode
        let standardOutput: String
        let standardError: String
    }

    /// The day the tests judge baseline expiries on, so they do not depend on the clock.
    static let today = CalendarDay(year: 2026, month: 12, day: 2) ?? .unixEpoch

    static func run(_ arguments: [String], today: CalendarDay = CLIHarness.today) -> Result {
        let out = Mutex("")
        let err = Mutex("")
        let tool = CommandLineTool(
            output: .init(standardOutput: { text in out.withLock { $0 += text } }, standardError: { text in err.withLock { $0 += text } }),
            readFile: { path in
                let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
                return [UInt8](try Data(contentsOf: url))
            },
            environment: [:], today: today)
        let status = tool.run(arguments)
        return Result(status: status, standardOutput: out.withLock { $0 }, standardError: err.withLock { $0 })
    }

    /// The example topologies, as paths relative to the package root.
    static var exampleTopologies: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("topologies").path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }.sorted().map { "topologies/\($0)" }
    }
}
