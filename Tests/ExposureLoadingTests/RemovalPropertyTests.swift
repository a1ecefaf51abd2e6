import ExposureTestSupport
import Testing
@testable import ExposureAudit
@testable import ExposureLoading
@testable import ExposureModel
@testable import ExposureReports
@testable import ExposureSolver

/// What the input does not describe never closes a path: leaving any resource or any whole
/// `describe-*` output out of a random AWS bundle never turns a `reachable` or `unknown`
/// verdict into `blocked`, and never loses the destination.
@Suite("Leaving things out of an export")
struct RemovalPropertyTests {
    static let seeds: [UInt64] = Array(1...12)

    /// Every flow the property checks: from each interface, an internet address, an
    /// on-premises address and each address behind what the bundle routes to but does not
    /// describe, to each interface, on the ports the generator opens.
    static func flows(_ interfaces: [(id: String, address: String)]) -> [(source: String, target: String, port: UInt16)] {
        let sources = interfaces.map(\.address) + ["198.51.100.7", "192.168.5.5"] + RandomBundle.routedSources
        return sources.flatMap { source in
            interfaces.flatMap { target in [UInt16(22), 8088, 5432].map { (source, target.id, $0) } }
        }
    }

    static func verdicts(_ topology: Topology, _ flows: [(source: String, target: String, port: UInt16)]) -> [Verdict?] {
        let solver = Solver(topology: topology)
        return flows.map { flow in
            guard let address = IPAddress(flow.source) else { return nil }
            let query = TraceQuery(source: .address(address), destination: .resource(flow.target), protocolNumber: 6, keys: flow.port...flow.port)
            // A destination that no longer exists is a lost verdict, not an answer.
            return try? solver.trace(query).verdict
        }
    }

    @Test("Removing any resource or output never turns reachable or unknown into blocked", arguments: seeds)
    func removalNeverBlocks(seed: UInt64) throws {
        let (bundle, interfaces) = RandomBundle.make(seed: seed)
        let flows = RemovalPropertyTests.flows(interfaces)
        let full = RemovalPropertyTests.verdicts(try bundle.load().topology, flows)
        #expect(full.contains(.reachable), "seed \(seed): the generated network should have reachable flows")
        for (name, reduced) in RandomBundle.removals(of: bundle) {
            let after = RemovalPropertyTests.verdicts(try reduced.load().topology, flows)
            for (index, flow) in flows.enumerated() where full[index] != .blocked {
                #expect(
                    after[index] != nil && after[index] != .blocked,
                    "seed \(seed), without \(name): \(flow.source) -> \(flow.target):\(flow.port) was \(full[index].map(\.rawValue) ?? "-"), now \(after[index].map(\.rawValue) ?? "lost")")
            }
        }
    }
}
