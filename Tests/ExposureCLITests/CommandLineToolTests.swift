import Foundation
import Testing
@testable import ExposureAudit
@testable import ExposureCLI
@testable import ExposureLoading
@testable import ExposureModel
@testable import ExposureReports
@testable import ExposureSolver

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
        let input = "Tests/ExposureLoadingTests/Fixtures/aws"
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("exposure-convert-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let converted = CLIHarness.run(["convert", input, "-o", output])
        #expect(converted.status == .success)
        #expect(converted.standardError.contains("i-0old is stopped"))
        let direct = CLIHarness.run(["analyze", input, "--format", "json"])
        let viaNative = CLIHarness.run(["analyze", output, "--format", "json"])
        #expect(direct.status == viaNative.status)
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
        let result = CLIHarness.run(["analyze", "Tests/ExposureLoadingTests/Fixtures/aws", "--tenants", path])
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
        #expect(result.standardOutput.contains("CRITICAL public-exposure sg-ev-primary"))
        #expect(result.standardError == "exposure: 2 findings at or above critical (--fail-on critical; --fail-on none never fails)\n")
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
        #expect(result.standardError.contains("critical, high, medium, low, info, none"))
    }

    @Test("Without --fail-on the gate fails at low, so info passes and every unknown fails", arguments: [
        ("topologies/vpn-onprem.json", ExitCode.findings),      // medium and info
        ("topologies/emr-private-subnet.json", .success),       // no finding
        ("topologies/partial-export.json", .findings),          // possible-exposure and input-incomplete
        ("topologies/repo-unknown-s3-addresses.json", .findings),  // repo-egress-unverified, low
    ])
    func defaultThreshold(topology: String, status: ExitCode) {
        let result = CLIHarness.run(["analyze", topology])
        #expect(result.status == status)
        if status == .findings {
            #expect(result.standardError.hasSuffix("at or above low (--fail-on low, the default; --fail-on none never fails)\n"))
        }
    }

    @Test("--fail-on none reports without failing")
    func never() {
        let result = CLIHarness.run(["analyze", "topologies/bpa-evasion.json", "--fail-on", "None"])
        #expect(result.status == .success)
        #expect(result.standardOutput.contains("CRITICAL public-exposure"))
        #expect(result.standardError.isEmpty)
    }

    @Test("--only-rule and --skip-rule select what is reported and what fails, repeated or with commas")
    func ruleSelection() {
        let only = CLIHarness.run(["analyze", "topologies/bpa-evasion.json", "--only-rule", "bpa-permitted-ports", "--fail-on", "high"])
        #expect(only.status == .success)
        #expect(only.standardOutput.contains("Findings: 1 medium"))
        let skipped = CLIHarness.run([
            "analyze", "topologies/emr-public-subnet.json", "--skip-rule", "bpa-violation,repo-egress-gap", "--skip-rule", "public-exposure",
        ])
        #expect(skipped.status == .success)
        #expect(skipped.standardOutput.contains("Findings: none"))
        let both = CLIHarness.run(["analyze", "topologies/emr-public-subnet.json", "--only-rule", "public-exposure,bpa-violation", "--skip-rule", "bpa-violation"])
        #expect(both.standardOutput.contains("Findings: 1 medium"))
    }

    @Test("A rule id that does not exist is a usage error listing the valid ids")
    func unknownRule() {
        let result = CLIHarness.run(["analyze", "topologies/vpn-onprem.json", "--skip-rule", "tenant-exposur"])
        #expect(result.status == .usage)
        #expect(result.standardError.contains("unknown rule 'tenant-exposur' for '--skip-rule'; did you mean 'tenant-exposure'? valid rules: bpa-violation, "))
        #expect(result.standardOutput.isEmpty)
    }
}

/// Queries that name nothing are usage errors, with the closest name (semantics, section 8).
@Suite("Trace usage errors")
struct TraceUsageTests {
    @Test("A zone, interface or instance the topology lacks, or an invalid address, exits 64 with a suggestion", arguments: [
        (["--from", "tenant:partnr", "--to", "eni-hub-primary"], "no tenant 'tenant:partnr' in the topology; did you mean 'tenant:partner'?"),
        (["--from", "eni-hub-primar", "--to", "eni-hub-primary"], "no interface or instance 'eni-hub-primar' in the topology; did you mean 'eni-hub-primary'?"),
        (["--from", "999.1.1.1", "--to", "eni-hub-primary"], "invalid address '999.1.1.1' for --from"),
        (["--from", "10.0.0.0/8", "--to", "eni-hub-primary"], "expected one address, not a CIDR block"),
        (["--from", "internet", "--to", "eni-nosuch"], "no interface or instance 'eni-nosuch' in the topology"),
        (["--from", "onprem:vpn-nope", "--to", "eni-hub-primary"], "no VPN connection 'onprem:vpn-nope' in the topology"),
        (["--from", "internet", "--to", "8.8.8.8"], "8.8.8.8 is outside the topology, and so is internet"),
        (["--from", "tenant:", "--to", "eni-hub-primary"], "invalid zone 'tenant:'"),
    ])
    func usageError(arguments: [String], message: String) {
        let result = CLIHarness.run(["trace", "topologies/peering-transit-hub.json"] + arguments + ["--protocol", "tcp", "--port", "8088"])
        #expect(result.status == .usage)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }

    @Test("A valid address outside the topology is a destination: the egress question")
    func egressTrace() {
        let result = CLIHarness.run(["trace", "topologies/emr-private-subnet.json", "--from", "eni-0primary", "--to", "8.8.8.8", "--protocol", "tcp", "--port", "443"])
        #expect(result.status == .success)
        #expect(result.standardOutput.hasPrefix("verdict: reachable\nreason:  reachable through nat-0a1 -> internet gateway\n"))
        #expect(result.standardOutput.contains("<- acl-private [network-acl] inbound rule 200 allow tcp 1024-65535 from 0.0.0.0/0"))
    }

    @Test("An unknown verdict names what is missing, with its export")
    func unknownTrace() {
        let result = CLIHarness.run(["trace", "topologies/partial-export.json", "--from", "10.80.1.1", "--to", "eni-pe-primary", "--protocol", "tcp", "--port", "8088", "--format", "json"])
        #expect(result.status == .success)
        #expect(result.standardOutput.contains(#""verdict" : "unknown""#))
        #expect(result.standardOutput.contains(#""exportCommand" : "aws ec2 describe-vpc-peering-connections --vpc-peering-connection-ids pcx-0partner""#))
    }
}

/// What the input leaves out fails the gate and shows in the report.
@Suite("Incomplete input in the report and the gate")
struct IncompleteReportTests {
    @Test("--fail-on is case-insensitive")
    func caseInsensitiveSeverity() {
        let result = CLIHarness.run(["analyze", "topologies/bpa-evasion.json", "--fail-on", "HIGH"])
        #expect(result.status == .findings)
        #expect(result.standardError.hasSuffix("at or above high (--fail-on high; --fail-on none never fails)\n"))
    }

    @Test("A possible exposure fails the gate")
    func unknownFailsGate() {
        #expect(CLIHarness.run(["analyze", "topologies/partial-export.json", "--fail-on", "medium"]).status == .findings)
    }

    @Test("Without an EMR cluster every interface is analysed, said in the header, and the gate works")
    func withoutCluster() {
        let result = CLIHarness.run(["analyze", "topologies/no-emr-cluster.json", "--fail-on", "low"])
        #expect(result.status == .findings)
        #expect(result.standardOutput.contains("4 interfaces analysed (every interface: the input has no EMR cluster)"))
    }

    @Test("topologies/*.json and the topologies folder are read as native files; the schema is skipped with a note")
    func nativeFolderAndGlob() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: CLIHarness.root.appendingPathComponent("topologies").path)
            .filter { $0.hasSuffix(".json") }.sorted().map { "topologies/\($0)" }
        let glob = CLIHarness.run(["analyze", "--fail-on", "none"] + names)
        #expect(glob.status == .success)
        #expect(glob.standardError.contains("topologies/topology.schema.json:1:1: warning: a JSON Schema, not an input; it is skipped"))
        let folder = CLIHarness.run(["analyze", "topologies", "--format", "json"])
        #expect(folder.status == .findings)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(folder.standardOutput.utf8)) as? [String: Any])
        let inputs = try #require(document["inputs"] as? [[String: Any]]).compactMap { $0["file"] as? String }
        #expect(inputs == CLIHarness.exampleTopologies)
    }

    @Test("Inputs that hold no network exit 65 and write nothing", arguments: [#"{"Reservations": []}"#, #"{"LoadBalancers": []}"#, #"{"formatVersion": 1}"#])
    func nothingToAnalyse(text: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("exposure-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(text.utf8).write(to: folder.appendingPathComponent("input.json"))
        for input in [folder.path, folder.appendingPathComponent("input.json").path] {
            let result = CLIHarness.run(["analyze", input, "--fail-on", "info"])
            #expect(result.status == .dataError)
            #expect(result.standardOutput.isEmpty)
            let said = ["nothing to analyse", "no VPC, subnet or network interface is recognised", "not a recognised input: expected"]
            #expect(said.contains { result.standardError.contains($0) }, "\(result.standardError)")
        }
    }

    @Test("The report carries the import warnings' count and what was not analysed, in text, JSON and -o")
    func importRecord() throws {
        let input = "Tests/ExposureLoadingTests/Fixtures/aws"
        let text = CLIHarness.run(["analyze", input])
        #expect(text.standardOutput.contains("Not analysed:\n  - i-0old (instance): it is stopped, not running"))
        #expect(text.standardOutput.contains("Import: 4 warnings, printed on standard error"))
        #expect(text.standardOutput.contains("Incomplete input: verdicts that depend on what is missing are unknown\n  - no describe-network-interfaces"))
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("exposure-report-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        // The export lacks describe-network-interfaces: an input-incomplete finding fails the default gate.
        #expect(CLIHarness.run(["analyze", input, "--format", "json", "-o", output]).status == .findings)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any])
        let report = try #require((document["inputs"] as? [[String: Any]])?.first)
        #expect(report["warningCount"] as? Int == 4)
        #expect((report["skipped"] as? [[String: Any]])?.first?["resource"] as? String == "i-0old")
        #expect((report["missingExports"] as? [[String: Any]])?.first?["call"] as? String == "describe-network-interfaces")
        #expect(document["schemaVersion"] as? Int == 4)
    }
}
