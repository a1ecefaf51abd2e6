import ExposureModel
import ExposureSolver

/// The causes of an exposure: each ingress rule of the target's groups that admits part of
/// it, with that part and a path that proves it.
extension AuditContext {
    /// One cause of an exposure and what it admits.
    struct Admission {
        /// The rule that admits; `nil` when no rule of the target's groups can be named
        /// (the target's interface is then the cause).
        let rule: GroupRule?
        let cause: Cause
        /// The part of the exposure's services the rule admits.
        let services: ServiceSet
        /// The part of the exposure's sources the rule admits.
        let sources: AddressSet
        /// A witness path through the rule, when the exposures hold one; else the
        /// exposure's own witness.
        let path: [Hop]
        /// The rule as evidence, with a note when the path proves the exposure through
        /// another rule (this one is then redundant with it).
        let evidence: [String]

        /// How much of `internet` can open the exposure's port in all (`sources`), with
        /// this rule's own share when it is less, and the breadth of that share, which
        /// grades the cause.
        func share(of sources: AddressSet, within internet: AddressSet, ipv6: Bool) -> (breadth: InternetBreadth, text: String) {
            let whole = InternetBreadth.of(sources, within: internet, ipv6: ipv6).1
            let (breadth, own) = InternetBreadth.of(self.sources, within: internet, ipv6: ipv6)
            return (breadth, own == whole ? whole : "\(whole) (this rule admits \(own))")
        }
    }

    /// Every ingress rule of `witness`'s target that lets some of `sources` open some of
    /// `services`, each with its part, in group and rule order.
    func admissions(of witness: Exposure, services: ServiceSet, sources: AddressSet) -> [Admission] {
        let groups = topology.networkInterfaces[witness.target]?.securityGroups ?? []
        var result: [Admission] = []
        for groupID in groups {
            guard let group = topology.securityGroups[groupID] else { continue }
            for (index, rule) in group.ingress.enumerated() {
                // A TCP or UDP rule is first checked on its own protocol's ports, without
                // building sets: a group can hold thousands of rules.
                if case .number(let number) = rule.traffic.ipProtocol, rule.traffic.ipProtocol.hasPorts {
                    let ports = (rule.traffic.ports ?? .all).closedRange
                    guard services.value(at: number).containsAny(of: ports) else { continue }
                }
                let admitted = ServiceSet(rule.traffic).intersection(services)
                guard !admitted.isEmpty else { continue }
                let admittedSources = peers(of: rule).intersection(sources)
                guard !admittedSources.isEmpty else { continue }
                let groupRule = GroupRule(group: groupID, index: index, rule: rule)
                let proof = AuditContext.exposure(
                    through: groupRule, proving: admitted, from: witness.zone, verdict: witness.verdict,
                    among: exposuresThroughRule[RuleKey(target: witness.target, group: groupID, index: index)] ?? [])?.path
                var evidence = [groupRule.text]
                if proof == nil {
                    evidence.append("the path below proves the same exposure through another rule; this one admits it too, so removing only the other does not close it")
                }
                result.append(Admission(
                    rule: groupRule, cause: groupRule.cause, services: admitted, sources: admittedSources,
                    path: proof ?? witness.path, evidence: evidence))
            }
        }
        if result.isEmpty {
            result.append(Admission(
                rule: nil, cause: Cause(witness.target.component), services: services, sources: sources, path: witness.path,
                evidence: ["no single ingress rule of \(groups.map(\.rawValue).joined(separator: ", ")) can be named as admitting it"]))
        }
        return result
    }

    /// An ingress rule of a group on the path to a target, which indexes the exposures
    /// whose witness passes it.
    struct RuleKey: Hashable, Sendable {
        let target: NetworkInterfaceID
        let group: SecurityGroupID
        let index: Int
    }

    /// The exposures of `exposures` by each ingress rule their witness path passes: one
    /// pass over the paths, so that finding a rule's proof does not scan every exposure.
    static func indexByRule(_ exposures: [Exposure]) -> [RuleKey: [Exposure]] {
        var index: [RuleKey: [Exposure]] = [:]
        for exposure in exposures {
            var seen: Set<RuleKey> = []
            for hop in exposure.path {
                guard case .groupRule(ingress: true, let number, _) = hop.rule, hop.component.kind == .securityGroup else { continue }
                let key = RuleKey(target: exposure.target, group: SecurityGroupID(hop.component.id), index: number)
                if seen.insert(key).inserted { index[key, default: []].append(exposure) }
            }
        }
        return index
    }

    /// The first of `exposures` from `zone` with `verdict` that proves some of `services`
    /// by a path through `rule`.
    static func exposure(
        through rule: GroupRule, proving services: ServiceSet, from zone: Zone, verdict: Verdict, among exposures: some Sequence<Exposure>
    ) -> Exposure? {
        let reference = RuleRef.groupRule(ingress: true, index: rule.index, rule: rule.rule)
        return exposures.first { exposure in
            exposure.zone == zone && exposure.verdict == verdict
                && exposure.path.contains { $0.component == rule.group.component && $0.rule == reference }
                && !exposure.services.intersection(services).isEmpty
        }
    }
}
