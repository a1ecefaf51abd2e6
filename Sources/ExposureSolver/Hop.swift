import ExposureModel

/// One step of a witness or blocked path: the component and the rule that decided.
public struct Hop: Hashable, Sendable {
    public enum Direction: String, Hashable, Sendable { case forward, `return` }

    /// The component's id (or Terraform address).
    public let component: String
    /// The component's kind, such as `security-group` or `route-table`.
    public let kind: String
    /// The rule, route or reason, as text.
    public let rule: String
    public let direction: Direction

    public init(component: String, kind: String, rule: String, direction: Direction) {
        self.component = component
        self.kind = kind
        self.rule = rule
        self.direction = direction
    }
}

extension Hop {
    /// The kind of a component the input names or implies but does not describe.
    public static let outsideKind = "outside"

    /// Where traffic from what the input does not describe starts: `component`, with
    /// `rule` saying what is behind it.
    static func outsideOrigin(_ component: String, _ rule: String) -> Hop {
        Hop(component: component, kind: outsideKind, rule: rule, direction: .forward)
    }
}
