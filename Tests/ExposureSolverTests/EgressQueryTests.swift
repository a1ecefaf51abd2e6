import ExposureTestSupport
import Testing
@testable import ExposureModel
@testable import ExposureSolver

/// The public egress questions: ways out, the answer over them, and what blocks the rest.
@Suite("Egress questions")
struct EgressQueryTests {
    let destination = AddressSet(cidrs: [CIDR("52.216.0.0/15")].compactMap { $0 })
    let https = ServiceSet.single(6, IntervalSet(ranges: [443...443]))

    func ways(_ scenario: Scenario) throws -> (Solver, EgressWays) {
        let solver = try scenario.solver()
        let interface = try #require(solver.topology.networkInterfaces["eni-target"])
        return (solver, solver.waysOut(from: [interface], to: destination, service: nil))
    }

    @Test("A public interface with open egress reaches the internet through its gateway")
    func reachable() throws {
        let (solver, ways) = try ways(Scenario())
        #expect(ways.sources == AddressSet(cidrs: [try #require(CIDR("10.0.1.10/32"))]))
        let answer = solver.egress(over: ways, services: https) { _ in .allows("unused") }
        #expect(answer.blocked.isEmpty)
        #expect(answer.reachable == answer.wanted)
    }

    @Test("A group without the egress rule blocks; the blocker is typed and says what would open it")
    func blockedByGroup() throws {
        var scenario = Scenario()
        scenario.update("securityGroups", id: "sg-target") { $0["egress"] = [["protocol": "tcp", "ports": 80, "cidr": "0.0.0.0/0"]] }
        let (solver, ways) = try ways(scenario)
        let answer = solver.egress(over: ways, services: https) { _ in .allows("unused") }
        #expect(answer.blocked == answer.wanted)
        let blockers = solver.blockedWays(of: answer.blocked, in: answer).flatMap(\.blockers)
        let group = try #require(blockers.first { $0.hop.component.kind == .securityGroup })
        guard case .filter(_, let fix, let leg, let denial) = group else {
            Issue.record("expected a filter, found \(group)")
            return
        }
        #expect(fix == .allowInGroups(["sg-target"], ingress: false))
        #expect(leg == .request)
        #expect(denial == nil)
    }

    @Test("An ACL deny entry is named as the denial, on the leg it stops")
    func deniedReply() throws {
        var scenario = Scenario()
        scenario.update("networkAcls", id: "acl-1") {
            $0["inbound"] = [
                ["rule": 90, "action": "deny", "protocol": "tcp", "ports": "1024-65535", "cidr": "0.0.0.0/0"],
                ["rule": 100, "action": "allow", "protocol": "all", "cidr": "0.0.0.0/0"],
            ]
        }
        let (solver, ways) = try ways(scenario)
        let answer = solver.egress(over: ways, services: https) { _ in .allows("unused") }
        #expect(answer.blocked == answer.wanted)
        let blocker = try #require(solver.blockedWays(of: answer.blocked, in: answer).flatMap(\.blockers).first)
        guard case .filter(_, _, .reply, .aclEntry(inbound: true, let entry)?) = blocker else {
            Issue.record("expected inbound entry 90 denying the reply, found \(blocker)")
            return
        }
        #expect(entry.ruleNumber == 90)
    }

    @Test("No interfaces ask nothing")
    func noInterfaces() throws {
        let solver = try Scenario().solver()
        let ways = solver.waysOut(from: [], to: destination, service: nil)
        #expect(ways.sources.isEmpty)
        #expect(solver.egress(over: ways, services: https) { _ in .allows("unused") }.wanted.isEmpty)
    }
}
