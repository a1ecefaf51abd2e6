import ExposureModel

/// Evaluating a path on exact traffic sets, and explaining the result with witnesses.
extension Solver {
    /// The outcome of one path.
    struct PathResult {
        let reachable: TrafficSet
        let unknown: TrafficSet
        /// Reachable traffic whose replies miss part of the client's ephemeral range.
        let partialReturn: TrafficSet
        /// What the reply stages let through, in reply coordinates.
        let replies: TrafficSet
        /// What the NAT gateway's outside-leg reply stages let through (all, with no NAT).
        let natReplies: TrafficSet
        /// The stages whose undecided part meets this path's traffic, each with the
        /// missing inputs behind that part: what `unknown` is owed to.
        let uncertainStages: [(stage: Stage, missing: [MissingInput])]

        /// Why the path's traffic is `unknown`, one reason per stage, deduplicated; what is
        /// missing is listed apart, in `missing`.
        var unknownReasons: [String] {
            Array(Set(uncertainStages.map { stage, _ in stage.unknownContext ?? "\(stage.component) cannot be decided" })).sorted()
        }

        /// What the input lacks for the path's `unknown` traffic to be decided.
        var missing: [MissingInput] { Array(Set(uncertainStages.flatMap(\.missing))).sorted() }
    }

    /// A part of a path's reachable traffic explained by one combination of rules.
    struct Witness {
        let region: TrafficSet
        let forward: [Hop]
        let back: [Hop]
        let caveats: [Caveat]
    }

    /// The requests of `path` limited to `flow` (all requestable traffic when `nil`).
    static func origin(of path: Path, within flow: TrafficSet?) -> TrafficSet {
        let v4 = TrafficSet(
            destinations: path.destinations.intersection(.allIPv4), sources: path.sources.intersection(.allIPv4),
            services: .requestable)
        let v6 = TrafficSet(
            destinations: path.destinations.intersection(.allIPv6), sources: path.sources.intersection(.allIPv6),
            services: .requestable)
        let all = v4.union(v6)
        return flow.map { all.intersection($0) } ?? all
    }

    /// Evaluates every stage of `path` on the requests in `flow`; with a `memo`, work done
    /// for an earlier path of the same question on the same compiled stages is reused (the
    /// result is the same either way).
    ///
    /// - Complexity: O(*k* × *s*) for *k* stages and *s* segments of the sets involved; a
    ///   prefix or return leg found in `memo` costs one lookup.
    func evaluate(_ path: Path, within flow: TrafficSet? = nil, memo: EvaluationMemo? = nil) -> PathResult {
        let nothing = PathResult(reachable: .empty, unknown: .empty, partialReturn: .empty, replies: .empty, natReplies: .empty, uncertainStages: [])
        let origin = Solver.origin(of: path, within: flow)
        // Most paths are stopped by the target's ingress rules. Meeting the requests with
        // them first makes such a path cost one or two small intersections; the result is
        // the same, since every request stage narrows the same set.
        var probe = origin
        for stage in path.stages where stage.coordinates == .request && stage.filtersIngress {
            probe = probe.intersection(stage.possible)
            if probe.isEmpty { return nothing }
        }
        // A flow narrows the origin: only whole-origin questions are memoised.
        let memo = flow == nil ? memo : nil
        var state = EvaluationMemo.ForwardState(forward: origin, possible: origin, uncertain: [])
        var prefix: [Int]? = memo == nil ? nil : []
        var replyStages: [Stage] = []
        var replyUncertain: [(stage: Stage, missing: [MissingInput])] = []
        // The addresses of the requests, for telling whether a reply stage's undecided part
        // concerns them.
        var replyScope: TrafficSet?
        for stage in path.stages {
            switch stage.coordinates {
            case .request:
                // Past the target's own ingress rules the prefix is the class's alone: it is
                // not kept.
                if stage.filtersIngress { prefix = nil }
                let key = prefix.flatMap { ids in
                    stage.cacheID.map { EvaluationMemo.ForwardKey(destinations: path.destinations, sources: path.sources, stages: ids + [$0]) }
                }
                prefix = key?.stages
                if let key, let known = memo?.forward[key] {
                    state = known
                } else {
                    state = EvaluationMemo.ForwardState(
                        forward: state.forward.intersection(stage.allowed),
                        possible: state.possible.intersection(stage.possible),
                        uncertain: state.uncertain + stage.uncertainParts(meeting: state.possible))
                    if let key { memo?.forward[key] = state }
                }
                if state.possible.isEmpty { return nothing }
            case .reply, .natReply:
                if !stage.unknown.isEmpty {
                    let scope = replyScope ?? TrafficSet(destinations: state.possible.map.mapValues { !$0.isEmpty }, sources: state.possible.sources)
                    replyScope = scope
                    replyUncertain += stage.uncertainParts(meeting: scope)
                }
                replyStages.append(stage)
            }
        }
        let leg = returnLeg(replyStages, clientPorts: path.clientPorts, memo: memo)
        let reachable = state.forward.intersection(leg.answered)
        let possible = state.possible.intersection(leg.possiblyAnswered)
        var partial = TrafficSet.empty
        if path.checksPartialReturn && !reachable.isEmpty {
            let every = leg.answeredOnEveryPort ?? Solver.answered(leg.replies, leg.natReplies, crossesNAT: leg.crossesNAT, clientPorts: path.clientPorts, requireEvery: true)
            leg.answeredOnEveryPort = every
            partial = reachable.subtracting(every)
        }
        let unknown = possible.subtracting(reachable)
        var uncertain = unknown.isEmpty ? [] : state.uncertain + replyUncertain
        if !unknown.isEmpty && !path.memberOrigins.isEmpty {
            // A merged origin owes its unknown to what each member's own path leaves
            // undecided: a member whose traffic ends decided contributes no reason.
            var single = path
            single.memberOrigins = []
            uncertain = path.memberOrigins.flatMap { member -> [(stage: Stage, missing: [MissingInput])] in
                let region = TrafficSet(sources: member.sources)
                guard unknown.intersects(region) else { return [] }
                return evaluate(single, within: flow.map { $0.intersection(region) } ?? region).uncertainStages
            }
        }
        return PathResult(
            reachable: reachable, unknown: unknown, partialReturn: partial, replies: leg.replies,
            natReplies: leg.crossesNAT ? leg.natReplies : .universe, uncertainStages: uncertain)
    }

    /// What a path's reply stages let through and the requests they answer, from `memo`
    /// when every stage is compiled and the same leg was met before.
    private func returnLeg(_ stages: [Stage], clientPorts: PortRange, memo: EvaluationMemo?) -> EvaluationMemo.ReplyState {
        let ids = stages.compactMap(\.cacheID)
        let key = memo != nil && ids.count == stages.count ? EvaluationMemo.ReplyKey(stages: ids, clientPorts: clientPorts) : nil
        if let key, let known = memo?.replies[key] { return known }
        var replies = TrafficSet.universe
        var repliesPossible = TrafficSet.universe
        var natReplies = TrafficSet.universe
        var natRepliesPossible = TrafficSet.universe
        var crossesNAT = false
        for stage in stages {
            if stage.coordinates == .reply {
                replies = replies.intersection(stage.allowed)
                repliesPossible = repliesPossible.intersection(stage.possible)
            } else {
                crossesNAT = true
                natReplies = natReplies.intersection(stage.allowed)
                natRepliesPossible = natRepliesPossible.intersection(stage.possible)
            }
        }
        let leg = EvaluationMemo.ReplyState(
            replies: replies, natReplies: natReplies, crossesNAT: crossesNAT,
            answered: Solver.answered(replies, natReplies, crossesNAT: crossesNAT, clientPorts: clientPorts),
            possiblyAnswered: Solver.answered(repliesPossible, natRepliesPossible, crossesNAT: crossesNAT, clientPorts: clientPorts))
        if let key { memo?.replies[key] = leg }
        return leg
    }

    /// Requests answered on both legs: the client's own, and the NAT gateway's when crossed.
    private static func answered(
        _ replies: TrafficSet, _ natReplies: TrafficSet, crossesNAT: Bool, clientPorts: PortRange, requireEvery: Bool = false
    ) -> TrafficSet {
        let own = ReplyProjection.requests(answeredBy: replies, clientPorts: clientPorts, requireEvery: requireEvery)
        guard crossesNAT else { return own }
        return own.intersection(ReplyProjection.requests(answeredBy: natReplies, clientPorts: .natGatewayEphemeral, requireEvery: requireEvery))
    }

    /// Splits a path's reachable traffic by the combination of rules that lets it through,
    /// naming each hop's rule for a sample packet of each part.
    ///
    /// - Complexity: O(*w* × *k* × *s*) for *w* rule combinations.
    func witnesses(of path: Path, result: PathResult) -> [Witness] {
        // A merged origin's witnesses come member by member, in class order, as the
        // members' own paths would give them.
        guard path.memberOrigins.isEmpty else {
            return path.memberOrigins.flatMap { member in
                witnesses(of: path, result: result, within: result.reachable.intersection(TrafficSet(sources: member.sources)))
            }
        }
        return witnesses(of: path, result: result, within: result.reachable)
    }

    /// The witnesses of the part `reachable` of a path's reachable traffic.
    private func witnesses(of path: Path, result: PathResult, within reachable: TrafficSet) -> [Witness] {
        var remaining = reachable
        var witnesses: [Witness] = []
        let window = IntervalSet<UInt16>(ranges: [path.clientPorts.closedRange])
        let natWindow = IntervalSet<UInt16>(ranges: [PortRange.natGatewayEphemeral.closedRange])
        while let packet = remaining.firstPacket {
            var region = remaining
            var forward: [Hop] = [path.origin(for: packet)]
            var back: [Hop] = []
            var replyRegion = TrafficSet.universe
            var natReplyRegion = TrafficSet.universe
            let replyKey = Solver.replyKey(for: packet, replies: result.replies, window: window)
            let natReplyKey = Solver.replyKey(for: packet, replies: result.natReplies, window: natWindow)
            for stage in path.stages {
                switch stage.coordinates {
                case .request:
                    guard let rule = stage.allowingRule(for: packet) else { continue }
                    region = region.intersection(rule.region)
                    forward.append(stage.hop(for: packet))
                case .reply, .natReply:
                    let onNATLeg = stage.coordinates == .natReply
                    guard let key = onNATLeg ? natReplyKey : replyKey else { continue }
                    let reply = Packet(destination: packet.destination, source: packet.source, protocolNumber: packet.protocolNumber, key: key)
                    guard let rule = stage.allowingRule(for: reply) else { continue }
                    if onNATLeg {
                        natReplyRegion = natReplyRegion.intersection(rule.region)
                    } else {
                        replyRegion = replyRegion.intersection(rule.region)
                    }
                    back.append(stage.hop(for: reply))
                }
            }
            region = region.intersection(
                ReplyProjection.requests(answeredBy: replyKey == nil ? .empty : replyRegion, clientPorts: path.clientPorts))
                .intersection(ReplyProjection.requests(
                    answeredBy: natReplyKey == nil ? .empty : natReplyRegion, clientPorts: .natGatewayEphemeral))
            var caveats: [Caveat] = []
            if result.partialReturn.contains(packet) {
                region = region.intersection(result.partialReturn)
                let returning = result.replies.services(from: packet.source, to: packet.destination)
                    .value(at: packet.protocolNumber).intersection(window)
                if returning != window {
                    caveats.append(.partialReturn(atNATGateway: false, returning: returning, window: path.clientPorts))
                }
                let natReturning = result.natReplies.services(from: packet.source, to: packet.destination)
                    .value(at: packet.protocolNumber).intersection(natWindow)
                if natReturning != natWindow {
                    caveats.append(.partialReturn(atNATGateway: true, returning: natReturning, window: .natGatewayEphemeral))
                }
            } else {
                region = region.subtracting(result.partialReturn)
            }
            if region.isEmpty {
                // Cannot happen for a packet of `remaining`; guard against looping forever.
                region = TrafficSet(
                    destinations: AddressSet(addresses: [packet.destination]), sources: AddressSet(addresses: [packet.source]),
                    services: .single(packet.protocolNumber, IntervalSet(ranges: [packet.key...packet.key])))
            }
            remaining = remaining.subtracting(region)
            witnesses.append(Witness(region: region, forward: forward, back: back, caveats: caveats))
        }
        return witnesses
    }

    /// The client port (or ICMP reply key) a witness's reply is checked with; `nil` when
    /// the request expects no reply.
    static func replyKey(for packet: Packet, replies: TrafficSet, window: IntervalSet<UInt16>) -> UInt16? {
        let keys = replies.services(from: packet.source, to: packet.destination).value(at: packet.protocolNumber)
        switch packet.protocolNumber {
        case 6, 17: return keys.intersection(window).min
        case 1, 58: return ReplyProjection.replyKey(ofRequest: packet.key, protocolNumber: packet.protocolNumber)
        default: return keys.min ?? 0
        }
    }
}
