import ExposureTestSupport
import Foundation
import Testing
@testable import ExposureAudit
@testable import ExposureLoading
@testable import ExposureModel
@testable import ExposureReports
@testable import ExposureSolver

/// `trace --to` any address: the egress question, on the example topologies, with the
/// forward and return path, or every blocker; and queries that name nothing are problems.
@Suite("Trace to anywhere")
struct TraceDestinationTests {
    static func solver(_ name: String) throws -> Solver {
        let path = "topologies/\(name).json"
        let bytes = [UInt8](try Data(contentsOf: RepositoryRoot.url.appendingPathComponent(path)))
        return Solver(topology: try NativeLoader.load(bytes, file: path).0)
    }

    static func trace(_ name: String, from source: TraceQuery.Source, to address: String, port: UInt16 = 443) throws -> TraceResult {
        let query = TraceQuery(source: source, destination: .address(try #require(IPAddress(address))), protocolNumber: 6, keys: port...port)
        return try solver(name).trace(query)
    }

    @Test("A node reaches the internet through its NAT gateway and the internet gateway, and back")
    func throughNAT() throws {
        let result = try TraceDestinationTests.trace("emr-private-subnet", from: .resource("eni-0primary"), to: "8.8.8.8")
        #expect(result.verdict == .reachable)
        #expect(result.reason == "reachable through nat-0a1 -> internet gateway")
        #expect(result.path.map(\.component.id) == ["eni-0primary", "rtb-private", "sg-primary", "acl-private", "acl-default", "nat-0a1", "rtb-public", "acl-default", "8.8.8.8"])
        #expect(result.path.last?.explanation == "destination outside the topology (internet)")
        #expect(result.returnPath.map(\.component.id) == ["acl-default", "acl-default", "acl-private"])
    }

    @Test("A node reaches an S3 address through the gateway endpoint its route table names")
    func throughGatewayEndpoint() throws {
        let result = try TraceDestinationTests.trace("emr-private-subnet", from: .resource("eni-0primary"), to: "52.216.10.10")
        #expect(result.verdict == .reachable)
        #expect(result.reason == "reachable through vpce-0s3 (gateway endpoint)")
        #expect(result.path.contains { $0.component.id == "vpce-0s3" })
        #expect(result.path.last?.explanation == "destination outside the topology (pl-63a5400a com.amazonaws.us-east-1.s3)")
    }

    @Test("A node without a public address cannot use the internet gateway: blocked, with the blocker")
    func blockedWithoutPublicAddress() throws {
        let result = try TraceDestinationTests.trace("emr-public-subnet", from: .resource("eni-0b-core1"), to: "8.8.8.8")
        #expect(result.verdict == .blocked)
        #expect(result.blockedBy.map(\.explanation) == ["via igw-0b1: the interface has no public IPv4 address, so igw-0b1 cannot carry its traffic"])
        // The primary, which has one, gets through.
        #expect(try TraceDestinationTests.trace("emr-public-subnet", from: .resource("eni-0b-primary"), to: "8.8.8.8").verdict == .reachable)
    }

    @Test("An on-premises address the VPN declares is reached over the VPN")
    func onPremises() throws {
        let result = try TraceDestinationTests.trace("vpn-onprem", from: .resource("eni-0c-primary"), to: "192.168.7.7")
        #expect(result.verdict == .reachable)
        #expect(result.path.contains { $0.component.id == "vpn-corp" })
        #expect(result.path.last?.explanation == "destination outside the topology (on-premises, behind vpn-corp)")
    }

    @Test("An address behind a peering that no interface holds is unknown; one no route leads to is blocked")
    func behindPeering() throws {
        let held = try TraceDestinationTests.trace("peering-transit-hub", from: .resource("eni-hub-primary"), to: "10.60.1.77")
        #expect(held.verdict == .unknown)
        #expect(held.missing.first?.what.contains("no interface of the input holds") == true)
        let unrouted = try TraceDestinationTests.trace("peering-transit-hub", from: .resource("eni-hub-primary"), to: "10.70.1.77")
        #expect(unrouted.verdict == .blocked)
        #expect(unrouted.blockedBy.first?.explanation.contains("no route for 10.70.1.77 in rtb-emr") == true)
    }

    @Test("From a zone, the interfaces with a public address go out of the internet gateway, those without do not")
    func zoneSplitByPublicAddress() throws {
        var scenario = Scenario()
        scenario.document["tenants"] = [["name": "b"]]
        scenario.update("networkInterfaces", id: "eni-target") { $0["tenant"] = "b" }
        scenario["networkInterfaces"] += [["id": "eni-private", "subnet": "subnet-1", "privateIps": ["10.0.1.11"], "securityGroups": ["sg-target"], "tenant": "b"]]
        let query = TraceQuery(source: .zone(.tenant("b")), destination: .address(try #require(IPAddress("8.8.8.8"))), protocolNumber: 6, keys: 443...443)
        let result = try scenario.solver().trace(query)
        #expect(result.verdict == .reachable)
        #expect(result.path.first?.component.id == "eni-target")
        let alone = TraceQuery(source: .resource("eni-private"), destination: query.destination, protocolNumber: 6, keys: 443...443)
        #expect(try scenario.solver().trace(alone).verdict == .blocked)
    }

    /// A trace from `source` in `scenario` to `address`, port 443.
    static func trace(_ scenario: Scenario, from source: TraceQuery.Source, to address: String) throws -> TraceResult {
        try scenario.solver().trace(TraceQuery(source: source, destination: .address(try #require(IPAddress(address))), protocolNumber: 6, keys: 443...443))
    }

    @Test("Past a NAT gateway whose subnet routes the destination elsewhere than the internet, the verdict is unknown, not blocked")
    func natOnward() throws {
        var scenario = Scenario()
        scenario.update("routeTables", id: "rtb-1") { $0["routes"] = [["destination": "0.0.0.0/0", "target": "igw-1"], ["destination": "192.168.0.0/16", "target": "nat-1"]] }
        scenario["subnets"] += [["id": "subnet-nat", "vpc": "vpc-1", "cidrs": ["10.0.2.0/24"], "availabilityZone": "az-a", "routeTable": "rtb-nat"]]
        scenario["routeTables"] += [["id": "rtb-nat", "vpc": "vpc-1", "routes": [["destination": "0.0.0.0/0", "target": "igw-1"], ["destination": "192.168.0.0/16", "target": "vgw-1"]]]]
        scenario.document["natGateways"] = [["id": "nat-1", "subnet": "subnet-nat", "publicIp": "54.0.0.99"]]
        scenario.document["vpnGateways"] = [["id": "vgw-1", "vpc": "vpc-1"]]
        scenario.document["vpnConnections"] = [["id": "vpn-1", "vpnGateway": "vgw-1", "staticRoutes": ["192.168.0.0/16"]]]
        let result = try TraceDestinationTests.trace(scenario, from: .resource("eni-target"), to: "192.168.1.1")
        #expect(result.verdict == .unknown)
        #expect(result.reason.contains("nat-1 sends the traffic on from its own address (to vgw-1, local)"))
        // To the internet the NAT path is followed to the end.
        #expect(try TraceDestinationTests.trace(scenario, from: .resource("eni-target"), to: "8.8.8.8").verdict == .reachable)
    }

    @Test("An address in a VPC declared without subnets is unknown, naming the missing subnets")
    func intoSubnetlessVPC() throws {
        var scenario = Scenario()
        scenario["vpcs"] += [["id": "vpc-empty", "cidrs": ["10.9.0.0/16"]]]
        scenario.document["peeringConnections"] = [["id": "pcx-empty", "requesterVpc": "vpc-1", "accepterVpc": "vpc-empty"]]
        scenario.update("routeTables", id: "rtb-1") { $0["routes"] = [["destination": "0.0.0.0/0", "target": "igw-1"], ["destination": "10.9.0.0/16", "target": "pcx-empty"]] }
        let result = try TraceDestinationTests.trace(scenario, from: .resource("eni-target"), to: "10.9.3.3")
        #expect(result.verdict == .unknown)
        #expect(result.missing.contains(.subnets(of: "vpc-empty")))
    }

    @Test("A trace from vpc:ID starts from every interface in the VPC, whichever tenant owns it")
    func fromTenantOwnedVPC() throws {
        var scenario = Scenario.transitPair()
        scenario.update("securityGroups", id: "sg-b") { $0["egress"] = [["protocol": "all", "cidr": "0.0.0.0/0"]] }
        let query = TraceQuery(source: .zone(.vpc("vpc-2")), destination: .resource("eni-target"), protocolNumber: 6, keys: 22...22)
        let result = try scenario.solver().trace(query)
        #expect(result.verdict == .reachable)
        #expect(result.path.first?.component.id == "eni-b")
    }

    @Test("Names the topology does not hold are problems, with the closest name that exists")
    func problems() throws {
        let solver = try TraceDestinationTests.solver("peering-transit-hub")
        func problem(_ source: TraceQuery.Source, _ destination: TraceQuery.Destination) -> String? {
            solver.problem(with: TraceQuery(source: source, destination: destination, protocolNumber: 6, keys: 8088...8088))?.message
        }
        let target = TraceQuery.Destination.resource("eni-hub-primary")
        #expect(problem(.zone(.tenant("partnr")), target) == "no tenant 'tenant:partnr' in the topology; did you mean 'tenant:partner'?")
        #expect(problem(.zone(.onprem("vpn-x")), target)?.hasPrefix("no VPN connection 'onprem:vpn-x'") == true)
        #expect(problem(.zone(.outside("pcx-x")), target)?.hasPrefix("no outside zone") == true)
        #expect(problem(.resource("eni-hub-primar"), target) == "no interface or instance 'eni-hub-primar' in the topology; did you mean 'eni-hub-primary'?")
        #expect(problem(.zone(.internet), .resource("eni-nosuch"))?.hasPrefix("no interface or instance 'eni-nosuch'") == true)
        #expect(problem(.zone(.internet), .address(try #require(IPAddress("8.8.8.8"))))?.contains("is outside the topology, and so is internet") == true)
        #expect(problem(.zone(.tenant("partner")), target) == nil)
        // trace itself refuses such a query rather than answer it with a verdict.
        let unanswerable = TraceQuery(source: .zone(.tenant("partnr")), destination: target, protocolNumber: 6, keys: 8088...8088)
        #expect(throws: TraceProblem.self) { try solver.trace(unanswerable) }
    }
}
