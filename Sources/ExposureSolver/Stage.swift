import ExposureModel

/// One filter on a path (an ACL direction, the groups of an interface, a route lookup, a
/// gateway), as the exact set of packets it lets through and the rule behind each part.
struct Stage: Sendable {

    /// A part of the stage's traffic decided by one rule.
    struct Rule: Sendable {
        let region: TrafficSet
        /// The component the rule belongs to (for a merged group stage, one of the groups).
        let component: ComponentRef
        let rule: RuleRef
        let allows: Bool
    }

    let component: ComponentRef
    let direction: Hop.Direction
    let coordinates: Leg
    let allowed: TrafficSet
    /// Traffic whose fate here cannot be decided from the input.
    let unknown: TrafficSet
    /// What the stage says of `unknown` before naming what is missing: `rtb-1 sends the
    /// traffic where the input cannot follow`.
    let unknownContext: String?
    /// Decisions in evaluation order: the first region holding a packet decides it.
    let rules: [Rule]
    /// Why a packet that no rule allows is stopped, for blocked-path reports.
    let refusal: @Sendable (Packet) -> RuleRef
    /// What would open the stage, when it stops something.
    var fix: Fix? = nil
    /// What the input lacks for `unknown` to be decided, each for the part of `unknown` it
    /// concerns.
    var missing: [MissingPart] = []
    /// Whether the stage is a network ACL's list, or stands for the ACL the input does not
    /// give a subnet; ACLs do not apply inside one subnet, nor to what a transit gateway
    /// attachment delivers.
    var isNetworkACL = false
    /// Whether the stage adds no hop to a path: it only marks the origin as undescribed
    /// (the path shows the origin once) or narrows the origin's addresses.
    var addsNoHop = false
    /// For a merged stage, the filter of each source set (`Stage.merged`); empty otherwise.
    var parts: [Part] = []
    /// The stage's number in the solver's `StageCache`, which stands for its content in
    /// memo keys; `nil` for a stage built for one path.
    var cacheID: Int?
    /// `allowed` and `unknown` together: what may pass, computed once for the explanations
    /// and probes that ask it of every path.
    let possible: TrafficSet

    init(
        component: ComponentRef, direction: Hop.Direction, coordinates: Leg, allowed: TrafficSet, unknown: TrafficSet,
        unknownContext: String?, rules: [Rule], refusal: @escaping @Sendable (Packet) -> RuleRef, fix: Fix? = nil,
        missing: [MissingPart] = [], isNetworkACL: Bool = false, addsNoHop: Bool = false, parts: [Part] = []
    ) {
        self.component = component
        self.direction = direction
        self.coordinates = coordinates
        self.allowed = allowed
        self.unknown = unknown
        self.unknownContext = unknownContext
        self.rules = rules
        self.refusal = refusal
        self.fix = fix
        self.missing = missing
        self.isNetworkACL = isNetworkACL
        self.addsNoHop = addsNoHop
        self.parts = parts
        possible = allowed.union(unknown)
    }

    /// One missing input and the traffic whose fate depends on it.
    struct MissingPart: Sendable {
        let input: MissingInput
        let region: TrafficSet
    }

    /// A stage that lets everything through (a gateway crossing, for the path's record).
    static func pass(
        _ component: ComponentRef, _ rule: RuleRef, direction: Hop.Direction = .forward,
        coordinates: Leg = .request
    ) -> Stage {
        Stage(
            component: component, direction: direction, coordinates: coordinates,
            allowed: .universe, unknown: .empty, unknownContext: nil,
            rules: [Rule(region: .universe, component: component, rule: rule, allows: true)],
            refusal: { _ in rule })
    }

    /// A stage that stops everything, for a structural reason ("no internet gateway").
    static func block(
        _ component: ComponentRef, reason: String, direction: Hop.Direction = .forward, fix: Fix? = nil
    ) -> Stage {
        Stage(
            component: component, direction: direction, coordinates: .request,
            allowed: .empty, unknown: .empty, unknownContext: nil, rules: [], refusal: { _ in .refusal(reason) }, fix: fix)
    }

    /// A stage whose outcome is unknown for all traffic.
    static func unknown(
        _ component: ComponentRef, reason: String, missing: [MissingInput], direction: Hop.Direction = .forward
    ) -> Stage {
        Stage(
            component: component, direction: direction, coordinates: .request,
            allowed: .empty, unknown: .universe, unknownContext: reason, rules: [],
            refusal: { _ in .refusal(reason) }, missing: missing.map { MissingPart(input: $0, region: .universe) })
    }

    /// A stage that leaves traffic to or from `addresses` (on `side`) undecided, and lets
    /// the rest through: addresses that stand for blocks the input does not give.
    static func uncertain(
        _ addresses: AddressSet, on side: Solver.Side, component: ComponentRef, reason: String,
        missing: [MissingInput]
    ) -> Stage {
        let region = Solver.embed(addresses, on: side)
        return Stage(
            component: component, direction: .forward, coordinates: .request,
            allowed: TrafficSet.universe.subtracting(region), unknown: region, unknownContext: reason,
            rules: [Rule(region: TrafficSet.universe.subtracting(region), component: component, rule: .assumption("addresses the input gives"), allows: true)],
            refusal: { _ in .refusal(reason) }, missing: missing.map { MissingPart(input: $0, region: region) })
    }

    /// The stage as it acts on traffic whose source a NAT gateway rewrote to `address`,
    /// written in the client's coordinates.
    func translatingSource(to address: IPAddress) -> Stage {
        Stage(
            component: component, direction: direction, coordinates: coordinates,
            allowed: allowed.translatingSource(to: address), unknown: unknown.translatingSource(to: address),
            unknownContext: unknownContext,
            rules: rules.map { Rule(region: $0.region.translatingSource(to: address), component: $0.component, rule: .translated($0.rule, source: address), allows: $0.allows) },
            refusal: { packet in
                .translated(refusal(Packet(destination: packet.destination, source: address, protocolNumber: packet.protocolNumber, key: packet.key)), source: address)
            },
            fix: fix, missing: missing.map { MissingPart(input: $0.input, region: $0.region.translatingSource(to: address)) },
            isNetworkACL: isNetworkACL, addsNoHop: addsNoHop)
    }

    /// Whether the stage is a target's ingress rules, which stop most candidate paths.
    var filtersIngress: Bool {
        if case .allowInGroups(_, ingress: true)? = fix { return true }
        return false
    }

    /// The hop that explains what this stage does to `packet`.
    func hop(for packet: Packet) -> Hop {
        if let part = parts.first(where: { $0.sources.contains(packet.source) }) { return part.stage.hop(for: packet) }
        if let rule = rules.first(where: { $0.region.contains(packet) }) {
            return Hop(rule.component, rule.rule, direction: direction)
        }
        if let unknownContext, unknown.contains(packet) {
            return Hop(component, .undecided(unknownContext), direction: direction)
        }
        return Hop(component, refusal(packet), direction: direction)
    }

    /// The missing inputs whose part meets `traffic`.
    func missingInputs(meeting traffic: TrafficSet) -> [MissingInput] {
        missing.filter { $0.region.intersects(traffic) }.map(\.input)
    }

    /// The allowing rule whose region holds `packet`, if any.
    func allowingRule(for packet: Packet) -> Rule? {
        guard let rule = rules.first(where: { $0.region.contains(packet) }), rule.allows else { return nil }
        return rule
    }
}
