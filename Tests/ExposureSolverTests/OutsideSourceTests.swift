import ExposureTestSupport
import Testing
@testable import ExposureAudit
@testable import ExposureLoading
@testable import ExposureModel
@testable import ExposureReports
@testable import ExposureSolver

/// What the input does not describe is also a source (semantics, section 1, "Missing
/// pieces are also sources"): one test per kind of outside entry. Each would fail on a
/// solver that only starts traffic from what it was shown.
@Suite("Sources the input does not describe")
struct OutsideSourceTests {
    /// The base scenario with tcp 8088 open to `cidr` on `eni-target` and `routes` added to
    /// its route table.
    static func scenario(opening cidr: String, routes: [[String: Any]]) -> Scenario {
        var scenario = Scenario()
        scenario.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "tcp", "ports": 8088, "cidr": cidr]] }
        scenario.update("routeTables", id: "rtb-1") {
            $0["routes"] = [["destination": "0.0.0.0/0", "target": "igw-1"] as [String: Any]] + routes
        }
        return scenario
    }

    static func address(_ text: String) throws -> TraceQuery.Source {
        .address(try #require(IPAddress(text)))
    }

    /// The unknown exposures of `eni-target`, by zone.
    static func unknown(_ scenario: Scenario) throws -> [Zone: Exposure] {
        var result: [Zone: Exposure] = [:]
        for exposure in try scenario.solver().exposures(of: ["eni-target"]) where exposure.verdict == .unknown {
            result[exposure.zone] = exposure
        }
        return result
    }

    @Test("A route to a peering missing from the input makes its addresses a source: unknown, naming the peering and its export")
    func missingPeering() throws {
        let scenario = OutsideSourceTests.scenario(
            opening: "172.16.0.0/12", routes: [["destination": "172.16.0.0/12", "target": "pcx-0gone", "outsideInput": true]])
        let result = try scenario.verdict(from: OutsideSourceTests.address("172.16.5.5"), port: 8088)
        #expect(result.verdict == .unknown)
        #expect(result.missing.map(\.component) == ["pcx-0gone"])
        #expect(result.missing.first?.exportCommand == "aws ec2 describe-vpc-peering-connections --vpc-peering-connection-ids pcx-0gone")
        let exposure = try #require(try OutsideSourceTests.unknown(scenario)[.outside("pcx-0gone")])
        #expect(exposure.services.tcpPorts == [8088...8088])
        #expect(exposure.sources == (CIDR("172.16.0.0/12")?.addresses ?? .empty))
        // The zone exists because the route does: without it the address is in no zone.
        let unrouted = OutsideSourceTests.scenario(opening: "172.16.0.0/12", routes: [])
        #expect(try unrouted.verdict(from: OutsideSourceTests.address("172.16.5.5"), port: 8088).verdict == .blocked)
    }

    @Test(
        "A route to any target the input names but does not describe is an outside zone",
        arguments: [
            ("tgw-0gone", "transit gateway", "describe-transit-gateways"),
            ("vgw-0gone", "virtual private gateway", "describe-vpn-gateways"),
            ("eni-0gone", "network interface", "describe-network-interfaces"),
            ("nat-0gone", "NAT gateway", "describe-nat-gateways"),
        ])
    func missingTargets(target: String, what: String, call: String) throws {
        let scenario = OutsideSourceTests.scenario(
            opening: "10.0.0.0/8", routes: [["destination": "10.99.0.0/16", "target": target, "outsideInput": true]])
        let exposure = try #require(try OutsideSourceTests.unknown(scenario)[.outside(target)])
        #expect(exposure.services.tcpPorts == [8088...8088])
        let missing = try #require(exposure.missing.first)
        #expect(missing.what.contains(what))
        #expect(missing.exportCommand?.contains(call) == true)
        #expect(try scenario.verdict(from: OutsideSourceTests.address("10.99.1.1"), port: 8088).verdict == .unknown)
    }

    @Test("IPv6 ranges routed to a missing component are sources too")
    func ipv6BehindMissingPeering() throws {
        var scenario = OutsideSourceTests.scenario(
            opening: "10.0.0.0/8", routes: [["destination": "2a05:d000::/25", "target": "pcx-0gone", "outsideInput": true]])
        scenario.update("vpcs", id: "vpc-1") { $0["cidrs"] = ["10.0.0.0/16", "2600:1f18:1::/56"] }
        scenario.update("subnets", id: "subnet-1") { $0["cidrs"] = ["10.0.1.0/24", "2600:1f18:1:1::/64"] }
        scenario.update("networkInterfaces", id: "eni-target") { $0["ipv6Addresses"] = ["2600:1f18:1:1::10"] }
        scenario.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "tcp", "ports": 8088, "cidr": "::/0"]] }
        let result = try scenario.verdict(from: OutsideSourceTests.address("2a05:d000::1"), port: 8088)
        #expect(result.verdict == .unknown)
        let exposure = try #require(try OutsideSourceTests.unknown(scenario)[.outside("pcx-0gone")])
        #expect(exposure.witness.source.family == .ipv6)
    }

    @Test("An appliance of the input is a source; the ACLs of its subnet still apply")
    func appliance() throws {
        var scenario = OutsideSourceTests.scenario(opening: "100.64.0.0/10", routes: [["destination": "100.64.0.0/10", "target": "eni-fw"]])
        scenario["subnets"] += [["id": "subnet-fw", "vpc": "vpc-1", "cidrs": ["10.0.2.0/24"], "availabilityZone": "az-a", "networkAcl": "acl-fw"]]
        scenario["securityGroups"] += [Scenario.group("sg-fw", ingress: [])]
        scenario["networkInterfaces"] += [["id": "eni-fw", "subnet": "subnet-fw", "privateIps": ["10.0.2.10"], "securityGroups": ["sg-fw"]]]
        scenario["networkAcls"] += [Scenario.allowAllACL(id: "acl-fw", vpc: "vpc-1")]
        let source = try OutsideSourceTests.address("100.64.1.1")
        let open = try scenario.verdict(from: source, port: 8088)
        #expect(open.verdict == .unknown)
        #expect(open.missing.first?.what.contains("appliance") == true)
        // The appliance subnet's outbound ACL is described: it blocks, and is named.
        scenario.update("networkAcls", id: "acl-fw") { $0["outbound"] = [] as [[String: Any]] }
        let blocked = try scenario.verdict(from: source, port: 8088)
        #expect(blocked.verdict == .blocked)
        #expect(blocked.blockedBy.map(\.component.id).contains("acl-fw"))
    }

    @Test("A VGW with no VPN (Direct Connect) is a source; with a VPN on it, the VPN's zone is")
    func gatewayWithoutVPN() throws {
        var scenario = OutsideSourceTests.scenario(opening: "10.0.0.0/8", routes: [["destination": "10.200.0.0/16", "target": "vgw-dx"]])
        scenario.document["vpnGateways"] = [["id": "vgw-dx", "vpc": "vpc-1"]]
        let exposure = try #require(try OutsideSourceTests.unknown(scenario)[.outside("vgw-dx")])
        #expect(exposure.missing.first?.what.contains("Direct Connect") == true)
        scenario.document["vpnConnections"] = [["id": "vpn-1", "vpnGateway": "vgw-dx", "staticRoutes": ["10.200.0.0/16"]]]
        #expect(try OutsideSourceTests.unknown(scenario)[.outside("vgw-dx")] == nil)
        #expect(try scenario.openServices(from: .onprem("vpn-1")).tcpPorts == [8088...8088])
    }

    @Test("A transit gateway peering attachment is a source, through the gateway's routing")
    func transitPeering() throws {
        var scenario = OutsideSourceTests.transit(
            opening: "192.168.0.0/16", attachment: ["id": "att-peer", "peerTransitGateway": "tgw-far"],
            routes: [["destination": "192.168.0.0/16", "attachment": "att-peer"]])
        let exposure = try #require(try OutsideSourceTests.unknown(scenario)[.outside("att-peer")])
        #expect(exposure.path.map(\.component.id).contains("tgw-rtb"))
        #expect(try scenario.verdict(from: OutsideSourceTests.address("192.168.3.3"), port: 8088).verdict == .unknown)
        // Without a route back to the attachment, nothing returns: blocked by the described table.
        scenario.update("transitGatewayRouteTables", id: "tgw-rtb") { $0["routes"] = [] as [[String: Any]] }
        #expect(try OutsideSourceTests.unknown(scenario)[.outside("att-peer")] == nil)
    }

    @Test("A peered VPC declared without subnets is a zone: its CIDRs as future interfaces, unknown")
    func subnetlessPeer() throws {
        var scenario = OutsideSourceTests.scenario(opening: "10.0.0.0/8", routes: [["destination": "10.9.0.0/16", "target": "pcx-empty"]])
        scenario["vpcs"] += [["id": "vpc-empty", "cidrs": ["10.9.0.0/16"]]]
        scenario.document["peeringConnections"] = [["id": "pcx-empty", "requesterVpc": "vpc-1", "accepterVpc": "vpc-empty"]]
        let exposure = try #require(try OutsideSourceTests.unknown(scenario)[.vpc("vpc-empty")])
        #expect(exposure.missing.first?.exportCommand == "aws ec2 describe-subnets --filters Name=vpc-id,Values=vpc-empty")
        #expect(try scenario.verdict(from: .zone(.vpc("vpc-empty")), port: 8088).verdict == .unknown)
    }

    @Test("A VPC declared without subnets reaches through its transit gateway attachment too")
    func subnetlessThroughTransit() throws {
        var scenario = Scenario.transitPair()
        // vpc-2 keeps its attachment but loses its subnets and interface.
        scenario["subnets"] = scenario["subnets"].filter { $0["id"] as? String != "subnet-2" }
        scenario["networkInterfaces"] = scenario["networkInterfaces"].filter { $0["id"] as? String != "eni-b" }
        scenario["routeTables"] = scenario["routeTables"].filter { $0["id"] as? String != "rtb-2" }
        scenario.update("transitGatewayAttachments", id: "att-2") {
            $0["subnets"] = nil
            $0["subnetsUnknown"] = true
        }
        let exposure = try #require(try OutsideSourceTests.unknown(scenario)[.tenant("b")])
        #expect(exposure.services.tcpPorts == [22...22])
        #expect(exposure.missing.contains { $0.component == "vpc-2" })
    }

    @Test("A rule naming a group the input does not describe keeps its members as an outside zone")
    func outsideGroup() throws {
        var scenario = Scenario()
        scenario.document["outsideGroups"] = [["id": "sg-elsewhere", "account": "999999999999"]]
        scenario.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "tcp", "ports": 9999, "securityGroup": "sg-elsewhere"]] }
        let exposure = try #require(try OutsideSourceTests.unknown(scenario)[.outside("sg-elsewhere")])
        #expect(exposure.services.tcpPorts == [9999...9999])
        // Its members are never the modelled interfaces, and never the internet.
        #expect(!exposure.sources.contains(try #require(IPAddress("10.0.1.10"))))
        #expect(try scenario.verdict(from: .zone(.internet), port: 9999).verdict == .blocked)
    }

    @Test("A VPC with no route table has unknown routing beyond its local routes, not no route")
    func missingRouteTable() throws {
        var scenario = Scenario()
        scenario["routeTables"] = []
        let result = try scenario.verdict(from: .zone(.internet))
        #expect(result.verdict == .unknown)
        #expect(result.missing.first?.exportCommand == "aws ec2 describe-route-tables --filters Name=vpc-id,Values=vpc-1")
    }

    @Test("A VPC attachment whose subnets are not in the input gives unknown, not blocked")
    func attachmentWithoutSubnets() throws {
        let scenario = Scenario.transitPair(firstAttachment: ["subnetsUnknown": true])
        let result = try scenario.verdict(from: .resource("eni-b"))
        #expect(result.verdict == .unknown)
        #expect(result.missing.first?.exportCommand == "aws ec2 describe-transit-gateway-vpc-attachments --transit-gateway-attachment-ids att-1")
    }

    @Test("Interfaces that may take any address of a block known only after apply get unknown verdicts for that family")
    func plannedAddressInUnknownBlock() throws {
        var scenario = Scenario()
        scenario.update("vpcs", id: "vpc-1") { $0["unknownCidrs"] = ["ipv6": "aws_vpc.main.ipv6_cidr_block is known only after apply"] }
        scenario.update("subnets", id: "subnet-1") { $0["unknownCidrs"] = ["ipv6": "aws_subnet.a.ipv6_cidr_block is known only after apply"] }
        scenario.update("networkInterfaces", id: "eni-target") {
            $0["privateIps"] = [] as [String]
            $0["publicIp"] = nil
            $0["plannedAddress"] = true
            $0["plannedPublicIp"] = true
        }
        scenario.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "tcp", "ports": 22, "cidr": "0.0.0.0/0"], ["protocol": "tcp", "ports": 22, "cidr": "::/0"]] }
        scenario.update("routeTables", id: "rtb-1") { $0["routes"] = [["destination": "0.0.0.0/0", "target": "igw-1"], ["destination": "::/0", "target": "igw-1"]] }
        let exposures = try scenario.solver().exposures(of: ["eni-target"])
        // IPv4 is known: reachable. IPv6 is a placeholder block: unknown, naming the value.
        #expect(exposures.contains { $0.zone == .internet && $0.verdict == .reachable })
        let ipv6 = try #require(exposures.first { $0.zone == .internet6 })
        #expect(ipv6.verdict == .unknown)
        #expect(ipv6.reason?.contains("aws_subnet.a.ipv6_cidr_block is known only after apply") == true)
    }

    @Test("Described filters still block traffic from outside: an ACL deny is a verdict, not an unknown")
    func describedFiltersStillDecide() throws {
        var scenario = OutsideSourceTests.scenario(
            opening: "172.16.0.0/12", routes: [["destination": "172.16.0.0/12", "target": "pcx-0gone", "outsideInput": true]])
        scenario.update("networkAcls", id: "acl-1") {
            $0["inbound"] = [
                ["rule": 10, "action": "deny", "protocol": "tcp", "ports": 8088, "cidr": "172.16.0.0/12"],
                ["rule": 100, "action": "allow", "protocol": "all", "cidr": "0.0.0.0/0"],
            ]
        }
        let result = try scenario.verdict(from: OutsideSourceTests.address("172.16.5.5"), port: 8088)
        #expect(result.verdict == .blocked)
        #expect(result.blockedBy.first?.component.id == "acl-1")
    }

    @Test("A transit gateway table whose routes were not exported may route replies to an outside attachment: unknown, not absent")
    func transitRoutesUnknown() throws {
        let scenario = OutsideSourceTests.transit(
            opening: "192.168.0.0/16", attachment: ["id": "att-peer", "peerTransitGateway": "tgw-far"], routes: [], propagations: [],
            routesUnknown: true)
        let exposure = try #require(try OutsideSourceTests.unknown(scenario)[.outside("att-peer")])
        #expect(exposure.services.tcpPorts == [8088...8088])
        #expect(exposure.missing.map(\.component).contains("tgw-rtb"))
        let result = try scenario.verdict(from: OutsideSourceTests.address("192.168.3.3"), port: 8088)
        #expect(result.verdict == .unknown)
    }

    @Test("A subnet standing for unlisted subnets is a source of its own outside zone, unknown, with the VPC's default ACL")
    func unlistedSubnets() throws {
        var scenario = OutsideSourceTests.scenario(opening: "10.0.0.0/16", routes: [])
        scenario["subnets"] += [[
            "id": "vpc-1/unlisted-subnets", "vpc": "vpc-1", "cidrs": [] as [String], "unlisted": true,
            "unknownCidrs": ["ipv4": "describe-subnets is not in the export"],
        ]]
        let exposure = try #require(try OutsideSourceTests.unknown(scenario)[.outside("vpc-1/unlisted-subnets")])
        #expect(exposure.services.tcpPorts == [8088...8088])
        #expect(exposure.missing == [.unlistedSubnets(of: "vpc-1", standIn: "vpc-1/unlisted-subnets")])
        #expect(exposure.missing.first?.exportCommand == "aws ec2 describe-subnets --filters Name=vpc-id,Values=vpc-1")
        #expect(try scenario.verdict(from: .zone(.outside("vpc-1/unlisted-subnets")), port: 8088).verdict == .unknown)
        // Its ACL is the VPC's default one: a deny there is a verdict.
        scenario.update("networkAcls", id: "acl-1") { $0["outbound"] = [] as [[String: Any]] }
        #expect(try OutsideSourceTests.unknown(scenario)[.outside("vpc-1/unlisted-subnets")] == nil)
    }

    @Test("A subnet standing for unlisted subnets cannot name a route table or ACL: those subnets have no association")
    func unlistedSubnetsHaveNoAssociation() throws {
        var scenario = Scenario()
        scenario["subnets"] += [[
            "id": "vpc-1/unlisted-subnets", "vpc": "vpc-1", "cidrs": [] as [String], "unlisted": true, "routeTable": "rtb-1",
            "unknownCidrs": ["ipv4": "describe-subnets is not in the export"],
        ]]
        let failure = try #require(throws: LoadFailure.self) { try scenario.topology() }
        #expect(failure.diagnostics.map(\.message) == ["a subnet standing for unlisted subnets has no explicit route table or network ACL"])
    }

    @Test("A VPC whose route tables are missing may bring traffic through any of its gateways: outside:VPC/unknown-routes")
    func unknownRouting() throws {
        var scenario = OutsideSourceTests.scenario(opening: "0.0.0.0/0", routes: [])
        scenario["routeTables"] = []
        let exposure = try #require(try OutsideSourceTests.unknown(scenario)[.outside("vpc-1/unknown-routes")])
        #expect(exposure.missing.first?.exportCommand == "aws ec2 describe-route-tables --filters Name=vpc-id,Values=vpc-1")
        // The public addresses are the internet zone's, which has its own unknown verdict.
        #expect(!exposure.sources.contains(try #require(IPAddress("8.8.8.8"))))
        #expect(try scenario.verdict(from: OutsideSourceTests.address("172.30.1.1"), port: 8088).verdict == .unknown)
        #expect(try scenario.verdict(from: .zone(.internet), port: 8088).verdict == .unknown)
    }

    @Test("An appliance forwards into other VPCs by its subnet's routes, not only into its own")
    func applianceAcrossTransit() throws {
        var scenario = Scenario.transitPair()
        scenario["networkInterfaces"] += [["id": "eni-fw", "subnet": "subnet-2", "privateIps": ["10.2.1.99"], "securityGroups": ["sg-b"]]]
        scenario.update("routeTables", id: "rtb-2") {
            $0["routes"] = [["destination": "10.0.0.0/16", "target": "tgw-1"], ["destination": "100.64.0.0/10", "target": "eni-fw"]]
        }
        scenario.update("routeTables", id: "rtb-1") {
            $0["routes"] = [["destination": "0.0.0.0/0", "target": "igw-1"], ["destination": "10.2.0.0/16", "target": "tgw-1"], ["destination": "100.64.0.0/10", "target": "tgw-1"]]
        }
        scenario.update("transitGatewayRouteTables", id: "tgw-rtb") { $0["routes"] = [["destination": "100.64.0.0/10", "attachment": "att-2"]] }
        scenario.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "tcp", "ports": 8088, "cidr": "100.64.0.0/10"]] }
        let exposure = try #require(try OutsideSourceTests.unknown(scenario)[.outside("eni-fw")])
        #expect(exposure.path.map(\.component.id).contains("tgw-rtb"))
        #expect(exposure.missing.first?.settlement == .applianceConfiguration)
        // Replies to the appliance's networks must be routed back: without the route, nothing returns.
        scenario.update("routeTables", id: "rtb-1") { $0["routes"] = [["destination": "0.0.0.0/0", "target": "igw-1"], ["destination": "10.2.0.0/16", "target": "tgw-1"]] }
        #expect(try OutsideSourceTests.unknown(scenario)[.outside("eni-fw")] == nil)
    }

    @Test("A VGW routed more addresses than its VPNs declare brings the rest as outside:VGW")
    func gatewayBeyondDeclaredPrefixes() throws {
        var scenario = OutsideSourceTests.scenario(opening: "10.0.0.0/8", routes: [["destination": "10.200.0.0/15", "target": "vgw-1"]])
        scenario.document["vpnGateways"] = [["id": "vgw-1", "vpc": "vpc-1"]]
        scenario.document["vpnConnections"] = [["id": "vpn-1", "vpnGateway": "vgw-1", "staticRoutes": ["10.200.0.0/16"]]]
        let exposure = try #require(try OutsideSourceTests.unknown(scenario)[.outside("vgw-1")])
        #expect(exposure.sources == (CIDR("10.201.0.0/16")?.addresses ?? .empty))
        #expect(exposure.missing.first?.what.contains("BGP") == true)
        #expect(try scenario.openServices(from: .onprem("vpn-1")).tcpPorts == [8088...8088])
        // Routed only what the VPN declares: no outside zone.
        scenario.update("routeTables", id: "rtb-1") { $0["routes"] = [["destination": "0.0.0.0/0", "target": "igw-1"], ["destination": "10.200.0.0/16", "target": "vgw-1"]] }
        #expect(try OutsideSourceTests.unknown(scenario)[.outside("vgw-1")] == nil)
    }

    /// tcp 8088 open to `opening`, `routed` (default: `opening`) routed to transit gateway
    /// `tgw-1`, whose table `tgw-rtb` associates `att-1` of vpc-1 and `attachment`, holds
    /// `routes` (or, with `routesUnknown`, none the input gives) and propagates `propagations`.
    static func transit(
        opening: String, routed: String? = nil, attachment: [String: Any], routes: [[String: Any]],
        propagations: [String] = ["att-1"], routesUnknown: Bool = false
    ) -> Scenario {
        var scenario = OutsideSourceTests.scenario(opening: opening, routes: [["destination": routed ?? opening, "target": "tgw-1"]])
        scenario.document["transitGateways"] = [["id": "tgw-1"]]
        scenario.document["transitGatewayAttachments"] = [
            ["id": "att-1", "transitGateway": "tgw-1", "vpc": "vpc-1", "subnets": ["subnet-1"]],
            attachment.merging(["transitGateway": "tgw-1"]) { _, new in new },
        ]
        scenario.document["transitGatewayRouteTables"] = [[
            "id": "tgw-rtb", "transitGateway": "tgw-1", "associations": ["att-1", attachment["id"] ?? ""], "propagations": propagations,
            "routes": routes, "routesUnknown": routesUnknown,
        ]]
        return scenario
    }

    /// `transit` with `att-vpn` of `vpn-1`, which declares 192.168.1.0/24.
    static func transitVPN(opening: String, routes: [[String: Any]], routesUnknown: Bool = false) -> Scenario {
        var scenario = transit(opening: opening, attachment: ["id": "att-vpn", "vpnConnection": "vpn-1"], routes: routes, routesUnknown: routesUnknown)
        scenario.document["vpnConnections"] = [["id": "vpn-1", "transitGateway": "tgw-1", "staticRoutes": ["192.168.1.0/24"]]]
        return scenario
    }

    @Test("A transit gateway VPN attachment routed more than its VPN declares brings the rest as outside:ATTACHMENT")
    func transitVPNBeyondDeclaredPrefixes() throws {
        let scenario = OutsideSourceTests.transitVPN(opening: "192.168.0.0/16", routes: [["destination": "192.168.0.0/16", "attachment": "att-vpn"]])
        let exposure = try #require(try OutsideSourceTests.unknown(scenario)[.outside("att-vpn")])
        #expect(exposure.sources == (CIDR("192.168.0.0/16")?.addresses ?? .empty).subtracting(CIDR("192.168.1.0/24")?.addresses ?? .empty))
        #expect(try scenario.openServices(from: .onprem("vpn-1")).tcpPorts == [8088...8088])
    }

    @Test("Routes a Direct Connect attachment propagates over BGP are not assumed (semantics, section 1), and the report says so")
    func propagatedRoutesNotAssumed() throws {
        var scenario = OutsideSourceTests.transit(
            opening: "0.0.0.0/0", routed: "192.168.0.0/16", attachment: ["id": "att-dx", "outside": "direct-connect-gateway"], routes: [],
            propagations: ["att-1", "att-dx"])
        let topology = try scenario.topology()
        #expect(topology.assumptions.contains { $0.contains("att-dx") && $0.contains("the routes it propagates into tgw-rtb over BGP are not in the input and none is assumed") })
        #expect(try OutsideSourceTests.unknown(scenario)[.outside("att-dx")] == nil)
        // Declared as a route of the table, the prefix it advertises brings its traffic: unknown.
        scenario.update("transitGatewayRouteTables", id: "tgw-rtb") { $0["routes"] = [["destination": "192.168.0.0/16", "attachment": "att-dx"]] }
        #expect(try OutsideSourceTests.unknown(scenario)[.outside("att-dx")]?.sources == (CIDR("192.168.0.0/16")?.addresses ?? .empty))
        #expect(try !scenario.topology().assumptions.contains { $0.contains("att-dx") })
    }

    @Test("With a table's routes unknown, a propagated route decides nothing: a static one may beat it")
    func propagatedRoutesUnderUnknownRoutes() throws {
        var scenario = Scenario.transitPair()
        scenario.update("transitGatewayRouteTables", id: "tgw-rtb") { $0["routesUnknown"] = true }
        let result = try scenario.verdict(from: .resource("eni-b"))
        #expect(result.verdict == .unknown)
        #expect(result.missing.contains(.routes(ofTransitGatewayTable: "tgw-rtb")))
        #expect(result.missing.contains { $0.component == "tgw-rtb" && $0.exportCommand == nil })
    }

    @Test("A VPN on a transit gateway whose table's routes are unknown may bring any address: outside:ATTACHMENT")
    func transitVPNUnderUnknownRoutes() throws {
        let scenario = OutsideSourceTests.transitVPN(opening: "172.20.0.0/16", routes: [], routesUnknown: true)
        #expect(try OutsideSourceTests.unknown(scenario)[.outside("att-vpn")] != nil)
        #expect(try scenario.verdict(from: OutsideSourceTests.address("172.20.0.1"), port: 8088).verdict == .unknown)
    }

    @Test("Through a NAT gateway into another VPC the verdict is unknown, and the target's groups see the NAT's address")
    func natIntoAnotherVPC() throws {
        var scenario = Scenario.transitPair()
        scenario["subnets"] += [["id": "subnet-nat", "vpc": "vpc-2", "cidrs": ["10.2.9.0/24"], "availabilityZone": "az-a", "routeTable": "rtb-nat"]]
        scenario["routeTables"] += [["id": "rtb-nat", "vpc": "vpc-2", "routes": [["destination": "10.0.0.0/16", "target": "tgw-1"]]]]
        scenario.update("routeTables", id: "rtb-2") { $0["routes"] = [["destination": "10.0.0.0/16", "target": "nat-1"]] }
        scenario.document["natGateways"] = [["id": "nat-1", "subnet": "subnet-nat", "connectivity": "private", "privateIp": "10.2.9.5"]]
        scenario.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "tcp", "ports": 22, "cidr": "10.2.9.5/32"]] }
        let result = try scenario.verdict(from: .resource("eni-b"))
        #expect(result.verdict == .unknown)
        #expect(result.reason.contains("nat-1 sends the traffic on to vpc-1 from its own address"))
        // A group that does not admit the NAT's address stops it: the target sees only that.
        scenario.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "tcp", "ports": 22, "cidr": "10.2.1.5/32"]] }
        #expect(try scenario.verdict(from: .resource("eni-b")).verdict == .blocked)
    }

    @Test("A subnet standing for unlisted subnets holds no interface")
    func noInterfaceInUnlistedSubnet() throws {
        var scenario = Scenario()
        scenario["subnets"] += [[
            "id": "vpc-1/unlisted-subnets", "vpc": "vpc-1", "cidrs": [] as [String], "unlisted": true,
            "unknownCidrs": ["ipv4": "describe-subnets is not in the export"],
        ]]
        scenario["networkInterfaces"] += [["id": "eni-x", "subnet": "vpc-1/unlisted-subnets", "privateIps": ["10.0.7.7"], "securityGroups": ["sg-target"]]]
        let failure = try #require(throws: LoadFailure.self) { try scenario.topology() }
        #expect(failure.errors.map(\.message) == ["eni-x is in vpc-1/unlisted-subnets, which stands for subnets the input does not list and so holds no interface"])
    }

    @Test("A VPN zone known only from routes is, for each target, what the target's own table routes back to it")
    func vpnZoneScopedByTargetTable() throws {
        var scenario = Scenario.transitPair()
        scenario.document["vpnConnections"] = [["id": "vpn-1", "transitGateway": "tgw-1"]]
        scenario["transitGatewayAttachments"] += [["id": "att-vpn", "transitGateway": "tgw-1", "vpnConnection": "vpn-1"]]
        // vpc-2's table routes are unknown, so it may route anything to the VPN; vpc-1's
        // table (the target's) routes nothing there.
        scenario.document["transitGatewayRouteTables"] = [
            ["id": "tgw-rtb", "transitGateway": "tgw-1", "associations": ["att-1", "att-vpn"], "propagations": ["att-1", "att-2"], "routes": [] as [[String: Any]]],
            ["id": "tgw-rtb-2", "transitGateway": "tgw-1", "associations": ["att-2"], "propagations": [] as [String], "routes": [] as [[String: Any]], "routesUnknown": true],
        ]
        scenario.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "icmp", "cidr": "0.0.0.0/0"]] }
        let exposures = try scenario.solver().exposures(of: ["eni-target"])
        #expect(!exposures.contains { $0.zone == .onprem("vpn-1") })
        // Routed back to the VPN by the target's table, its addresses may send even traffic
        // that needs no reply.
        scenario.update("transitGatewayRouteTables", id: "tgw-rtb") { $0["routes"] = [["destination": "192.168.0.0/16", "attachment": "att-vpn"]] }
        let routed = try scenario.solver().exposures(of: ["eni-target"]).filter { $0.zone == .onprem("vpn-1") }
        #expect(routed.contains { $0.verdict == .reachable && $0.sources == (CIDR("192.168.0.0/16")?.addresses ?? .empty) })
    }
}
