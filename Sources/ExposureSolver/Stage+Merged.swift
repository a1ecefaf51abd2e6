import ExposureModel

/// Stages that apply a different filter to each of several disjoint source address sets:
/// the egress groups of the source classes that one merged origin stands for.
extension Stage {
    /// One filter and the sources it applies to.
    struct Part: Sendable {
        let sources: AddressSet
        let stage: Stage
    }

    /// The stage that lets a packet through when the part holding its source does; a packet
    /// from no part's sources is stopped. Hops, refusals, unknown reasons and missing inputs
    /// are those of the part holding the packet's source.
    ///
    /// - Precondition: there are at least two parts, their source sets are disjoint, and
    ///   the stages share their coordinates, direction and kind.
    /// - Complexity: O(*p* log *p* × *s*) for *p* parts of *s* segments.
    static func merged(_ parts: [Part]) -> Stage {
        let first = parts[0]
        let regions = parts.map { TrafficSet(sources: $0.sources) }
        let restricted = zip(parts, regions).map { part, region in
            Part(sources: part.sources, stage: part.stage.restricted(to: region))
        }
        return Stage(
            component: first.stage.component, direction: first.stage.direction,
            coordinates: first.stage.coordinates,
            allowed: TrafficSet.union(of: restricted.map(\.stage.allowed)),
            unknown: TrafficSet.union(of: restricted.map(\.stage.unknown)),
            unknownContext: restricted.lazy.compactMap(\.stage.unknownContext).first,
            rules: restricted.flatMap(\.stage.rules),
            refusal: { packet in
                restricted.first(where: { $0.sources.contains(packet.source) })?.stage.refusal(packet) ?? .refusal("no source class holds \(packet.source)")
            },
            fix: first.stage.fix, missing: restricted.flatMap(\.stage.missing), isNetworkACL: first.stage.isNetworkACL, addsNoHop: first.stage.addsNoHop,
            parts: restricted)
    }

    /// The same filter, for the packets of `region` only: the rest is neither allowed nor
    /// unknown.
    private func restricted(to region: TrafficSet) -> Stage {
        Stage(
            component: component, direction: direction, coordinates: coordinates,
            allowed: allowed.intersection(region), unknown: unknown.intersection(region), unknownContext: unknownContext,
            rules: rules.compactMap { rule in
                let part = rule.region.intersection(region)
                return part.isEmpty ? nil : Rule(region: part, component: rule.component, rule: rule.rule, allows: rule.allows)
            },
            refusal: refusal, fix: fix,
            missing: missing.map { MissingPart(input: $0.input, region: $0.region.intersection(region)) }.filter { !$0.region.isEmpty },
            isNetworkACL: isNetworkACL, addsNoHop: addsNoHop)
    }

    /// The filters whose undecided part meets `traffic`, each with the missing inputs of
    /// that part: the stage itself, or for a merged stage the parts concerned.
    func uncertainParts(meeting traffic: TrafficSet) -> [(stage: Stage, missing: [MissingInput])] {
        guard !unknown.isEmpty, traffic.intersects(unknown) else { return [] }
        guard !parts.isEmpty else { return [(self, missingInputs(meeting: traffic))] }
        return parts.filter { traffic.intersects($0.stage.unknown) }.map { ($0.stage, $0.stage.missingInputs(meeting: traffic)) }
    }
}
