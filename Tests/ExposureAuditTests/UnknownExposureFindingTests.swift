import ExposureTestSupport
import Testing
@testable import ExposureAudit
@testable import ExposureLoading
@testable import ExposureModel
@testable import ExposureReports
@testable import ExposureSolver

/// Unknown verdicts fail the gate (semantics, section 8), and every interface can be a
/// target: `possible-exposure` for what the input cannot decide, `interface-exposure` for
/// interfaces that are not EMR nodes.
@Suite("Findings for unknowns and plain interfaces")
struct UnknownExposureFindingTests {
    /// The base scenario with `eni-target` as the primary node of cluster `j-1`.
    static func cluster(_ scenario: Scenario) -> Scenario {
        var scenario = scenario
        scenario.update("networkInterfaces", id: "eni-target") { $0["role"] = "emr-node" }
        scenario.document["emrClusters"] = [[
            "id": "j-1", "subnets": ["subnet-1"], "primarySecurityGroup": "sg-target",
            "nodes": [["role": "primary", "networkInterface": "eni-target"]],
        ]]
        return scenario
    }

    static func findings(_ scenario: Scenario, rule: String) throws -> [Finding] {
        try AnalysisReport.analyse(scenario.topology(), input: "scenario.json", warnings: []).findings.filter { $0.rule == rule }
    }

    @Test("A prefix list without entries gives a possible-exposure naming the list and the command that exports it")
    func unknownPrefixList() throws {
        var scenario = UnknownExposureFindingTests.cluster(Scenario())
        scenario.document["prefixLists"] = [["id": "pl-0partners"]]
        scenario.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "tcp", "ports": 8088, "prefixList": "pl-0partners"]] }
        let finding = try #require(try UnknownExposureFindingTests.findings(scenario, rule: "possible-exposure").first)
        // Open to the world on YARN would be critical; unknown is one step below.
        #expect(finding.severity == .high)
        #expect(finding.cause.component.id == "pl-0partners")
        #expect(finding.affected.first?.detail.hasPrefix("internet may be able to open tcp 8088 (YARN ResourceManager) on the primary node (eni-target)") == true)
        #expect(finding.remediation.contains("aws ec2 get-managed-prefix-list-entries --prefix-list-id pl-0partners"))
    }

    @Test("A reply through an appliance gives a possible-exposure")
    func replyThroughAppliance() throws {
        var scenario = UnknownExposureFindingTests.cluster(Scenario())
        scenario["securityGroups"] += [Scenario.group("sg-fw", ingress: [])]
        scenario["networkInterfaces"] += [["id": "eni-firewall", "subnet": "subnet-1", "privateIps": ["10.0.1.99"], "securityGroups": ["sg-fw"]]]
        scenario.update("routeTables", id: "rtb-1") { $0["routes"] = [["destination": "0.0.0.0/0", "target": "eni-firewall"]] }
        let findings = try UnknownExposureFindingTests.findings(scenario, rule: "possible-exposure")
        #expect(findings.contains { finding in
            finding.cause.component.id == "eni-firewall"
                && finding.affected.contains { $0.detail.hasPrefix("internet may be able to open tcp 22 (SSH)") }
        })
    }

    @Test("A group the input lacks may have members anywhere, IPv6 included, and is graded like a tenant, by port")
    func outsideGroupGrading() throws {
        var scenario = UnknownExposureFindingTests.cluster(Scenario())
        scenario.document["outsideGroups"] = [["id": "sg-elsewhere"]]
        scenario.update("subnets", id: "subnet-1") { $0["cidrs"] = ["10.0.1.0/24", "2600:1f18:0:1::/64"] }
        scenario.update("vpcs", id: "vpc-1") { $0["cidrs"] = ["10.0.0.0/16", "2600:1f18::/56"] }
        scenario.update("networkInterfaces", id: "eni-target") { $0["ipv6Addresses"] = ["2600:1f18:0:1::10"] }
        scenario.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "tcp", "ports": 8088, "securityGroup": "sg-elsewhere"]] }
        let topology = try scenario.topology()
        #expect(topology.outsideGroups["sg-elsewhere"]?.addresses.contains { $0.description == "2000::/3" } == true)
        let exposure = try #require(try scenario.solver().exposures(of: ["eni-target"]).first { $0.zone == .outside("sg-elsewhere") })
        #expect(exposure.sources.contains(try #require(IPAddress("2600:1f18:0:2::7"))))
        // YARN open to a tenant is high; unknown is one step below, not internet-wide critical.
        let finding = try #require(try UnknownExposureFindingTests.findings(scenario, rule: "possible-exposure").first)
        #expect(finding.severity == .medium)
    }

    @Test("Each kind of missing input gets the remedy that settles it")
    func remedies() {
        let remedy = PossibleExposureRule.settle([
            .component("pcx-0gone"), .afterApply("aws_subnet.a.cidr_block"), .appliance("eni-fw"),
            MissingInput(component: "pcx-0gone", what: "the same peering, seen from another stage", exportCommand: "aws ec2 describe-vpc-peering-connections --vpc-peering-connection-ids pcx-0gone"),
            MissingInput(component: "core-network", what: "a core network", exportCommand: nil),
        ])
        #expect(remedy == "export what is missing and analyse again (aws ec2 describe-vpc-peering-connections --vpc-peering-connection-ids pcx-0gone); describe core-network in the input and analyse again; set aws_subnet.a.cidr_block in the configuration, or apply the plan and analyse an export of the result; check where eni-fw forwards traffic, in its own routing and firewall rules, which no AWS export holds")
    }

    @Test("A possible exposure is one step below the open port, never below low", arguments: [
        ("203.0.113.0/28", Severity.low), ("0.0.0.0/0", .low),
    ])
    func neverBelowLow(admitted: String, severity: Severity) throws {
        var scenario = UnknownExposureFindingTests.cluster(Scenario())
        scenario.document["prefixLists"] = [["id": "pl-x"]]
        // SSH from a /28 would be info if open, from everywhere medium: unknown is low either way.
        scenario.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "tcp", "ports": 22, "prefixList": "pl-x"]] }
        scenario.update("networkAcls", id: "acl-1") {
            $0["inbound"] = [["rule": 100, "action": "allow", "protocol": "all", "cidr": admitted]]
        }
        let finding = try #require(try UnknownExposureFindingTests.findings(scenario, rule: "possible-exposure").first)
        #expect(finding.severity == severity)
        #expect(finding.remediation.contains(admitted == "0.0.0.0/0" ? "the exposure is medium" : "the exposure is info"))
    }

    @Test("With no EMR cluster every interface is analysed, and an open one raises interface-exposure")
    func plainInterfaces() throws {
        let report = try AnalysisReport.analyse(Scenario().topology(), input: "scenario.json", warnings: [])
        #expect(report.scope == .allInterfacesWithoutCluster)
        let finding = try #require(report.findings.first { $0.rule == "interface-exposure" })
        // Remote administration open to the whole internet.
        #expect(finding.severity == .critical)
        // The cause is the group rule, by its component and its typed reference.
        #expect(finding.cause.component == ComponentRef(.securityGroup, "sg-target"))
        if case .groupRule(let ingress, let index, _)? = finding.cause.rule {
            #expect(ingress && index == 0)
        } else {
            Issue.record("the cause is not a group rule: \(finding.cause)")
        }
        #expect(finding.message == "ingress rule 0 of sg-target: allow tcp 22 from 0.0.0.0/0 opens tcp 22 on eni-target from internet")
        #expect(finding.affected.map(\.detail) == ["tcp 22 (SSH) on eni-target is open to all of public IPv4"])
        #expect(finding.remediation.hasPrefix("remove ingress tcp 22 from 0.0.0.0/0 in sg-target"))
    }

    @Test("Interface exposures are graded by port: databases high, the web informational", arguments: [
        (UInt16(5432), Severity.critical), (443, .info), (8080, .high),
    ])
    func gradedByPort(port: UInt16, severity: Severity) throws {
        var scenario = Scenario()
        scenario.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "tcp", "ports": Int(port), "cidr": "0.0.0.0/0"]] }
        let finding = try #require(try UnknownExposureFindingTests.findings(scenario, rule: "interface-exposure").first)
        #expect(finding.severity == severity)
    }

    @Test("An EMR input analyses only the nodes unless asked, and then raises findings for the other interfaces too")
    func allInterfacesOnRequest() throws {
        var scenario = UnknownExposureFindingTests.cluster(Scenario())
        scenario["securityGroups"] += [Scenario.group("sg-db", ingress: [["protocol": "tcp", "ports": 3306, "cidr": "0.0.0.0/0"]])]
        scenario["networkInterfaces"] += [["id": "eni-db", "subnet": "subnet-1", "privateIps": ["10.0.1.50"], "publicIp": "54.0.0.50", "securityGroups": ["sg-db"]]]
        let topology = try scenario.topology()
        let nodes = AnalysisReport.analyse(topology, input: "s.json", warnings: [])
        #expect(nodes.scope == .emrNodes)
        #expect(!nodes.findings.contains { $0.rule == "interface-exposure" })
        let all = AnalysisReport.analyse(topology, allInterfaces: true, input: "s.json", warnings: [])
        #expect(all.findings.contains { finding in
            finding.rule == "interface-exposure" && finding.affected.contains { $0.detail.hasPrefix("tcp 3306 (MySQL) on eni-db") }
        })
    }
}
