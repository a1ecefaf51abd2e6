/// A problem found in an input, located as precisely as the input allows.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error, warning

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .error && rhs == .warning }
    }

    public let severity: Severity
    /// The file as the user named it.
    public let file: String
    /// The JSON path, such as `$.securityGroups[3].ingress[0].cidr`.
    public let path: String?
    public let location: SourceLocation?
    public let message: String

    public init(
        severity: Severity, file: String, path: String? = nil, location: SourceLocation? = nil,
        message: String
    ) {
        self.severity = severity
        self.file = file
        self.path = path
        self.location = location
        self.message = message
    }

    /// Errors first, then by file, position and message: the order a user fixes them in.
    public static func inReadingOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        let start = SourceLocation(line: 0, column: 0)
        return (lhs.severity, lhs.file, lhs.location ?? start, lhs.message) < (rhs.severity, rhs.file, rhs.location ?? start, rhs.message)
    }

    /// `file:line:column: error: $.path: message`, the shape editors and CI logs link.
    ///
    /// Control characters are escaped and long paths and messages cut, so that what an
    /// input holds can neither forge a line nor flood the terminal.
    public var description: String {
        var text = DiagnosticText.escaped(file)
        if let location { text += ":\(location.line):\(location.column)" }
        text += ": \(severity.rawValue): "
        if let path { text += "\(DiagnosticText.printable(path, limit: DiagnosticText.pathLength)): " }
        return text + DiagnosticText.printable(message)
    }
}
