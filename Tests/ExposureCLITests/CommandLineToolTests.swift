import Foundation
import Testing
@testable import ExposureCLI

@Suite("Command line")
struct CommandLineToolTests {
    @Test("Help and version go to standard output with status 0", arguments: [["--help"], ["help"], ["help", "trace"], ["analyze", "-h"], ["--version"]])
    func help(arguments: [String]) {
        let result = CLIHarness.run(arguments)
        #expect(result.status == .success)
        #expect(!result.standardOutput.isEmpty)
        #expect(result.standardError.isEmpty)
    }

    @Test("The usage text is stable")
    func usageSnapshot() {
        let result = CLIHarness.run(["help"])
        #expect(result.standardOutput.hasPrefix("exposure: which ports of your Amazon EMR clusters"))
        #expect(result.standardOutput.contains("exposure trace INPUT --flows FLOWS.jsonl"))
        #expect(result.standardOutput.contains("exposure convert INPUT [--output FILE]"))
    }

    @Test("convert writes a native topology that analyses to the same report")
    func convertRoundTrip() throws {
        let input = "Tests/ExposureKitTests/Fixtures/aws"
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("exposure-convert-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let converted = CLIHarness.run(["convert", input, "-o", output])
        #expect(converted.status == .success)
        #expect(converted.standardError.contains("i-0old is stopped"))
        let direct = CLIHarness.run(["analyze", input, "--format", "json"])
        let viaNative = CLIHarness.run(["analyze", output, "--format", "json"])
        #expect(direct.status == .success)
        #expect(viaNative.status == .success)
        // The reports differ only in the input's name and the importer's warnings.
        let exposures = { (text: String) in text.components(separatedBy: "\"exposures\"").dropFirst().first?.components(separatedBy: "\"input\"").first }
        #expect(exposures(direct.standardOutput) != nil)
        #expect(exposures(direct.standardOutput) == exposures(viaNative.standardOutput))
    }

    @Test("A tenant mapping with a misspelt section is an error; status 65")
    func badTenantMapping() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("exposure-tenants-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(#"{"acounts": {"1": "x"}}"#.utf8).write(to: URL(fileURLWithPath: path))
        let result = CLIHarness.run(["analyze", "Tests/ExposureKitTests/Fixtures/aws", "--tenants", path])
        #expect(result.status == .dataError)
        #expect(result.standardError.contains(#"unknown field "acounts"; did you mean "accounts"?"#))
    }

    @Test("An unknown option suggests the closest one; status 64")
    func unknownOption() {
        let result = CLIHarness.run(["analyze", "topologies/emr-public-subnet.json", "--formt", "json"])
        #expect(result.status == .usage)
        #expect(result.standardError.contains("unknown option '--formt'; did you mean '--format'?"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test("A bad enum value lists the valid choices")
    func badChoice() {
        let result = CLIHarness.run(["analyze", "topologies/emr-public-subnet.json", "--format=yaml"])
        #expect(result.status == .usage)
        #expect(result.standardError.contains("invalid value 'yaml' for '--format'; choose one of: text, json"))
    }

    @Test("An unknown command suggests the closest one")
    func unknownCommand() {
        let result = CLIHarness.run(["analyse", "x.json"])
        #expect(result.status == .usage)
        #expect(result.standardError.contains("did you mean 'analyze'?"))
    }

    @Test("'--' ends options, so a file named like an option can be read")
    func doubleDash() {
        let result = CLIHarness.run(["analyze", "--", "--not-a-file.json"])
        #expect(result.status == .noInput)
        #expect(result.standardError.contains("--not-a-file.json: error: cannot read the file"))
    }

    @Test("Invalid input exits 65 with located errors and writes no report")
    func invalidInput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("exposure-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.json")
        try Data(#"{"formatVersion": 1, "vpcs": [{"id": "vpc-1", "cidrs": ["10.0.0.0/33"]}]}"#.utf8).write(to: file)
        let report = folder.appendingPathComponent("out.txt")
        let result = CLIHarness.run(["analyze", file.path, "-o", report.path])
        #expect(result.status == .dataError)
        #expect(result.standardError.contains("bad.json:1:57: error: $.vpcs[0].cidrs[0]: expected an IPv4 or IPv6 CIDR"))
        #expect(!FileManager.default.fileExists(atPath: report.path))
    }

    @Test("trace prints the verdict as JSON with every field")
    func traceJSON() throws {
        let result = CLIHarness.run(["trace", "topologies/emr-public-subnet.json", "--from", "internet", "--to", "i-0b-primary", "--protocol", "tcp", "--port", "8088", "--format", "json"])
        #expect(result.status == .success)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(object["verdict"] as? String == "reachable")
        #expect(Set(object.keys).isSuperset(of: ["verdict", "path", "returnPath", "blockedBy", "reason"]))
    }

    @Test("--flows answers each line in order, loading the topology once")
    func flows() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("exposure-flows-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let flows = folder.appendingPathComponent("flows.jsonl")
        try Data("""
            {"from":"internet","to":"eni-0b-primary","protocol":"tcp","port":8088}
            {"from":"internet","to":"eni-0b-core1","protocol":"tcp","port":8042}
            {"from":"203.0.113.20","to":"eni-0b-primary","protocol":"tcp","port":22}
            """.utf8).write(to: flows)
        let result = CLIHarness.run(["trace", "topologies/emr-public-subnet.json", "--flows", flows.path])
        #expect(result.status == .success)
        let verdicts = result.standardOutput.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["verdict"] as? String
        }
        #expect(verdicts == ["reachable", "blocked", "reachable"])
    }

    @Test("A bad flow line gets an error object on its line, the others are answered, and the status is 64")
    func badFlow() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("exposure-flows-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let flows = folder.appendingPathComponent("flows.jsonl")
        try Data("""
            {"from":"internet","to":"eni-0b-primary","protocol":"tcp","port":22}
            {"from":"internet","protocol":"tcp"}

            {"from":"tenant:nobody","to":"eni-0b-primary","protocol":"tcp","port":22}
            {"from":"internet","to":"eni-0b-primary","protocol":"tcp","port":22,"prot":1}
            not json
            {"from":"internet","to":"eni-0b-primary","protocol":"tcp","port":8088}
            """.utf8).write(to: flows)
        let result = CLIHarness.run(["trace", "topologies/emr-public-subnet.json", "--flows", flows.path])
        #expect(result.status == .usage)
        let lines = result.standardOutput.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
        }
        // One output line per non-blank input line, in order.
        #expect(lines.count == 6)
        #expect(lines.map { $0["verdict"] as? String } == ["reachable", nil, nil, nil, nil, "reachable"])
        #expect(lines.map { $0["line"] as? Int } == [nil, 2, 4, 5, 6, nil])
        // Every verdict line repeats its flow.
        #expect((lines[0]["flow"] as? [String: Any])?["port"] as? Int == 22)
        #expect((lines[5]["flow"] as? [String: Any])?["port"] as? Int == 8088)
        #expect((lines[1]["error"] as? String)?.contains("missing required field \"to\"") == true)
        #expect((lines[2]["error"] as? String)?.contains("no tenant 'tenant:nobody' in the topology") == true)
        #expect((lines[3]["error"] as? String)?.contains("unknown field \"prot\"") == true)
        #expect((lines[4]["error"] as? String)?.contains("invalid JSON") == true)
        #expect(result.standardError.contains("flows.jsonl:2:1: error: $: missing required field \"to\""))
        #expect(result.standardError.contains("4 lines of"))
    }
}

/// `analyze --fail-on`, the CI gate.
@Suite("CI gate")
struct FailOnTests {
    @Test("A finding at or above the threshold exits 1 after writing the report")
    func failsAtThreshold() {
        let result = CLIHarness.run(["analyze", "topologies/bpa-evasion.json", "--fail-on", "critical"])
        #expect(result.status == .findings)
        #expect(result.standardOutput.contains("CRITICAL public-exposure j-EVADE"))
        #expect(result.standardError == "exposure: 2 findings at or above critical (--fail-on critical)\n")
    }

    @Test("No finding at or above the threshold exits 0")
    func passesBelowThreshold() {
        #expect(CLIHarness.run(["analyze", "topologies/vpn-onprem.json", "--fail-on", "high"]).status == .success)
        #expect(CLIHarness.run(["analyze", "topologies/emr-private-subnet.json", "--fail-on=info"]).status == .success)
    }

    @Test("A bad severity lists the choices")
    func badSeverity() {
        let result = CLIHarness.run(["analyze", "topologies/vpn-onprem.json", "--fail-on", "severe"])
        #expect(result.status == .usage)
        #expect(result.standardError.contains("critical, high, medium, low, info"))
    }
}
