import ExposureSolver

/// Paths as people read them: a hop that repeats the one before it (the same component
/// deciding the same way, as a transit gateway attachment's subnet with no ACL does after
/// the source's own subnet) is shown once, and nothing is drawn after the hop that blocks.
enum PathText {
    /// The hops to show.
    static func hops(_ path: [Hop]) -> [Hop] {
        var shown: [Hop] = []
        for hop in path {
            if let last = shown.last, last.component == hop.component, last.rule == hop.rule, last.direction == hop.direction { continue }
            shown.append(hop)
            if blocks(hop.rule) { break }
        }
        return shown
    }

    /// The components of the hops to show, each once in a row: `eni-1 -> rtb-1 -> sg-1`.
    static func components(_ path: [Hop]) -> [String] {
        var names: [String] = []
        for hop in hops(path) where names.last != hop.component.id {
            names.append(hop.component.id)
        }
        return names
    }

    /// Whether a hop stops the traffic: a deny entry, or a refusal for want of a rule.
    private static func blocks(_ rule: RuleRef) -> Bool {
        switch rule {
        case .refusal: true
        case .translated(let inner, _): blocks(inner)
        default: rule.denies
        }
    }
}
