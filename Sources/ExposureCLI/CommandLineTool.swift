import ExposureAudit
import ExposureLoading
import ExposureModel
import ExposureReports
import ExposureSolver
import Foundation

/// The `exposure` command line, runnable in-process: arguments in, text and a status out.
public struct CommandLineTool {
    /// Where output goes; tests capture it.
    public struct Output: Sendable {
        public var standardOutput: @Sendable (String) -> Void
        public var standardError: @Sendable (String) -> Void
        /// Whether standard output is a terminal (text reports are coloured only then).
        public var isTerminal: Bool

        public init(
            standardOutput: @escaping @Sendable (String) -> Void, standardError: @escaping @Sendable (String) -> Void,
            isTerminal: Bool = false
        ) {
            self.standardOutput = standardOutput
            self.standardError = standardError
            self.isTerminal = isTerminal
        }

        /// The process's own streams.
        public static var process: Output {
            Output(
                standardOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
                standardError: { FileHandle.standardError.write(Data($0.utf8)) },
                isTerminal: isatty(STDOUT_FILENO) != 0)
        }
    }

    let output: Output
    /// Reads a file; tests may substitute one.
    let readFile: @Sendable (String) throws -> [UInt8]
    /// The process environment (`NO_COLOR` is read from it).
    let environment: [String: String]
    /// The day baseline expiries are judged on.
    let today: CalendarDay

    public init(
        output: Output = .process, readFile: @escaping @Sendable (String) throws -> [UInt8] = CommandLineTool.readFromDisk,
        environment: [String: String] = ProcessInfo.processInfo.environment, today: CalendarDay = CommandLineTool.currentDay()
    ) {
        self.output = output
        self.readFile = readFile
        self.environment = environment
        self.today = today
    }

    /// Today in UTC, so a baseline expires at the same moment on every runner.
    public static func currentDay() -> CalendarDay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return .unixEpoch }
        return CalendarDay(year: year, month: month, day: day) ?? .unixEpoch
    }

    /// The layout of text going to standard output: coloured on a terminal unless
    /// `NO_COLOR` is set (to anything but the empty string, as no-color.org says).
    var terminalLayout: TextLayout {
        TextLayout(colour: output.isTerminal && (environment["NO_COLOR"] ?? "").isEmpty)
    }

    /// Runs one command line (without the program name) and returns the exit status.
    public func run(_ arguments: [String]) -> ExitCode {
        do {
            return try dispatch(arguments)
        } catch let error as UsageError {
            output.standardError("exposure: error: \(error.message)\nRun 'exposure help' for usage.\n")
            return .usage
        } catch let failure as InputFailure {
            printDiagnostics(failure.diagnostics)
            output.standardError("exposure: \(failure.summary)\n")
            return failure.exitCode
        } catch {
            output.standardError("exposure: internal error: \(error)\n")
            return .internalError
        }
    }

    private func dispatch(_ arguments: [String]) throws -> ExitCode {
        guard let command = arguments.first else {
            output.standardOutput(Usage.main + "\n")
            return .success
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "analyze": return try analyze(rest)
        case "trace": return try trace(rest)
        case "convert": return try convert(rest)
        case "baseline": return try baseline(rest)
        case "diff": return try diff(rest)
        case "help", "-h", "--help":
            switch rest.first {
            case "analyze": output.standardOutput(Usage.analyze + "\n")
            case "trace": output.standardOutput(Usage.trace + "\n")
            case "convert": output.standardOutput(Usage.convert + "\n")
            case "baseline": output.standardOutput(Usage.baseline + "\n")
            case "diff": output.standardOutput(Usage.diff + "\n")
            case nil: output.standardOutput(Usage.main + "\n")
            case let other?: throw UsageError("unknown command '\(other)'" + suggestion(for: other))
            }
            return .success
        case "--version", "version":
            output.standardOutput(Usage.version + "\n")
            return .success
        default:
            throw UsageError("unknown command '\(command)'" + suggestion(for: command))
        }
    }

    private func suggestion(for command: String) -> String {
        EditDistance.closest(to: command, among: ["analyze", "diff", "baseline", "trace", "convert", "help"]).map { "; did you mean '\($0)'?" } ?? ""
    }

    static let formatOption = ParsedArguments.OptionSpec(name: "format", takesValue: true, choices: ["text", "json"])
    static let helpOption = ParsedArguments.OptionSpec(name: "help", short: "h", takesValue: false)

    static let tenantTagOption = ParsedArguments.OptionSpec(name: "tenant-tag", takesValue: true)
    static let tenantsOption = ParsedArguments.OptionSpec(name: "tenants", takesValue: true)

    /// `--tenant-tag` and `--tenants`, the mapping file read and checked.
    func tenantOptions(_ parsed: ParsedArguments) throws -> TenantOptions {
        var options = TenantOptions(tag: parsed.value("tenant-tag"))
        if let path = parsed.value("tenants") {
            let bytes = try readInput(path, summary: "no report written")
            do {
                options.mapping = try TenantMapping.load(bytes, file: path)
            } catch {
                throw InputFailure(exitCode: .dataError, diagnostics: error.diagnostics, summary: "\(path) is not a valid tenant mapping; no report written")
            }
        }
        return options
    }

    /// Loads what one command-line input names: a file of any supported format, a folder
    /// of AWS CLI outputs, or a folder of native topology files (one input each). A JSON
    /// Schema file is skipped with a note (so `topologies/*.json` can be analysed).
    func loadInputs(_ path: String, tenants: TenantOptions) throws -> [InputLoader.Loaded] {
        var isDirectory: ObjCBool = false
        let isFolder = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        do {
            if isFolder {
                let files = try InputFile.jsonFiles(below: path) { try readInput($0, summary: "no report written") }
                guard !files.isEmpty else {
                    throw InputFailure(
                        exitCode: .noInput,
                        diagnostics: [Diagnostic(severity: .error, file: path, message: "the folder holds no .json files; expected AWS CLI describe-* outputs or native topology files (see the README)")],
                        summary: "no report written")
                }
                return try InputLoader.loadAll(folder: path, files: files, tenants: tenants)
            }
            let bytes = try readInput(path, summary: "no report written")
            let name = path.split(separator: "/").last.map(String.init) ?? path
            return [try InputLoader.load(file: InputFile(path: path, relativePath: name, bytes: bytes), tenants: tenants)]
        } catch let failure as LoadFailure where failure.isJSONSchema {
            printDiagnostics(failure.diagnostics)
            return []
        } catch let failure as LoadFailure {
            let errors = failure.errors.count
            throw InputFailure(
                exitCode: .dataError, diagnostics: failure.diagnostics,
                summary: "\(path) is invalid (\(errors) error\(errors == 1 ? "" : "s")); no report written")
        }
    }

    /// Loads the one input a command that takes one (`trace`, `convert`) names.
    func loadInput(_ path: String, tenants: TenantOptions) throws -> InputLoader.Loaded {
        let loaded = try loadInputs(path, tenants: tenants)
        guard loaded.count == 1, let only = loaded.first else {
            let message = loaded.isEmpty
                ? "\(path) holds no input (a JSON Schema is not a topology)"
                : "\(path) holds \(loaded.count) native topology files; name the one to use"
            throw InputFailure(exitCode: .dataError, diagnostics: [Diagnostic(severity: .error, file: path, message: message)], summary: "nothing done")
        }
        return only
    }

    /// Reads an input file, or fails with exit status 66 and `summary`.
    func readInput(_ path: String, summary: String) throws -> [UInt8] {
        do {
            return try readFile(path)
        } catch {
            throw InputFailure(
                exitCode: .noInput,
                diagnostics: [Diagnostic(severity: .error, file: path, message: "cannot read the file (\(CommandLineTool.describe(error)))")],
                summary: summary)
        }
    }

    static func describe(_ error: Error) -> String {
        if let oversized = error as? OversizedFile { return oversized.description }
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError || nsError.code == 260 {
            return "no such file"
        }
        return nsError.localizedDescription
    }

    /// Writes a report to standard output or, atomically, to `--output`.
    func emit(_ text: String, to path: String?) throws {
        guard let path else {
            output.standardOutput(text)
            return
        }
        try ReportOutputs.writeFiles([(path, text)])
    }
}

/// An input that cannot be used, with everything wrong in it.
struct InputFailure: Error {
    let exitCode: ExitCode
    let diagnostics: [Diagnostic]
    let summary: String
}
