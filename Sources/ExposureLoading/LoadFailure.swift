import ExposureModel

/// The error a loader throws when an input has errors; it carries every diagnostic found,
/// warnings included, so that one run shows everything to fix.
public struct LoadFailure: Error, Sendable {
    public let diagnostics: [Diagnostic]
    /// Set when the file is a JSON Schema rather than an input: callers skip it with a note.
    public let isJSONSchema: Bool

    public init(diagnostics: [Diagnostic], isJSONSchema: Bool = false) {
        self.diagnostics = diagnostics
        self.isJSONSchema = isJSONSchema
    }

    /// The errors only.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}
