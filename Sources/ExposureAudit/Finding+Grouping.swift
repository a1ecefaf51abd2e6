import ExposureModel
import ExposureSolver

extension Finding {
    /// What one rule observed about one cause and one target, before observations of the
    /// same cause are merged into one finding.
    struct Observation {
        let cause: Cause
        let affected: AffectedTarget
        let evidence: [String]
        let path: [Hop]
        /// Clauses of the remediation; repeated clauses are given once.
        let fixes: [String]
    }

    /// One finding per cause of `rule`, in the order causes first appear:
    /// its targets worst first, the evidence and fixes of all of them each once, the path
    /// of the worst, and `message` said of the cause and its targets.
    static func merging(
        _ observations: [Observation], rule: String, message: (Cause, [AffectedTarget]) -> String
    ) -> [Finding] {
        var order: [Cause] = []
        var grouped: [Cause: [Observation]] = [:]
        for observation in observations {
            if grouped[observation.cause] == nil { order.append(observation.cause) }
            grouped[observation.cause, default: []].append(observation)
        }
        return order.compactMap { cause -> Finding? in
            guard let members = grouped[cause] else { return nil }
            let ranked = members.enumerated().sorted { lhs, rhs in
                lhs.element.affected.severity != rhs.element.affected.severity
                    ? lhs.element.affected.severity > rhs.element.affected.severity : lhs.offset < rhs.offset
            }.map(\.element)
            guard let worst = ranked.first else { return nil }
            var seen = Set<AffectedTarget>()
            let affected = ranked.map(\.affected).filter { seen.insert($0).inserted }
            return Finding(
                rule: rule, severity: worst.affected.severity, cause: cause,
                message: message(cause, affected), affected: affected,
                evidence: orderedUnique(ranked.flatMap(\.evidence)), path: worst.path,
                remediation: orderedUnique(ranked.flatMap(\.fixes)).joined(separator: "; "))
        }
    }
}

extension AffectedTarget {
    /// `tcp 8088 on 3 nodes of j-1, j-2 from tenant:a, tenant:b`: what a list of targets
    /// amounts to, for a finding's one-line message.
    static func summary(of targets: [AffectedTarget]) -> String {
        let ports = portText(of: targets)
        var text = ports.isEmpty ? "" : "\(ports) on "
        text += targetText(of: targets)
        let zones = orderedUnique(targets.compactMap(\.zone))
        if !zones.isEmpty {
            text += " from " + (zones.count <= 3 ? zones.map(\.description).joined(separator: ", ") : "\(zones.count) zones")
        }
        return text
    }

    /// `tcp 80, 443`: every protocol and port of the targets, without service names.
    static func portText(of targets: [AffectedTarget]) -> String {
        let services = targets.reduce(ServiceSet.empty) { $0.union($1.services) }
        return ServiceRow.rows(of: services).map(\.portText).joined(separator: "; ")
    }

    /// `3 nodes of j-1, j-2`, `eni-1, eni-2`, `12 interfaces`.
    static func targetText(of targets: [AffectedTarget]) -> String {
        let clusters = orderedUnique(targets.compactMap(\.cluster))
        let interfaces = orderedUnique(targets.flatMap(\.interfaces))
        if clusters.isEmpty {
            return interfaces.count <= 3 ? interfaces.map(\.rawValue).joined(separator: ", ") : "\(NumberText.thousands(interfaces.count)) interfaces"
        }
        let named = clusters.count <= 3 ? clusters.map(\.rawValue).joined(separator: ", ") : "\(clusters.count) clusters"
        return "\(NumberText.thousands(interfaces.count)) node\(interfaces.count == 1 ? "" : "s") of \(named)"
    }
}

extension ServiceRow {
    /// `tcp 22, 8088-8090`, `udp all ports`, `icmp type 8 code 0`: the row without service
    /// names.
    var portText: String {
        switch protocolName {
        case "tcp", "udp":
            if ranges == [1...65535] { return "\(protocolName) all ports" }
            return "\(protocolName) \(IntervalSet(ranges: ranges).rangeText)"
        default:
            return text(naming: nil)
        }
    }
}
