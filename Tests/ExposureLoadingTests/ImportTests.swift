import ExposureTestSupport
import Foundation
import Testing
@testable import ExposureAudit
@testable import ExposureLoading
@testable import ExposureModel
@testable import ExposureReports
@testable import ExposureSolver

/// Loads fixtures written here in AWS CLI and Terraform shapes, and checks that `convert`
/// writes exactly what is analysed.
@Suite struct ImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Every `.json` file below `folder`, as the CLI reads a folder.
    static func files(below folder: URL) throws -> [InputFile] {
        let prefix = folder.standardizedFileURL.path + "/"
        let paths = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted() ?? []
        return try paths.map { relative in
            InputFile(path: prefix + relative, relativePath: relative, bytes: [UInt8](try Data(contentsOf: folder.appendingPathComponent(relative))))
        }
    }

    static func loadBundle(tenants: TenantOptions = TenantOptions()) throws -> InputLoader.Loaded {
        let folder = fixtures.appendingPathComponent("aws")
        return try InputLoader.load(folder: folder.path, files: files(below: folder), tenants: tenants)
    }

    static func loadPlan(_ name: String = "emr-module", tenants: TenantOptions = TenantOptions()) throws -> InputLoader.Loaded {
        let url = fixtures.appendingPathComponent("terraform/\(name).tfplan.json")
        return try InputLoader.load(
            file: InputFile(path: url.lastPathComponent, relativePath: url.lastPathComponent, bytes: [UInt8](Data(contentsOf: url))),
            tenants: tenants)
    }

    /// Exposures of EMR nodes (or of every interface) as `interface zone services verdict`, sorted.
    static func summary(_ topology: Topology, allInterfaces: Bool = false) -> [String] {
        let solver = Solver(topology: topology)
        let targets = allInterfaces ? topology.networkInterfaces.keys.sorted() : solver.emrNodeInterfaces
        return solver.exposures(of: targets).map { "\($0.target) \($0.zone) \(ServiceRow.rows(of: $0.services).map { $0.text(naming: nil) }.joined(separator: ", ")) \($0.verdict)" }.sorted()
    }

    @Test func bundleMergesPagesAndConcatenatedOutputsAndSkipsStoppedInstances() throws {
        let loaded = try ImportTests.loadBundle()
        #expect(loaded.format == .awsBundle)
        let topology = loaded.topology
        #expect(topology.region == "us-east-1")
        #expect(topology.securityGroups.keys.sorted() == ["sg-0core", "sg-0master"])
        // The first page wins; its rules survive the repeated item on page two. The rule
        // naming another account's group is kept, its members an outside zone.
        #expect(topology.securityGroups["sg-0master"]?.ingress.count == 3)
        #expect(topology.outsideGroups["sg-0elsewhere"]?.account == "999999999999")
        #expect(topology.networkInterfaces["eni-0old"] == nil)
        #expect(loaded.diagnostics.contains { $0.message.contains("i-0old is stopped") })
        #expect(loaded.diagnostics.allSatisfy { $0.severity == .warning })
        // The owning account is the tenant by default.
        #expect(topology.vpcs["vpc-0a1"]?.tenant == "111111111111")
    }

    @Test func bundleBuildsEMRNodesFromEC2AndFromListInstances() throws {
        let topology = try ImportTests.loadBundle().topology
        let cluster = try #require(topology.emrClusters["j-FIXTURE"])
        #expect(cluster.nodes.map(\.networkInterface.rawValue).sorted() == ["eni-0primary", "j-FIXTURE/i-0core"])
        #expect(topology.networkInterfaces["eni-0primary"]?.role == .emrNode)
        #expect(topology.networkInterfaces["j-FIXTURE/i-0core"]?.securityGroups == ["sg-0core"])
        #expect(topology.blockPublicAccess == .awsDefault)
    }

    @Test func routeToAnAbsentPeeringIsUnknownNotDropped() throws {
        let topology = try ImportTests.loadBundle().topology
        let routes = try #require(topology.routeTables["rtb-0a1"]).routes
        #expect(routes.contains { $0.target == .unsupported(kind: Route.Target.outsideInputKind, id: "pcx-0gone") })
    }

    @Test func tenantMappingNamesAccounts() throws {
        var mapping = TenantMapping()
        mapping.accounts = ["111111111111": "analytics"]
        let topology = try ImportTests.loadBundle(tenants: TenantOptions(mapping: mapping)).topology
        #expect(topology.vpcs["vpc-0a1"]?.tenant == "analytics")
        #expect(topology.tenants == ["analytics"])
    }

    @Test func bundleReportsTheInternetExposure() throws {
        let summary = ImportTests.summary(try ImportTests.loadBundle().topology)
        #expect(summary == [
            "eni-0primary internet tcp 8088 reachable",
            "eni-0primary outside:pcx-0gone tcp 8088 unknown",
            "eni-0primary outside:sg-0elsewhere tcp 8088 unknown",
        ])
    }

    @Test func planFollowsModuleReferencesAndKeepsUnknownValuesUnknown() throws {
        let loaded = try ImportTests.loadPlan()
        #expect(loaded.format == .terraformPlan)
        let topology = loaded.topology
        let cluster = try #require(topology.emrClusters["module.emr.aws_emr_cluster.this"])
        #expect(cluster.subnets == ["aws_subnet.public[0]"])
        #expect(cluster.primaryGroup == "module.emr.aws_security_group.primary")
        #expect(topology.subnets["aws_subnet.public[0]"]?.routeTable == "aws_route_table.public")
        #expect(topology.routeTables["aws_route_table.public"]?.routes.first?.target == .internetGateway("aws_internet_gateway.igw"))
        // The rule resource in the root module lands on the module's group through its output.
        let ingress = try #require(topology.securityGroups["module.emr.aws_security_group.primary"]).ingress
        #expect(ingress.contains { $0.peer == .prefixList("aws_security_group_rule.partner_livy.cidr_blocks (known after apply)") })
        let summary = ImportTests.summary(topology)
        #expect(summary.contains("module.emr.aws_emr_cluster.this/primary internet tcp 8088 reachable"))
        #expect(summary.contains("module.emr.aws_emr_cluster.this/primary internet tcp 8998 unknown"))
    }

    /// An instance without a fixed address may take any address of its subnet, and gets a
    /// public IPv4 address from `associate_public_ip_address`. ACL rules whose CIDR is known
    /// only after apply: the allow is read as anywhere, the deny is left out, so SSH is
    /// reported open rather than hidden.
    @Test func plannedInstanceAndUnknownACLRanges() throws {
        let loaded = try ImportTests.loadPlan("planned-instance", tenants: TenantOptions(tag: "team"))
        let topology = loaded.topology
        let bastion = try #require(topology.networkInterfaces["aws_instance.bastion"])
        #expect(bastion.addressIsPlanned)
        #expect(bastion.plannedPublicIPv4)
        let acl = try #require(topology.networkACLs["aws_network_acl.web"])
        #expect(acl.inbound.map(\.description) == ["#200 allow tcp 22 0.0.0.0/0"])
        #expect(ImportTests.summary(topology, allInterfaces: true) == ["aws_instance.bastion internet tcp 22 (SSH) reachable"])
        // --tenant-tag names the VPC's tenant after its tag.
        #expect(topology.vpcs["aws_vpc.app"]?.tenant == "platform")
    }

    /// A contradiction only the native checks find is reported at the input value it came
    /// from, not in the converted document nobody has seen.
    @Test func convertedDocumentErrorsPointIntoTheInput() throws {
        let text = #"{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}], "Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1", "CidrBlock": "10.9.0.0/24"}]}"#
        let file = InputFile(path: "bundle/Vpcs.json", relativePath: "Vpcs.json", bytes: Array(text.utf8))
        #expect {
            try InputLoader.load(file: file)
        } throws: { error in
            guard let failure = error as? LoadFailure, let first = failure.errors.first else { return false }
            return first.file == "bundle/Vpcs.json" && first.path == "$.Subnets[0]" && first.location == SourceLocation(line: 1, column: 72)
                && first.message.contains("outside every CIDR of vpc-1")
        }
    }

    @Test(arguments: ["aws", "terraform"]) func convertedDocumentAnalysesTheSame(kind: String) throws {
        let loaded = kind == "aws" ? try ImportTests.loadBundle() : try ImportTests.loadPlan()
        let (converted, _) = try NativeLoader.load(Array(loaded.nativeDocument.utf8), file: "converted.json")
        #expect(ImportTests.summary(converted) == ImportTests.summary(loaded.topology))
        #expect(!ImportTests.summary(converted).isEmpty)
    }

    @Test func unknownTopLevelKeysAreWarningsAndGarbageIsAnError() throws {
        let text = #"{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}], "Vpcz": []}"#
        let file = InputFile(path: "x.json", relativePath: "x.json", bytes: Array(text.utf8))
        let loaded = try InputLoader.load(file: file)
        #expect(loaded.diagnostics.map(\.message) == [#"unknown key "Vpcz" is ignored; did you mean "Vpcs"?"#])
        let garbage = InputFile(path: "y.json", relativePath: "y.json", bytes: Array(#"{"hello": 1}"#.utf8))
        #expect(throws: LoadFailure.self) { try InputLoader.load(file: garbage) }
    }

    @Test(arguments: [
        ("accounts/123/eu-west-1/Vpcs.json", "123", "eu-west-1"),
        ("account-data/demo/us-east-1/ec2-describe-vpcs.json", "demo", "us-east-1"),
        ("us-gov-west-1/Vpcs.json", nil, "us-gov-west-1"),
        ("Vpcs.json", nil, nil),
    ] as [(String, String?, String?)])
    func layoutGivesAccountAndRegion(path: String, account: String?, region: String?) {
        let layout = AWSBundle.layout(of: path)
        #expect(layout.account == account)
        #expect(layout.region == region)
    }
}
