import ExposureModel

/// One filter on a path (an ACL direction, the groups of an interface, a route lookup, a
/// gateway), as the exact set of packets it lets through and the rule behind each part.
package struct Stage: Sendable {
    /// Request stages see requests; reply stages see replies written as (server, client,
    /// protocol, client port) and are projected back onto requests. `natReply` stages see
    /// replies on a NAT gateway's outside leg, whose client port is the NAT's own.
    package enum Coordinates { case request, reply, natReply }

    /// What would let a refused packet through; findings turn it into a remediation.
    package enum Fix: Sendable {
        /// An allow entry in one list of an ACL, matching the packet's address on `peerSide`.
        case allowInACL(NetworkACLID, inbound: Bool, peerSide: Solver.Side)
        /// A rule in one of the groups.
        case allowInGroups([SecurityGroupID], ingress: Bool)
        /// A route for the destination to `target` in `table`.
        case addRoute(table: String, target: String)
        /// A change the stage states itself.
        case change(String)
    }

    /// A part of the stage's traffic decided by one rule.
    package struct Rule: Sendable {
        package let region: TrafficSet
        let component: String
        let kind: String
        package let text: String
        package let allows: Bool
    }

    let component: String
    let kind: String
    let direction: Hop.Direction
    package let coordinates: Coordinates
    package let allowed: TrafficSet
    /// Traffic whose fate here cannot be decided from the input.
    package let unknown: TrafficSet
    /// What the stage says of `unknown` before naming what is missing: `rtb-1 sends the
    /// traffic where the input cannot follow`.
    let unknownContext: String?
    /// Decisions in evaluation order: the first region holding a packet decides it.
    package let rules: [Rule]
    /// Why a packet that no rule allows is stopped, for blocked-path reports.
    let refusal: @Sendable (Packet) -> String
    /// What would open the stage, when it stops something.
    package var fix: Fix? = nil
    /// What the input lacks for `unknown` to be decided, each for the part of `unknown` it
    /// concerns.
    var missing: [MissingPart] = []
    /// Whether the stage adds no hop to a path: it only marks the origin as undescribed
    /// (the path shows the origin once) or narrows the origin's addresses.
    var addsNoHop = false
    /// For a merged stage, the filter of each source set (`Stage.merged`); empty otherwise.
    var parts: [Part] = []
    /// The stage's number in the solver's `StageCache`, which stands for its content in
    /// memo keys; `nil` for a stage built for one path.
    var cacheID: Int?

    /// One missing input and the traffic whose fate depends on it.
    package struct MissingPart: Sendable {
        let input: MissingInput
        let region: TrafficSet
    }

    /// A stage that lets everything through (a gateway crossing, for the path's record).
    package static func pass(
        component: String, kind: String, text: String, direction: Hop.Direction = .forward,
        coordinates: Coordinates = .request
    ) -> Stage {
        Stage(
            component: component, kind: kind, direction: direction, coordinates: coordinates,
            allowed: .universe, unknown: .empty, unknownContext: nil,
            rules: [Rule(region: .universe, component: component, kind: kind, text: text, allows: true)],
            refusal: { _ in text })
    }

    /// A stage that stops everything, for a structural reason ("no internet gateway").
    package static func block(
        component: String, kind: String, reason: String, direction: Hop.Direction = .forward, fix: Fix? = nil
    ) -> Stage {
        Stage(
            component: component, kind: kind, direction: direction, coordinates: .request,
            allowed: .empty, unknown: .empty, unknownContext: nil, rules: [], refusal: { _ in reason }, fix: fix)
    }

    /// A stage whose outcome is unknown for all traffic.
    package static func unknown(
        component: String, kind: String, reason: String, missing: [MissingInput], direction: Hop.Direction = .forward
    ) -> Stage {
        Stage(
            component: component, kind: kind, direction: direction, coordinates: .request,
            allowed: .empty, unknown: .universe, unknownContext: reason, rules: [],
            refusal: { _ in reason }, missing: missing.map { MissingPart(input: $0, region: .universe) })
    }

    /// A stage that leaves traffic to or from `addresses` (on `side`) undecided, and lets
    /// the rest through: addresses that stand for blocks the input does not give.
    static func uncertain(
        _ addresses: AddressSet, on side: Solver.Side, component: String, kind: String, reason: String,
        missing: [MissingInput]
    ) -> Stage {
        let region = Solver.embed(addresses, on: side)
        return Stage(
            component: component, kind: kind, direction: .forward, coordinates: .request,
            allowed: TrafficSet.universe.subtracting(region), unknown: region, unknownContext: reason,
            rules: [Rule(region: TrafficSet.universe.subtracting(region), component: component, kind: kind, text: "addresses the input gives", allows: true)],
            refusal: { _ in reason }, missing: missing.map { MissingPart(input: $0, region: region) })
    }

    /// The stage as it acts on traffic whose source a NAT gateway rewrote to `address`,
    /// written in the client's coordinates.
    func translatingSource(to address: IPAddress) -> Stage {
        Stage(
            component: component, kind: kind, direction: direction, coordinates: coordinates,
            allowed: allowed.translatingSource(to: address), unknown: unknown.translatingSource(to: address),
            unknownContext: unknownContext,
            rules: rules.map { Rule(region: $0.region.translatingSource(to: address), component: $0.component, kind: $0.kind, text: "\($0.text) (for \(address))", allows: $0.allows) },
            refusal: { packet in "\(refusal(Packet(destination: packet.destination, source: address, protocolNumber: packet.protocolNumber, key: packet.key))) (the traffic comes from \(address))" },
            fix: fix, missing: missing.map { MissingPart(input: $0.input, region: $0.region.translatingSource(to: address)) },
            addsNoHop: addsNoHop)
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
            let text = rule.allows ? rule.text : "\(rule.text) (denies)"
            return Hop(component: rule.component, kind: rule.kind, rule: text, direction: direction)
        }
        if let unknownContext, unknown.contains(packet) {
            return Hop(component: component, kind: kind, rule: "unknown: \(unknownContext)", direction: direction)
        }
        return Hop(component: component, kind: kind, rule: refusal(packet), direction: direction)
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
