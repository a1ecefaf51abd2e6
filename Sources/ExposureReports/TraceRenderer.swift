import ExposureAudit
import ExposureModel
import ExposureSolver
import Foundation

/// Renders trace results, as text for a terminal or as JSON (one object, or one line per
/// flow with `--flows`).
public enum TraceRenderer {
    /// A flow as a `--flows` line gave it, repeated on its answer's line.
    public struct Flow: Encodable, Sendable {
        let from: String
        let to: String
        let `protocol`: String
        let port: Int?
        let icmpCode: Int?

        public init(from: String, to: String, protocol: String, port: Int?, icmpCode: Int?) {
            self.from = from
            self.to = to
            self.protocol = `protocol`
            self.port = port
            self.icmpCode = icmpCode
        }
    }

    struct Document: Encodable {
        let flow: Flow?
        let verdict: String
        let path: [AnalysisJSONRenderer.HopEntry]
        let returnPath: [AnalysisJSONRenderer.HopEntry]
        let blockedBy: [AnalysisJSONRenderer.HopEntry]
        let reason: String
        let caveats: [String]
        let missing: [MissingEntry]
    }

    /// A missing input as JSON: the component, what it is, and the export that settles it.
    struct MissingEntry: Encodable {
        let component: String
        let what: String
        let exportCommand: String?
    }

    /// A `--flows` line that cannot be answered.
    struct ErrorLine: Encodable {
        let line: Int
        let error: String
        let flow: Flow?
    }

    /// Missing inputs as JSON entries, in their given order.
    static func missing(_ inputs: [MissingInput]) -> [MissingEntry] {
        inputs.map { MissingEntry(component: $0.component, what: $0.what, exportCommand: $0.exportCommand) }
    }

    static func document(_ result: TraceResult, flow: Flow? = nil) -> Document {
        Document(
            flow: flow, verdict: result.verdict.rawValue, path: AnalysisJSONRenderer.hops(result.path),
            returnPath: AnalysisJSONRenderer.hops(result.returnPath),
            blockedBy: AnalysisJSONRenderer.hops(result.blockedBy), reason: result.reason, caveats: result.caveats.map(\.description),
            missing: missing(result.missing))
    }

    /// Pretty JSON for one trace.
    public static func json(_ result: TraceResult) -> String { JSONOutput.encode(document(result)) }

    /// One line of JSON for `--flows`: the flow as given, then its answer.
    public static func jsonLine(_ result: TraceResult, flow: Flow) -> String {
        JSONOutput.encode(document(result, flow: flow), pretty: false)
    }

    /// One line of JSON for a `--flows` line that cannot be answered.
    public static func errorLine(line: Int, message: String, flow: Flow?) -> String {
        JSONOutput.encode(ErrorLine(line: line, error: message, flow: flow), pretty: false)
    }

    /// A readable report.
    public static func text(_ result: TraceResult) -> String {
        var lines = ["verdict: \(result.verdict.rawValue)", "reason:  \(result.reason)"]
        if !result.path.isEmpty {
            lines.append("path:")
            lines += result.path.map { "  -> " + $0.description }
        }
        if !result.returnPath.isEmpty {
            lines.append("return path:")
            lines += result.returnPath.map { "  <- " + $0.description }
        }
        if !result.blockedBy.isEmpty {
            lines.append("blocked by:")
            lines += result.blockedBy.map { "  x " + $0.description }
        }
        lines += result.caveats.map { "caveat: \($0)" }
        if !result.missing.isEmpty {
            lines.append("missing from the input:")
            lines += result.missing.map { "  ? \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
