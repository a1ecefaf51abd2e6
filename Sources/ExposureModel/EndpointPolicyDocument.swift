/// A VPC endpoint's IAM policy document, as the parts of its statements that decide which
/// requests pass (the loader reads the JSON; the audit evaluates it).
public struct EndpointPolicyDocument: Hashable, Sendable {
    /// Names that a statement matches (`Action`, `Resource`) or matches all but
    /// (`NotAction`, `NotResource`), as IAM wildcard patterns.
    public enum Patterns: Hashable, Sendable {
        case only([String])
        case allBut([String])
    }

    /// A statement's `Effect`.
    public enum Effect: String, Hashable, Sendable {
        case allow = "Allow"
        case deny = "Deny"
    }

    /// One statement, in document order.
    public struct Statement: Hashable, Sendable {
        /// The `Sid`, if any.
        public let sid: String?
        public let effect: Effect
        /// Whether a `Principal` names someone other than everyone (`*`).
        public let restrictsPrincipal: Bool
        /// `Action` or `NotAction`; `nil` when the statement has neither.
        public let actions: Patterns?
        /// `Resource` or `NotResource`; `nil` when the statement has neither.
        public let resources: Patterns?
        /// The condition operators of a `Condition` block, in document order; empty without
        /// one.
        public let conditions: [String]

        public init(
            sid: String?, effect: Effect, restrictsPrincipal: Bool, actions: Patterns?, resources: Patterns?,
            conditions: [String]
        ) {
            self.sid = sid
            self.effect = effect
            self.restrictsPrincipal = restrictsPrincipal
            self.actions = actions
            self.resources = resources
            self.conditions = conditions
        }
    }

    public let statements: [Statement]
    /// Why the policy is not known (its text is not a JSON document, or its value is known
    /// only after apply); `nil` when `statements` are the policy. An unknown policy decides
    /// nothing: what crosses the endpoint is `unknown`.
    public let unknownBecause: String?

    public init(statements: [Statement], unknownBecause: String? = nil) {
        self.statements = statements
        self.unknownBecause = unknownBecause
    }
}
