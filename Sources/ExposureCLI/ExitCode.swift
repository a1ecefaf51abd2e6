import ExposureAudit
import ExposureLoading
import ExposureModel
import ExposureReports
import ExposureSolver

/// The process exit statuses, in one place (sysexits-style, documented in the README).
public enum ExitCode: Int32, Sendable {
    /// The command ran; for `analyze` and `trace`, whatever the verdicts.
    case success = 0
    /// `analyze --fail-on`: a finding at or above the threshold (the report is written).
    case findings = 1
    /// The command line is wrong.
    case usage = 64
    /// An input is invalid: no report is written.
    case dataError = 65
    /// An input file cannot be read.
    case noInput = 66
    /// A bug: the analyzer failed on valid input.
    case internalError = 70
}
