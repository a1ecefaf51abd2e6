import ExposureLoading
import Foundation

/// The part of JSON Schema that `topologies/topology.schema.json` uses (`type`,
/// `properties`, `additionalProperties`, `required`, `items`, `enum`, `const`, `minimum`,
/// `maximum`, `pattern`, `oneOf`), enough to check the examples against it without a
/// package dependency.
package struct JSONSchemaValidator {
    let schema: JSONValue

    package init(schema: JSONValue) { self.schema = schema }

    /// Every violation of the schema by `instance`, as `path: what`.
    package func violations(of instance: JSONValue) -> [String] {
        var found: [String] = []
        check(instance, against: schema, path: "$", into: &found)
        return found
    }

    private func check(_ value: JSONValue, against schema: JSONValue, path: String, into found: inout [String]) {
        if let type = schema["type"]?.stringValue, !Self.matches(value, type: type) {
            found.append("\(path): expected \(type), found \(value.kindName)")
            return
        }
        if let choices = schema["enum"], case .array(let options) = choices.kind, !options.contains(where: { Self.equal($0, value) }) {
            found.append("\(path): not one of the enumerated values")
        }
        if let constant = schema["const"], !Self.equal(constant, value) { found.append("\(path): not the constant value") }
        if case .number(let text) = value.kind, let number = Double(text) {
            if let minimum = schema["minimum"].flatMap(Self.number), number < minimum { found.append("\(path): below \(minimum)") }
            if let maximum = schema["maximum"].flatMap(Self.number), number > maximum { found.append("\(path): above \(maximum)") }
        }
        if case .string(let text) = value.kind, let pattern = schema["pattern"]?.stringValue,
            let expression = try? NSRegularExpression(pattern: pattern),
            expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil
        {
            found.append("\(path): \"\(text)\" does not match \(pattern)")
        }
        if case .array(let alternatives)? = schema["oneOf"]?.kind {
            let matching = alternatives.filter { alternative in
                var inner: [String] = []
                check(value, against: alternative, path: path, into: &inner)
                return inner.isEmpty
            }.count
            if matching != 1 { found.append("\(path): matches \(matching) of the oneOf alternatives, not exactly one") }
        }
        switch value.kind {
        case .object(let members):
            if case .array(let names)? = schema["required"]?.kind {
                for name in names.compactMap(\.stringValue) where !members.contains(where: { $0.key == name }) {
                    found.append("\(path): missing required \"\(name)\"")
                }
            }
            for member in members {
                let childPath = "\(path).\(member.key)"
                if let property = schema["properties"]?[member.key] {
                    check(member.value, against: property, path: childPath, into: &found)
                } else if let additional = schema["additionalProperties"] {
                    if case .bool(false) = additional.kind {
                        found.append("\(childPath): not allowed")
                    } else if case .object = additional.kind {
                        check(member.value, against: additional, path: childPath, into: &found)
                    }
                }
            }
        case .array(let elements):
            if let items = schema["items"] {
                for (index, element) in elements.enumerated() { check(element, against: items, path: "\(path)[\(index)]", into: &found) }
            }
        default:
            break
        }
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value.kind) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null), ("number", .number): true
        case ("integer", .number(let text)): Int(text) != nil
        default: false
        }
    }

    private static func number(_ value: JSONValue) -> Double? {
        if case .number(let text) = value.kind { return Double(text) }
        return nil
    }

    private static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs.kind, rhs.kind) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): Double(a) == Double(b)
        case (.string(let a), .string(let b)): a == b
        default: false
        }
    }
}
