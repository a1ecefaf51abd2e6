import ExposureModel

/// Loads any supported input: a native topology, an AWS `describe-*` bundle or a
/// Terraform plan.
///
/// Imported inputs are first built as a native document tree, which `NativeLoader` then
/// validates like any other (in memory: the tree is never written out and read back); so
/// `exposure convert`, which writes that tree, prints exactly what is analysed. An input in
/// which nothing of a network is recognised (no VPC, subnet or interface) is invalid.
public enum InputLoader {
    /// A loaded input.
    public struct Loaded: Sendable {
        /// The input as the user would name it: the file, or the folder of a bundle.
        public let name: String
        public let format: InputFormat
        public let topology: Topology
        /// Warnings, located in the original input.
        public let diagnostics: [Diagnostic]
        /// Where each component is written in the input, for reports that point at it.
        public let sources: SourceMap
        /// The input as a native topology document tree.
        let nativeTree: JSONValue

        /// The input as a native topology document, pretty-printed (written on demand:
        /// only `convert` needs it).
        public var nativeDocument: String { JSONWriter.pretty(nativeTree) }
    }

    /// Loads one file, recognising its format from its top-level keys.
    ///
    /// - Throws: `LoadFailure`; with `isJSONSchema` set when the file is a JSON Schema (such
    ///   as `topologies/topology.schema.json`), which callers skip with a note.
    public static func load(file: InputFile, tenants: TenantOptions = TenantOptions()) throws(LoadFailure) -> Loaded {
        let documents: [JSONValue]
        do {
            documents = try JSONReader.parseSequence(file.bytes)
        } catch {
            throw LoadFailure(diagnostics: [Diagnostic(severity: .error, file: file.path, location: error.location, message: "invalid JSON: \(error.message)")])
        }
        return try load(file, documents: documents, tenants: tenants)
    }

    /// One file whose JSON `documents` are parsed: a native topology, a Terraform plan, or
    /// AWS CLI outputs, told apart by their top-level keys.
    private static func load(_ file: InputFile, documents: [JSONValue], tenants: TenantOptions) throws(LoadFailure) -> Loaded {
        let formats = documents.map(InputFormat.detect)
        switch (formats.first ?? nil, documents.count) {
        case (.native?, 1):
            let (topology, warnings) = try NativeLoader.load(documents[0], file: file.path)
            guard !topology.isEmpty else {
                throw LoadFailure(diagnostics: warnings + [Diagnostic(
                    severity: .error, file: file.path, location: documents[0].location,
                    message: emptyMessage(.native))])
            }
            return Loaded(
                name: file.path, format: .native, topology: topology, diagnostics: warnings + tenantNotes(tenants, file: file.path),
                sources: sources(of: documents[0], file: file.path, origins: nil), nativeTree: documents[0])
        case (.terraformPlan?, 1):
            let imported = TerraformPlanLoader.translate(JSONCursor(value: documents[0], file: file.path), tenants: tenants)
            return try finish(imported, format: .terraformPlan, name: file.path)
        case (.awsBundle?, _) where formats.allSatisfy({ $0 == .awsBundle }):
            return try load(folder: file.path, files: [file], tenants: tenants)
        default:
            let location = documents.first?.location
            if documents.count == 1, InputFormat.isJSONSchema(documents[0]) {
                throw LoadFailure(
                    diagnostics: [schemaNote(file.path, at: location)],
                    isJSONSchema: true)
            }
            throw LoadFailure(diagnostics: [Diagnostic(
                severity: .error, file: file.path, location: location,
                message: "not a recognised input: expected a native topology (\"formatVersion\"), a Terraform plan from `terraform show -json` (\"format_version\" with \"planned_values\"), or AWS CLI describe-* output (top-level keys such as \"Vpcs\", \"Subnets\", \"SecurityGroups\")")])
        }
    }

    /// Loads a folder of AWS CLI outputs (`files` are every JSON file below it).
    public static func load(folder: String, files: [InputFile], tenants: TenantOptions = TenantOptions()) throws(LoadFailure) -> Loaded {
        try loadBundle(AWSBundle.collect(files), folder: folder, tenants: tenants)
    }

    /// AWS CLI outputs, translated into a native topology and loaded as one; an export in
    /// which no network is recognised is invalid.
    private static func loadBundle(_ bundle: AWSBundle, folder: String, tenants: TenantOptions) throws(LoadFailure) -> Loaded {
        let imported = AWSBundleLoader.translate(bundle, tenants: tenants, name: folder)
        return try finish(imported, format: .awsBundle, name: folder)
    }

    /// Loads a folder: one input per file when every file is a native topology (JSON
    /// Schemas skipped with a note), else the folder as one bundle of AWS CLI outputs.
    public static func loadAll(folder: String, files: [InputFile], tenants: TenantOptions = TenantOptions()) throws(LoadFailure) -> [Loaded] {
        let parsed = files.map { file in (file: file, documents: Result { () throws(JSONReader.SyntaxError) in try JSONReader.parseSequence(file.bytes) }) }
        var natives: [(InputFile, [JSONValue])] = []
        var schemas: [Diagnostic] = []
        var others = 0
        for (file, result) in parsed {
            guard case .success(let documents) = result else {
                others += 1
                continue
            }
            if documents.count == 1, InputFormat.detect(documents[0]) == .native {
                natives.append((file, documents))
            } else if documents.count == 1, InputFormat.isJSONSchema(documents[0]) {
                schemas.append(schemaNote(file.path, at: documents[0].location))
            } else {
                others += 1
            }
        }
        guard !natives.isEmpty else {
            return [try loadBundle(AWSBundle.collect(parsed: parsed), folder: folder, tenants: tenants)]
        }
        guard others == 0 else {
            throw LoadFailure(diagnostics: [Diagnostic(
                severity: .error, file: folder,
                message: "the folder mixes \(natives.count) native topology file\(natives.count == 1 ? "" : "s") with \(others) other file\(others == 1 ? "" : "s"); analyse the native files by name, or keep AWS CLI outputs in a folder of their own")])
        }
        var loaded: [Loaded] = []
        var failures: [Diagnostic] = []
        for (index, (file, documents)) in natives.sorted(by: { $0.0.relativePath < $1.0.relativePath }).enumerated() {
            do {
                let one = try load(file, documents: documents, tenants: tenants)
                loaded.append(index == 0 ? Loaded(name: one.name, format: one.format, topology: one.topology, diagnostics: schemas + one.diagnostics, sources: one.sources, nativeTree: one.nativeTree) : one)
            } catch {
                failures += error.diagnostics
            }
        }
        if !failures.isEmpty { throw LoadFailure(diagnostics: failures) }
        return loaded
    }

    /// Validates an importer's document and locates every problem in the original input.
    private static func finish(_ imported: ImportedDocument, format: InputFormat, name: String) throws(LoadFailure) -> Loaded {
        var diagnostics = imported.diagnostics
        var topology = Topology()
        do {
            let (loaded, warnings) = try NativeLoader.load(imported.document, file: name, isImported: true)
            topology = loaded
            diagnostics += warnings.map { relocate($0, origins: imported.origins) }
        } catch {
            diagnostics += error.diagnostics.map { relocate($0, origins: imported.origins) }
        }
        diagnostics.sort(by: Diagnostic.inReadingOrder)
        if !diagnostics.contains(where: { $0.severity == .error }), topology.isEmpty {
            diagnostics.append(Diagnostic(severity: .error, file: name, message: emptyMessage(format) + "; found: \(imported.recognised)"))
        }
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw LoadFailure(diagnostics: diagnostics)
        }
        return Loaded(
            name: name, format: format, topology: topology, diagnostics: diagnostics,
            sources: sources(of: imported.document, file: name, origins: imported.origins, addresses: imported.addresses),
            nativeTree: imported.document)
    }

    /// The note for a JSON Schema file among the inputs, which is skipped.
    private static func schemaNote(_ file: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(severity: .warning, file: file, location: location, message: "a JSON Schema, not an input; it is skipped")
    }

    /// Why an input that holds no network is invalid, and what was expected.
    private static func emptyMessage(_ format: InputFormat) -> String {
        switch format {
        case .awsBundle:
            "no VPC, subnet or network interface is recognised: expected the outputs of `aws ec2 describe-vpcs`, `describe-subnets` and `describe-network-interfaces` or `describe-instances` (see the capture script in the README)"
        case .terraformPlan:
            "the plan holds no aws_vpc, aws_subnet, aws_instance or aws_network_interface that can be placed in a VPC: there is nothing to analyse (resources in the default VPC or outside the plan are not modelled)"
        case .native:
            "the topology declares no VPC, subnet or network interface: there is nothing to analyse"
        }
    }

    /// Tenant options name accounts, VPCs, subnets and tags of imported inputs; a native
    /// topology names its tenants itself.
    private static func tenantNotes(_ tenants: TenantOptions, file: String) -> [Diagnostic] {
        guard tenants.tag != nil || !tenants.mapping.isEmpty else { return [] }
        return [Diagnostic(severity: .warning, file: file, message: "--tenant-tag and --tenants apply to AWS and Terraform inputs; a native topology declares its tenants, so they are ignored")]
    }

    /// The input value the element at `path` of a converted document (or the element
    /// holding it) was written from, and that element's path.
    static func origin(of path: String, in origins: [String: JSONCursor]) -> (JSONCursor, String)? {
        var prefix = path
        while !prefix.isEmpty {
            if let origin = origins[prefix] { return (origin, prefix) }
            guard let cut = prefix.lastIndex(where: { $0 == "." || $0 == "[" }) else { return nil }
            prefix = String(prefix[..<cut])
        }
        return nil
    }

    /// Moves a diagnostic about the converted document to the input value it came from.
    static func relocate(_ diagnostic: Diagnostic, origins: [String: JSONCursor]) -> Diagnostic {
        guard let path = diagnostic.path else { return diagnostic }
        if let (origin, prefix) = origin(of: path, in: origins) {
            let detail = path == prefix ? "" : " (converted field \(path.dropFirst(prefix.count)))"
            return Diagnostic(
                severity: diagnostic.severity, file: origin.file, path: origin.path.description,
                location: origin.value.location, message: diagnostic.message + detail)
        }
        // A value the importer built has no place in any file: say none rather than 0:0.
        guard diagnostic.location == JSONValue.nowhere else { return diagnostic }
        return Diagnostic(severity: diagnostic.severity, file: diagnostic.file, path: diagnostic.path, location: nil, message: diagnostic.message)
    }
}
