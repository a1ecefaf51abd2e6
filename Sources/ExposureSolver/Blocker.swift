import ExposureModel

/// A filter that stops a flow, as it explains itself for the flow's sample packet.
public struct Blocker: Sendable {
    /// The component and the rule (or the absence of one) that refuses the packet.
    public let hop: Hop
    /// Whether the path's origin is the blocker: no packet of the flow leaves it (the
    /// addresses are of different families, or no single packet passes every filter).
    public let isOrigin: Bool
    /// What would open the filter, when it says; `nil` for the origin and for filters that
    /// state only their refusal.
    public let fix: Fix?
    /// Which packets of the connection the filter refuses.
    public let leg: Leg
    /// The rule that denies the refused packet, when a rule (an ACL deny entry) rather than
    /// the absence of an allowing rule stops it.
    public let denial: RuleRef?

    /// The blocker that is `stage` refusing `packet` (in the stage's coordinates).
    init(_ stage: Stage, refusing packet: Packet) {
        hop = stage.hop(for: packet)
        isOrigin = false
        fix = stage.fix
        leg = stage.coordinates
        denial = stage.rules.first { $0.region.contains(packet) }.flatMap { $0.allows ? nil : $0.rule }
    }

    /// The blocker that is a path's origin, for `reason`.
    init(origin: Hop, reason: String) {
        hop = Hop(origin.component, .refusal(reason))
        isOrigin = true
        fix = nil
        leg = .request
        denial = nil
    }
}
