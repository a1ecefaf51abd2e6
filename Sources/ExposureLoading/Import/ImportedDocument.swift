import ExposureModel

/// What an importer produces: a native document, where its elements came from, and the
/// importer's own diagnostics.
struct ImportedDocument {
    let document: JSONValue
    let origins: [String: JSONCursor]
    let diagnostics: [Diagnostic]
    /// What the importer recognised in the input, for the message when nothing of a network
    /// was: `Reservations (0 records), LoadBalancers`.
    let recognised: String
    /// For a Terraform plan: the resource address of each origin, by the origin's JSON path.
    var addresses: [String: String] = [:]
}
