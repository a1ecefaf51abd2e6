import ExposureAudit
import ExposureModel
import ExposureSolver

/// Where a cause is written.
extension Cause {
    /// The place of the cause's rule in `sources`, else of its component; the input's
    /// block-public-access setting for an account setting.
    public func place(in sources: SourceMap) -> SourceMap.Place? {
        if component.kind == .accountSetting { return sources.place(of: SourceMap.blockPublicAccess) }
        return sources.place(of: component.id, anchor: rule.flatMap(Cause.anchor))
    }

    private static func anchor(of rule: RuleRef) -> SourceMap.Anchor? {
        switch rule {
        case .groupRule(let ingress, let index, _): .groupRule(ingress: ingress, index: index)
        case .aclEntry(let inbound, let entry): .aclEntry(inbound: inbound, number: entry.ruleNumber)
        case .translated(let inner, _): anchor(of: inner)
        default: nil
        }
    }
}
