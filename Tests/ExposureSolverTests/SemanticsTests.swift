import ExposureTestSupport
import Testing
@testable import ExposureAudit
@testable import ExposureLoading
@testable import ExposureModel
@testable import ExposureReports
@testable import ExposureSolver

/// One test per rule of shared/spec/semantics.md, each on the smallest topology that shows it.
@Suite("Reachability semantics")
struct SemanticsTests {
    let internet = TraceQuery.Source.zone(.internet)

    /// Adds a second interface `eni-peer` (10.0.1.20) in `subnet` with `groups`.
    func withPeer(_ scenario: inout Scenario, subnet: String = "subnet-1", address: String = "10.0.1.20", groups: [String] = ["sg-peer"], tenant: String? = nil) {
        scenario["securityGroups"] += [Scenario.group("sg-peer", ingress: [])]
        var peer: [String: Any] = ["id": "eni-peer", "subnet": subnet, "privateIps": [address], "securityGroups": groups]
        if let tenant { peer["tenant"] = tenant }
        scenario["networkInterfaces"] += [peer]
    }

    @Test("Base case: SSH from the internet through the IGW to a public interface")
    func baseReachable() throws {
        let result = try Scenario().verdict(from: internet)
        #expect(result.verdict == .reachable)
        #expect(result.path.map(\.component.id) == ["internet", "igw-1", "acl-1", "sg-target", "eni-target"])
        #expect(result.returnPath.map(\.component.id) == ["rtb-1", "acl-1"])
    }

    @Test("A security-group peer matches the private addresses of the group's members only")
    func groupPeer() throws {
        var scenario = Scenario()
        scenario.document["tenants"] = [["name": "a"], ["name": "b"]]
        withPeer(&scenario, tenant: "b")
        scenario["networkInterfaces"] += [["id": "eni-other", "subnet": "subnet-1", "privateIps": ["10.0.1.30"], "securityGroups": ["sg-other"], "tenant": "b"]]
        scenario["securityGroups"] += [Scenario.group("sg-other", ingress: [])]
        scenario.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "tcp", "ports": 8088, "securityGroup": "sg-peer"]] }
        #expect(try scenario.verdict(from: .resource("eni-peer"), port: 8088).verdict == .reachable)
        #expect(try scenario.verdict(from: .resource("eni-other"), port: 8088).verdict == .blocked)
        // Traffic from the internet never matches a group peer.
        #expect(try scenario.verdict(from: internet, port: 8088).verdict == .blocked)
    }

    @Test("ICMP type and code: type 8 code 0 only; type -1 with a code matches nothing")
    func icmpTypeCode() throws {
        var scenario = Scenario()
        scenario.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "icmp", "icmpType": 8, "icmpCode": 0, "cidr": "0.0.0.0/0"]] }
        let open = try scenario.openServices(from: .internet)
        #expect(open.value(at: 1).ranges == [0x0800...0x0800])
        #expect(open.value(at: 6).isEmpty)
        var invalid = Scenario()
        invalid.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "icmp", "icmpType": -1, "icmpCode": 3, "cidr": "0.0.0.0/0"]] }
        #expect(throws: LoadFailure.self) { try invalid.topology() }
    }

    @Test("Protocol -1 opens every protocol and port")
    func allProtocols() throws {
        var scenario = Scenario()
        scenario.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "-1", "cidr": "0.0.0.0/0"]] }
        let open = try scenario.openServices(from: .internet)
        #expect(open.tcpPorts == [1...65535])
        #expect(open.value(at: 17).ranges == [1...65535])
        #expect(open.value(at: 47).isUniverse)
    }

    @Test("ACL entries apply in rule-number order; no match means deny")
    func aclOrder() throws {
        var scenario = Scenario()
        let inbound: [[String: Any]] = [
            ["rule": 200, "action": "allow", "protocol": "tcp", "ports": "0-65535", "cidr": "0.0.0.0/0"],
            ["rule": 100, "action": "deny", "protocol": "tcp", "ports": 22, "cidr": "0.0.0.0/0"],
        ]
        scenario.update("networkAcls", id: "acl-1") { $0["inbound"] = inbound }
        let denied = try scenario.verdict(from: internet)
        #expect(denied.verdict == .blocked)
        #expect(denied.blockedBy.first?.explanation == "inbound rule 100 deny tcp 22 from 0.0.0.0/0 (denies)")
        scenario.update("networkAcls", id: "acl-1") { $0["inbound"] = [] as [[String: Any]] }
        let implicit = try scenario.verdict(from: internet)
        #expect(implicit.blockedBy.first?.explanation == "acl-1 inbound: no entry matches, implicit deny (rule *)")
    }

    @Test("Traffic between two interfaces of one subnet skips the ACL")
    func sameSubnetSkipsACL() throws {
        var scenario = Scenario()
        scenario.document["tenants"] = [["name": "b"]]
        withPeer(&scenario, tenant: "b")
        let denyAll: [String: Any] = ["id": "acl-1", "vpc": "vpc-1", "default": true, "inbound": [], "outbound": []]
        scenario["networkAcls"] = [denyAll]
        scenario.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "tcp", "ports": 22, "cidr": "10.0.0.0/16"]] }
        #expect(try scenario.verdict(from: .resource("eni-peer")).verdict == .reachable)
    }

    @Test("The return path must pass the outbound ACL for some client port")
    func returnPath() throws {
        var scenario = Scenario()
        let onlyHigh: [[String: Any]] = [["rule": 100, "action": "allow", "protocol": "tcp", "ports": "32768-60999", "cidr": "0.0.0.0/0"]]
        scenario.update("networkAcls", id: "acl-1") { $0["outbound"] = onlyHigh }
        #expect(try scenario.verdict(from: internet).verdict == .reachable)
        scenario.update("networkAcls", id: "acl-1") { $0["outbound"] = [["rule": 100, "action": "allow", "protocol": "udp", "ports": "0-65535", "cidr": "0.0.0.0/0"]] }
        let blocked = try scenario.verdict(from: internet)
        #expect(blocked.verdict == .blocked)
        #expect(blocked.blockedBy.map(\.component.id) == ["acl-1"])
    }

    @Test("An interface client whose replies reach only part of its ephemeral range is partial-return")
    func partialReturn() throws {
        var scenario = Scenario()
        scenario.document["tenants"] = [["name": "b"]]
        scenario["subnets"] += [["id": "subnet-2", "vpc": "vpc-1", "cidrs": ["10.0.2.0/24"], "availabilityZone": "az-a"]]
        withPeer(&scenario, subnet: "subnet-2", address: "10.0.2.20", tenant: "b")
        let outbound: [[String: Any]] = [
            ["rule": 100, "action": "allow", "protocol": "tcp", "ports": 22, "cidr": "0.0.0.0/0"],
            ["rule": 110, "action": "allow", "protocol": "tcp", "ports": "32768-40000", "cidr": "0.0.0.0/0"],
        ]
        scenario.update("networkAcls", id: "acl-1") { $0["outbound"] = outbound }
        let result = try scenario.verdict(from: .resource("eni-peer"))
        #expect(result.verdict == .reachable)
        #expect(result.caveats == [.partialReturn(atNATGateway: false, returning: IntervalSet(ranges: [32768...40000]), window: .linuxEphemeral)])
        #expect(result.caveats.first?.description.hasPrefix("partial-return: replies reach only client ports 32768-40000 of 32768-60999") == true)
    }

    @Test("A subnet without an association uses the VPC's main route table")
    func mainTableFallback() throws {
        var scenario = Scenario()
        scenario["routeTables"] += [["id": "rtb-2", "vpc": "vpc-1", "routes": [] as [[String: Any]]]]
        #expect(try scenario.verdict(from: internet).verdict == .reachable)
        scenario.update("subnets", id: "subnet-1") { $0["routeTable"] = "rtb-2" }
        let blocked = try scenario.verdict(from: internet)
        #expect(blocked.verdict == .blocked)
        #expect(blocked.blockedBy.first?.component.id == "rtb-2")
    }

    @Test("A blackhole route drops the packet and is named")
    func blackhole() throws {
        var scenario = Scenario()
        scenario.update("routeTables", id: "rtb-1") { $0["routes"] = [["destination": "0.0.0.0/0", "target": "igw-1", "blackhole": true]] }
        let result = try scenario.verdict(from: internet)
        #expect(result.verdict == .blocked)
        #expect(result.blockedBy.first?.explanation == "route 0.0.0.0/0 -> igw-1 is a blackhole")
    }

    @Test("Longest prefix wins, prefix-list entries counting at their own length")
    func longestPrefixWithPrefixList() throws {
        var scenario = Scenario()
        scenario.document["prefixLists"] = [["id": "pl-office", "entries": ["198.51.100.0/24"]]]
        scenario["subnets"] += [["id": "subnet-nat", "vpc": "vpc-1", "cidrs": ["10.0.9.0/24"], "availabilityZone": "az-a"]]
        scenario.document["natGateways"] = [["id": "nat-1", "subnet": "subnet-nat"]]
        scenario.update("routeTables", id: "rtb-1") {
            $0["routes"] = [["destination": "0.0.0.0/0", "target": "igw-1"], ["prefixList": "pl-office", "target": "nat-1"]]
        }
        #expect(try scenario.verdict(from: .address(try #require(IPAddress("198.51.100.7")))).verdict == .blocked)
        #expect(try scenario.verdict(from: .address(try #require(IPAddress("198.51.101.7")))).verdict == .reachable)
    }

    @Test("A prefix list without entries makes the verdict unknown, never blocked")
    func unknownPrefixList() throws {
        var scenario = Scenario()
        scenario.document["prefixLists"] = [["id": "pl-x"]]
        scenario.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "tcp", "ports": 22, "prefixList": "pl-x"]] }
        let result = try scenario.verdict(from: internet)
        #expect(result.verdict == .unknown)
        #expect(result.missing.map(\.component) == ["pl-x"])
    }

    @Test("A route to an appliance interface makes the verdict unknown, never blocked")
    func applianceRoute() throws {
        var scenario = Scenario()
        scenario["securityGroups"] += [Scenario.group("sg-fw", ingress: [])]
        scenario["networkInterfaces"] += [["id": "eni-firewall", "subnet": "subnet-1", "privateIps": ["10.0.1.99"], "securityGroups": ["sg-fw"]]]
        scenario.update("routeTables", id: "rtb-1") { $0["routes"] = [["destination": "0.0.0.0/0", "target": "eni-firewall"]] }
        let result = try scenario.verdict(from: internet)
        #expect(result.verdict == .unknown)
        #expect(result.missing.map(\.component).contains("eni-firewall"))
    }

    @Test("Through an IGW, an interface without a public IPv4 is unreachable")
    func igwNeedsPublicAddress() throws {
        var scenario = Scenario()
        scenario.update("networkInterfaces", id: "eni-target") { $0["publicIp"] = nil }
        let result = try scenario.verdict(from: internet)
        #expect(result.verdict == .blocked)
        #expect(result.blockedBy.first?.explanation == "the interface has no public IPv4 address")
    }

    @Test("An egress-only gateway never lets a connection in")
    func eigwInbound() throws {
        var scenario = Scenario()
        scenario.update("vpcs", id: "vpc-1") { $0["cidrs"] = ["10.0.0.0/16", "2600:1f18:1::/56"] }
        scenario.update("subnets", id: "subnet-1") { $0["cidrs"] = ["10.0.1.0/24", "2600:1f18:1:1::/64"] }
        scenario.update("networkInterfaces", id: "eni-target") { $0["ipv6Addresses"] = ["2600:1f18:1:1::10"] }
        scenario.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "tcp", "ports": 22, "cidr": "::/0"]] }
        scenario.document["egressOnlyInternetGateways"] = [["id": "eigw-1", "vpc": "vpc-1"]]
        scenario.update("routeTables", id: "rtb-1") { $0["routes"] = [["destination": "::/0", "target": "eigw-1"]] }
        #expect(try scenario.verdict(from: .zone(.internet6)).verdict == .blocked)
        scenario.update("routeTables", id: "rtb-1") { $0["routes"] = [["destination": "::/0", "target": "igw-1"]] }
        #expect(try scenario.verdict(from: .zone(.internet6)).verdict == .reachable)
    }

    @Test("Nothing from the internet opens a connection through a NAT gateway")
    func natInbound() throws {
        var scenario = Scenario()
        scenario.update("networkInterfaces", id: "eni-target") { $0["publicIp"] = nil }
        scenario["subnets"] += [["id": "subnet-nat", "vpc": "vpc-1", "cidrs": ["10.0.9.0/24"], "availabilityZone": "az-a", "routeTable": "rtb-nat"]]
        scenario["routeTables"] += [["id": "rtb-nat", "vpc": "vpc-1", "routes": [["destination": "0.0.0.0/0", "target": "igw-1"]]]]
        scenario.document["natGateways"] = [["id": "nat-1", "subnet": "subnet-nat", "publicIp": "54.0.0.9"]]
        scenario.update("routeTables", id: "rtb-1") { $0["routes"] = [["destination": "0.0.0.0/0", "target": "nat-1"]] }
        #expect(try scenario.openServices(from: .internet).isEmpty)
        #expect(try scenario.verdict(from: internet).verdict == .blocked)
    }

    @Test("Peering is not transitive")
    func nonTransitivePeering() throws {
        var scenario = Scenario()
        scenario.document["tenants"] = [["name": "far"]]
        scenario["vpcs"] += [["id": "vpc-2", "cidrs": ["10.2.0.0/16"]], ["id": "vpc-3", "cidrs": ["10.3.0.0/16"], "tenant": "far"]]
        scenario["subnets"] += [["id": "subnet-3", "vpc": "vpc-3", "cidrs": ["10.3.1.0/24"], "availabilityZone": "az-a"]]
        scenario.document["peeringConnections"] = [
            ["id": "pcx-12", "requesterVpc": "vpc-1", "accepterVpc": "vpc-2"],
            ["id": "pcx-23", "requesterVpc": "vpc-2", "accepterVpc": "vpc-3"],
        ]
        scenario["routeTables"] += [["id": "rtb-3", "vpc": "vpc-3", "main": true, "routes": [["destination": "10.0.0.0/16", "target": "pcx-23"]]]]
        scenario["securityGroups"] += [Scenario.group("sg-far", vpc: "vpc-3", ingress: [])]
        scenario["networkInterfaces"] += [["id": "eni-far", "subnet": "subnet-3", "privateIps": ["10.3.1.5"], "securityGroups": ["sg-far"]]]
        scenario.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "tcp", "ports": 22, "cidr": "10.0.0.0/8"]] }
        let result = try scenario.verdict(from: .resource("eni-far"))
        #expect(result.verdict == .blocked)
        #expect(try scenario.openServices(from: .tenant("far")).isEmpty)
    }

    @Test("A transit gateway blackhole route blocks, and is named")
    func transitBlackhole() throws {
        var scenario = Scenario.transitPair()
        #expect(try scenario.verdict(from: .resource("eni-b")).verdict == .reachable)
        #expect(try scenario.openServices(from: .tenant("b")).tcpPorts == [22...22])
        scenario.document["transitGatewayRouteTables"] = [
            ["id": "tgw-rtb", "transitGateway": "tgw-1", "associations": ["att-1", "att-2"], "propagations": ["att-1", "att-2"],
             "routes": [["destination": "10.0.1.0/24", "blackhole": true]]]
        ]
        let blocked = try scenario.verdict(from: .resource("eni-b"))
        #expect(blocked.verdict == .blocked)
        #expect(blocked.blockedBy.first?.component.id == "tgw-rtb")
    }

    @Test("Two blocking components are both reported")
    func everyBlocker() throws {
        var scenario = Scenario()
        scenario.update("networkAcls", id: "acl-1") { $0["inbound"] = [] as [[String: Any]] }
        scenario.update("securityGroups", id: "sg-target") { $0["ingress"] = [] as [[String: Any]] }
        let result = try scenario.verdict(from: internet)
        #expect(result.blockedBy.map(\.component.id) == ["acl-1", "sg-target"])
    }
}
