import ExposureTestSupport
import Foundation
import Testing
@testable import ExposureAudit
@testable import ExposureLoading
@testable import ExposureModel
@testable import ExposureReports
@testable import ExposureSolver

/// The EMR audit on the example topologies: each one asserts its exact findings (rule,
/// severity, resource and a phrase of the message or of what it affects), no more and no
/// fewer.
@Suite("EMR audit")
struct AuditTests {
    /// One expected finding.
    struct Expected: CustomStringConvertible, Sendable {
        let rule: String
        let severity: Severity
        let resource: String
        let phrase: String

        init(_ rule: String, _ severity: Severity, _ resource: String, _ phrase: String) {
            self.rule = rule
            self.severity = severity
            self.resource = resource
            self.phrase = phrase
        }

        var description: String { "\(severity.rawValue) \(rule) \(resource) ~ \(phrase)" }
    }

    static let expectations: [(topology: String, findings: [Expected])] = [
        ("bpa-disabled", [
            Expected("bpa-violation", .critical, "sg-bd-primary", "block public access would refuse it, but it is disabled"),
            Expected("bpa-disabled", .high, "block-public-access (eu-central-1)", "disabled"),
        ]),
        ("bpa-evasion", [
            // The two halves of the internet are two rules, so two causes, each graded by
            // what it admits itself, with the port's whole exposure said beside.
            Expected("public-exposure", .critical, "sg-ev-primary", "tcp 8088 (YARN ResourceManager) on the primary node (eni-ev-primary) of j-EVADE is open to all of public IPv4 (this rule admits 2,092,687,360 public IPv4 addresses (57%)); block public access does not catch it: 0.0.0.0/1 is not exactly 0.0.0.0/0"),
            Expected("public-exposure", .critical, "sg-ev-primary", "tcp 8888 (Hue) on the primary node (eni-ev-primary) of j-EVADE is open to all of public IPv4; block public access does not catch it: prefix list pl-anywhere (0.0.0.0/0)"),
            Expected("public-exposure", .high, "sg-ev-primary", "tcp 8088 (YARN ResourceManager) on the primary node (eni-ev-primary) of j-EVADE is open to all of public IPv4 (this rule admits 1,609,301,760 public IPv4 addresses (43%)); block public access does not catch it: 128.0.0.0/1 is not exactly 0.0.0.0/0"),
            Expected("public-exposure", .high, "sg-ev-primary", "tcp 8998 (Livy) on the primary node (eni-ev-primary) of j-EVADE is open to 16,646,144 public IPv4 addresses"),
            Expected("public-exposure", .high, "sg-ev-primary", "tcp 18080 (Spark history) on the primary node (eni-ev-primary) of j-EVADE is open to all of public IPv4; block public access does not catch it: port 18080 is in the permitted ranges"),
            Expected("bpa-permitted-ports", .medium, "block-public-access (us-east-1)", "permits ports 18080 besides 22"),
            Expected("public-exposure", .medium, "sg-ev-primary", "tcp 22 (SSH) on the primary node (eni-ev-primary) of j-EVADE is open to all of public IPv4; block public access does not catch it: port 22 is in the permitted ranges"),
            Expected("public-exposure", .low, "sg-ev-primary", "tcp 10000 (HiveServer2) on the primary node (eni-ev-primary) of j-EVADE is open to 16 public IPv4 addresses"),
        ]),
        ("bpa-planned-cluster", [
            Expected("bpa-violation", .high, "sg-pl-primary", "allows all traffic from ::/0, every port (protocol -1) outside the permitted ranges, for j-PLANNED in public subnet subnet-pl-public: EMR will refuse to launch this cluster"),
            Expected("bpa-violation", .high, "sg-pl-primary", "allows tcp 8443 from 0.0.0.0/0, port 8443 outside the permitted ranges, for j-PLANNED in public subnet subnet-pl-public: EMR will refuse to launch this cluster"),
        ]),
        ("dual-stack-egress-only", []),
        ("emr-private-subnet", []),
        ("emr-public-subnet", [
            Expected("bpa-violation", .high, "sg-0master", "allows tcp 8088 from 0.0.0.0/0, port 8088 outside the permitted ranges, for j-PUBLIC in public subnet subnet-public-b: EMR will revoke this rule"),
            Expected("repo-egress-gap", .high, "eni-0b-core1", "core nodes of j-PUBLIC (eni-0b-core1) cannot reach amazonlinux.us-east-1.amazonaws.com, amazonlinux-2-repos-us-east-1, repo.us-east-1.emr.amazonaws.com on tcp 80, 443"),
            Expected("public-exposure", .medium, "sg-0master", "tcp 22 (SSH) on the primary node (eni-0b-primary) of j-PUBLIC is open to all of public IPv4"),
        ]),
        ("ipv6-only-exposure", [
            Expected("public-exposure", .critical, "sg-v6-primary", "tcp 8088 (YARN ResourceManager) on the primary node (eni-v6-primary) of j-IPV6 is open to all of global IPv6; block public access does not catch it: EMR counts subnet-v6-emr as private"),
        ]),
        ("launch-requirements", [
            Expected("launch-s3-route", .high, "rtb-lr", "has no route to S3"),
            Expected("launch-service-access", .high, "sg-lr-service", "has no ingress tcp 9443 from the primary group sg-lr-primary: EMR will fail to launch this cluster"),
            Expected("repo-egress-gap", .high, "rtb-lr", "cannot reach al2023-repos-ap-southeast-2-de612dc2, repo.ap-southeast-2.emr.amazonaws.com on tcp 80, 443"),
        ]),
        ("no-emr-cluster", [
            Expected("interface-exposure", .critical, "sg-bastion", "tcp 22 (SSH) on eni-bastion (i-bastion) is open to all of public IPv4"),
            Expected("interface-exposure", .high, "sg-db", "tcp 5432 (PostgreSQL) on eni-db (i-db) can be opened by tenant:partner over peering"),
            Expected("interface-exposure", .info, "sg-web", "tcp 443 (HTTPS) on eni-web (i-web) is open to all of public IPv4"),
        ]),
        ("partial-export", [
            Expected("input-incomplete", .high, "j-LOST", "j-LOST could not be analysed: its subnet subnet-0lost and its VPC are not in the input"),
            Expected("possible-exposure", .medium, "pcx-0partner", "outside:pcx-0partner may be able to open tcp 8088 (YARN ResourceManager) on the primary node (eni-pe-primary) of j-PARTIAL: the answer depends on what the input does not hold: pcx-0partner, a peering connection the input does not describe (export it with `aws ec2 describe-vpc-peering-connections --vpc-peering-connection-ids pcx-0partner`)"),
            Expected("possible-exposure", .medium, "sg-0partner", "outside:sg-0partner may be able to open tcp 8088 (YARN ResourceManager), 8998 (Livy) on the primary node (eni-pe-primary) of j-PARTIAL"),
            Expected("possible-exposure", .medium, "tgw-attach-0west", "outside:tgw-attach-0west may be able to open tcp 8088 (YARN ResourceManager) on the primary node (eni-pe-primary) of j-PARTIAL"),
        ]),
        ("peering-transit-hub", [
            // One rule admits both tenants: one finding, both inside it.
            Expected("tenant-exposure", .high, "sg-hub-primary", "tenant:datascience can open tcp 8088 (YARN ResourceManager) on the primary node (eni-hub-primary) of j-HUB through a transit gateway"),
        ]),
        ("repo-endpoint-policy", [
            Expected("repo-egress-gap", .high, "vpce-ep-s3", "cannot reach al2023-repos-eu-west-1-de612dc2 on tcp 80, 443"),
        ]),
        ("repo-partial-return", [
            Expected("repo-partial-return", .medium, "j-PARTIAL", "replies reach only client ports 32768-50000 of 32768-60999"),
        ]),
        ("repo-unknown-s3-addresses", [
            Expected("repo-egress-unverified", .low, "j-SPOKE", "S3's addresses are not in the input"),
        ]),
        ("shared-vpc-two-tenants", [
            Expected("tenant-exposure", .high, "sg-emr-primary", "tenant:marketing can open tcp 8088 (YARN ResourceManager) on the primary node (eni-a-primary) of j-SHARED inside the shared VPC"),
            Expected("tenant-exposure", .high, "sg-emr-primary", "tenant:marketing can open tcp 10000-10002"),
        ]),
        ("vpn-onprem", [
            Expected("onprem-exposure", .medium, "sg-0c-primary", "can open tcp 8998 (Livy) on the primary node (eni-0c-primary) of j-ONPREM over the VPN"),
            Expected("onprem-exposure", .info, "sg-0c-primary", "can open tcp 22 (SSH) on the primary node (eni-0c-primary) of j-ONPREM over the VPN"),
        ]),
    ]

    static func analyse(_ name: String) throws -> AnalysisReport {
        let path = "topologies/\(name).json"
        let bytes = [UInt8](try Data(contentsOf: RepositoryRoot.url.appendingPathComponent(path)))
        let (topology, _) = try NativeLoader.load(bytes, file: path)
        return AnalysisReport.analyse(topology, input: path, warnings: [])
    }

    @Test("Every example topology is covered here", arguments: [0])
    func everyExampleCovered(_: Int) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: RepositoryRoot.url.appendingPathComponent("topologies").path)
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }.map { String($0.dropLast(5)) }.sorted()
        #expect(names == AuditTests.expectations.map(\.topology))
    }

    @Test("Exact findings, worst first", arguments: AuditTests.expectations.map(\.topology))
    func exactFindings(topology: String) throws {
        let expected = try #require(AuditTests.expectations.first { $0.topology == topology }).findings
        let findings = try AuditTests.analyse(topology).findings
        #expect(findings.count == expected.count, "\(findings.map { "\($0.severity.rawValue) \($0.rule) \($0.resource): \($0.message)" })")
        for (finding, expectation) in zip(findings, expected) {
            #expect(finding.rule == expectation.rule, "\(expectation)")
            #expect(finding.severity == expectation.severity, "\(expectation): \(finding.message)")
            #expect(finding.resource == expectation.resource, "\(expectation)")
            let said = ([finding.message] + finding.affected.map(\.detail)).joined(separator: "\n")
            #expect(said.contains(expectation.phrase), "\(expectation): \(said)")
            #expect(!finding.remediation.isEmpty)
        }
    }

    @Test("Every rule in the table has an example topology that raises it")
    func everyRuleExemplified() throws {
        let raised = Set(AuditTests.expectations.flatMap { $0.findings.map(\.rule) })
        #expect(Set(Audit.ruleTable.map(\.id)) == raised)
    }

    @Test("A gateway endpoint's deny statement is named, with the fix, and the EMR bucket still works")
    func endpointPolicyEvidence() throws {
        let finding = try #require(try AuditTests.analyse("repo-endpoint-policy").findings.first)
        #expect(finding.evidence.contains { $0.contains("policy statement 2 \"NoPublicRepos\" (Deny) denies s3:GetObject on arn:aws:s3:::al2023-repos-eu-west-1-de612dc2/*") })
        #expect(finding.remediation.contains("statement 2 \"NoPublicRepos\""))
        #expect(!finding.message.contains("repo.eu-west-1.emr.amazonaws.com"))
    }

    @Test("A missing route names the endpoint fix; a missing public address names the address fix")
    func gapRemediations() throws {
        let launch = try AuditTests.analyse("launch-requirements").findings.first { $0.rule == "repo-egress-gap" }
        #expect(launch?.remediation == "create a gateway endpoint for com.amazonaws.ap-southeast-2.s3 in vpc-lr and associate it with rtb-lr")
        let public_ = try AuditTests.analyse("emr-public-subnet").findings.first { $0.rule == "repo-egress-gap" }
        #expect(public_?.remediation.hasPrefix("give the node a public IPv4 address") == true)
    }

    @Test("The cluster port report names services per role and zone")
    func clusterPorts() throws {
        let summary = try #require(try AuditTests.analyse("shared-vpc-two-tenants").clusters.first)
        let primary = try #require(summary.roles.first { $0.role == .primary })
        let marketing = try #require(primary.zones.first { $0.zone == .tenant("marketing") })
        #expect(ServiceRow.rows(of: marketing.reachable).map { $0.text(naming: .primary) } == ["tcp 8088 (YARN ResourceManager), 10000-10002 (10000 HiveServer2, 10001 HiveServer2 HTTP, 10002 HiveServer2 UI)"])
        #expect(summary.roles.first { $0.role == .core }?.zones.isEmpty == true)
    }
}
