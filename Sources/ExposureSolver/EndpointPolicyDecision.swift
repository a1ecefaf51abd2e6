import ExposureModel

/// What an endpoint's policy decides for the traffic of an egress question. The caller
/// reads the policy (the solver does not know policy documents); the solver makes the
/// decision the endpoint's last filter on the way out.
public enum EndpointPolicyDecision: Sendable {
    /// A statement allows the traffic, as the hop will say: `policy statement 1 (Allow)
    /// allows s3:GetObject on arn:aws:s3:::bucket/*`.
    case allows(String)
    /// The policy stops the traffic, for `reason`; `fix` says what would open it.
    case denies(String, fix: String)
    /// Whether the policy allows the traffic cannot be decided, for `reason`; `missing`
    /// names what would decide it.
    case undecided(String, missing: MissingInput)
}
