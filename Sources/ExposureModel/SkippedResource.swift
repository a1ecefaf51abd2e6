/// A resource of the input that is not analysed, and why.
public struct SkippedResource: Hashable, Sendable {
    /// Its id or Terraform address.
    public let resource: String
    /// Its kind: an EMR cluster, an instance or a network interface, or a VPC whose blocks
    /// the input lacks.
    public let kind: ComponentKind
    public let reason: String
    /// Whether it was left out because something it needs is missing from the input (its
    /// exposure is then not known), rather than because it carries no traffic (a stopped
    /// instance).
    public let isIncomplete: Bool

    public init(resource: String, kind: ComponentKind, reason: String, isIncomplete: Bool) {
        self.resource = resource
        self.kind = kind
        self.reason = reason
        self.isIncomplete = isIncomplete
    }
}
