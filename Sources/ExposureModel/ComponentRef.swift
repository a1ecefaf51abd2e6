/// A component named by a path or a finding: its id (or Terraform address) and its kind.
public struct ComponentRef: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The id as written in the input, or what the component stands for when the input
    /// gives it no id (`main route table of vpc-1`, `internet`).
    public let id: String
    public let kind: ComponentKind

    public init(_ kind: ComponentKind, _ id: String) {
        self.kind = kind
        self.id = id
    }

    public var description: String { id }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.id, lhs.kind) < (rhs.id, rhs.kind) }
}

extension ResourceID {
    /// The component this id names.
    public var component: ComponentRef { ComponentRef(Kind.componentKind, rawValue) }
}
