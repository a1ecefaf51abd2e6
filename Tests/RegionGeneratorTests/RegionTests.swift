import Foundation
import RegionGenerator
import Testing
@testable import ExposureLoading
@testable import ExposureModel

/// The benchmark's generator: deterministic, of the documented shape, and a valid,
/// complete AWS export.
@Suite("Region generator")
struct RegionTests {
    @Test("The same scale and seed give the same bytes; another seed gives others")
    func deterministic() {
        let first = Region(scale: 1, seed: 42)
        let second = Region(scale: 1, seed: 42)
        #expect(first.files.map(\.path) == second.files.map(\.path))
        #expect(first.files.map { $0.document.written() } == second.files.map { $0.document.written() })
        let other = Region(scale: 1, seed: 43)
        #expect(first.files.map { $0.document.written() } != other.files.map { $0.document.written() })
    }

    @Test("Scale 1 has the shape issue 10 measures, and scale 2 twice the VPCs")
    func shape() {
        let counts = Dictionary(uniqueKeysWithValues: Region(scale: 1, seed: 1).counts.map { ($0.name, $0.count) })
        #expect(counts["accounts"] == 5)
        #expect(counts["VPCs"] == 20)
        #expect(counts["subnets"] == 200)
        #expect(counts["security groups"] == 2_500)
        #expect(counts["interfaces"] == 5_000)
        #expect(counts["peerings"] == 40)
        #expect(counts["EMR clusters"] == 40)
        #expect((25_000...30_000).contains(counts["group rules"] ?? 0))
        let doubled = Dictionary(uniqueKeysWithValues: Region(scale: 2, seed: 1).counts.map { ($0.name, $0.count) })
        #expect(doubled["VPCs"] == 40 && doubled["interfaces"] == 10_000)
    }

    @Test("The corner shapes have the sizes issue 12 names")
    func cornerShapes() {
        func counts(_ shape: RegionShape) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: Region(scale: 1, seed: 1, shape: shape).counts.map { ($0.name, $0.count) })
        }
        let many = counts(.manyVPCs)
        #expect(many["VPCs"] == 100 && many["interfaces"] == 1_200 && many["EMR clusters"] == 100)
        #expect((190_000...210_000).contains(counts(.manyRules)["group rules"] ?? 0))
        let wide = counts(.wideGroup)
        #expect(wide["VPCs"] == 20 && (counts(.quota)["group rules"] ?? 0) < (wide["group rules"] ?? 0))
    }

    @Test("Documents are written with sorted keys, four-space indentation and escaped quotes")
    func writing() {
        let document: GeneratedJSON = ["b": [1, true], "a": "x\"y", "c": [:], "d": []]
        let text = String(decoding: document.written(), as: UTF8.self)
        #expect(text == "{\n    \"a\": \"x\\\"y\",\n    \"b\": [\n        1,\n        true\n    ],\n    \"c\": {},\n    \"d\": []\n}\n")
    }

    @Test("The bundle loads as a complete export: no warning, no missing call, every cluster with its nodes")
    func loads() throws {
        let region = Region(scale: 1, seed: 1)
        let files = region.files.map { file in
            InputFile(path: "region/\(file.path)", relativePath: file.path, bytes: file.document.written())
        }
        let loaded = try InputLoader.load(folder: "region", files: files)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.prefix(5))")
        #expect(loaded.topology.missingExports.isEmpty, "\(loaded.topology.missingExports)")
        #expect(loaded.topology.emrClusters.count == 40)
        #expect(loaded.topology.emrClusters.values.allSatisfy { $0.nodes.count == 7 })
        #expect(loaded.topology.networkInterfaces.count == 5_000)
    }
}
