import Foundation
import Testing
@testable import ExposureCLI
@testable import ExposureReports

/// SARIF as GitHub code scanning takes it, the pull-request comment's limit, JUnit's counts.
@Suite("Review formats")
struct ReviewFormatTests {
    static func object(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    @Test("SARIF has the 2.1.0 schema's required properties, and each result points at its cause", arguments: CLIHarness.exampleTopologies)
    func sarifRequired(topology: String) throws {
        let log = ReviewFormatTests.object(CLIHarness.run(["analyze", topology, "--format", "sarif", "--fail-on", "none"]).standardOutput)
        #expect(log["version"] as? String == "2.1.0")
        let runs = log["runs"] as? [[String: Any]] ?? []
        #expect(runs.count == 1)
        let driver = (runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any]
        #expect(driver?["name"] as? String == "exposure")
        let rules = driver?["rules"] as? [[String: Any]] ?? []
        let ruleIDs = rules.compactMap { $0["id"] as? String }
        #expect(ruleIDs.count == rules.count && !rules.isEmpty)
        for rule in rules {
            #expect((rule["help"] as? [String: Any])?["text"] is String)
            #expect(rule["helpUri"] is String)
            #expect((rule["shortDescription"] as? [String: Any])?["text"] is String)
        }
        let results = runs.first?["results"] as? [[String: Any]] ?? []
        let json = ReviewFormatTests.object(CLIHarness.run(["analyze", topology, "--format", "json", "--fail-on", "none"]).standardOutput)
        #expect(results.count == (json["findings"] as? [Any])?.count)
        for result in results {
            #expect((result["message"] as? [String: Any])?["text"] is String)
            let ruleID = result["ruleId"] as? String ?? ""
            #expect(result["ruleIndex"] as? Int == ruleIDs.firstIndex(of: ruleID))
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
            let fingerprint = (result["partialFingerprints"] as? [String: String])?["exposureFindingId/v1"] ?? ""
            #expect(fingerprint.count == 16)
            let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            #expect((location?["artifactLocation"] as? [String: Any])?["uri"] as? String == topology)
        }
    }

    @Test("A SARIF result's region is the line of the group rule that causes it")
    func sarifLine() throws {
        let log = ReviewFormatTests.object(CLIHarness.run(["analyze", "topologies/bpa-evasion.json", "--format", "sarif", "--fail-on", "none"]).standardOutput)
        let results = (log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]] ?? []
        let lines = try String(contentsOf: CLIHarness.root.appendingPathComponent("topologies/bpa-evasion.json"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        var checked = 0
        for result in results where result["ruleId"] as? String == "public-exposure" {
            let region = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Int]
            let line = lines[(region?["startLine"] ?? 1) - 1]
            let cause = (result["properties"] as? [String: Any])?["cause"] as? String ?? ""
            // `... allow tcp 8088 from 0.0.0.0/1`: the rule's line holds its port and peer.
            let words = cause.split(separator: " ")
            #expect(line.contains("\"ports\": \(words[words.count - 3])"), "\(cause) at \(line)")
            #expect(line.contains(String(words[words.count - 1])), "\(cause) at \(line)")
            checked += 1
        }
        #expect(checked == 7)
    }

    @Test("SARIF for a Terraform plan names the resource address")
    func sarifTerraformAddress() {
        let text = CLIHarness.run(["analyze", "Tests/ExposureLoadingTests/Fixtures/terraform/emr-module.tfplan.json", "--format", "sarif", "--fail-on", "none"]).standardOutput
        #expect(text.contains("\"fullyQualifiedName\" : \"module.emr.aws_security_group.primary\"") || text.contains("\"fullyQualifiedName\" : \"aws_"))
        #expect(text.contains("\"kind\" : \"resource\""))
    }

    @Test("A pull-request comment stays under the limit and says when it is cut")
    func markdownLimit() throws {
        let full = CLIHarness.run(["analyze", "topologies/bpa-evasion.json", "--format", "markdown"]).standardOutput
        #expect(full.count < MarkdownRenderer.characterLimit)
        #expect(full.hasPrefix("### exposure: 8 failing findings (2 critical, 3 high, 2 medium, 1 low)"))
        #expect(!full.contains("Cut here"))
        let review = try #require(ReviewFormatTests.review("topologies/bpa-evasion.json"))
        let cut = MarkdownRenderer.render(review, limit: 3_000)
        #expect(cut.count <= 3_000)
        #expect(cut.contains("more sections not shown"))
    }

    /// The review `analyze` makes of one input with the default gate.
    static func review(_ path: String) -> Review? {
        let tool = CommandLineTool(today: CLIHarness.today)
        guard let parsed = try? ParsedArguments([path], specs: []),
            let reports = try? tool.analyses(of: [CLIHarness.root.appendingPathComponent(path).path], parsed)
        else { return nil }
        return Review(reports, gate: Gate(today: CLIHarness.today))
    }

    @Test("JUnit: one case per cause, failures for failing findings, a passing case for a quiet rule")
    func junitCounts() {
        let xml = CLIHarness.run(["analyze", "topologies/bpa-evasion.json", "--format", "junit"]).standardOutput
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        #expect(xml.contains("<testsuite name=\"public-exposure\" tests=\"7\" failures=\"7\""))
        #expect(xml.contains("<testcase classname=\"exposure.launch-s3-route\" name=\"no finding\"/>"))
        #expect(xml.components(separatedBy: "<failure ").count - 1 == 8)
        let passing = CLIHarness.run(["analyze", "topologies/bpa-evasion.json", "--format", "junit", "--fail-on", "critical"]).standardOutput
        #expect(passing.components(separatedBy: "<failure ").count - 1 == 2)
    }
}
