import ExposureTestSupport
import Foundation
import Testing
@testable import ExposureLoading

/// `topologies/topology.schema.json`, `FORMAT.md` and the native loader describe one format.
@Suite("The schema")
struct SchemaConformanceTests {
    static let folder = RepositoryRoot.url.appendingPathComponent("topologies")

    static var examples: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".json") && $0 != "topology.schema.json" }.sorted()
    }

    static func read(_ name: String) throws -> JSONValue {
        try JSONReader.parse([UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))
    }

    @Test("every example conforms to the schema", arguments: examples)
    func exampleConforms(_ name: String) throws {
        let validator = JSONSchemaValidator(schema: try Self.read("topology.schema.json"))
        #expect(validator.violations(of: try Self.read(name)) == [])
    }

    @Test("the schema refuses what the loader refuses for lack of a required member")
    func schemaRequiresRoutes() throws {
        let validator = JSONSchemaValidator(schema: try Self.read("topology.schema.json"))
        let document = try JSONReader.parse(Array(#"{"formatVersion": 1, "routeTables": [{"id": "rtb-1", "vpc": "vpc-1"}]}"#.utf8))
        #expect(validator.violations(of: document) == [#"$.routeTables[0]: missing required "routes""#])
    }

    @Test("the schema, FORMAT.md and the loader name the same top-level members")
    func sameMembers() throws {
        let schema = try Self.read("topology.schema.json")
        guard case .object(let properties)? = schema["properties"]?.kind else {
            Issue.record("the schema has no properties")
            return
        }
        let names = Set(properties.map(\.key))
        #expect(names == NativeLoader.topLevelKeys)
        let format = try String(contentsOf: Self.folder.appendingPathComponent("FORMAT.md"), encoding: .utf8)
        for name in names.sorted() { #expect(format.contains("`\(name)`"), "FORMAT.md does not mention \(name)") }
    }
}
