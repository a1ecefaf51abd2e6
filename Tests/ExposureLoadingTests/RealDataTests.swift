import ExposureTestSupport
import Foundation
import Testing
@testable import ExposureAudit
@testable import ExposureLoading
@testable import ExposureModel
@testable import ExposureReports
@testable import ExposureSolver

/// Opt-in: walks the real captures in `../shared/realdata` (none written here) when the
/// folder is beside the project, and skips cleanly when it is not.
@Suite struct RealDataTests {
    static let root = ImportTests.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/realdata")
    static let isPresent = FileManager.default.fileExists(atPath: root.path)

    static var snapshots: [String] {
        guard isPresent else { return [] }
        let aws = root.appendingPathComponent("aws")
        var result = (try? FileManager.default.contentsOfDirectory(atPath: aws.appendingPathComponent("batfish-snapshots").path))?.map { "aws/batfish-snapshots/\($0)" } ?? []
        result += ["aws/cloudmapper-demo", "aws/moto-generated", "aws/awscli-examples/ec2", "aws/botocore-examples", "aws/cartography-fixtures", "aws/batfish-fixtures"]
        return result.sorted()
    }

    static var plans: [String] {
        guard isPresent else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("terraform").path)) ?? []).map { "terraform/\($0)" }.sorted()
    }

    static func load(_ relative: String) throws -> InputLoader.Loaded {
        let url = root.appendingPathComponent(relative)
        var isFolder: ObjCBool = false
        FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
        if isFolder.boolValue { return try InputLoader.load(folder: relative, files: ImportTests.files(below: url)) }
        return try InputLoader.load(file: InputFile(path: relative, relativePath: url.lastPathComponent, bytes: [UInt8](Data(contentsOf: url))))
    }

    /// Captures that hold no VPC, subnet or interface (request/response wrappers, a Direct
    /// Connect fixture, plans of resources outside any VPC): rejected as holding no network.
    static let withoutNetwork: Set<String> = [
        "aws/batfish-snapshots/test-direct-connect-gateway-multi-region", "aws/botocore-examples",
        "terraform/checkov-plan_change_keys.tfplan.json", "terraform/checkov-plan_tags.tfplan.json",
        "terraform/checkov-plan_vpc_endpoint.tfplan.json", "terraform/checkov-plan_with_for_each.tfplan.json",
    ]

    @Test(.enabled(if: isPresent), arguments: snapshots + plans)
    func importsWithoutErrors(_ relative: String) throws {
        guard !RealDataTests.withoutNetwork.contains(relative) else {
            #expect {
                try RealDataTests.load(relative)
            } throws: { error in
                guard let failure = error as? LoadFailure else { return false }
                return failure.errors.count == 1 && failure.errors[0].message.contains("nothing to analyse") || failure.errors[0].message.contains("no VPC, subnet or network interface is recognised")
            }
            return
        }
        let loaded = try RealDataTests.load(relative)
        #expect(loaded.diagnostics.allSatisfy { $0.severity == .warning })
    }

    /// Verdicts checked by hand against the captures: the public instance's launch-wizard
    /// group opens SSH to the world through the IGW; the VPN snapshot's instance is open
    /// on SSH from the VPN's networks only.
    @Test(.enabled(if: isPresent), arguments: [
        ("aws/batfish-snapshots/test-public-subnet", ["eni-00064850627e198ee internet tcp 22 (SSH) reachable"]),
        ("aws/batfish-snapshots/test-vpn-gateway", ["eni-07c1506e49d784fe0 onprem:vpn-03701a53bba3c48b7 tcp 22 (SSH) reachable"]),
    ])
    func handCheckedVerdicts(_ relative: String, expected: [String]) throws {
        let topology = try RealDataTests.load(relative).topology
        #expect(ImportTests.summary(topology, allInterfaces: true) == expected)
    }
}
