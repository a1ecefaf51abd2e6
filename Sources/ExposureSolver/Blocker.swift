import ExposureModel

/// What stops a flow on one path, as it explains itself for the flow's sample packet.
public enum Blocker: Sendable {
    /// The path's origin: no packet of the flow leaves it (the addresses are of different
    /// families, or no single packet passes every filter together). The hop says which.
    case origin(Hop)
    /// A filter that refuses the packet: the hop naming it and its rule (or the absence of
    /// one), what would open it when it says (`nil` for filters that state only their
    /// refusal), which packets of the connection it refuses, and the rule that denies them
    /// when a rule (an ACL deny entry) rather than the absence of one stops them.
    case filter(Hop, fix: Fix?, leg: Leg, denial: RuleRef?)

    /// The hop that explains the refusal.
    public var hop: Hop {
        switch self {
        case .origin(let hop), .filter(let hop, _, _, _): hop
        }
    }

    /// The blocker that is `stage` refusing `packet` (in the stage's coordinates).
    init(_ stage: Stage, refusing packet: Packet) {
        let denial = stage.rules.first { $0.region.contains(packet) }.flatMap { $0.allows ? nil : $0.rule }
        self = .filter(stage.hop(for: packet), fix: stage.fix, leg: stage.coordinates, denial: denial)
    }

    /// The blocker that is a path's origin, for `reason`.
    init(origin: Hop, reason: String) {
        self = .origin(Hop(origin.component, .refusal(reason)))
    }
}
