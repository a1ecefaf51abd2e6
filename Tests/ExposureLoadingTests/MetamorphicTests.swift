import ExposureTestSupport
import Foundation
import Testing
@testable import ExposureLoading
@testable import ExposureModel
@testable import ExposureReports
@testable import ExposureSolver

/// Changes to an input that must not change what it says, on seeded random topologies:
/// renaming ids, splitting a CIDR rule into its halves, converting an AWS bundle to the
/// native format, and reordering arrays and files.
@Suite("Metamorphic relations")
struct MetamorphicTests {
    static let seeds: [UInt64] = Array(1...12)

    /// What each zone can open on each target, with verdict, from which sources: the
    /// verdicts, without the witnesses and paths that may legitimately differ.
    struct Verdicts: Equatable, CustomStringConvertible {
        var services: [String: ServiceSet] = [:]
        var sources: [String: AddressSet] = [:]

        init(_ topology: Topology, originalID: (String) -> String = { $0 }) {
            let report = AnalysisReport.analyse(topology, allInterfaces: true, input: "x", warnings: [])
            for exposure in report.exposures {
                let zone = exposure.zone.description.split(separator: ":", maxSplits: 1).map(String.init)
                let zoneText = zone.count == 2 ? "\(zone[0]):\(originalID(zone[1]))" : zone[0]
                let key = "\(originalID(exposure.target.rawValue)) \(zoneText) \(exposure.verdict)"
                services[key] = (services[key] ?? .empty).union(exposure.services)
                sources[key] = (sources[key] ?? .empty).union(exposure.sources)
            }
        }

        var description: String { services.keys.sorted().joined(separator: "\n") }
    }

    /// The seed's bundle as loaded, and its native document as an editable tree.
    static func native(seed: UInt64) throws -> (loaded: InputLoader.Loaded, document: [String: Any]) {
        let loaded = try RandomBundle.make(seed: seed).bundle.load()
        let object = try JSONSerialization.jsonObject(with: Data(loaded.nativeDocument.utf8))
        return (loaded, try #require(object as? [String: Any]))
    }

    static func load(_ document: [String: Any]) throws -> Topology {
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
        return try NativeLoader.load(Array(data), file: "edited.json").0
    }

    /// `value` with every string in `names` replaced by its new name.
    static func renaming(_ value: Any, _ names: [String: String]) -> Any {
        switch value {
        case let text as String: names[text] ?? text
        case let list as [Any]: list.map { renaming($0, names) }
        case let object as [String: Any]: object.mapValues { renaming($0, names) }
        default: value
        }
    }

    @Test("the seeds exercise exposures: most of them have some")
    func seedsHaveExposures() throws {
        let exposed = try Self.seeds.filter { !Verdicts(try RandomBundle.make(seed: $0).bundle.load().topology).services.isEmpty }
        #expect(exposed.count >= Self.seeds.count * 3 / 4)
    }

    @Test("renaming every id does not change a verdict", arguments: seeds)
    func renamingIDs(seed: UInt64) throws {
        let (loaded, document) = try Self.native(seed: seed)
        var ids: Set<String> = []
        for case let list as [[String: Any]] in document.values {
            for element in list { if let id = element["id"] as? String { ids.insert(id) } }
        }
        // Keep each id's kind prefix (`pcx-`), which names what an undescribed target is.
        let names = Dictionary(uniqueKeysWithValues: ids.map { id -> (String, String) in
            guard let dash = id.firstIndex(of: "-") else { return (id, "renamed-" + id) }
            return (id, String(id[...dash]) + "zz" + String(id[id.index(after: dash)...].reversed()))
        })
        let inverse = Dictionary(uniqueKeysWithValues: names.map { ($0.value, $0.key) })
        let renamed = try Self.load(try #require(Self.renaming(document, names) as? [String: Any]))
        let before = Verdicts(loaded.topology)
        #expect(Verdicts(renamed, originalID: { inverse[$0] ?? $0 }) == before)
        // Not vacuous: without mapping the names back, the verdicts name other targets.
        if !before.services.isEmpty { #expect(Verdicts(renamed) != before) }
    }

    @Test("splitting each CIDR rule into its two halves does not change a verdict", arguments: seeds)
    func splittingRules(seed: UInt64) throws {
        var (loaded, document) = try Self.native(seed: seed)
        var split = 0
        document["securityGroups"] = (document["securityGroups"] as? [[String: Any]] ?? []).map { group in
            var group = group
            for direction in ["ingress", "egress"] {
                group[direction] = (group[direction] as? [[String: Any]] ?? []).flatMap { rule -> [[String: Any]] in
                    guard let text = rule["cidr"] as? String, let cidr = CIDR(text), cidr.family == .ipv4, cidr.prefixLength < 32 else { return [rule] }
                    let length = cidr.prefixLength + 1
                    let upper = IPAddress(rawValue: cidr.address.rawValue + (UInt128(1) << (32 - length)))
                    split += 1
                    return [CIDR(address: cidr.address, prefixLength: length), CIDR(address: upper, prefixLength: length)].map { half in
                        var copy = rule
                        copy["cidr"] = half.description
                        return copy
                    }
                }
            }
            return group
        }
        #expect(split > 0)
        #expect(Verdicts(try Self.load(document)) == Verdicts(loaded.topology))
    }

    @Test("an AWS bundle and its conversion to the native format give the same report", arguments: seeds)
    func conversion(seed: UInt64) throws {
        let loaded = try RandomBundle.make(seed: seed).bundle.load()
        let converted = try NativeLoader.load(Array(loaded.nativeDocument.utf8), file: "converted.json").0
        func report(_ topology: Topology) -> String {
            AnalysisJSONRenderer.render([AnalysisReport.analyse(topology, input: "input", warnings: [])])
        }
        #expect(report(converted) == report(loaded.topology))
    }

    @Test("reordering records, collections and files gives a byte-identical report", arguments: seeds)
    func reordering(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed &+ 1_000)
        let (bundle, _) = RandomBundle.make(seed: seed)
        // Every list shuffled, and each call's records split over two files in either order.
        var shuffled: [InputFile] = []
        for (index, file) in bundle.files.enumerated() {
            let key = String(file.relativePath.dropFirst("us-east-1/".count).dropLast(".json".count))
            let records = bundle[key].shuffled(using: &random)
            let half = records.count / 2
            for (part, slice) in [records[..<half], records[half...]].enumerated() where !slice.isEmpty {
                let name = "us-east-1/\(index % 2 == 0 ? part : 1 - part)-\(key).json"
                let data = try JSONSerialization.data(withJSONObject: [key: Array(slice)])
                shuffled.append(InputFile(path: "bundle/" + name, relativePath: name, bytes: Array(data)))
            }
        }
        let original = try bundle.load()
        let reordered = try InputLoader.load(folder: "bundle", files: shuffled.shuffled(using: &random))
        func report(_ topology: Topology) -> String {
            AnalysisJSONRenderer.render([AnalysisReport.analyse(topology, allInterfaces: true, input: "input", warnings: [])])
        }
        #expect(report(reordered.topology) == report(original.topology))
        // The native document's collections reversed.
        var document = try #require(try JSONSerialization.jsonObject(with: Data(original.nativeDocument.utf8)) as? [String: Any])
        for (key, value) in document { if let list = value as? [Any] { document[key] = Array(list.reversed()) } }
        #expect(report(try Self.load(document)) == report(original.topology))
    }
}
