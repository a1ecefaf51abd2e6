import Foundation

/// Renders trace results, as text for a terminal or as JSON (one object, or one line per
/// flow with `--flows`).
public enum TraceRenderer {
    struct Document: Encodable {
        let verdict: String
        let path: [AnalysisJSONRenderer.HopEntry]
        let returnPath: [AnalysisJSONRenderer.HopEntry]
        let blockedBy: [AnalysisJSONRenderer.HopEntry]
        let reason: String
        let caveats: [String]
    }

    static func document(_ result: TraceResult) -> Document {
        Document(
            verdict: result.verdict.rawValue, path: AnalysisJSONRenderer.hops(result.path),
            returnPath: AnalysisJSONRenderer.hops(result.returnPath),
            blockedBy: AnalysisJSONRenderer.hops(result.blockedBy), reason: result.reason, caveats: result.caveats)
    }

    /// Pretty JSON for one trace.
    public static func json(_ result: TraceResult) -> String { JSONOutput.encode(document(result)) }

    /// One line of JSON, for `--flows`.
    public static func jsonLine(_ result: TraceResult) -> String { JSONOutput.encode(document(result), pretty: false) }

    /// A readable report.
    public static func text(_ result: TraceResult) -> String {
        var lines = ["verdict: \(result.verdict.rawValue)", "reason:  \(result.reason)"]
        if !result.path.isEmpty {
            lines.append("path:")
            lines += result.path.map { "  -> " + AnalysisTextRenderer.hopText($0) }
        }
        if !result.returnPath.isEmpty {
            lines.append("return path:")
            lines += result.returnPath.map { "  <- " + AnalysisTextRenderer.hopText($0) }
        }
        if !result.blockedBy.isEmpty {
            lines.append("blocked by:")
            lines += result.blockedBy.map { "  x " + AnalysisTextRenderer.hopText($0) }
        }
        lines += result.caveats.map { "caveat: \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }
}
