import ExposureModel

/// A position in a JSON document with typed, located accessors.
///
/// Every accessor that fails throws a `Diagnostic` naming the file, the JSON path, the
/// line and column, and what was expected, so loaders never surface a raw decoding error.
public struct JSONCursor: Sendable {
    public let value: JSONValue
    public let path: JSONPath
    public let file: String

    public init(value: JSONValue, path: JSONPath = .root, file: String) {
        self.value = value
        self.path = path
        self.file = file
    }

    /// The root of the one JSON document in `bytes`, read from `file`.
    ///
    /// - Throws: `LoadFailure` with the syntax error, located.
    public static func document(_ bytes: [UInt8], file: String) throws(LoadFailure) -> JSONCursor {
        do {
            return JSONCursor(value: try JSONReader.parse(bytes), file: file)
        } catch {
            throw LoadFailure(diagnostics: [Diagnostic(severity: .error, file: file, location: error.location, message: "invalid JSON: \(error.message)")])
        }
    }

    /// An error diagnostic at this position.
    public func error(_ message: String) -> Diagnostic {
        Diagnostic(
            severity: .error, file: file, path: path.description, location: value.location,
            message: message)
    }

    /// A warning diagnostic at this position.
    public func warning(_ message: String) -> Diagnostic {
        Diagnostic(
            severity: .warning, file: file, path: path.description, location: value.location,
            message: message)
    }

    private func mismatch(_ expected: String) -> Diagnostic {
        error("expected \(expected), found \(value.kindName)")
    }

    /// The member `key`, or `nil` when it is absent or `null`.
    public func field(_ key: String) -> JSONCursor? {
        guard let member = value[key] else { return nil }
        if case .null = member.kind { return nil }
        return JSONCursor(value: member, path: path.appending(key), file: file)
    }

    /// The member `key`; absent or `null` is an error.
    public func requiredField(_ key: String) throws(Diagnostic) -> JSONCursor {
        guard case .object = value.kind else { throw mismatch("an object") }
        guard let member = field(key) else { throw error("missing required field \"\(key)\"") }
        return member
    }

    /// The elements of an array.
    public func elements() throws(Diagnostic) -> [JSONCursor] {
        guard case .array(let items) = value.kind else { throw mismatch("an array") }
        return items.enumerated().map {
            JSONCursor(value: $0.element, path: path.appending(index: $0.offset), file: file)
        }
    }

    /// The value as a string.
    public func string() throws(Diagnostic) -> String {
        guard case .string(let text) = value.kind else { throw mismatch("a string") }
        return text
    }

    /// The value as a Boolean.
    public func bool() throws(Diagnostic) -> Bool {
        guard case .bool(let flag) = value.kind else { throw mismatch("true or false") }
        return flag
    }

    /// The value as an integer: a JSON number written as one (`22`, not `22.0`, `2.2e1` or
    /// `"22"`) that fits in an `Int`.
    public func int() throws(Diagnostic) -> Int {
        guard case .number(let text) = value.kind else { throw mismatch("an integer") }
        guard let integer = IntegerText.parse(text) else {
            throw error("expected an integer, found \(DiagnosticText.shortened(text))")
        }
        return integer
    }

    /// Warns about members outside `known`, suggesting the closest known name.
    public func unknownKeyWarnings(known: Set<String>) -> [Diagnostic] {
        unknownKeys(known: known, severity: .warning)
    }

    /// Errors for members outside `known`, for files where a misspelt field would change
    /// what they say (a baseline, a tenant mapping).
    public func unknownKeyErrors(known: Set<String>) -> [Diagnostic] {
        unknownKeys(known: known, severity: .error)
    }

    private func unknownKeys(known: Set<String>, severity: Diagnostic.Severity) -> [Diagnostic] {
        guard case .object(let members) = value.kind else { return [] }
        return members.filter { !known.contains($0.key) }.map { member in
            var message = "unknown field \"\(DiagnosticText.shortened(member.key))\"" + (severity == .warning ? " is ignored" : "")
            if let suggestion = EditDistance.closest(to: member.key, among: known) {
                message += "; did you mean \"\(suggestion)\"?"
            }
            return Diagnostic(
                severity: severity, file: file, path: path.appending(member.key).description, location: member.value.location,
                message: message)
        }
    }
}
