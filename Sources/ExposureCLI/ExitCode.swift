import ExposureAudit
import ExposureLoading
import ExposureModel
import ExposureReports
import ExposureSolver

/// The process exit statuses, in one place (sysexits-style, documented in the README).
public enum ExitCode: Int32, Sendable {
    /// The command ran; for `analyze` and `trace`, whatever the verdicts.
    case success = 0
    /// `analyze`: a finding at or above the threshold, not accepted by the baseline; `diff`:
    /// such a finding introduced by the change (the reports are written).
    case findings = 1
    /// The command line is wrong.
    case usage = 64
    /// An input is invalid: no report is written.
    case dataError = 65
    /// An input file cannot be read.
    case noInput = 66
    /// A bug: the analyzer failed on valid input.
    case internalError = 70
    /// A report cannot be written (no report is replaced).
    case cannotCreate = 73
}
