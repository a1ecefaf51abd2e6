import Foundation
import Synchronization
import Testing
@testable import ExposureCLI
@testable import ExposureModel

/// `baseline`, `analyze --baseline`, `diff`, and reports written in several formats at once.
@Suite("Baseline, diff and report outputs")
struct ReviewCommandTests {
    /// A scratch folder, removed by the caller.
    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("exposure-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// bpa-evasion with its primary group's ingress rules changed by `edit`.
    static func evasion(in folder: URL, named name: String, _ edit: (inout [[String: Any]]) -> Void) throws -> String {
        let data = try Data(contentsOf: CLIHarness.root.appendingPathComponent("topologies/bpa-evasion.json"))
        guard var document = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            var groups = document["securityGroups"] as? [[String: Any]], var rules = groups[0]["ingress"] as? [[String: Any]]
        else { throw CocoaError(.fileReadCorruptFile) }
        edit(&rules)
        groups[0]["ingress"] = rules
        document["securityGroups"] = groups
        let path = folder.appendingPathComponent(name).path
        try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func baselineEntries(_ path: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["accepted"] as? [[String: Any]] ?? []
    }

    static func writeBaseline(_ entries: [[String: Any]], to path: String) throws {
        let document: [String: Any] = ["baselineVersion": 1, "accepted": entries]
        try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
    }

    @Test("A baseline of every finding passes the gate, and says so")
    func baselineAccepts() throws {
        let folder = try ReviewCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("baseline.json").path
        let written = CLIHarness.run(["baseline", "topologies/bpa-evasion.json", "-o", file, "--reason", "lab account"])
        #expect(written.status == .success)
        #expect(written.standardError.contains("8 findings written"))
        #expect(try ReviewCommandTests.baselineEntries(file).count == 8)
        let gated = CLIHarness.run(["analyze", "topologies/bpa-evasion.json", "--baseline", file])
        #expect(gated.status == .success)
        #expect(gated.standardOutput.contains("8 accepted by the baseline"))
        #expect(gated.standardOutput.contains("accepted: with no end date: lab account"))
        let json = CLIHarness.run(["analyze", "topologies/bpa-evasion.json", "--baseline", file, "--format", "json"])
        #expect(json.standardOutput.contains("\"gate\" : \"accepted\""))
        #expect(!json.standardOutput.contains("\"gate\" : \"fail\""))
    }

    @Test("An expired acceptance fails again; one that ends today still holds")
    func baselineExpires() throws {
        let folder = try ReviewCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("baseline.json").path
        _ = CLIHarness.run(["baseline", "topologies/bpa-evasion.json", "-o", file, "--reason", "r"])
        var entries = try ReviewCommandTests.baselineEntries(file)
        for index in entries.indices { entries[index]["expires"] = "2026-12-02" }
        try ReviewCommandTests.writeBaseline(entries, to: file)
        #expect(CLIHarness.run(["analyze", "topologies/bpa-evasion.json", "--baseline", file]).status == .success)
        let later = CLIHarness.run(["analyze", "topologies/bpa-evasion.json", "--baseline", file], today: CalendarDay("2026-12-03") ?? .unixEpoch)
        #expect(later.status == .findings)
        #expect(later.standardError.contains("expired after 2026-12-02"))
        #expect(later.standardOutput.contains("the acceptance has lapsed, so it fails the gate again"))
    }

    @Test("A baseline entry that matches nothing is reported as stale and does not fail")
    func baselineStale() throws {
        let folder = try ReviewCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("baseline.json").path
        _ = CLIHarness.run(["baseline", "topologies/bpa-evasion.json", "-o", file, "--reason", "r"])
        let entries = try ReviewCommandTests.baselineEntries(file) + [["id": "0123456789abcdef", "reason": "gone", "rule": "public-exposure"]]
        try ReviewCommandTests.writeBaseline(entries, to: file)
        let result = CLIHarness.run(["analyze", "topologies/bpa-evasion.json", "--baseline", file])
        #expect(result.status == .success)
        #expect(result.standardError.contains("stale entry: finding 0123456789abcdef (public-exposure)"))
        #expect(result.standardOutput.contains("Stale baseline entries"))
    }

    @Test("Rewriting a baseline keeps the reasons of findings still there")
    func baselineRewriteKeepsReasons() throws {
        let folder = try ReviewCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("baseline.json").path
        _ = CLIHarness.run(["baseline", "topologies/bpa-evasion.json", "-o", file, "--reason", "first"])
        let again = CLIHarness.run(["baseline", "topologies/bpa-evasion.json", "-o", file, "--reason", "second"])
        #expect(again.standardError.contains("8 keeping their earlier reasons"))
        #expect(try ReviewCommandTests.baselineEntries(file).allSatisfy { $0["reason"] as? String == "first" })
    }

    @Test("A malformed baseline is an error with its place", arguments: [
        (#"{"baselineVersion": 1, "accepted": [{"id": "xyz", "reason": ""}]}"#, "1:44: error: $.accepted[0].id: expected a finding id"),
        (#"{"baselineVersion": 1, "accepted": [{"id": "0123456789abcdef", "reason": "", "expire": "2027-01-01"}]}"#, "unknown field \"expire\"; did you mean \"expires\"?"),
        (#"{"baselineVersion": 1, "accepted": [{"id": "0123456789abcdef", "reason": "", "expires": "2027-02-30"}]}"#, "expected the last day the acceptance holds as YYYY-MM-DD"),
        (#"{"baselineVersion": 2, "accepted": []}"#, "unsupported baselineVersion"),
        (#"{"baselineVersion": 1, "accepted": [{"id": "0123456789abcdef"}]}"#, "missing required field \"reason\""),
    ])
    func baselineInvalid(text: String, expected: String) throws {
        let folder = try ReviewCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("baseline.json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let result = CLIHarness.run(["analyze", "topologies/bpa-evasion.json", "--baseline", file])
        #expect(result.status == .dataError)
        #expect(result.standardError.contains(expected))
        #expect(result.standardOutput.isEmpty)
    }

    @Test("diff: a change that opens a port fails and names it; the reverse closes it and passes")
    func diffOpensAndCloses() throws {
        let folder = try ReviewCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try ReviewCommandTests.evasion(in: folder, named: "before.json") { _ in }
        let after = try ReviewCommandTests.evasion(in: folder, named: "after.json") { rules in
            rules.append(["protocol": "tcp", "ports": 8890, "cidr": "0.0.0.0/1"])
        }
        let opened = CLIHarness.run(["diff", before, after])
        #expect(opened.status == .findings)
        #expect(opened.standardError.contains("this change introduces critical public-exposure"))
        #expect(opened.standardError.contains("allow tcp 8890 from 0.0.0.0/1 opens tcp 8890 on 1 node of j-EVADE from internet"))
        #expect(opened.standardOutput.contains("This change opens 1 exposure and closes 0"))
        #expect(opened.standardOutput.contains("OPEN    from internet: tcp 8890 (Zeppelin)"))
        let closed = CLIHarness.run(["diff", after, before, "--format", "json"])
        #expect(closed.status == .success)
        let document = try JSONSerialization.jsonObject(with: Data(closed.standardOutput.utf8)) as? [String: Any]
        #expect((document?["opened"] as? [Any])?.isEmpty == true)
        #expect((document?["closed"] as? [[String: Any]])?.first?["ports"] as? [[String: Int]] == [["from": 8890, "to": 8890]])
        #expect((document?["resolved"] as? [Any])?.count == 1)
        #expect((document?["introduced"] as? [Any])?.isEmpty == true)
        let same = CLIHarness.run(["diff", before, before])
        #expect(same.status == .success)
        #expect(same.standardOutput.contains("This change opens 0 exposures and closes 0; it introduces 0 findings"))
    }

    @Test("diff: moving an exposure to another port closes one and opens the other")
    func diffMoves() throws {
        let folder = try ReviewCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try ReviewCommandTests.evasion(in: folder, named: "before.json") { _ in }
        let after = try ReviewCommandTests.evasion(in: folder, named: "after.json") { rules in
            for index in rules.indices where rules[index]["ports"] as? Int == 8998 { rules[index]["ports"] = 8999 }
        }
        let result = CLIHarness.run(["diff", before, after, "--format", "json", "--fail-on", "none"])
        #expect(result.status == .success)
        let document = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let ports = { (key: String) in ((document?[key] as? [[String: Any]]) ?? []).compactMap { ($0["ports"] as? [[String: Int]])?.first?["from"] } }
        #expect(ports("opened") == [8999])
        #expect(ports("closed") == [8998])
        #expect((document?["introduced"] as? [Any])?.count == 1)
        #expect((document?["resolved"] as? [Any])?.count == 1)
        #expect((document?["unchanged"] as? [Any])?.count == 7)
    }

    @Test("diff takes two inputs")
    func diffNeedsTwo() {
        let result = CLIHarness.run(["diff", "topologies/bpa-evasion.json"])
        #expect(result.status == .usage)
        #expect(result.standardError.contains("diff needs two inputs"))
    }

    @Test("Several --format/-o pairs write every report from one analysis")
    func severalOutputs() throws {
        let folder = try ReviewCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = ["r.txt", "r.json", "r.sarif", "r.md", "r.xml"].map { folder.appendingPathComponent($0).path }
        let result = CLIHarness.run([
            "analyze", "topologies/bpa-evasion.json", "--fail-on", "none", "--format", "text", "-o", paths[0], "--format", "json", "-o", paths[1],
            "--format", "sarif", "-o", paths[2], "--format", "markdown", "-o", paths[3], "-o", paths[4],
        ])
        #expect(result.status == .success)
        #expect(result.standardOutput.isEmpty)
        for (path, format) in zip(paths, ["text", "json", "sarif", "markdown", "junit"]) {
            let alone = CLIHarness.run(["analyze", "topologies/bpa-evasion.json", "--fail-on", "none", "--format", format])
            #expect(try String(contentsOfFile: path, encoding: .utf8) == alone.standardOutput, "\(format)")
        }
    }

    @Test("A report that cannot be written leaves every earlier report untouched (status 73)")
    func atomicWrites() throws {
        let folder = try ReviewCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let kept = folder.appendingPathComponent("kept.json").path
        try Data("earlier".utf8).write(to: URL(fileURLWithPath: kept))
        let result = CLIHarness.run([
            "analyze", "topologies/bpa-evasion.json", "--format", "json", "-o", kept,
            "--format", "sarif", "-o", folder.appendingPathComponent("missing/out.sarif").path,
        ])
        #expect(result.status == .cannotCreate)
        #expect(result.standardError.contains("cannot write the report"))
        #expect(try String(contentsOfFile: kept, encoding: .utf8) == "earlier")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("Several reports are all written or none: a folder in the way of the last leaves the first untouched")
    func allOrNone() throws {
        let folder = try ReviewCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let kept = folder.appendingPathComponent("kept.json").path
        try Data("earlier".utf8).write(to: URL(fileURLWithPath: kept))
        let blocking = folder.appendingPathComponent("report.sarif")
        try FileManager.default.createDirectory(at: blocking, withIntermediateDirectories: false)
        let result = CLIHarness.run([
            "analyze", "topologies/bpa-evasion.json", "--format", "json", "-o", kept, "--format", "sarif", "-o", blocking.path,
        ])
        #expect(result.status == .cannotCreate)
        #expect(result.standardError.contains("cannot write the report (it is a folder)"))
        #expect(try String(contentsOfFile: kept, encoding: .utf8) == "earlier")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["kept.json", "report.sarif"])
    }

    @Test("An invalid input leaves an earlier report untouched")
    func invalidInputKeepsReport() throws {
        let folder = try ReviewCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("broken.json")
        try Data(#"{"formatVersion": 1, "vpcs": [{"id": "vpc-1", "cidrs": ["10.0.0.0"]}]}"#.utf8).write(to: input)
        let kept = folder.appendingPathComponent("report.json").path
        try Data("earlier".utf8).write(to: URL(fileURLWithPath: kept))
        let result = CLIHarness.run(["analyze", input.path, "--format", "json", "-o", kept])
        #expect(result.status == .dataError)
        #expect(try String(contentsOfFile: kept, encoding: .utf8) == "earlier")
    }

    @Test("At most 50 diagnostics are printed, then how many more")
    func diagnosticsAreCapped() throws {
        let folder = try ReviewCommandTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("many.json")
        let subnets = (0..<120).map { #"{"id": "subnet-\#($0)", "vpc": "vpc-missing", "cidrs": ["10.0.\#($0).0/24"], "availabilityZone": "a"}"# }
        try Data(#"{"formatVersion": 1, "unknownA": 1, "unknownB": 2, "subnets": [\#(subnets.joined(separator: ","))]}"#.utf8).write(to: input)
        let result = CLIHarness.run(["analyze", input.path])
        #expect(result.status == .dataError)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.filter { $0.contains(": error: ") || $0.contains(": warning: ") }.count == 50)
        #expect(lines.contains("exposure: and 70 errors and 2 warnings more, not shown"))
    }

    @Test("Two reports for standard output, or two for one file, are usage errors", arguments: [
        ["--format", "json", "--format", "sarif"], ["-o", "x.json", "--format", "sarif", "-o", "x.json"],
    ])
    func outputConflicts(options: [String]) {
        let result = CLIHarness.run(["analyze", "topologies/bpa-evasion.json"] + options)
        #expect(result.status == .usage)
    }

    @Test("Text is coloured only on a terminal with NO_COLOR unset", arguments: [
        (true, [String: String](), true), (true, ["NO_COLOR": "1"], false), (false, [:], false),
    ])
    func colour(isTerminal: Bool, environment: [String: String], coloured: Bool) {
        let out = Mutex("")
        let tool = CommandLineTool(
            output: .init(standardOutput: { text in out.withLock { $0 += text } }, standardError: { _ in }, isTerminal: isTerminal),
            readFile: { try CommandLineTool.readFromDisk(CLIHarness.root.appendingPathComponent($0).path) },
            environment: environment, today: CLIHarness.today)
        _ = tool.run(["analyze", "topologies/bpa-evasion.json", "--fail-on", "none"])
        #expect(out.withLock { $0 }.contains("\u{1B}[1;31mCRITICAL\u{1B}[0m") == coloured)
    }

    @Test("The text report fits 100 columns and shows each hop once", arguments: CLIHarness.exampleTopologies)
    func textFits(topology: String) {
        let text = CLIHarness.run(["analyze", topology, "--fail-on", "none", "--all-interfaces"]).standardOutput
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 100 })
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated().dropFirst() where line.contains("-> ") && line.contains(" [") {
            #expect(line != lines[index - 1], "hop repeated: \(line)")
        }
    }
}
