import ExposureModel

/// The egress questions: which connections a set of interfaces can open toward
/// destinations outside their subnet, and what stops the rest (semantics, sections 4, 5
/// and 7).
extension Solver {
    /// The ways `interfaces` can take toward `destinations`.
    ///
    /// The interfaces are asked about as one source: the first one's subnet, groups,
    /// public IPv4 status, planned-address status and ephemeral range stand for all, so
    /// callers pass interfaces that share them. Only their addresses of the destinations'
    /// families are sources: an IPv4 destination is asked about from IPv4 addresses.
    ///
    /// - Parameters:
    ///   - service: the endpoint service the destinations belong to, such as
    ///     `com.amazonaws.us-east-1.s3`, whose interface endpoints with private DNS then
    ///     are the only way; `nil` for bare addresses, whose routes alone decide.
    /// - Complexity: O(*h* × *k* × *s*) for *h* next hops of *k* stages of *s* segments;
    ///   stages come from the solver's cache.
    public func waysOut(from interfaces: [NetworkInterface], to destinations: AddressSet, service: String?) -> EgressWays {
        guard let first = interfaces.first else { return EgressWays(source: nil, candidates: [], destinations: destinations) }
        let families = (destinations.intersects(.allIPv4) ? AddressSet.allIPv4 : .empty)
            .union(destinations.intersects(.allIPv6) ? .allIPv6 : .empty)
        let source = SourceClass(
            zone: ownZone(of: first), subnet: first.subnet, groups: first.securityGroups,
            addresses: interfaces.reduce(AddressSet.empty) { $0.union(Solver.addresses(of: $1, in: topology)) }.intersection(families),
            hasPlannedAddresses: first.addressIsPlanned, hasPublicIPv4: first.hasPublicIPv4,
            ephemeralPorts: first.ephemeralPorts, interfaces: interfaces.map(\.id).sorted())
        return EgressWays(source: source, candidates: egressCandidates(from: source, to: destinations, service: service), destinations: destinations)
    }

    /// Which of `services` toward the ways' destinations get through and back.
    ///
    /// An endpoint on the way adds the filter `policy` decides for it. Through an interface
    /// endpoint, every source that reaches one endpoint address reaches every destination
    /// (DNS gives the endpoint's addresses for the service's names).
    ///
    /// - Complexity: O(*c* × *k* × *s*) for *c* ways of *k* stages of *s* segments.
    public func egress(
        over ways: EgressWays, services: ServiceSet, policy: (VPCEndpoint) -> EndpointPolicyDecision
    ) -> EgressAnswer {
        let wanted = TrafficSet(destinations: ways.destinations, sources: ways.sources, services: services)
        var reachable = TrafficSet.empty
        var unknown = TrafficSet.empty
        var partial = TrafficSet.empty
        var caveats: Set<Caveat> = []
        var reasons: Set<String> = []
        var missing: Set<MissingInput> = []
        var paths: [(via: String, path: Path)] = []
        var usesInterfaceEndpoint = false
        for candidate in ways.candidates {
            let path = candidate.endpoint.map { candidate.path.appending(policyStage($0, decision: policy($0))) } ?? candidate.path
            paths.append((candidate.via, path))
            let result = evaluate(path, within: TrafficSet(services: services))
            if candidate.endpoint?.type == .interface {
                usesInterfaceEndpoint = true
                reachable = reachable.union(wanted.intersection(TrafficSet(sources: result.reachable.sources)))
            } else {
                reachable = reachable.union(result.reachable)
            }
            unknown = unknown.union(result.unknown)
            if !result.partialReturn.isEmpty {
                partial = partial.union(result.partialReturn)
                caveats.formUnion(witnesses(of: path, result: result).flatMap(\.caveats))
            }
            reasons.formUnion(result.unknownReasons)
            missing.formUnion(result.missing)
        }
        return EgressAnswer(
            wanted: wanted, reachable: reachable, unknown: unknown, partialReturn: partial, caveats: caveats.sorted(),
            unknownReasons: reasons.sorted(), missingInputs: missing.sorted(), usesInterfaceEndpoint: usesInterfaceEndpoint,
            paths: paths)
    }

    /// For each way out of `answer`, what stops `traffic` on it: only the part of the
    /// traffic the way's first filter (its route) takes, or all of it when the route takes
    /// none.
    ///
    /// - Complexity: O(*c* × *k* × *s*) for *c* ways of *k* stages of *s* segments.
    public func blockedWays(of traffic: TrafficSet, in answer: EgressAnswer) -> [BlockedWay] {
        answer.paths.map { via, path in
            let scope = path.stages.first.map { traffic.intersection($0.possible) } ?? traffic
            let explained = explainBlock(path, flow: scope.isEmpty ? traffic : scope)
            return BlockedWay(via: via, blockers: explained.blockers, hops: explained.hops)
        }
    }

    /// The filter an endpoint's policy adds: `decision` as a stage.
    private func policyStage(_ endpoint: VPCEndpoint, decision: EndpointPolicyDecision) -> Stage {
        switch decision {
        case .allows(let statement):
            return .pass(endpoint.id.component, .crossing(statement))
        case .denies(let reason, let fix):
            return .block(endpoint.id.component, reason: reason, fix: .change(fix))
        case .undecided(let reason, let missing):
            return .unknown(endpoint.id.component, reason: reason, missing: [missing])
        }
    }
}
