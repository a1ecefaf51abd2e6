import ExposureModel
import ExposureReports
import Foundation

/// Where a command's reports go: each `--format X` with the `-o FILE` after it, a format
/// without a file to standard output, a file without a format in the format its name
/// suggests; written all together or not at all.
struct ReportOutputs {
    /// One report to write.
    struct Target: Equatable {
        let format: ReportFormat
        /// `nil` for standard output.
        let file: String?
    }

    let targets: [Target]

    /// The format and output options, as options for a command's specs.
    static let options: [ParsedArguments.OptionSpec] = [
        .init(name: "format", takesValue: true, choices: ReportFormat.allCases.map(\.rawValue), repeatable: true),
        .init(name: "output", short: "o", takesValue: true, repeatable: true),
    ]

    /// Pairs the options in command-line order: an `-o` takes the `--format` before it that
    /// has no file yet (with one of each, their order does not matter).
    ///
    /// - Throws: `UsageError` when two reports would go to standard output or one file
    ///   would get two reports.
    init(_ parsed: ParsedArguments) throws(UsageError) {
        let given = parsed.occurrences.filter { $0.name == "format" || $0.name == "output" }
        var targets: [Target] = []
        let formats = given.filter { $0.name == "format" }.compactMap { ReportFormat(rawValue: $0.value) }
        let files = given.filter { $0.name == "output" }.map(\.value)
        if formats.count == 1, files.count == 1, let format = formats.first {
            targets = [Target(format: format, file: files.first)]
        } else {
            var pending: ReportFormat?
            for occurrence in given {
                if occurrence.name == "format" {
                    if let earlier = pending { targets.append(Target(format: earlier, file: nil)) }
                    pending = ReportFormat(rawValue: occurrence.value)
                } else {
                    targets.append(Target(format: pending ?? ReportFormat(suggestedBy: occurrence.value), file: occurrence.value))
                    pending = nil
                }
            }
            if let last = pending { targets.append(Target(format: last, file: nil)) }
        }
        if targets.isEmpty { targets = [Target(format: .text, file: nil)] }
        let toStandardOutput = targets.filter { $0.file == nil }
        guard toStandardOutput.count <= 1 else {
            throw UsageError("\(toStandardOutput.map { "--format \($0.format.rawValue)" }.joined(separator: " and ")) would all go to standard output; give '-o FILE' after each '--format' but one")
        }
        let named = targets.compactMap(\.file)
        if let twice = named.first(where: { file in named.filter { $0 == file }.count > 1 }) {
            throw UsageError("'-o \(twice)' is given for two reports; give each report its own file")
        }
        self.targets = targets
    }

    /// Writes every report: the files together (see `writeFiles`), then standard output.
    ///
    /// - Throws: `InputFailure` (status 73) naming the file that could not be written.
    func write(_ render: (Target) -> String, standardOutput: (String) -> Void) throws {
        try ReportOutputs.writeFiles(targets.compactMap { target in target.file.map { ($0, render(target)) } })
        for target in targets where target.file == nil {
            standardOutput(render(target))
        }
    }

    /// Writes each text to a temporary file beside its destination, then renames them all
    /// into place: a failure to write leaves every earlier file as it was.
    ///
    /// - Throws: `InputFailure` with status 73 (cannot create) naming the file.
    static func writeFiles(_ files: [(path: String, text: String)]) throws {
        var staged: [(temporary: String, path: String)] = []
        func discard(_ files: ArraySlice<(temporary: String, path: String)>) {
            for file in files { try? FileManager.default.removeItem(atPath: file.temporary) }
        }
        for (path, text) in files {
            // A folder in the way would fail only at its rename, after earlier reports had
            // been replaced; refuse it while nothing is written.
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                discard(staged[...])
                throw failure(path, "it is a folder", written: 0, of: files.count)
            }
            let destination = URL(fileURLWithPath: path)
            let temporary = destination.deletingLastPathComponent()
                .appendingPathComponent(".\(destination.lastPathComponent).exposure-\(ProcessInfo.processInfo.processIdentifier).tmp").path
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            } catch {
                discard(staged[...])
                throw failure(path, CommandLineTool.describe(error), written: 0, of: files.count)
            }
            staged.append((temporary, path))
        }
        for (index, file) in staged.enumerated() where rename(file.temporary, file.path) != 0 {
            let reason = String(cString: strerror(errno))
            discard(staged[index...])
            throw failure(file.path, reason, written: index, of: files.count)
        }
    }

    private static func failure(_ file: String, _ reason: String, written: Int, of count: Int) -> InputFailure {
        InputFailure(
            exitCode: .cannotCreate,
            diagnostics: [Diagnostic(severity: .error, file: file, message: "cannot write the report (\(reason))")],
            summary: written == 0 ? (count > 1 ? "no report written" : "report not written") : "\(written) of \(count) reports written")
    }
}
