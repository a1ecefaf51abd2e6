import ExposureTestSupport
import Foundation
import Testing
@testable import ExposureAudit
@testable import ExposureLoading
@testable import ExposureModel
@testable import ExposureReports
@testable import ExposureSolver

/// A finding is one thing to fix: its count follows the causes, not the tenants, ports or
/// nodes they affect, and its id follows the cause's content, not its position.
@Suite("One finding per cause")
struct FindingPerCauseTests {
    /// `shared-vpc-two-tenants` with `extra` more tenants, each with a subnet and an
    /// interface inside the VPC block the cluster's rules admit, and `edit` applied.
    static func sharedVPC(extraTenants extra: Int, edit: (inout [String: Any]) -> Void = { _ in }) throws -> AnalysisReport {
        let path = "topologies/shared-vpc-two-tenants.json"
        let data = try Data(contentsOf: RepositoryRoot.url.appendingPathComponent(path))
        var document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var tenants = try #require(document["tenants"] as? [[String: Any]])
        var subnets = try #require(document["subnets"] as? [[String: Any]])
        var interfaces = try #require(document["networkInterfaces"] as? [[String: Any]])
        for index in 0..<extra {
            tenants.append(["name": "team\(index)"])
            subnets.append([
                "id": "subnet-team\(index)", "vpc": "vpc-shared", "cidrs": ["10.30.\(10 + index).0/24"],
                "availabilityZone": "eu-west-1a", "tenant": "team\(index)",
            ])
            interfaces.append(["id": "eni-team\(index)", "subnet": "subnet-team\(index)", "privateIps": ["10.30.\(10 + index).5"], "securityGroups": ["sg-web"]])
        }
        document["tenants"] = tenants
        document["subnets"] = subnets
        document["networkInterfaces"] = interfaces
        edit(&document)
        let bytes = [UInt8](try JSONSerialization.data(withJSONObject: document))
        let (topology, _) = try NativeLoader.load(bytes, file: path)
        return AnalysisReport.analyse(topology, input: path, warnings: [])
    }

    @Test("The number of findings does not grow with the tenants one rule admits", arguments: [0, 3, 12])
    func countFollowsCauses(extra: Int) throws {
        let findings = try FindingPerCauseTests.sharedVPC(extraTenants: extra).findings.filter { $0.rule == "tenant-exposure" }
        // Two rules of sg-emr-primary (tcp 8088, tcp 10000-10002) admit the VPC block.
        #expect(findings.map(\.cause.description) == [
            "ingress rule 2 of sg-emr-primary: allow tcp 8088 from 10.30.0.0/16",
            "ingress rule 3 of sg-emr-primary: allow tcp 10000-10002 from 10.30.0.0/16",
        ])
        for finding in findings {
            #expect(finding.zones.count == 1 + extra, "\(finding.zones)")
            #expect(finding.affected.count == 1 + extra)
        }
    }

    @Test("A finding's id stays when tenants are added and when a rule is inserted before its cause")
    func idsAreStable() throws {
        let before = try FindingPerCauseTests.sharedVPC(extraTenants: 0).findings.map(\.id)
        let moreTenants = try FindingPerCauseTests.sharedVPC(extraTenants: 5).findings.map(\.id)
        let inserted = try FindingPerCauseTests.sharedVPC(extraTenants: 0) { document in
            guard var groups = document["securityGroups"] as? [[String: Any]],
                let index = groups.firstIndex(where: { $0["id"] as? String == "sg-emr-primary" }),
                var ingress = groups[index]["ingress"] as? [[String: Any]]
            else { return }
            ingress.insert(["protocol": "tcp", "ports": 9999, "cidr": "192.0.2.0/24"], at: 0)
            groups[index]["ingress"] = ingress
            document["securityGroups"] = groups
        }
        #expect(before.count == 2)
        #expect(moreTenants == before)
        // The causes are now rules 3 and 4: their content, not their place, makes the id.
        #expect(inserted.findings.map(\.cause.description).allSatisfy { $0.contains("rule 3") || $0.contains("rule 4") })
        #expect(inserted.findings.map(\.id) == before)
    }

    @Test("Ids are unique within every example's report", arguments: AuditTests.expectations.map(\.topology))
    func idsAreUnique(topology: String) throws {
        let ids = try AuditTests.analyse(topology).findings.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.rawValue.count == 16 && $0.rawValue.allSatisfy(\.isHexDigit) })
    }

    @Test("Interfaces opened alike through different groups are different causes")
    func differentGroupsStayApart() throws {
        var scenario = Scenario()
        scenario["securityGroups"] += [Scenario.group("sg-other", ingress: [["protocol": "tcp", "ports": 22, "cidr": "0.0.0.0/0"]])]
        scenario["networkInterfaces"] += [["id": "eni-other", "subnet": "subnet-1", "privateIps": ["10.0.1.11"], "publicIp": "54.0.0.2", "securityGroups": ["sg-other"]]]
        let findings = AnalysisReport.analyse(try scenario.topology(), input: "s.json", warnings: []).findings
        #expect(findings.map(\.cause.component.id) == ["sg-other", "sg-target"])
        #expect(findings.map { $0.affected.flatMap(\.interfaces) } == [["eni-other"], ["eni-target"]])
    }

    @Test("A split rule beside EMR's literal violation on the same port is still a public-exposure cause")
    func splitRuleBesideLiteralViolation() throws {
        var scenario = Scenario()
        scenario.update("securityGroups", id: "sg-target") {
            $0["ingress"] = [["protocol": "tcp", "ports": 8088, "cidr": "0.0.0.0/0"], ["protocol": "tcp", "ports": 8088, "cidr": "0.0.0.0/1"]]
        }
        scenario.update("networkInterfaces", id: "eni-target") { $0["role"] = "emr-node" }
        scenario.document["emrClusters"] = [[
            "id": "j-1", "subnets": ["subnet-1"], "primarySecurityGroup": "sg-target",
            "nodes": [["role": "primary", "networkInterface": "eni-target"]],
        ]]
        let findings = AnalysisReport.analyse(try scenario.topology(), input: "s.json", warnings: []).findings
        // EMR revokes the literal rule (bpa-violation); the /1 rule keeps 8088 open.
        #expect(findings.filter { $0.rule == "bpa-violation" }.map(\.cause.description) == ["ingress rule 0 of sg-target: allow tcp 8088 from 0.0.0.0/0"])
        #expect(findings.filter { $0.rule == "public-exposure" }.map(\.cause.description) == ["ingress rule 1 of sg-target: allow tcp 8088 from 0.0.0.0/1"])
    }

    @Test("The id is the FNV-1a fingerprint of rule, cause and resource")
    func fingerprint() {
        // FNV-1a 64 of the empty input is its offset basis; one field adds the separator.
        #expect(FindingID(fingerprinting: []).rawValue == "cbf29ce484222325")
        #expect(FindingID(fingerprinting: ["a", "b"]) != FindingID(fingerprinting: ["ab"]))
        #expect(FindingID(fingerprinting: ["a", "b"]) != FindingID(fingerprinting: ["b", "a"]))
    }
}
