import ExposureModel
import ExposureSolver

/// `repo-egress-unverified`: whether nodes get updates depends on input that is missing.
struct RepositoryEgressUnverifiedRule: AuditRule {
    static let id = "repo-egress-unverified"
    static let summary = "whether nodes reach the repositories depends on something the input does not hold (the S3 prefix list's entries, an endpoint policy condition, a route to a middlebox)"

    func findings(in context: AuditContext) -> [Finding] {
        let repositories = context.repositories
        return RepositoryEgress.grouped(repositories.classes) { status in
            if case .unverified(let reason) = status { return reason }
            return nil
        }.map { group in
            let missingAddresses = !repositories.addressesKnown && group.detail == .s3AddressesUnknown
            return Finding(
                rule: Self.id, severity: .low, cause: Cause(group.cluster.id.component, rule: .undecided(group.detail.description)),
                message: "cannot tell whether \(group.nodes) reach \(group.buckets.joined(separator: ", ")) on tcp \(group.ports): \(group.detail)",
                affected: [group.affected(severity: .low, detail: "cannot tell whether \(group.nodes) reach \(group.buckets.joined(separator: ", "))")],
                evidence: [group.detail.description],
                remediation: missingAddresses
                    ? "export the S3 prefix list's entries and analyse again: \(repositories.exportCommand)"
                    : "add what the reason names to the input and analyse again")
        }
    }
}
