import ExposureModel

/// The parts of `terraform show -json` output the importer reads: every managed resource
/// instance with its planned values, which of them stay unknown until apply, and the
/// configuration's references, which link resources whose ids do not exist yet.
struct TerraformPlan {
    /// One resource instance, such as `module.net.aws_subnet.private[0]`.
    struct Resource {
        let address: String
        let type: String
        let name: String
        /// The module instance holding it (`""` at the root, `module.net["a"]`).
        let module: String
        /// The index of a `count` or `for_each` instance, as JSON.
        let index: JSONValue?
        let values: JSONCursor
        /// `after_unknown`: `true` where a value is only known after apply.
        let unknown: JSONValue?
        /// The configuration's `expressions`, shared by every instance of the resource.
        let expressions: JSONValue?

        /// `aws_subnet.private` inside `module.net`, without instance keys: how the
        /// configuration names it.
        let configAddress: String
    }

    private(set) var resources: [Resource] = []
    /// Resource instances by configuration address, for following references.
    private(set) var instances: [String: [Resource]] = [:]
    /// Module configurations by module path without keys (`""`, `module.net`).
    private(set) var modules: [String: JSONValue] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    init(_ root: JSONCursor) {
        if let version = root.value["format_version"]?.stringValue, let major = version.split(separator: ".").first.flatMap({ Int($0) }), major > 1 {
            diagnostics.append(root.warning("plan format_version \(version) is newer than the 0.1-1.x this importer knows; reading it as 1.x"))
        }
        // What is known only after apply must never read as absent, so a malformed
        // `resource_changes` is an error rather than "nothing is unknown".
        var unknowns: [String: JSONValue] = [:]
        if let changes = root.field("resource_changes") {
            diagnostics += TerraformPlan.resourceChanges.mismatches(in: changes)
            for change in (try? changes.elements()) ?? [] {
                guard let address = change.value["address"]?.stringValue, let unknown = change.field("change")?.field("after_unknown") else { continue }
                switch unknown.value.kind {
                case .bool, .object: unknowns[address] = unknown.value
                default: diagnostics.append(unknown.error("expected true, false or an object, found \(unknown.value.kindName)"))
                }
            }
        }
        if let configuration = root.value["configuration"]?["root_module"] { collectModules(configuration, path: "") }
        guard case .object = root.value.kind else {
            diagnostics.append(root.error("expected the object `terraform show -json` writes, found \(root.value.kindName)"))
            return
        }
        guard let planned = root.field("planned_values") else {
            diagnostics.append(root.error("no \"planned_values\": expected `terraform show -json` of a saved plan (terraform plan -out=tfplan)"))
            return
        }
        let problems = JSONShape.object(["root_module": .object([:])], required: ["root_module"]).mismatches(in: planned)
        guard problems.isEmpty, let rootModule = planned.field("root_module") else {
            diagnostics += problems
            return
        }
        collectResources(rootModule, unknowns: unknowns)
    }

    private mutating func collectModules(_ module: JSONValue, path: String) {
        modules[path] = module
        guard case .object(let calls)? = module["module_calls"]?.kind else { return }
        for call in calls {
            if let child = call.value["module"] { collectModules(child, path: path.isEmpty ? "module.\(call.key)" : "\(path).module.\(call.key)") }
        }
    }

    /// The elements of a module's `key`, recording an error when it is not an array of objects.
    private mutating func elements(_ module: JSONCursor, _ key: String) -> [JSONCursor] {
        guard let list = module.field(key) else { return [] }
        let problems = JSONShape.array(.object([:])).mismatches(in: list)
        diagnostics += problems
        return problems.isEmpty ? (try? list.elements()) ?? [] : []
    }

    private mutating func collectResources(_ module: JSONCursor, unknowns: [String: JSONValue]) {
        guard case .object = module.value.kind else {
            diagnostics.append(module.error("expected a module object, found \(module.value.kindName)"))
            return
        }
        let moduleAddress = module.value["address"]?.stringValue ?? ""
        let configModule = TerraformPlan.strippingKeys(moduleAddress)
        // The configuration's resources of this module by `type.name`, found once.
        var configured: [String: JSONValue] = [:]
        if case .array(let items)? = modules[configModule]?["resources"]?.kind {
            for item in items where (item["mode"]?.stringValue ?? "managed") == "managed" {
                if let key = item["address"]?.stringValue, configured[key] == nil { configured[key] = item }
            }
        }
        for resource in elements(module, "resources") {
            guard resource.value["mode"]?.stringValue ?? "managed" == "managed",
                let address = resource.value["address"]?.stringValue, let type = resource.value["type"]?.stringValue,
                let values = resource.field("values")
            else { continue }
            if let shape = TerraformPlan.shape(of: type) { diagnostics += shape.mismatches(in: values) }
            let name = resource.value["name"]?.stringValue ?? ""
            let expressions = configured["\(type).\(name)"]?["expressions"]
            let configAddress = configModule.isEmpty ? "\(type).\(name)" : "\(configModule).\(type).\(name)"
            let instance = Resource(
                address: address, type: type, name: name, module: moduleAddress, index: resource.value["index"], values: values,
                unknown: unknowns[address], expressions: expressions, configAddress: configAddress)
            resources.append(instance)
            instances[configAddress, default: []].append(instance)
        }
        for child in elements(module, "child_modules") { collectResources(child, unknowns: unknowns) }
    }

    /// `module.net["a"].aws_subnet.x[0]` → `module.net.aws_subnet.x`.
    static func strippingKeys(_ address: String) -> String {
        var result = ""
        var depth = 0
        var inString = false
        for character in address {
            if inString {
                if character == "\"" { inString = false }
                continue
            }
            switch character {
            case "[": depth += 1
            case "]": depth -= 1
            case "\"" where depth > 0: inString = true
            default: if depth == 0 { result.append(character) }
            }
        }
        return result
    }
}
