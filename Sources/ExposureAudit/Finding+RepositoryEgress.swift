extension Finding {
    /// What a finding says about the nodes' way to the repositories in S3.
    public enum RepositoryEgress: Sendable {
        /// The nodes cannot reach them (`repo-egress-gap`).
        case gap
        /// Whether they can is unknown (`repo-egress-unverified`).
        case unverified
    }

    /// Whether the finding is an egress gap to the repositories, and of which kind; `nil`
    /// for every other rule.
    public var repositoryEgress: RepositoryEgress? {
        switch rule {
        case RepositoryEgressGapRule.id: .gap
        case RepositoryEgressUnverifiedRule.id: .unverified
        default: nil
        }
    }
}
