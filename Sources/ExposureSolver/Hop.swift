import ExposureModel

/// One step of a witness or blocked path: the component, by id and kind, and the rule that
/// decided there.
public struct Hop: Hashable, Sendable, CustomStringConvertible {
    /// Whether the hop is on the request's way or on the reply's.
    public enum Direction: String, Hashable, Sendable { case forward, `return` }

    public let component: ComponentRef
    public let rule: RuleRef
    public let direction: Direction
    /// For a blocked path that leaves the topology: the way out it takes (`nat-1 ->
    /// internet gateway`), when the path is one of several.
    public let via: String?

    public init(_ component: ComponentRef, _ rule: RuleRef, direction: Direction = .forward, via: String? = nil) {
        self.component = component
        self.rule = rule
        self.direction = direction
        self.via = via
    }

    /// What the hop says, as the reports print it: `via nat-1: outbound rule 100 deny ...
    /// (denies)`.
    public var explanation: String {
        "\(via.map { "via \($0): " } ?? "")\(rule)\(rule.denies ? " (denies)" : "")"
    }

    /// `sg-1 [security-group] ingress rule 0: allow tcp 22 from 0.0.0.0/0`.
    public var description: String { "\(component.id) [\(component.kind.rawValue)] \(explanation)" }

    /// The same hop on the way out `via`.
    func taking(_ via: String) -> Hop { Hop(component, rule, direction: direction, via: via) }
}

extension Hop {
    /// Where traffic from what the input does not describe starts: `component`, with
    /// `origin` saying what is behind it.
    static func outsideOrigin(_ component: String, _ origin: String) -> Hop {
        Hop(ComponentRef(.outside, component), .origin(origin))
    }
}
