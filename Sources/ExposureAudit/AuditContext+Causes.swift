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
    }

    /// Every ingress rule of `witness`'s target that lets some of `sources` open some of
    /// `services`, each with its part, in group and rule order.
    func admissions(of witness: Exposure, services: ServiceSet, sources: AddressSet) -> [Admission] {
        let groups = topology.networkInterfaces[witness.target]?.securityGroups ?? []
        var result: [Admission] = []
        for groupID in groups {
            guard let group = topology.securityGroups[groupID] else { continue }
            for (index, rule) in group.ingress.enumerated() {
                let admitted = ServiceSet(rule.traffic).intersection(services)
                guard !admitted.isEmpty else { continue }
                let admittedSources = peers(of: rule).intersection(sources)
                guard !admittedSources.isEmpty else { continue }
                let groupRule = GroupRule(group: groupID, index: index, rule: rule)
                let proof = witnessPath(through: groupRule, proving: admitted, like: witness)
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

    /// The path of an exposure of `witness`'s target, zone and verdict that goes through
    /// `rule` and proves some of `services`.
    func witnessPath(through rule: GroupRule, proving services: ServiceSet, like witness: Exposure) -> [Hop]? {
        let reference = RuleRef.groupRule(ingress: true, index: rule.index, rule: rule.rule)
        return exposuresByTarget[witness.target]?.first { exposure in
            exposure.zone == witness.zone && exposure.verdict == witness.verdict && !exposure.services.intersection(services).isEmpty
                && exposure.path.contains { $0.component == rule.group.component && $0.rule == reference }
        }?.path
    }
}
