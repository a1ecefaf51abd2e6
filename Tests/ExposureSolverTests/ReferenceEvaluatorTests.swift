import ExposureTestSupport
import Foundation
import Testing
@testable import ExposureAudit
@testable import ExposureLoading
@testable import ExposureModel
@testable import ExposureReports
@testable import ExposureSolver

/// The solver's exposures against a straightforward reference: every source class on its
/// own (no merging), every path evaluated in full, every zone's services united per
/// interface. The two must agree on every verdict and every service set, on seeded random
/// AWS bundles and on every example topology.
@Suite("Compiled solver against the reference evaluator")
struct ReferenceEvaluatorTests {
    /// Reachable and unknown services, and the addresses they come from, by interface and
    /// zone.
    struct Answer: Equatable, CustomStringConvertible {
        var reachable: [String: ServiceSet] = [:]
        var unknown: [String: ServiceSet] = [:]
        var sources: [String: AddressSet] = [:]

        var description: String {
            (reachable.keys.sorted().map { "reachable \($0): \(reachable[$0].map(String.init(describing:)) ?? "")" }
                + unknown.keys.sorted().map { "unknown \($0): \(unknown[$0].map(String.init(describing:)) ?? "")" }
                + sources.keys.sorted().map { "sources \($0): \(sources[$0]?.cidrs.map(\.description) ?? [])" }).joined(separator: "\n")
        }
    }

    /// The reference: per target class, every origin (each source class apart), every
    /// path, evaluated and united per interface and zone; unknown is what some path leaves
    /// undecided and no path reaches.
    static func reference(_ solver: Solver, targets: [NetworkInterfaceID]) -> Answer {
        var answer = Answer()
        for target in solver.targetClasses(of: targets) {
            guard let first = target.interfaces.first else { continue }
            let own = solver.ownZone(of: first)
            var origins = solver.origins(excluding: own).filter { origin in
                if case .interfaces = origin { return false }
                return true
            }
            origins += solver.sourceClasses.filter { $0.zone != own }.map { .interfaces($0) }
            let evaluated = origins.flatMap { solver.paths(from: $0, to: target) }.map { ($0.zone, solver.evaluate($0)) }
            for interface in target.interfaces {
                let addresses = Solver.addresses(of: interface, in: solver.topology)
                var reachable: [Zone: ServiceSet] = [:]
                var unknown: [Zone: ServiceSet] = [:]
                var traffic: [Zone: TrafficSet] = [:]
                for (zone, result) in evaluated {
                    traffic[zone, default: .empty] = traffic[zone, default: .empty]
                        .union(result.reachable.union(result.unknown).restricted(toDestinations: addresses))
                    reachable[zone, default: .empty] = reachable[zone, default: .empty].union(result.reachable.restricted(toDestinations: addresses).services)
                    unknown[zone, default: .empty] = unknown[zone, default: .empty].union(result.unknown.restricted(toDestinations: addresses).services)
                }
                for (zone, services) in reachable where !services.isEmpty {
                    answer.reachable["\(interface.id) \(zone)"] = services
                    // A reachable exposure's sources: whatever of the zone's traffic, reachable or
                    // undecided, has its services.
                    answer.sources["\(interface.id) \(zone)"] = traffic[zone]?.intersection(TrafficSet(services: services)).sources
                }
                for (zone, services) in unknown {
                    let left = services.subtracting(reachable[zone] ?? .empty)
                    if !left.isEmpty { answer.unknown["\(interface.id) \(zone)"] = left }
                }
            }
        }
        return answer
    }

    /// The solver's own answer, read off its exposures.
    static func solved(_ solver: Solver, targets: [NetworkInterfaceID]) -> Answer {
        var answer = Answer()
        for exposure in solver.exposures(of: targets) {
            let key = "\(exposure.target) \(exposure.zone)"
            switch exposure.verdict {
            case .reachable:
                answer.reachable[key] = (answer.reachable[key] ?? .empty).union(exposure.services)
                answer.sources[key] = (answer.sources[key] ?? .empty).union(exposure.sources)
            case .unknown: answer.unknown[key] = (answer.unknown[key] ?? .empty).union(exposure.services)
            case .blocked: break
            }
        }
        return answer
    }

    static func compare(_ topology: Topology, name: String) -> Bool {
        let solver = Solver(topology: topology)
        let targets = topology.networkInterfaces.keys.sorted()
        let expected = reference(solver, targets: targets)
        let actual = solved(solver, targets: targets)
        #expect(actual == expected, "\(name): solver\n\(actual)\nreference\n\(expected)")
        return solver.mergedSources.contains { !$0.members.isEmpty }
    }

    static let seeds: [UInt64] = Array(1...30)

    /// A random bundle where every interface has a sibling in its subnet with a group of
    /// its own (random egress and ingress rules), so that source classes share subnets.
    static func bundleWithSiblings(seed: UInt64) -> BundleBuilder {
        var (bundle, _) = RandomBundle.make(seed: seed)
        var random = SeededGenerator(seed: seed &* 7919)
        let peers = ["0.0.0.0/0", "10.0.0.0/8", "10.1.0.0/16", "10.2.0.0/16", "10.3.1.0/24", "192.168.0.0/16"]
        func rules() -> [[String: Any]] {
            (0..<Int.random(in: 1...3, using: &random)).map { _ in
                BundleBuilder.rule([22, 8088, 5432].randomElement(using: &random) ?? 22, ["IpRanges": [["CidrIp": peers.randomElement(using: &random) ?? "0.0.0.0/0"]]])
            }
        }
        for eni in bundle["NetworkInterfaces"] {
            guard let id = eni["NetworkInterfaceId"] as? String, let subnet = eni["SubnetId"] as? String, let vpc = eni["VpcId"] as? String,
                let address = eni["PrivateIpAddress"] as? String
            else { continue }
            let group = "sg-sibling-\(id.dropFirst(4))"
            bundle["SecurityGroups"] += [["GroupId": group, "VpcId": vpc, "GroupName": group, "IpPermissions": rules(), "IpPermissionsEgress": rules()]]
            let sibling = address.split(separator: ".").dropLast().joined(separator: ".") + ".11"
            bundle["NetworkInterfaces"] += [[
                "NetworkInterfaceId": "\(id)-sibling", "SubnetId": subnet, "VpcId": vpc, "AvailabilityZone": eni["AvailabilityZone"] ?? "us-east-1a",
                "PrivateIpAddress": sibling, "PrivateIpAddresses": [["PrivateIpAddress": sibling]], "Groups": [["GroupId": group]],
                "InterfaceType": "interface",
            ]]
        }
        return bundle
    }

    @Test("Random AWS bundles, each interface with a sibling of other groups", arguments: seeds)
    func randomBundles(seed: UInt64) throws {
        let merged = ReferenceEvaluatorTests.compare(try ReferenceEvaluatorTests.bundleWithSiblings(seed: seed).load().topology, name: "seed \(seed)")
        #expect(merged, "seed \(seed): no two source classes share a subnet and zone, so merging is not exercised")
    }

    @Test("Random AWS bundles as they are", arguments: seeds.prefix(10))
    func plainBundles(seed: UInt64) throws {
        _ = ReferenceEvaluatorTests.compare(try RandomBundle.make(seed: seed).bundle.load().topology, name: "seed \(seed)")
    }

    /// Two classes of one tenant share a subnet: `eni-a` (the first by id, 10.0.2.20) lets
    /// all tcp out, `eni-b` (10.0.2.10, the lower address) only tcp 22. Before merging, the
    /// first class's path witnessed the whole zone; a merged origin must still report that
    /// one exposure, from eni-a, and name eni-b only where it alone is the source.
    @Test("A merged origin reports its members' witnesses in class order")
    func mergedWitnessOrder() throws {
        var scenario = Scenario()
        scenario.document["tenants"] = [["name": "other"]]
        scenario["subnets"] += [["id": "subnet-2", "vpc": "vpc-1", "cidrs": ["10.0.2.0/24"], "availabilityZone": "az-a"]]
        scenario["securityGroups"] += [
            Scenario.group("sg-all", ingress: [], egress: [["protocol": "tcp", "ports": "0-65535", "cidr": "0.0.0.0/0"]]),
            Scenario.group("sg-ssh", ingress: [], egress: [["protocol": "tcp", "ports": 22, "cidr": "0.0.0.0/0"]]),
        ]
        scenario["networkInterfaces"] += [
            ["id": "eni-a", "subnet": "subnet-2", "privateIps": ["10.0.2.20"], "securityGroups": ["sg-all"], "tenant": "other"],
            ["id": "eni-b", "subnet": "subnet-2", "privateIps": ["10.0.2.10"], "securityGroups": ["sg-ssh"], "tenant": "other"],
        ]
        scenario.update("securityGroups", id: "sg-target") { $0["ingress"] = [["protocol": "tcp", "ports": "22-8088", "cidr": "10.0.0.0/8"]] }
        let solver = try scenario.solver()
        #expect(solver.mergedSources.contains { $0.members.map(\.interfaces) == [["eni-a"], ["eni-b"]] })
        let tenant = solver.exposures(of: ["eni-target"]).filter { $0.zone == .tenant("other") }
        #expect(tenant.count == 1)
        #expect(tenant.first?.path.first?.component.id == "eni-a")
        #expect(tenant.first?.witness.source == IPAddress("10.0.2.20"))
    }

    @Test("Example topologies", arguments: ReferenceEvaluatorTests.exampleNames)
    func examples(name: String) throws {
        let path = "topologies/\(name).json"
        let bytes = [UInt8](try Data(contentsOf: RepositoryRoot.url.appendingPathComponent(path)))
        let (topology, _) = try NativeLoader.load(bytes, file: path)
        _ = ReferenceEvaluatorTests.compare(topology, name: name)
    }

    static var exampleNames: [String] {
        let folder = RepositoryRoot.url.appendingPathComponent("topologies").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }.map { String($0.dropLast(5)) }.sorted()
    }
}
