import ExposureAudit
import ExposureModel
import ExposureSolver

/// Part of an exposure that a change opens or closes: the services that differ, and the
/// exposure (from the side where it exists) whose path proves them.
public struct ExposureChange: Sendable {
    /// The exposure after the change (for one opened) or before it (for one closed).
    public let exposure: Exposure
    /// The protocols and ports of `exposure` that the other side does not have.
    public let services: ServiceSet
    /// The input the exposure is from, as the user named it.
    public let input: String

    /// The parts of `exposures` whose services `others` lacks, for the same target, zone
    /// and verdict: what `exposures` has that `others` does not.
    ///
    /// - Complexity: O(*e* + *o*) set operations for *e* exposures and *o* others.
    static func changes(in exposures: [Exposure], comparedWith others: [Exposure], input: String) -> [ExposureChange] {
        struct Key: Hashable {
            let target: NetworkInterfaceID
            let zone: Zone
            let verdict: Verdict
        }
        var existing: [Key: ServiceSet] = [:]
        for other in others {
            let key = Key(target: other.target, zone: other.zone, verdict: other.verdict)
            existing[key] = existing[key, default: .empty].union(other.services)
        }
        return exposures.compactMap { exposure in
            let key = Key(target: exposure.target, zone: exposure.zone, verdict: exposure.verdict)
            let changed = exposure.services.subtracting(existing[key] ?? .empty)
            return changed.isEmpty ? nil : ExposureChange(exposure: exposure, services: changed, input: input)
        }
    }
}

extension ExposureChange {
    /// `tcp 8088 (YARN ResourceManager) on eni-1 (j-1 primary) from internet`.
    public var summary: String {
        let services = ServiceRow.rows(of: services).map { $0.text(naming: exposure.role) }.joined(separator: "; ")
        return "\(services) on \(targetText) from \(exposure.zone)\(exposure.verdict == .unknown ? " (unknown)" : "")"
    }

    /// `eni-1 (j-1 primary)`.
    var targetText: String {
        guard let cluster = exposure.cluster, let role = exposure.role else { return exposure.target.rawValue }
        return "\(exposure.target.rawValue) (\(cluster) \(role.rawValue))"
    }
}
