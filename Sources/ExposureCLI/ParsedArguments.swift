import ExposureAudit
import ExposureLoading
import ExposureModel
import ExposureReports
import ExposureSolver

/// A command line split into options and positional arguments.
///
/// Accepts `--name value`, `--name=value`, short aliases (`-o value`), flags, and `--`
/// after which everything is positional, as swift-argument-parser's `SplitArguments` does.
struct ParsedArguments {
    /// How one option is spelled and whether it takes a value.
    struct OptionSpec {
        let name: String
        var short: Character?
        var takesValue: Bool
        /// For an enum-valued option, the valid choices, listed on a bad value.
        var choices: [String]?
        var repeatable = false
    }

    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []
    /// Every option value in command-line order, for options whose values pair up
    /// (`--format X -o F --format Y -o G`).
    private(set) var occurrences: [(name: String, value: String)] = []

    /// Splits `arguments` against `specs`.
    ///
    /// - Throws: `UsageError` for unknown options (with a suggestion), missing values,
    ///   invalid choices, and repeated single-valued options.
    init(_ arguments: [String], specs: [OptionSpec]) throws(UsageError) {
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let token = arguments[index]
            index += 1
            if optionsEnded || token == "-" || !token.hasPrefix("-") {
                positionals.append(token)
                continue
            }
            if token == "--" {
                optionsEnded = true
                continue
            }
            var name: String
            var inlineValue: String?
            if token.hasPrefix("--") {
                let body = token.dropFirst(2)
                if let equals = body.firstIndex(of: "=") {
                    name = String(body[..<equals])
                    inlineValue = String(body[body.index(after: equals)...])
                } else {
                    name = String(body)
                }
            } else {
                guard token.count == 2, let short = token.last,
                    let spec = specs.first(where: { $0.short == short })
                else {
                    throw UsageError("unknown option '\(token)'" + ParsedArguments.suggestion(for: token, specs: specs))
                }
                name = spec.name
            }
            guard let spec = specs.first(where: { $0.name == name }) else {
                throw UsageError("unknown option '--\(name)'" + ParsedArguments.suggestion(for: name, specs: specs))
            }
            guard spec.takesValue else {
                if inlineValue != nil { throw UsageError("option '--\(name)' takes no value") }
                flags.insert(name)
                continue
            }
            var value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else { throw UsageError("option '--\(name)' needs a value") }
                value = arguments[index]
                index += 1
            }
            if let choices = spec.choices {
                // Choices are case-insensitive: `--fail-on HIGH` is `--fail-on high`.
                guard let choice = choices.first(where: { $0.lowercased() == value.lowercased() }) else {
                    throw UsageError("invalid value '\(value)' for '--\(name)'; choose one of: \(choices.joined(separator: ", "))")
                }
                value = choice
            }
            if !spec.repeatable, values[name] != nil {
                throw UsageError("option '--\(name)' is given more than once")
            }
            values[name, default: []].append(value)
            occurrences.append((name, value))
        }
    }

    private static func suggestion(for token: String, specs: [OptionSpec]) -> String {
        let bare = token.drop { $0 == "-" }
        guard let match = EditDistance.closest(to: String(bare), among: specs.map(\.name)) else { return "" }
        return "; did you mean '--\(match)'?"
    }

    /// The value of a single-valued option.
    func value(_ name: String) -> String? { values[name]?.last }

    /// Every value of a repeatable option, in order.
    func values(_ name: String) -> [String] { values[name] ?? [] }

    /// Whether a flag was given.
    func has(_ name: String) -> Bool { flags.contains(name) }
}

/// A command-line mistake, printed with the usage hint and exit status 64.
struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
