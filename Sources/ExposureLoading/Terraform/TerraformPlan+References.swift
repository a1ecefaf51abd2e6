import ExposureModel

/// Following the configuration's references from one resource to the resources it names.
extension TerraformPlan {
    /// One step into a value: a member or a list element.
    enum Step: Sendable {
        case key(String)
        case index(Int)
    }

    /// The value at `path` of `value`.
    static func value(_ value: JSONValue?, at path: [Step]) -> JSONValue? {
        var current = value
        for step in path {
            switch (step, current?.kind) {
            case (.key(let key), .object?): current = current?[key]
            case (.index(let index), .array(let items)?): current = index < items.count ? items[index] : nil
            default: return nil
            }
        }
        if case .null? = current?.kind { return nil }
        return current
    }

    /// Whether the value at `path` is known only after apply.
    func isUnknown(_ resource: Resource, _ path: [Step]) -> Bool {
        var current = resource.unknown
        for step in path {
            if case .bool(true)? = current?.kind { return true }
            switch (step, current?.kind) {
            case (.key(let key), .object?): current = current?[key]
            case (.index(let index), .array(let items)?): current = index < items.count ? items[index] : nil
            default: return false
            }
        }
        if case .bool(true)? = current?.kind { return true }
        return false
    }

    /// The references written for the attribute at `path`, such as `["aws_vpc.main.id",
    /// "aws_vpc.main"]`. Nested blocks are lists of expression objects.
    static func references(_ expressions: JSONValue?, at path: [Step]) -> [String] {
        var current = expressions
        for step in path {
            switch (step, current?.kind) {
            case (.key(let key), .object?): current = current?[key]
            case (.index(let index), .array(let items)?): current = items.isEmpty ? nil : items[min(index, items.count - 1)]
            default: return []
            }
        }
        guard case .array(let items)? = current?["references"]?.kind else { return [] }
        return items.compactMap(\.stringValue)
    }

    /// The resource addresses the attribute at `path` of `resource` names. A reference to
    /// a whole `count` or `for_each` resource names every instance, except where the
    /// referring resource is itself an instance with the same key.
    func addresses(referencedBy resource: Resource, _ path: [Step]) -> [String] {
        let references = TerraformPlan.references(resource.expressions, at: path)
        return resolve(references, module: TerraformPlan.strippingKeys(resource.module), moduleInstance: resource.module, index: resource.index, depth: 0)
    }

    private func resolve(_ references: [String], module: String, moduleInstance: String, index: JSONValue?, depth: Int) -> [String] {
        guard depth < 8 else { return [] }
        for reference in references {
            let parts = TerraformPlan.split(reference)
            guard parts.count >= 2 else { continue }
            switch parts[0] {
            case "var":
                // A module input: follow the parent's module call.
                guard let cut = module.range(of: ".module.", options: .backwards)?.lowerBound ?? (module.hasPrefix("module.") ? module.startIndex : nil) else { continue }
                let parent = cut == module.startIndex ? "" : String(module[..<cut])
                let call = String(module.split(separator: ".").last ?? "")
                let inputs = modules[parent]?["module_calls"]?[call]?["expressions"]
                let found = resolve(TerraformPlan.references(inputs, at: [.key(parts[1])]), module: parent, moduleInstance: TerraformPlan.parentInstance(of: moduleInstance), index: index, depth: depth + 1)
                if !found.isEmpty { return found }
            case "module":
                guard parts.count >= 3 else { continue }
                let call = TerraformPlan.strippingKeys(parts[1])
                let child = module.isEmpty ? "module.\(call)" : "\(module).module.\(call)"
                let output = modules[child]?["outputs"]?[parts[2]]?["expression"]
                let childInstance = (moduleInstance.isEmpty ? "" : moduleInstance + ".") + "module." + parts[1]
                let found = resolve(TerraformPlan.references(output, at: []), module: child, moduleInstance: childInstance, index: index, depth: depth + 1)
                if !found.isEmpty { return found }
            case "data", "local", "each", "count", "path", "self", "terraform":
                continue
            default:
                let configAddress = (module.isEmpty ? "" : module + ".") + parts[0] + "." + TerraformPlan.strippingKeys(parts[1])
                var candidates = instances[configAddress] ?? []
                let sameModule = candidates.filter { $0.module == moduleInstance }
                if !sameModule.isEmpty { candidates = sameModule }
                if parts[1].contains("[") {
                    candidates = candidates.filter { $0.address.hasSuffix(parts[0] + "." + parts[1]) }
                } else if candidates.count > 1, let index, let same = candidates.first(where: { $0.index.map(JSONWriter.compact) == JSONWriter.compact(index) }),
                    references.contains(where: { $0.hasPrefix("count.") || $0.hasPrefix("each.") })
                {
                    candidates = [same]
                }
                if !candidates.isEmpty { return candidates.map(\.address) }
            }
        }
        return []
    }

    /// `module.a["x"].module.b` → `module.a["x"]`.
    static func parentInstance(of instance: String) -> String {
        let parts = split(instance)
        guard parts.count >= 2 else { return "" }
        return parts.dropLast(2).joined(separator: ".")
    }

    /// Splits an address at dots outside brackets.
    static func split(_ address: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in address {
            if character == "[" { depth += 1 }
            if character == "]" { depth -= 1 }
            if character == ".", depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }
}
