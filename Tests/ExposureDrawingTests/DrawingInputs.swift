import ExposureAudit
import ExposureLoading
import ExposureModel
import ExposureReports
import ExposureTestSupport
import Foundation
import RegionGenerator

/// The inputs the drawing tests draw: every example topology, the fixtures of corners
/// (`fixture:NAME`), and a generated region of 20 VPCs and 100 subnets.
enum DrawingInputs {
    /// The example topologies' names, and the generated region's.
    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: RepositoryRoot.url.appendingPathComponent("topologies").path)) ?? []
        let fixtures = (try? FileManager.default.contentsOfDirectory(atPath: fixtureFolder.path)) ?? []
        return files.filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }.map { String($0.dropLast(5)) }.sorted()
            + fixtures.filter { $0.hasSuffix(".json") }.sorted().map { "fixture:" + $0.dropLast(5) } + [regionName]
    }

    static let fixtureFolder = RepositoryRoot.url.appendingPathComponent("Tests/ExposureDrawingTests/Fixtures")

    /// The path of an input, relative to the repository.
    static func path(_ name: String) -> String {
        name.hasPrefix("fixture:") ? "Tests/ExposureDrawingTests/Fixtures/\(name.dropFirst(8)).json" : "topologies/\(name).json"
    }

    static let regionName = "region:hundred-subnets"

    /// The analysis of one input.
    static func report(_ name: String) throws -> AnalysisReport {
        if name == regionName {
            let region = Region(scale: 1, seed: 7, shape: .hundredSubnets)
            let files = region.files.map { InputFile(path: "region/\($0.path)", relativePath: $0.path, bytes: $0.document.written()) }
            let loaded = try InputLoader.load(folder: "region", files: files)
            return AnalysisReport.analyse(loaded.topology, input: "region", warnings: loaded.diagnostics)
        }
        let path = path(name)
        let bytes = [UInt8](try Data(contentsOf: RepositoryRoot.url.appendingPathComponent(path)))
        let (topology, _) = try NativeLoader.load(bytes, file: path)
        return AnalysisReport.analyse(topology, input: path, warnings: [])
    }
}
