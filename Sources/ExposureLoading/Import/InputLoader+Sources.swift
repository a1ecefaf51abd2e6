import ExposureModel

/// Where the components of a loaded input are written.
extension InputLoader {
    /// The places of every element of a native document tree (and of each group rule and
    /// ACL entry in it), moved to the input value each was converted from when the tree is
    /// an importer's.
    ///
    /// - Parameters:
    ///   - tree: the native document, as read or as an importer built it.
    ///   - file: the file `tree` was read from (for a native input).
    ///   - origins: for an imported tree, the input value of each element path.
    ///   - addresses: for a Terraform plan, the resource address of each origin's path.
    /// - Complexity: O(*n*) in the number of elements and rules.
    static func sources(of tree: JSONValue, file: String, origins: [String: JSONCursor]?, addresses: [String: String] = [:]) -> SourceMap {
        var map = SourceMap()
        func place(_ path: String, _ value: JSONValue) -> SourceMap.Place? {
            guard let origins else { return SourceMap.Place(file: file, path: path, location: value.location) }
            // An imported element's own place; a rule inside one is placed where its element is.
            guard let (origin, _) = origin(of: path, in: origins) else { return nil }
            let originPath = origin.path.description
            let location = origin.value.location == JSONValue.nowhere ? nil : origin.value.location
            return SourceMap.Place(file: origin.file, path: originPath, location: location, address: addresses[originPath])
        }
        guard case .object(let members) = tree.kind else { return map }
        for (collection, list) in members {
            guard case .array(let elements) = list.kind else {
                if collection == "blockPublicAccess", let setting = place("$.blockPublicAccess", list) {
                    map.record(setting, for: SourceMap.Key(component: SourceMap.blockPublicAccess))
                }
                continue
            }
            for (index, element) in elements.enumerated() {
                guard let id = element["id"]?.stringValue else { continue }
                let path = "$.\(collection)[\(index)]"
                if let found = place(path, element) { map.record(found, for: SourceMap.Key(component: id)) }
                for (key, isGroupRule, isInward) in ruleLists {
                    guard case .array(let rules)? = element[key]?.kind else { continue }
                    for (position, rule) in rules.enumerated() {
                        let anchor: SourceMap.Anchor
                        if isGroupRule {
                            anchor = .groupRule(ingress: isInward, index: position)
                        } else {
                            guard let number = rule["rule"]?.intValue else { continue }
                            anchor = .aclEntry(inbound: isInward, number: number)
                        }
                        if let found = place("\(path).\(key)[\(position)]", rule) {
                            map.record(found, for: SourceMap.Key(component: id, anchor: anchor))
                        }
                    }
                }
            }
        }
        return map
    }

    /// The native lists of rules: the key, whether it holds group rules (else ACL entries),
    /// and whether its rules admit traffic into the component.
    private static let ruleLists: [(key: String, isGroupRule: Bool, isInward: Bool)] = [
        ("ingress", true, true), ("egress", true, false), ("inbound", false, true), ("outbound", false, false),
    ]
}
