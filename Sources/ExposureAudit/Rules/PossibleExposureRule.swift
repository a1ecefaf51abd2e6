import ExposureModel
import ExposureSolver

/// `possible-exposure`: a port whose exposure the input cannot decide, because something a
/// path needs is missing (semantics, section 8: an unknown is a finding, so the gate fails).
struct PossibleExposureRule: AuditRule {
    static let id = "possible-exposure"
    static let summary = "a zone may be able to open a port, but the answer depends on what the input does not hold (a peering, transit gateway, VPN or group left out of the export, a prefix list's entries, a value known only after apply); one step below what the open port would be"

    func findings(in context: AuditContext) -> [Finding] {
        let nodes = context.roleExposures(.unknown, from: { _ in true }).map { exposure in
            observation(
                context, witness: exposure.witness, services: exposure.services, sources: exposure.sources,
                sensitivity: AuditContext.sensitivity(of: exposure.services, role: exposure.role),
                cluster: exposure.cluster.id, roles: [exposure.role], interfaces: exposure.interfaces,
                what: "\(AuditContext.describe(exposure.services, role: exposure.role)) on \(AuditContext.describeNodes(exposure.role, exposure.interfaces)) of \(exposure.cluster.id)")
        }
        let others = context.interfaceExposures(.unknown).map { exposure in
            observation(
                context, witness: exposure.witness, services: exposure.services, sources: exposure.sources,
                sensitivity: ServicePortCatalog.sensitivity(of: exposure.services), cluster: nil, roles: [], interfaces: exposure.interfaces,
                what: "\(AuditContext.describeGeneric(exposure.services)) on \(context.describeInterfaces(exposure.interfaces))")
        }
        return Finding.merging(nodes + others, rule: Self.id) { cause, affected in
            "what the input does not hold (\(cause.component)\(cause.rule.map { "; \($0)" } ?? "")) decides whether \(AffectedTarget.summary(of: affected)) can be opened"
        }
    }

    /// The missing input as the cause: the first component the verdict lacks, with every
    /// one of them (or the solver's reason, when it names none) as what is undecided.
    private func observation(
        _ context: AuditContext, witness: Exposure, services: ServiceSet, sources: AddressSet, sensitivity: PortSensitivity,
        cluster: EMRClusterID?, roles: [EMRCluster.Role], interfaces: [NetworkInterfaceID], what: String
    ) -> Finding.Observation {
        // One step below the open port's severity, never below low.
        let open = ExposureSeverity.of(witness.zone, sources: sources, sensitivity: sensitivity, solver: context.solver)
        let missing = witness.missing
        let named = missing.map(\.description).joined(separator: "; ")
        let undecided = named.isEmpty ? witness.reason ?? "a missing input" : named
        let cause = Cause(
            ComponentRef(.outside, missing.first?.component ?? witness.zone.description),
            rule: missing.count == 1 ? nil : .undecided(undecided))
        return Finding.Observation(
            cause: cause,
            affected: AffectedTarget(
                cluster: cluster, roles: roles, interfaces: interfaces, zone: witness.zone, services: services,
                severity: max(open.lowered, .low),
                detail: "\(witness.zone) may be able to open \(what): the answer depends on what the input does not hold: \(undecided)"),
            evidence: [witness.reason].compactMap { $0 }, path: witness.path,
            fixes: ["\(Self.settle(missing)); if it is reachable, the exposure is \(open.rawValue)"])
    }

    /// What settles `missing`, one clause per kind of settlement: exports to run, parts to
    /// describe, plans to apply, appliances to read.
    static func settle(_ missing: [MissingInput]) -> String {
        let commands = missing.compactMap { $0.settlement == .export ? $0.exportCommand : nil }
            .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let undescribed = missing.filter { $0.settlement == .export && $0.exportCommand == nil }.map(\.component)
        let values = missing.filter { $0.settlement == .apply }.map(\.component)
        let appliances = missing.filter { $0.settlement == .applianceConfiguration }.map(\.component)
        var clauses: [String] = []
        if !commands.isEmpty { clauses.append("export what is missing and analyse again (\(commands.joined(separator: "; ")))") }
        if !undescribed.isEmpty { clauses.append("describe \(undescribed.joined(separator: ", ")) in the input and analyse again") }
        if !values.isEmpty {
            clauses.append("set \(values.joined(separator: ", ")) in the configuration, or apply the plan and analyse an export of the result")
        }
        if !appliances.isEmpty {
            clauses.append("check where \(appliances.joined(separator: ", ")) forward\(appliances.count == 1 ? "s" : "") traffic, in \(appliances.count == 1 ? "its" : "their") own routing and firewall rules, which no AWS export holds")
        }
        return clauses.isEmpty ? "find what the verdict depends on and analyse again" : clauses.joined(separator: "; ")
    }
}
