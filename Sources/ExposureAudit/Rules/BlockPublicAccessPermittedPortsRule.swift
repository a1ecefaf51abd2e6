import ExposureModel
import ExposureSolver

/// `bpa-permitted-ports`: block public access lets more than SSH stay open to the world.
struct BlockPublicAccessPermittedPortsRule: AuditRule {
    static let id = "bpa-permitted-ports"
    static let summary = "block public access permits ports other than 22 to be open to 0.0.0.0/0 or ::/0 (AWS Config rule emr-block-public-access)"

    func findings(in context: AuditContext) -> [Finding] {
        let setting = context.blockPublicAccess
        let permitted = IntervalSet<UInt16>(ranges: setting.permittedPorts.map(\.closedRange))
        let extra = permitted.subtracting(IntervalSet(ranges: [22...22]))
        guard context.blockPublicAccessStated, setting.isEnabled, !extra.isEmpty else { return [] }
        let named = extra.ranges.flatMap { range in EMRPortCatalog.primary.filter { range.contains($0.port) }.map { "\($0.port) \($0.service)" } }
        return [Finding(
            rule: Self.id, severity: .medium, cause: BlockPublicAccessDisabledRule.setting(context),
            message: "block public access permits ports \(extra.rangeText) besides 22 to be open to the world\(named.isEmpty ? "" : ", including \(named.joined(separator: ", "))")",
            evidence: ["PermittedPublicSecurityGroupRuleRanges: \(setting.permittedPorts.map(\.description).joined(separator: ", "))"],
            remediation: "aws emr put-block-public-access-configuration --block-public-access-configuration 'BlockPublicSecurityGroupRules=true,PermittedPublicSecurityGroupRuleRanges=[{MinRange=22,MaxRange=22}]'")]
    }
}
