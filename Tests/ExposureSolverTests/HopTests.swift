import ExposureTestSupport
import Testing
@testable import ExposureModel
@testable import ExposureSolver

/// Hops carry typed evidence: the component by id and kind, the deciding rule as a value.
@Suite("Typed evidence")
struct HopTests {
    @Test("A witness names each component by kind and each rule by its place in the input")
    func witnessIsTyped() throws {
        let result = try Scenario().verdict(from: .zone(.internet))
        #expect(result.path.map(\.component.kind) == [.zone, .internetGateway, .networkACL, .securityGroup, .networkInterface])
        let group = try #require(result.path.first { $0.component.kind == .securityGroup })
        guard case .groupRule(ingress: true, index: 0, let rule) = group.rule else {
            Issue.record("expected ingress rule 0 of sg-target, found \(group.rule)")
            return
        }
        #expect(rule.peer == .cidr(CIDR.anyIPv4))
        #expect(rule.traffic.ports?.closedRange == 22...22)
        let route = try #require(result.returnPath.first { $0.component.kind == .routeTable })
        guard case .route(let taken) = route.rule else {
            Issue.record("expected a route, found \(route.rule)")
            return
        }
        #expect(taken.target == .internetGateway("igw-1"))
        #expect(route.direction == .return)
    }

    @Test("A deny entry is an ACL entry by number that denies; the report text says so")
    func denyEntry() throws {
        var scenario = Scenario()
        scenario.update("networkAcls", id: "acl-1") {
            $0["inbound"] = [["rule": 100, "action": "deny", "protocol": "tcp", "ports": 22, "cidr": "0.0.0.0/0"]]
        }
        let blocker = try #require(try scenario.verdict(from: .zone(.internet)).blockedBy.first)
        #expect(blocker.component == ComponentRef(.networkACL, "acl-1"))
        guard case .aclEntry(inbound: true, let entry) = blocker.rule else {
            Issue.record("expected an inbound ACL entry, found \(blocker.rule)")
            return
        }
        #expect(entry.ruleNumber == 100 && entry.action == .deny)
        #expect(blocker.rule.denies)
        #expect(blocker.description == "acl-1 [network-acl] inbound rule 100 deny tcp 22 from 0.0.0.0/0 (denies)")
    }

    @Test("A rule seen after a NAT gateway keeps its reference and says for which address")
    func translatedRule() {
        let entry = NetworkACLEntry(ruleNumber: 7, action: .deny, traffic: TrafficSelector(ipProtocol: .tcp, ports: PortRange(443)), cidr: CIDR.anyIPv4)
        let rule = RuleRef.translated(.aclEntry(inbound: false, entry: entry), source: IPAddress(ipv4: 0x3400_0001))
        #expect(rule.denies)
        #expect(Hop(ComponentRef(.networkACL, "acl-nat"), rule, via: "nat-1").explanation
            == "via nat-1: outbound rule 7 deny tcp 443 to 0.0.0.0/0 (for 52.0.0.1) (denies)")
    }

    @Test("Every resource kind names a distinct component kind")
    func kindsAreDistinct() {
        let kinds: [ComponentKind] = [
            VPCKind.componentKind, SubnetKind.componentKind, RouteTableKind.componentKind, NetworkACLKind.componentKind,
            SecurityGroupKind.componentKind, NetworkInterfaceKind.componentKind, InternetGatewayKind.componentKind,
            EgressOnlyGatewayKind.componentKind, NATGatewayKind.componentKind, VPNGatewayKind.componentKind,
            VPNConnectionKind.componentKind, CustomerGatewayKind.componentKind, PeeringConnectionKind.componentKind,
            TransitGatewayKind.componentKind, TransitGatewayAttachmentKind.componentKind,
            TransitGatewayRouteTableKind.componentKind, VPCEndpointKind.componentKind, PrefixListKind.componentKind,
            EMRClusterKind.componentKind, InstanceKind.componentKind,
        ]
        #expect(Set(kinds).count == kinds.count)
        #expect(SecurityGroupID("sg-1").component == ComponentRef(.securityGroup, "sg-1"))
    }
}
