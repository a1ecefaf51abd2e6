/// Loads any supported input: a native topology, an AWS `describe-*` bundle or a
/// Terraform plan.
///
/// Imported inputs are first written as a native document, which `NativeLoader` then
/// validates like any other; so `exposure convert` prints exactly what is analysed.
public enum InputLoader {
    /// A loaded input.
    public struct Loaded: Sendable {
        public let format: InputFormat
        public let topology: Topology
        /// Warnings, located in the original input.
        public let diagnostics: [Diagnostic]
        /// The input as a native topology document.
        public let nativeDocument: String
    }

    /// Loads one file, recognising its format from its top-level keys.
    public static func load(file: InputFile, tenants: TenantOptions = TenantOptions()) throws(LoadFailure) -> Loaded {
        let documents: [JSONValue]
        do {
            documents = try JSONReader.parseSequence(file.bytes)
        } catch {
            throw LoadFailure(diagnostics: [Diagnostic(severity: .error, file: file.path, location: error.location, message: "invalid JSON: \(error.message)")])
        }
        let formats = documents.map(InputFormat.detect)
        switch (formats.first ?? nil, documents.count) {
        case (.native?, 1):
            let (topology, warnings) = try NativeLoader.load(documents[0], file: file.path)
            return Loaded(format: .native, topology: topology, diagnostics: warnings, nativeDocument: JSONWriter.pretty(documents[0]))
        case (.terraformPlan?, 1):
            let imported = TerraformPlanLoader.translate(JSONCursor(value: documents[0], file: file.path), tenants: tenants)
            return try finish(imported, format: .terraformPlan, name: file.path)
        case (.awsBundle?, _) where formats.allSatisfy({ $0 == .awsBundle }):
            return try load(folder: file.path, files: [file], tenants: tenants)
        default:
            let location = documents.first?.location
            throw LoadFailure(diagnostics: [Diagnostic(
                severity: .error, file: file.path, location: location,
                message: "not a recognised input: expected a native topology (\"formatVersion\"), a Terraform plan from `terraform show -json` (\"format_version\" with \"planned_values\"), or AWS CLI describe-* output (top-level keys such as \"Vpcs\", \"Subnets\", \"SecurityGroups\")")])
        }
    }

    /// Loads a folder of AWS CLI outputs (`files` are every JSON file below it).
    public static func load(folder: String, files: [InputFile], tenants: TenantOptions = TenantOptions()) throws(LoadFailure) -> Loaded {
        let bundle = AWSBundle.collect(files)
        let imported = AWSBundleLoader.translate(bundle, tenants: tenants, name: folder)
        return try finish(imported, format: .awsBundle, name: folder)
    }

    /// Validates an importer's document and locates every problem in the original input.
    private static func finish(_ imported: ImportedDocument, format: InputFormat, name: String) throws(LoadFailure) -> Loaded {
        let text = JSONWriter.pretty(imported.document)
        var diagnostics = imported.diagnostics
        var topology = Topology()
        do {
            let (loaded, warnings) = try NativeLoader.load(Array(text.utf8), file: name, isImported: true)
            topology = loaded
            diagnostics += warnings.map { relocate($0, origins: imported.origins) }
        } catch {
            diagnostics += error.diagnostics.map { relocate($0, origins: imported.origins) }
        }
        diagnostics.sort(by: Diagnostic.inReadingOrder)
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw LoadFailure(diagnostics: diagnostics)
        }
        return Loaded(format: format, topology: topology, diagnostics: diagnostics, nativeDocument: text)
    }

    /// Moves a diagnostic about the converted document to the input value it came from.
    static func relocate(_ diagnostic: Diagnostic, origins: [String: JSONCursor]) -> Diagnostic {
        guard let path = diagnostic.path else { return diagnostic }
        var prefix = path
        while !prefix.isEmpty {
            if let origin = origins[prefix] {
                let detail = path == prefix ? "" : " (converted field \(path.dropFirst(prefix.count)))"
                return Diagnostic(
                    severity: diagnostic.severity, file: origin.file, path: origin.path.description,
                    location: origin.value.location, message: diagnostic.message + detail)
            }
            guard let cut = prefix.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            prefix = String(prefix[..<cut])
        }
        return diagnostic
    }
}
