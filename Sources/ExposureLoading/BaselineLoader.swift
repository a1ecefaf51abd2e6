import ExposureModel

/// Reads a baseline file (what `exposure baseline` writes), strictly: a baseline that is
/// misread would accept or fail findings without a word, so every problem is an error.
public enum BaselineLoader {
    /// The fields of an entry; unknown ones are errors (a misspelt `expires` would make an
    /// acceptance last for ever).
    static let entryFields: Set<String> = ["id", "rule", "resource", "message", "reason", "expires"]

    /// Parses `bytes` read from `file`.
    ///
    /// - Throws: `LoadFailure` with every problem located: invalid JSON, a wrong version, a
    ///   missing or malformed id, a missing reason, an expiry that is not a `YYYY-MM-DD`
    ///   date, an id given twice.
    public static func load(_ bytes: [UInt8], file: String) throws(LoadFailure) -> Baseline {
        let cursor = try JSONCursor.document(bytes, file: file)
        var diagnostics = cursor.unknownKeyErrors(known: ["baselineVersion", "description", "accepted"])
        var entries: [Baseline.Entry] = []
        do throws(Diagnostic) {
            let version = try cursor.requiredField("baselineVersion")
            guard try version.int() == Baseline.version else {
                throw version.error("unsupported baselineVersion; this exposure reads version \(Baseline.version)")
            }
            var seen: [String: SourceLocation] = [:]
            for element in try cursor.requiredField("accepted").elements() {
                do throws(Diagnostic) {
                    diagnostics += element.unknownKeyErrors(known: entryFields)
                    let entry = try self.entry(element)
                    if let first = seen[entry.id] {
                        throw element.error("finding \(entry.id) is accepted twice (first at line \(first.line))")
                    }
                    seen[entry.id] = element.value.location
                    entries.append(entry)
                } catch {
                    diagnostics.append(error)
                }
            }
        } catch {
            diagnostics.append(error)
        }
        guard diagnostics.isEmpty else { throw LoadFailure(diagnostics: diagnostics.sorted(by: Diagnostic.inReadingOrder)) }
        return Baseline(entries: entries)
    }

    /// One accepted finding.
    private static func entry(_ element: JSONCursor) throws(Diagnostic) -> Baseline.Entry {
        let idCursor = try element.requiredField("id")
        let id = try idCursor.string()
        guard id.count == 16, id.allSatisfy(\.isHexDigit), id == id.lowercased() else {
            throw idCursor.error("expected a finding id: 16 lower-case hex digits, as the reports print it")
        }
        let reasonCursor = try element.requiredField("reason")
        let reason = try reasonCursor.string()
        var expires: CalendarDay?
        if let expiresCursor = element.field("expires") {
            let text = try expiresCursor.string()
            guard let day = CalendarDay(text) else {
                throw expiresCursor.error("expected the last day the acceptance holds as YYYY-MM-DD, found \"\(text)\"")
            }
            expires = day
        }
        return Baseline.Entry(
            id: id, rule: try element.field("rule")?.string(), resource: try element.field("resource")?.string(),
            message: try element.field("message")?.string(), reason: reason, expires: expires, location: element.value.location)
    }
}
