import ExposureModel
import ExposureSolver

/// `repo-partial-return`: updates work only for some of the nodes' source ports.
struct RepositoryPartialReturnRule: AuditRule {
    static let id = "repo-partial-return"
    static let summary = "replies from the repositories reach only part of the nodes' ephemeral ports (or the NAT gateway's): downloads fail intermittently"

    func findings(in context: AuditContext) -> [Finding] {
        RepositoryEgress.grouped(context.repositories.classes) { status in
            if case .partialReturn(let caveat) = status { return caveat }
            return nil
        }.map { group in
            Finding(
                rule: Self.id, severity: .medium, cause: Cause(group.cluster.id.component, rule: .refusal(group.detail.description)),
                message: "\(group.nodes) reach the repositories on tcp \(group.ports) only intermittently: \(group.detail)",
                affected: [group.affected(severity: .medium, detail: "\(group.nodes) reach \(group.buckets.joined(separator: ", ")) only intermittently")],
                evidence: ["buckets: \(group.buckets.joined(separator: ", "))"],
                remediation: group.detail.isAtNATGateway
                    ? "widen the NAT gateway subnet's inbound ACL entry for the replies to tcp 1024-65535"
                    : "widen the nodes' subnet inbound ACL entry for the replies to the whole ephemeral range, tcp \(group.ephemeral)")
        }
    }
}
