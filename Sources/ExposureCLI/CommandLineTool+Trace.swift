import ExposureAudit
import ExposureLoading
import ExposureModel
import ExposureReports
import ExposureSolver

/// `exposure trace`.
extension CommandLineTool {
    func trace(_ arguments: [String]) throws -> ExitCode {
        let parsed = try ParsedArguments(arguments, specs: [
            CommandLineTool.formatOption, CommandLineTool.helpOption,
            .init(name: "from", takesValue: true), .init(name: "to", takesValue: true),
            .init(name: "protocol", takesValue: true), .init(name: "port", takesValue: true),
            .init(name: "icmp-code", takesValue: true), .init(name: "flows", takesValue: true),
            CommandLineTool.tenantTagOption, CommandLineTool.tenantsOption,
        ])
        if parsed.has("help") {
            output.standardOutput(Usage.trace + "\n")
            return .success
        }
        guard parsed.positionals.count == 1, let path = parsed.positionals.first else {
            throw UsageError("trace needs exactly one INPUT, found \(parsed.positionals.count)")
        }
        let tenants = try tenantOptions(parsed)
        if let flows = parsed.value("flows") {
            for name in ["from", "to", "protocol", "port", "icmp-code"] where parsed.value(name) != nil {
                throw UsageError("--flows reads each flow from the file; drop '--\(name)'")
            }
            return try traceFlows(topologyPath: path, flowsPath: flows, tenants: tenants)
        }
        guard let from = parsed.value("from"), let to = parsed.value("to"),
            let protocolText = parsed.value("protocol")
        else { throw UsageError("trace needs --from, --to and --protocol (and --port for tcp/udp)") }
        let query = try CommandLineTool.query(
            from: from, to: to, protocolText: protocolText, port: parsed.value("port"), icmpCode: parsed.value("icmp-code"))
        let solver = Solver(topology: try loadTopology(path, tenants: tenants))
        let result: TraceResult
        do {
            result = try solver.trace(query)
        } catch {
            throw UsageError(error.message)
        }
        output.standardOutput(parsed.value("format") == "json" ? TraceRenderer.json(result) : TraceRenderer.text(result))
        return .success
    }

    /// Loads one input for `trace`, printing its warnings; an input that holds no network
    /// is invalid, as for `analyze`.
    private func loadTopology(_ path: String, tenants: TenantOptions) throws -> Topology {
        let loaded = try loadInput(path, tenants: tenants)
        printDiagnostics(loaded.diagnostics)
        return loaded.topology
    }

    /// Builds a query from its textual parts, rejecting what cannot be a flow.
    static func query(from: String, to: String, protocolText: String, port: String?, icmpCode: String?) throws(UsageError) -> TraceQuery {
        guard let ipProtocol = IPProtocol(parsing: protocolText), case .number(let number) = ipProtocol else {
            throw UsageError("invalid protocol '\(protocolText)'; choose one of: tcp, udp, icmp, icmpv6, or a number 0-255")
        }
        let keys: ClosedRange<UInt16>
        if ipProtocol.hasPorts {
            guard let port else { throw UsageError("--port is required for \(ipProtocol)") }
            guard let value = UInt16(port), value >= 1 else { throw UsageError("invalid port '\(port)'; expected 1-65535") }
            keys = value...value
        } else if ipProtocol.isICMP {
            let type = try port.map { text throws(UsageError) -> UInt8 in
                guard let value = UInt8(text) else { throw UsageError("invalid ICMP type '\(text)'; expected 0-255") }
                return value
            }
            let code = try icmpCode.map { text throws(UsageError) -> UInt8 in
                guard let value = UInt8(text) else { throw UsageError("invalid ICMP code '\(text)'; expected 0-255") }
                return value
            }
            keys = ICMPMatch(type: type ?? 8, code: code ?? (type == nil ? 0 : nil)).keys
        } else {
            if port != nil { throw UsageError("protocol \(ipProtocol) has no ports; drop --port") }
            keys = 0...65535
        }
        return TraceQuery(source: try source(from), destination: try destination(to), protocolNumber: number, keys: keys)
    }

    static func source(_ text: String) throws(UsageError) -> TraceQuery.Source {
        if let zone = Zone(parsing: text) { return .zone(zone) }
        if ["tenant:", "onprem:", "vpc:", "outside:"].contains(where: text.hasPrefix) {
            throw UsageError("invalid zone '\(text)': a name must follow the colon")
        }
        if let address = try address(text, option: "--from") { return .address(address) }
        return .resource(text)
    }

    static func destination(_ text: String) throws(UsageError) -> TraceQuery.Destination {
        if let address = try address(text, option: "--to") { return .address(address) }
        return .resource(text)
    }

    /// The address `text` holds; `nil` for text that is not written like an address (an
    /// id); an error for text that is, but is not a valid one (`999.1.1.1`, `10.0.0.0/8`).
    private static func address(_ text: String, option: String) throws(UsageError) -> IPAddress? {
        if let address = IPAddress(text) { return address }
        let looksLikeIPv4 = text.contains(".") && text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "/") }
        let looksLikeIPv6 = text.contains(":") && text.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." || $0 == "/" }
        guard looksLikeIPv4 || looksLikeIPv6 else { return nil }
        if text.contains("/") {
            throw UsageError("invalid address '\(text)' for \(option): expected one address, not a CIDR block")
        }
        throw UsageError("invalid address '\(text)' for \(option): expected an IPv4 address such as 10.0.1.5 or an IPv6 address such as 2600:1f18::5")
    }

    /// Answers every flow of a JSON-lines file against one loaded topology. A line that is
    /// not a valid flow, or names nothing in the topology, gets an error object on its own
    /// line; the others are answered, and the status is 64 when any line was an error.
    private func traceFlows(topologyPath: String, flowsPath: String, tenants: TenantOptions) throws -> ExitCode {
        let solver = Solver(topology: try loadTopology(topologyPath, tenants: tenants))
        let bytes = try readInput(flowsPath, summary: "no verdict written")
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var errors = 0
        for (index, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let number = index + 1
            switch CommandLineTool.flowQuery(String(line), file: flowsPath, line: number) {
            case .failure(let failure):
                errors += 1
                output.standardOutput(TraceRenderer.errorLine(line: number, message: failure.message, flow: failure.flow) + "\n")
                output.standardError("\(failure.diagnostic)\n")
            case .success(let (query, flow)):
                do {
                    output.standardOutput(TraceRenderer.jsonLine(try solver.trace(query), flow: flow) + "\n")
                } catch {
                    errors += 1
                    output.standardOutput(TraceRenderer.errorLine(line: number, message: error.message, flow: flow) + "\n")
                    let diagnostic = Diagnostic(severity: .error, file: flowsPath, location: SourceLocation(line: number, column: 1), message: error.message)
                    output.standardError("\(diagnostic)\n")
                }
            }
        }
        guard errors == 0 else {
            output.standardError("exposure: \(errors) line\(errors == 1 ? "" : "s") of \(flowsPath) could not be traced\n")
            return .usage
        }
        return .success
    }

    /// A `--flows` line that is not a flow the topology can answer.
    struct FlowFailure: Error {
        let diagnostic: Diagnostic
        let flow: TraceRenderer.Flow?
        var message: String { (diagnostic.path.map { "\($0): " } ?? "") + diagnostic.message }
    }

    /// The keys a `--flows` line may have.
    static let flowKeys: Set<String> = ["from", "to", "protocol", "port", "icmpCode"]

    /// Reads one `{"from":..,"to":..,"protocol":..,"port":..}` line.
    static func flowQuery(_ line: String, file: String, line number: Int) -> Result<(TraceQuery, TraceRenderer.Flow), FlowFailure> {
        let value: JSONValue
        do {
            value = try JSONReader.parse(Array(line.utf8))
        } catch {
            let diagnostic = Diagnostic(severity: .error, file: file, location: SourceLocation(line: number, column: error.location.column), message: "invalid JSON: \(error.message)")
            return .failure(FlowFailure(diagnostic: diagnostic, flow: nil))
        }
        let cursor = JSONCursor(value: value, file: file)
        func located(_ diagnostic: Diagnostic) -> Diagnostic {
            Diagnostic(severity: .error, file: file, path: diagnostic.path, location: SourceLocation(line: number, column: diagnostic.location?.column ?? 1), message: diagnostic.message)
        }
        var flow: TraceRenderer.Flow?
        do throws(Diagnostic) {
            guard case .object = value.kind else { throw cursor.error("expected a flow object, found \(value.kindName)") }
            if let unknown = cursor.unknownKeyWarnings(known: flowKeys).first {
                throw Diagnostic(severity: .error, file: file, path: unknown.path, location: unknown.location, message: unknown.message.replacingOccurrences(of: " is ignored", with: ""))
            }
            let port = try cursor.field("port")?.int()
            let code = try cursor.field("icmpCode")?.int()
            let protocolCursor = try cursor.requiredField("protocol")
            let protocolText: String
            if case .number = protocolCursor.value.kind { protocolText = String(try protocolCursor.int()) } else { protocolText = try protocolCursor.string() }
            let from = try cursor.requiredField("from").string()
            let to = try cursor.requiredField("to").string()
            flow = TraceRenderer.Flow(from: from, to: to, protocol: protocolText, port: port, icmpCode: code)
            do {
                let query = try query(from: from, to: to, protocolText: protocolText, port: port.map(String.init), icmpCode: code.map(String.init))
                return .success((query, TraceRenderer.Flow(from: from, to: to, protocol: protocolText, port: port, icmpCode: code)))
            } catch {
                throw Diagnostic(severity: .error, file: file, path: "$", location: SourceLocation(line: number, column: 1), message: error.message)
            }
        } catch {
            return .failure(FlowFailure(diagnostic: located(error), flow: flow))
        }
    }
}
