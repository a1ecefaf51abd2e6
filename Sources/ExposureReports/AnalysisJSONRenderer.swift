import ExposureAudit
import ExposureModel
import ExposureSolver
import Foundation

/// Renders analysis reports as versioned JSON (documented in `reports/README.md`).
public enum AnalysisJSONRenderer {
    /// The version of the JSON shape; bumped on any incompatible change.
    public static let schemaVersion = 4

    struct Document: Encodable {
        let schemaVersion: Int
        let inputs: [Input]
        let gate: GateEntry
        let findings: [FindingEntry]
        let clusters: [ClusterEntry]
        let exposures: [Entry]
    }

    /// The threshold, how many findings fail it, and the baseline's part.
    struct GateEntry: Encodable {
        let failOn: String
        let failing: Int
        let baseline: BaselineEntry?
    }

    struct BaselineEntry: Encodable {
        let accepted: Int
        let expired: Int
        let stale: [StaleEntry]
    }

    /// A baseline entry that matches no finding.
    struct StaleEntry: Encodable {
        let id: String
        let rule: String?
        let resource: String?
        let reason: String
    }

    /// Where a cause is written.
    struct LocationEntry: Encodable {
        let file: String
        let path: String
        let line: Int?
        let column: Int?
        let address: String?
    }

    /// The baseline entry that accepts a finding.
    struct AcceptanceEntry: Encodable {
        let reason: String
        let expires: String?
    }

    struct FindingEntry: Encodable {
        let id: String
        let input: String
        let rule: String
        let severity: String
        let resource: String
        let cause: CauseEntry
        let clusters: [String]
        let zones: [String]
        let services: [ServiceEntry]
        let affected: [AffectedEntry]
        let message: String
        let evidence: [String]
        let path: [HopEntry]
        let fix: String
        let location: LocationEntry?
        let gate: String
        let acceptance: AcceptanceEntry?
    }

    /// The component a finding asks to change, and its rule (absent when the component
    /// as a whole is the cause).
    struct CauseEntry: Encodable {
        let component: String
        let kind: String
        let rule: String?
    }

    struct AffectedEntry: Encodable {
        let cluster: String?
        let roles: [String]
        let interfaces: [String]
        let zone: String?
        let services: [ServiceEntry]
        let severity: String
        let detail: String
    }

    /// One protocol's part of a service set: tcp/udp port ranges, ICMP types, or other
    /// protocol numbers, and the catalog's names for what is there.
    struct ServiceEntry: Encodable {
        let `protocol`: String
        let ports: [PortSpan]
        let icmp: [String]?
        let protocols: [PortSpan]?
        let services: [String]
    }

    struct ClusterEntry: Encodable {
        let input: String
        let id: String
        let name: String?
        let releaseLabel: String?
        let amazonLinux: String?
        let subnets: [SubnetEntry]
        let roles: [RoleEntry]
    }

    struct SubnetEntry: Encodable {
        let id: String
        let publicForEMR: Bool
    }

    struct RoleEntry: Encodable {
        let role: String
        let interfaces: [String]
        let zones: [ZoneEntry]
    }

    struct ZoneEntry: Encodable {
        let zone: String
        let open: [ServiceEntry]
        let unknown: [ServiceEntry]
    }

    struct Input: Encodable {
        let file: String
        let scope: String
        let interfacesAnalysed: Int
        let assumptions: [String]
        let missingExports: [MissingExportEntry]
        let skipped: [SkippedEntry]
        let warningCount: Int
        let warnings: [String]
    }

    /// An AWS CLI call the export lacks: its name, what its absence does, and the command.
    struct MissingExportEntry: Encodable {
        let call: String
        let effect: String
        let command: String
    }

    /// A resource that was not analysed, and why.
    struct SkippedEntry: Encodable {
        let resource: String
        let kind: String
        let reason: String
        let incomplete: Bool
    }

    struct Entry: Encodable {
        let input: String
        let target: Target
        let zone: String
        let verdict: String
        let `protocol`: String
        let ports: [PortSpan]
        let icmp: [String]?
        let protocols: [PortSpan]?
        let services: [String]
        let witness: WitnessPacket
        let path: [HopEntry]
        let returnPath: [HopEntry]
        let caveats: [String]
        let reason: String?
        let missing: [TraceRenderer.MissingEntry]
    }

    struct Target: Encodable {
        let id: String
        let instance: String?
        let cluster: String?
        let role: String?
    }

    struct PortSpan: Encodable {
        let from: Int
        let to: Int
    }

    struct WitnessPacket: Encodable {
        let source: String
        let destination: String
        let `protocol`: Int
        let port: Int
    }

    struct HopEntry: Encodable {
        let component: String
        let kind: String
        let rule: String
    }

    /// `services` as one entry per protocol row, names from the catalog for `role`.
    static func serviceEntries(_ services: ServiceSet, role: EMRCluster.Role?) -> [ServiceEntry] {
        ServiceRow.rows(of: services).map { row in
            let spans = row.ranges.map { PortSpan(from: Int($0.lowerBound), to: Int($0.upperBound)) }
            let isOther = row.protocolName == "other"
            return ServiceEntry(
                protocol: row.protocolName, ports: isOther || !row.icmp.isEmpty ? [] : spans,
                icmp: row.icmp.isEmpty ? nil : row.icmp, protocols: isOther ? spans : nil,
                services: row.ranges.flatMap { range in
                    row.serviceNames(in: range, role: role).map { range.lowerBound == range.upperBound ? "\(range.lowerBound) \($0)" : $0 }
                })
        }
    }

    static func hops(_ hops: [Hop]) -> [HopEntry] {
        hops.map { HopEntry(component: $0.component.id, kind: $0.component.kind.rawValue, rule: $0.explanation) }
    }

    /// The reports, reviewed by a gate that never fails.
    public static func render(_ reports: [AnalysisReport]) -> String {
        render(Review(reports, gate: .never))
    }

    /// One entry per protocol of `services`, each with `exposure`'s witness and path.
    static func entries(_ exposure: Exposure, services: ServiceSet, input: String) -> [Entry] {
        serviceEntries(services, role: exposure.role).map { row in
            Entry(
                input: input,
                target: Target(
                    id: exposure.target.rawValue, instance: exposure.instance?.rawValue,
                    cluster: exposure.cluster?.rawValue, role: exposure.role?.rawValue),
                zone: exposure.zone.description, verdict: exposure.verdict.rawValue,
                protocol: row.protocol, ports: row.ports, icmp: row.icmp, protocols: row.protocols, services: row.services,
                witness: WitnessPacket(
                    source: exposure.witness.source.description, destination: exposure.witness.destination.description,
                    protocol: Int(exposure.witness.protocolNumber), port: Int(exposure.witness.key)),
                path: hops(exposure.path), returnPath: hops(exposure.returnPath), caveats: exposure.caveats.map(\.description),
                reason: exposure.reason, missing: TraceRenderer.missing(exposure.missing))
        }
    }

    /// A finding with its cause, targets, place and gate status.
    static func entry(_ reviewed: ReviewedFinding) -> FindingEntry {
        let finding = reviewed.finding
        return FindingEntry(
            id: finding.id.rawValue, input: reviewed.input, rule: finding.rule, severity: finding.severity.rawValue,
            resource: finding.resource,
            cause: CauseEntry(
                component: finding.cause.component.id, kind: finding.cause.component.kind.rawValue,
                rule: finding.cause.rule.map(\.description)),
            clusters: finding.clusters.map(\.rawValue), zones: finding.zones.map(\.description),
            services: serviceEntries(finding.services, role: nil),
            affected: finding.affected.map { target in
                AffectedEntry(
                    cluster: target.cluster?.rawValue, roles: target.roles.map(\.rawValue), interfaces: target.interfaces.map(\.rawValue),
                    zone: target.zone?.description,
                    services: serviceEntries(target.services, role: target.roles.count == 1 ? target.roles.first : nil),
                    severity: target.severity.rawValue, detail: target.detail)
            },
            message: finding.message, evidence: finding.evidence, path: hops(finding.path), fix: finding.remediation,
            location: reviewed.place.map { place in
                LocationEntry(file: place.file, path: place.path, line: place.location?.line, column: place.location?.column, address: place.address)
            },
            gate: reviewed.status.keyword,
            acceptance: reviewed.status.acceptance.map { AcceptanceEntry(reason: $0.reason, expires: $0.expires?.description) })
    }

    /// The gate's threshold, the findings that fail it, and the baseline's counts.
    static func gate(_ review: Review, failing: Int) -> GateEntry {
        GateEntry(
            failOn: review.gate.threshold?.rawValue ?? "none", failing: failing,
            baseline: review.gate.baseline.map { _ in
                BaselineEntry(
                    accepted: review.accepted.count,
                    expired: review.expired.count,
                    stale: review.stale.map { StaleEntry(id: $0.id, rule: $0.rule, resource: $0.resource, reason: $0.reason) })
            })
    }

    /// The reviewed reports: inputs, the gate, findings, the cluster port report and every
    /// exposure.
    public static func render(_ review: Review) -> String {
        let reports = review.reports
        let exposures = reports.flatMap { report in
            report.exposures.flatMap { entries($0, services: $0.services, input: report.input) }
        }
        let findings = review.findings.map(entry)
        let clusters = reports.flatMap { report in
            report.clusters.map { summary in
                ClusterEntry(
                    input: report.input, id: summary.cluster.rawValue, name: summary.name, releaseLabel: summary.releaseLabel,
                    amazonLinux: summary.amazonLinux,
                    subnets: summary.subnets.map { SubnetEntry(id: $0.id.rawValue, publicForEMR: $0.isPublic) },
                    roles: summary.roles.map { role in
                        RoleEntry(
                            role: role.role.rawValue, interfaces: role.interfaces.map(\.rawValue),
                            zones: role.zones.map { zone in
                                ZoneEntry(
                                    zone: zone.zone.description,
                                    open: serviceEntries(zone.reachable, role: role.role),
                                    unknown: serviceEntries(zone.unknown, role: role.role))
                            })
                    })
            }
        }
        let document = Document(
            schemaVersion: schemaVersion,
            inputs: reports.map { report in
                Input(
                    file: report.input, scope: report.scope.rawValue, interfacesAnalysed: report.targetCount,
                    assumptions: report.assumptions,
                    missingExports: report.missingExports.map { MissingExportEntry(call: $0.rawValue, effect: $0.effect, command: $0.command) },
                    skipped: report.skipped.map { SkippedEntry(resource: $0.resource, kind: $0.kind.rawValue, reason: $0.reason, incomplete: $0.isIncomplete) },
                    warningCount: report.warningCount, warnings: report.warnings.map(\.description))
            },
            gate: gate(review, failing: review.failing.count), findings: findings, clusters: clusters, exposures: exposures)
        return JSONOutput.encode(document)
    }
}
