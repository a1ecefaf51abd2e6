extension Finding {
    /// What a finding says about the nodes' way to the repositories in S3.
    public enum RepositoryEgress: Sendable {
        /// The nodes cannot reach them (`repo-egress-gap`).
        case gap
        /// Whether they can is unknown (`repo-egress-unverified`).
        case unverified
        /// They can, but replies come back only to part of the client ports
        /// (`repo-partial-return`).
        case partialReturn
    }

    /// Whether the finding is about the nodes' way to the repositories, and how; `nil` for
    /// every other rule.
    public var repositoryEgress: RepositoryEgress? {
        switch rule {
        case RepositoryEgressGapRule.id: .gap
        case RepositoryEgressUnverifiedRule.id: .unverified
        case RepositoryPartialReturnRule.id: .partialReturn
        default: nil
        }
    }
}
