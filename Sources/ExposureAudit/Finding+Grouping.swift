import ExposureModel
import ExposureSolver

extension Finding {
    /// What one rule observed about one cause and one target, before observations of the
    /// same cause are merged into one finding.
    struct Observation {
        let cause: Cause
        /// The finding's resource, when it is not the cause's component.
        var resource: String?
        let affected: AffectedTarget
        let evidence: [String]
        let path: [Hop]
        /// Clauses of the remediation; repeated clauses are given once.
        let fixes: [String]
    }

    /// One finding per cause (and resource) of `rule`, in the order causes first appear:
    /// its targets worst first, the evidence and fixes of all of them each once, the path
    /// of the worst, and `message` said of the cause and its targets.
    static func merging(
        _ observations: [Observation], rule: String, message: (Cause, [AffectedTarget]) -> String
    ) -> [Finding] {
        struct Key: Hashable {
            let cause: Cause
            let resource: String?
        }
        var order: [Key] = []
        var grouped: [Key: [Observation]] = [:]
        for observation in observations {
            let key = Key(cause: observation.cause, resource: observation.resource)
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append(observation)
        }
        return order.compactMap { key -> Finding? in
            guard let members = grouped[key] else { return nil }
            let ranked = members.enumerated().sorted { lhs, rhs in
                lhs.element.affected.severity != rhs.element.affected.severity
                    ? lhs.element.affected.severity > rhs.element.affected.severity : lhs.offset < rhs.offset
            }.map(\.element)
            guard let worst = ranked.first else { return nil }
            var seen = Set<AffectedTarget>()
            let affected = ranked.map(\.affected).filter { seen.insert($0).inserted }
            return Finding(
                rule: rule, severity: worst.affected.severity, cause: key.cause, resource: key.resource,
                message: message(key.cause, affected), affected: affected,
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
        var zones: [Zone] = []
        for target in targets {
            if let zone = target.zone, !zones.contains(zone) { zones.append(zone) }
        }
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
        var clusters: [EMRClusterID] = []
        var interfaces: [NetworkInterfaceID] = []
        for target in targets {
            if let cluster = target.cluster, !clusters.contains(cluster) { clusters.append(cluster) }
            for interface in target.interfaces where !interfaces.contains(interface) { interfaces.append(interface) }
        }
        if clusters.isEmpty {
            return interfaces.count <= 3 ? interfaces.map(\.rawValue).joined(separator: ", ") : "\(interfaces.count) interfaces"
        }
        let named = clusters.count <= 3 ? clusters.map(\.rawValue).joined(separator: ", ") : "\(clusters.count) clusters"
        return "\(interfaces.count) node\(interfaces.count == 1 ? "" : "s") of \(named)"
    }
}

extension ServiceRow {
    /// `tcp 22, 8088-8090`, `udp all ports`, `icmp type 8 code 0`: the row without service
    /// names.
    var portText: String {
        switch protocolName {
        case "tcp", "udp":
            if ranges == [1...65535] { return "\(protocolName) all ports" }
            return "\(protocolName) " + ranges.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ", ")
        default:
            return text(naming: nil)
        }
    }
}
