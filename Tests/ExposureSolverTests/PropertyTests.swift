import ExposureTestSupport
import Testing
@testable import ExposureAudit
@testable import ExposureLoading
@testable import ExposureModel
@testable import ExposureReports
@testable import ExposureSolver

/// Monotonicity and determinism over seeded random topologies.
@Suite("Properties over random topologies")
struct PropertyTests {
    static let seeds: [UInt64] = Array(1...25)

    /// A random rule's protocol and ports.
    static func randomTraffic(_ random: inout SeededGenerator) -> [String: Any] {
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return ["protocol": "all"]
        case 1: return ["protocol": "udp", "ports": "\(Int.random(in: 1...1000, using: &random))-\(Int.random(in: 1001...65535, using: &random))"]
        case 2: return ["protocol": "icmp", "icmpType": Int.random(in: -1...8, using: &random)]
        default:
            let low = Int.random(in: 1...9000, using: &random)
            return ["protocol": "tcp", "ports": "\(low)-\(low + Int.random(in: 0...200, using: &random))"]
        }
    }

    static func randomCIDR(_ random: inout SeededGenerator) -> String {
        let choices = ["0.0.0.0/0", "0.0.0.0/1", "128.0.0.0/1", "10.0.0.0/8", "10.0.1.0/24", "54.0.0.0/8", "203.0.113.0/28", "::/0"]
        return choices[Int.random(in: 0..<choices.count, using: &random)]
    }

    /// A base scenario with a second tenant, random group rules and a random ACL.
    static func randomScenario(seed: UInt64) -> Scenario {
        var random = SeededGenerator(seed: seed)
        var scenario = Scenario()
        scenario.document["tenants"] = [["name": "other"]]
        scenario["subnets"] += [["id": "subnet-2", "vpc": "vpc-1", "cidrs": ["10.0.2.0/24"], "availabilityZone": "az-a"]]
        scenario["securityGroups"] += [Scenario.group("sg-other", ingress: [])]
        scenario["networkInterfaces"] += [["id": "eni-other", "subnet": "subnet-2", "privateIps": ["10.0.2.5"], "securityGroups": ["sg-other"], "tenant": "other"]]
        let rules = (0..<Int.random(in: 1...5, using: &random)).map { _ in
            randomTraffic(&random).merging(["cidr": randomCIDR(&random)]) { first, _ in first }
        }
        scenario.update("securityGroups", id: "sg-target") { $0["ingress"] = rules }
        var numbers = Set<Int>()
        let entries: [[String: Any]] = (0..<Int.random(in: 1...6, using: &random)).compactMap { _ in
            let number = Int.random(in: 2...300, using: &random)
            guard numbers.insert(number).inserted else { return nil }
            return randomTraffic(&random).merging([
                "rule": number, "action": Bool.random(using: &random) ? "allow" : "deny", "cidr": randomCIDR(&random),
            ]) { first, _ in first }
        }
        scenario.update("networkAcls", id: "acl-1") { $0["inbound"] = entries }
        return scenario
    }

    /// Every (zone, services) the target is reachable from.
    static func reachable(_ scenario: Scenario) throws -> [Zone: ServiceSet] {
        var result: [Zone: ServiceSet] = [:]
        for exposure in try scenario.solver().exposures(of: ["eni-target"]) where exposure.verdict == .reachable {
            result[exposure.zone] = (result[exposure.zone] ?? .empty).union(exposure.services)
        }
        return result
    }

    @Test("Adding an allow rule never removes reachability", arguments: seeds)
    func allowIsMonotone(seed: UInt64) throws {
        let base = PropertyTests.randomScenario(seed: seed)
        var random = SeededGenerator(seed: seed &* 31)
        var widened = base
        widened.update("securityGroups", id: "sg-target") {
            let extra = PropertyTests.randomTraffic(&random).merging(["cidr": PropertyTests.randomCIDR(&random)]) { first, _ in first }
            $0["ingress"] = ($0["ingress"] as? [[String: Any]] ?? []) + [extra]
        }
        let before = try PropertyTests.reachable(base)
        let after = try PropertyTests.reachable(widened)
        for (zone, services) in before {
            #expect(services.isSubset(of: after[zone] ?? .empty), "seed \(seed): \(zone) lost reachability")
        }
    }

    @Test("A deny entry inserted at the front of the ACL never adds reachability", arguments: seeds)
    func denyIsAntitone(seed: UInt64) throws {
        let base = PropertyTests.randomScenario(seed: seed)
        var random = SeededGenerator(seed: seed &* 17)
        var narrowed = base
        narrowed.update("networkAcls", id: "acl-1") {
            let deny = PropertyTests.randomTraffic(&random).merging(["rule": 1, "action": "deny", "cidr": PropertyTests.randomCIDR(&random)]) { first, _ in first }
            let rest = $0["inbound"] as? [[String: Any]] ?? []
            $0["inbound"] = [deny] + rest
        }
        let before = try PropertyTests.reachable(base)
        let after = try PropertyTests.reachable(narrowed)
        for (zone, services) in after {
            #expect(services.isSubset(of: before[zone] ?? .empty), "seed \(seed): \(zone) gained reachability")
        }
    }

    @Test("The same input gives the same exposures", arguments: seeds.prefix(5))
    func deterministic(seed: UInt64) throws {
        let scenario = PropertyTests.randomScenario(seed: seed)
        let first = try scenario.solver().exposures(of: ["eni-target"]).map { "\($0.zone) \($0.services) \($0.path)" }
        let second = try scenario.solver().exposures(of: ["eni-target"]).map { "\($0.zone) \($0.services) \($0.path)" }
        #expect(first == second)
    }
}
