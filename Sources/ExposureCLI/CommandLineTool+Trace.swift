import ExposureKit

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
        let loaded = try loadInput(path, tenants: tenants)
        let (topology, warnings) = (loaded.topology, loaded.diagnostics)
        for warning in warnings { output.standardError("\(warning)\n") }
        let result = Solver(topology: topology).trace(query)
        output.standardOutput(parsed.value("format") == "json" ? TraceRenderer.json(result) : TraceRenderer.text(result))
        return .success
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
        return TraceQuery(source: try source(from), destination: destination(to), protocolNumber: number, keys: keys)
    }

    static func source(_ text: String) throws(UsageError) -> TraceQuery.Source {
        if let zone = Zone(parsing: text) { return .zone(zone) }
        if text.hasPrefix("tenant:") || text.hasPrefix("onprem:") || text.hasPrefix("vpc:") {
            throw UsageError("invalid zone '\(text)'")
        }
        if let address = IPAddress(text) { return .address(address) }
        return .resource(text)
    }

    static func destination(_ text: String) -> TraceQuery.Destination {
        IPAddress(text).map(TraceQuery.Destination.address) ?? .resource(text)
    }

    /// Answers every flow of a JSON-lines file against one loaded topology.
    private func traceFlows(topologyPath: String, flowsPath: String, tenants: TenantOptions) throws -> ExitCode {
        let loaded = try loadInput(topologyPath, tenants: tenants)
        let (topology, warnings) = (loaded.topology, loaded.diagnostics)
        for warning in warnings { output.standardError("\(warning)\n") }
        let bytes = try readInput(flowsPath, summary: "no verdict written")
        var queries: [TraceQuery] = []
        var diagnostics: [Diagnostic] = []
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                queries.append(try CommandLineTool.flowQuery(String(line), file: flowsPath, line: index + 1))
            } catch let diagnostic as Diagnostic {
                diagnostics.append(diagnostic)
            }
        }
        guard diagnostics.isEmpty else {
            throw InputFailure(exitCode: .dataError, diagnostics: diagnostics, summary: "\(flowsPath) is invalid; no verdict written")
        }
        let solver = Solver(topology: topology)
        for query in queries { output.standardOutput(TraceRenderer.jsonLine(solver.trace(query)) + "\n") }
        return .success
    }

    /// Reads one `{"from":..,"to":..,"protocol":..,"port":..}` line.
    static func flowQuery(_ line: String, file: String, line number: Int) throws -> TraceQuery {
        let value: JSONValue
        do {
            value = try JSONReader.parse(Array(line.utf8))
        } catch {
            throw Diagnostic(severity: .error, file: file, location: SourceLocation(line: number, column: error.location.column), message: "invalid JSON: \(error.message)")
        }
        let cursor = JSONCursor(value: value, file: file)
        func located(_ diagnostic: Diagnostic) -> Diagnostic {
            Diagnostic(severity: .error, file: file, path: diagnostic.path, location: SourceLocation(line: number, column: diagnostic.location?.column ?? 1), message: diagnostic.message)
        }
        do {
            let portCursor = cursor.field("port")
            let port: String? = try portCursor.map { field throws(Diagnostic) in String(try field.int()) }
            let code: String? = try cursor.field("icmpCode").map { field throws(Diagnostic) in String(try field.int()) }
            let protocolCursor = try cursor.requiredField("protocol")
            let protocolText: String
            if case .number = protocolCursor.value.kind { protocolText = String(try protocolCursor.int()) } else { protocolText = try protocolCursor.string() }
            do {
                return try query(
                    from: try cursor.requiredField("from").string(), to: try cursor.requiredField("to").string(),
                    protocolText: protocolText, port: port, icmpCode: code)
            } catch let usage as UsageError {
                throw Diagnostic(severity: .error, file: file, path: "$", location: SourceLocation(line: number, column: 1), message: usage.message)
            }
        } catch let diagnostic as Diagnostic {
            throw located(diagnostic)
        }
    }
}
