import ExposureModel

/// The input formats `exposure` reads.
public enum InputFormat: String, Sendable, CaseIterable {
    /// The native topology format (topologies/FORMAT.md).
    case native
    /// Raw AWS CLI `describe-*` outputs: one file or a folder of them.
    case awsBundle = "aws"
    /// `terraform show -json` of a saved plan.
    case terraformPlan = "terraform"

    /// Recognises a single file's format from its top-level keys.
    static func detect(_ root: JSONValue) -> InputFormat? {
        guard case .object(let members) = root.kind else { return nil }
        let keys = Set(members.map(\.key))
        if keys.contains("formatVersion") { return .native }
        // Format 0.1 plans written by some tools omit format_version.
        if keys.contains("planned_values") || (keys.contains("format_version") && (keys.contains("resource_changes") || keys.contains("configuration"))) {
            return .terraformPlan
        }
        if !keys.isDisjoint(with: AWSKey.allCases.map(\.rawValue)) { return .awsBundle }
        return nil
    }

    /// Whether a document is a JSON Schema (it names its meta-schema in `$schema`), such as
    /// the native format's own `topologies/topology.schema.json`.
    static func isJSONSchema(_ root: JSONValue) -> Bool {
        root["$schema"]?.stringValue != nil
    }
}
