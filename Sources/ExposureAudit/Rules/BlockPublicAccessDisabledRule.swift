import ExposureModel
import ExposureSolver

/// `bpa-disabled`: the account's block public access is off.
struct BlockPublicAccessDisabledRule: AuditRule {
    static let id = "bpa-disabled"
    static let summary = "EMR block public access is disabled for the account and region (AWS Config rule emr-block-public-access)"

    func findings(in context: AuditContext) -> [Finding] {
        guard context.blockPublicAccessStated, !context.blockPublicAccess.isEnabled else { return [] }
        return [Finding(
            rule: Self.id, severity: .high, cause: BlockPublicAccessDisabledRule.setting(context),
            message: "EMR block public access is disabled: clusters in public subnets may launch with any port open to 0.0.0.0/0 or ::/0",
            evidence: ["BlockPublicSecurityGroupRules: false"],
            remediation: "aws emr put-block-public-access-configuration --block-public-access-configuration 'BlockPublicSecurityGroupRules=true,PermittedPublicSecurityGroupRuleRanges=[{MinRange=22,MaxRange=22}]'")]
    }

    /// The account's setting as a finding's cause: `block-public-access (us-east-1)`.
    static func setting(_ context: AuditContext) -> Cause {
        Cause(ComponentRef(.accountSetting, "block-public-access (\(context.topology.region ?? "region not given"))"))
    }
}
