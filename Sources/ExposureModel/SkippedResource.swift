/// A resource of the input that is not analysed, and why.
public struct SkippedResource: Hashable, Sendable {
    /// Its id or Terraform address.
    public let resource: String
    /// Its kind, as path hops name kinds (`emr-cluster`, `instance`, `network-interface`).
    public let kind: String
    public let reason: String
    /// Whether it was left out because something it needs is missing from the input (its
    /// exposure is then not known), rather than because it carries no traffic (a stopped
    /// instance).
    public let isIncomplete: Bool

    public init(resource: String, kind: String, reason: String, isIncomplete: Bool) {
        self.resource = resource
        self.kind = kind
        self.reason = reason
        self.isIncomplete = isIncomplete
    }
}
