import ExposureAudit
import ExposureDrawing
import ExposureModel
import ExposureReports
import ExposureSolver
import Testing

/// What the drawing says: which gateway each exposure enters through, what is public,
/// what is folded.
@Suite("Diagram")
struct DiagramTests {
    static func diagram(_ name: String) throws -> Diagram {
        let report = try DrawingInputs.report(name)
        return Diagram(topology: report.topology, exposures: report.exposures, findings: report.findings)
    }

    static func line(_ diagram: Diagram, from zone: Zone) -> DiagramLine? {
        diagram.lines.first { $0.zone == zone }
    }

    @Test("An internet exposure enters through the internet gateway the path crosses, let in by the group rules that allow it")
    func internetGateway() throws {
        let diagram = try DiagramTests.diagram("emr-public-subnet")
        let line = try #require(DiagramTests.line(diagram, from: .internet))
        #expect(line.stops == [.zone(.internet), .gateway(ComponentRef(.internetGateway, "igw-0b1"), in: "vpc-0b1"), .nodes("j-PUBLIC", .primary, in: "subnet-public-b")])
        #expect(line.admissions.map(\.component.id) == ["sg-0master", "sg-0master"])
        #expect(line.severity == .high)
        let subnet = try #require(diagram.vpcs.first?.children.first { $0.element == .subnet("subnet-public-b") })
        #expect(subnet.marking == .publicSubnet)
    }

    @Test("Tenants come in through the transit gateway attachment or the peering their path takes")
    func transitAndPeering() throws {
        let diagram = try DiagramTests.diagram("peering-transit-hub")
        let transit = try #require(DiagramTests.line(diagram, from: .tenant("datascience")))
        #expect(transit.stops[1] == .gateway(ComponentRef(.transitGatewayAttachment, "tgw-attach-emr"), in: "vpc-emr"))
        let peering = try #require(DiagramTests.line(diagram, from: .tenant("partner")))
        #expect(peering.stops[1] == .gateway(ComponentRef(.peeringConnection, "pcx-emr-partner"), in: "vpc-emr"))
        #expect(diagram.origins.map(\.element).contains(.transitGateway("tgw-hub")))
        #expect(diagram.lines.contains { $0.kind == .link && $0.stops.first == .transitGateway("tgw-hub") })
    }

    @Test("On-prem traffic enters through the VPN gateway")
    func vpn() throws {
        let diagram = try DiagramTests.diagram("vpn-onprem")
        let line = try #require(diagram.lines.first { if case .onprem = $0.zone { true } else { false } })
        #expect(line.gateway == ComponentRef(.vpnGateway, "vgw-0c1"))
    }

    @Test("Unknown answers are drawn as unknown, from the outside component")
    func unknown() throws {
        let diagram = try DiagramTests.diagram("partial-export")
        let lines = diagram.lines.filter { $0.verdict != nil }
        #expect(!lines.isEmpty && lines.allSatisfy { $0.verdict == .unknown && $0.zone?.isOutside == true })
    }

    @Test("An egress gap is a line from the nodes to the repositories, rated by its finding")
    func egressGap() throws {
        let diagram = try DiagramTests.diagram("launch-requirements")
        let gaps = diagram.lines.filter { if case .egressGap = $0.kind { true } else { false } }
        #expect(!gaps.isEmpty)
        #expect(gaps.allSatisfy { $0.stops.last == .repositories && !$0.findings.isEmpty })
        #expect(diagram.origins.map(\.element).contains(.repositories))
    }

    @Test("Every rule that opens a line's ports is named, not only the witness path's")
    func everyCauseNamed() throws {
        let diagram = try DiagramTests.diagram("bpa-evasion")
        let texts = diagram.lines.flatMap(\.admissionTexts)
        #expect(texts.contains { $0.contains("0.0.0.0/1") })
        #expect(texts.contains { $0.contains("128.0.0.0/1") })
    }

    @Test("A reachable and an unknown exposure on one node are rated by their own findings")
    func ratedByVerdict() throws {
        let diagram = try DiagramTests.diagram("fixture:reachable-and-unknown")
        let report = try DrawingInputs.report("fixture:reachable-and-unknown")
        let reachable = try #require(diagram.lines.first { $0.verdict == .reachable })
        let unknown = try #require(diagram.lines.first { $0.verdict == .unknown })
        let rules = Dictionary(uniqueKeysWithValues: report.findings.map { ($0.id, $0.rule) })
        #expect(!reachable.findings.isEmpty && !unknown.findings.isEmpty)
        #expect(unknown.findings.allSatisfy { rules[$0] == "possible-exposure" })
        #expect(reachable.findings.allSatisfy { rules[$0] != "possible-exposure" })
    }

    @Test("Only interfaces with something open are drawn or folded; the quiet ones are counted in the subnet")
    func foldsOnlyExposed() throws {
        let diagram = try DiagramTests.diagram("fixture:many-interfaces")
        let subnet = try #require(diagram.vpcs.flatMap(\.children).first { $0.element.placement == .subnet && !$0.children.isEmpty })
        let drawn = subnet.children.filter { if case .interface = $0.element { true } else { false } }
        let folded = try #require(subnet.children.first { if case .otherInterfaces = $0.element { true } else { false } })
        #expect(drawn.count == 6)
        #expect(folded.title == "4 other interfaces")
        #expect(subnet.detail.contains("(50 with nothing open, not drawn)"))
    }

    @Test("A diff draws only what the change opens")
    func diffShowsOpenedServices() throws {
        let before = try DrawingInputs.report("emr-public-subnet")
        let after = try DrawingInputs.report("fixture:widened-port")
        let diff = DiffReview(before: Review([before], gate: .never), after: Review([after], gate: .never))
        let diagram = Diagram(topology: after.topology, shown: diff.opened.map { DiagramExposure($0.exposure, services: $0.services) }, findings: [])
        let line = try #require(diagram.lines.first { $0.verdict == .reachable })
        #expect(!line.services.overlaps(ServiceSet.single(6, IntervalSet(ranges: [8088...8088]))))
        #expect(line.services.overlaps(ServiceSet.single(6, IntervalSet(ranges: [8080...8080]))))
    }

    @Test("A subnet the input gives no route table for is neither public nor private")
    func unknownSubnet() {
        var topology = Topology()
        topology.vpcs["vpc-1"] = VPC(id: "vpc-1", cidrs: [CIDR("10.0.0.0/16")].compactMap { $0 })
        topology.subnets["subnet-1"] = Subnet(id: "subnet-1", vpc: "vpc-1", cidrs: [CIDR("10.0.1.0/24")].compactMap { $0 }, availabilityZone: nil)
        let diagram = Diagram(topology: topology, exposures: [], findings: [])
        let subnet = diagram.vpcs.first?.children.first
        #expect(subnet?.marking == .unknownSubnet)
        #expect(subnet?.subtitle?.hasPrefix("public or private: unknown") == true)
    }

    @Test("Many endpoints fold into one box; few are drawn one by one")
    func endpointsFold() {
        var topology = Topology()
        topology.vpcs["vpc-1"] = VPC(id: "vpc-1", cidrs: [CIDR("10.0.0.0/16")].compactMap { $0 })
        for index in 1...5 {
            let id = VPCEndpointID("vpce-\(index)")
            topology.vpcEndpoints[id] = VPCEndpoint(id: id, vpc: "vpc-1", type: .interface, service: "com.amazonaws.us-east-1.svc\(index)")
        }
        let folded = Diagram(topology: topology, exposures: [], findings: [])
        #expect(folded.vpcs.first?.children.map(\.element) == [.endpoints("vpc-1")])
        topology.vpcEndpoints = topology.vpcEndpoints.filter { $0.key.rawValue <= "vpce-2" }
        let drawn = Diagram(topology: topology, exposures: [], findings: [])
        #expect(drawn.vpcs.first?.children.count == 2)
    }

    @Test("Text is cut to fit with an ellipsis, and wide characters count twice")
    func textFits() {
        #expect(DiagramText.fitted("subnet-0123456789abcdef0", width: 80, size: .title).hasSuffix("…"))
        #expect(DiagramText.width(of: DiagramText.fitted("subnet-0123456789abcdef0", width: 80, size: .title), size: .title) <= 80)
        #expect(DiagramText.fitted("short", width: 80, size: .title) == "short")
        #expect(DiagramText.width(of: "網路", size: .title) == DiagramText.width(of: "abcd", size: .title))
    }
}
