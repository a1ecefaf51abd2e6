import ExposureModel

/// A path into a JSON document, printed `$.securityGroups[3].ingress[0].cidr`.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    private var components: [Component] = []

    /// The document root, `$`.
    public static let root = JSONPath()

    /// The path to member `key` of the value here.
    public func appending(_ key: String) -> JSONPath {
        var copy = self
        copy.components.append(.key(key))
        return copy
    }

    /// The path to element `index` of the array here.
    public func appending(index: Int) -> JSONPath {
        var copy = self
        copy.components.append(.index(index))
        return copy
    }

    /// The path to what `steps` lead to from here.
    func appending(contentsOf steps: [Component]) -> JSONPath {
        var copy = self
        copy.components += steps
        return copy
    }

    public var description: String {
        var text = "$"
        for component in components {
            switch component {
            case .key(let key):
                let plain = !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
                text += plain ? ".\(key)" : "[\"\(key)\"]"
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}
