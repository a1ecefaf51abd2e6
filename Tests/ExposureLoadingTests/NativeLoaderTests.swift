import ExposureTestSupport
import Testing
@testable import ExposureAudit
@testable import ExposureLoading
@testable import ExposureModel
@testable import ExposureReports
@testable import ExposureSolver

@Suite("Loading the native format")
struct NativeLoaderTests {
    func errors(_ scenario: Scenario) -> [Diagnostic] {
        do {
            _ = try NativeLoader.load(scenario.json, file: "t.json")
            return []
        } catch {
            return error.errors
        }
    }

    @Test("The base scenario loads without warnings")
    func baseLoads() throws {
        let (_, warnings) = try NativeLoader.load(Scenario().json, file: "t.json")
        #expect(warnings.isEmpty)
    }

    @Test("A malformed CIDR is located by JSON path, line and column")
    func malformedCIDR() throws {
        var scenario = Scenario()
        scenario.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "tcp", "ports": 22, "cidr": "10.0.0.300/8"]] }
        let error = try #require(errors(scenario).first)
        #expect(error.path == "$.securityGroups[0].ingress[0].cidr")
        #expect(error.location != nil)
        #expect(error.message.contains("expected an IPv4 or IPv6 CIDR"))
        #expect(error.description.hasPrefix("t.json:1:"))
    }

    @Test("A dangling reference names the missing id and suggests a close one")
    func danglingReference() throws {
        var scenario = Scenario()
        scenario.update("subnets", id: "subnet-1") { $0["routeTable"] = "rtb-2" }
        let error = try #require(errors(scenario).first)
        #expect(error.path == "$.subnets[0].routeTable")
        #expect(error.message == "no route table with id \"rtb-2\" is declared; did you mean \"rtb-1\"?")
    }

    @Test("Duplicate ids, ports out of range and contradictory fields are errors")
    func invalidInputs() {
        var duplicate = Scenario()
        duplicate["internetGateways"] += [["id": "igw-1", "vpc": "vpc-1"]]
        #expect(errors(duplicate).contains { $0.message.hasPrefix("duplicate internet gateway id \"igw-1\"") })

        var port = Scenario()
        port.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "tcp", "ports": 70000, "cidr": "0.0.0.0/0"]] }
        #expect(errors(port).contains { $0.message == "port 70000 is out of range; expected 0-65535" })

        var contradiction = Scenario()
        contradiction.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "icmp", "ports": 22, "cidr": "0.0.0.0/0"]] }
        #expect(errors(contradiction).contains { $0.message.contains("applies to tcp and udp only") })

        var outside = Scenario()
        outside.update("networkInterfaces", id: "eni-target") { $0["privateIps"] = ["10.9.0.1"] }
        #expect(errors(outside).contains { $0.message.contains("outside subnet subnet-1") })
    }

    @Test("formatVersion is required and checked")
    func formatVersion() {
        var missing = Scenario()
        missing.document["formatVersion"] = nil
        #expect(errors(missing).first?.message == "missing required field \"formatVersion\"")
        var future = Scenario()
        future.document["formatVersion"] = 2
        #expect(errors(future).first?.message.contains("unsupported formatVersion 2") == true)
    }

    @Test("Unused groups, overlapping subnets and unknown fields are warnings")
    func warnings() throws {
        var scenario = Scenario()
        scenario["securityGroups"] += [Scenario.group("sg-unused", ingress: [])]
        scenario["subnets"] += [["id": "subnet-2", "vpc": "vpc-1", "cidrs": ["10.0.1.128/25"], "availabilityZone": "az-a"]]
        scenario.update("vpcs", id: "vpc-1") { $0["cidr"] = "x" }
        let (_, warnings) = try NativeLoader.load(scenario.json, file: "t.json")
        let messages = warnings.map(\.message)
        #expect(messages.contains("security group sg-unused is attached to nothing"))
        #expect(messages.contains { $0.hasPrefix("subnet subnet-2 overlaps subnet-1") })
        #expect(messages.contains("unknown field \"cidr\" is ignored; did you mean \"cidrs\"?"))
    }

    @Test("A JSON syntax error gives line and column")
    func syntaxError() {
        let text = Array("{\n  \"formatVersion\": 1,\n  \"vpcs\": [,]\n}".utf8)
        #expect(throws: LoadFailure.self) { try NativeLoader.load(text, file: "bad.json") }
        do {
            _ = try NativeLoader.load(text, file: "bad.json")
        } catch {
            #expect(error.diagnostics.first?.description == "bad.json:3:12: error: invalid JSON: unexpected character ',', expected a value")
        }
    }
}
