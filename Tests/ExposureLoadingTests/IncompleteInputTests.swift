import ExposureTestSupport
import Foundation
import Testing
@testable import ExposureAudit
@testable import ExposureLoading
@testable import ExposureModel
@testable import ExposureReports
@testable import ExposureSolver

/// Inputs that leave something out: every verdict that depends on what is missing is
/// `unknown` and named, never `blocked` and never absent; inputs that hold no network are
/// invalid (semantics, sections 1 and 8).
@Suite("Incomplete inputs")
struct IncompleteInputTests {
    static let web = TraceQuery.Destination.resource("eni-web")

    static func verdict(_ topology: Topology, from source: TraceQuery.Source = .zone(.internet), to destination: TraceQuery.Destination = web, port: UInt16 = 8088) throws -> TraceResult {
        try Solver(topology: topology).trace(TraceQuery(source: source, destination: destination, protocolNumber: 6, keys: port...port))
    }

    static func report(_ loaded: InputLoader.Loaded) -> AnalysisReport {
        AnalysisReport.analyse(loaded.topology, input: loaded.name, warnings: loaded.diagnostics)
    }

    @Test("The complete bundle: reachable, no missing call")
    func complete() throws {
        let loaded = try BundleBuilder.publicInstance().load()
        #expect(loaded.topology.missingExports.isEmpty)
        #expect(try IncompleteInputTests.verdict(loaded.topology).verdict == .reachable)
    }

    @Test("Without describe-subnets the interfaces stay, the report says so, and the gate fails")
    func withoutSubnets() throws {
        let loaded = try BundleBuilder.publicInstance().removing(key: "Subnets").load()
        #expect(loaded.topology.missingExports == [.describeSubnets])
        let subnet = try #require(loaded.topology.subnets["subnet-a1"])
        #expect(subnet.unknownBlocks.map(\.family) == [.ipv4])
        #expect(subnet.availabilityZone == "us-east-1a")
        #expect(loaded.topology.subnets["vpc-a/unlisted-subnets"]?.standsForUnlisted == true)
        #expect(!loaded.diagnostics.contains { $0.message.contains("overlaps") })
        #expect(try IncompleteInputTests.verdict(loaded.topology).verdict == .reachable)
        // Whatever subnets nothing names may hold is a source of its own, unknown.
        #expect(try IncompleteInputTests.verdict(loaded.topology, from: .zone(.outside("vpc-a/unlisted-subnets"))).verdict == .unknown)
        let report = IncompleteInputTests.report(loaded)
        #expect(report.targetCount == 1)
        #expect(report.findings.contains { $0.rule == "input-incomplete" && $0.resource == "describe-subnets" && $0.severity == .medium })
        #expect(AnalysisTextRenderer.render([report]).contains("Incomplete input: verdicts that depend on what is missing are unknown\n  - no describe-subnets"))
    }

    @Test("Without describe-route-tables routing is unknown, not no route")
    func withoutRouteTables() throws {
        let loaded = try BundleBuilder.publicInstance().removing(key: "RouteTables").load()
        #expect(loaded.topology.missingExports == [.describeRouteTables])
        let result = try IncompleteInputTests.verdict(loaded.topology)
        #expect(result.verdict == .unknown)
        #expect(IncompleteInputTests.report(loaded).findings.contains { $0.rule == "possible-exposure" })
    }

    @Test("Without describe-security-groups what the groups allow is unknown")
    func withoutSecurityGroups() throws {
        let loaded = try BundleBuilder.publicInstance().removing(key: "SecurityGroups").load()
        #expect(loaded.topology.missingExports == [.describeSecurityGroups])
        let result = try IncompleteInputTests.verdict(loaded.topology)
        #expect(result.verdict == .unknown)
        #expect(result.missing.first?.exportCommand == "aws ec2 describe-security-groups --group-ids sg-web")
    }

    @Test("Without describe-vpcs the VPC is known from its local route")
    func withoutVPCs() throws {
        let loaded = try BundleBuilder.publicInstance().removing(key: "Vpcs").load()
        #expect(loaded.topology.vpcs["vpc-a"]?.cidrs.map(\.description) == ["10.1.0.0/16"])
        #expect(try IncompleteInputTests.verdict(loaded.topology).verdict == .reachable)
    }

    @Test("Without both interface outputs nothing can be analysed: the input is invalid")
    func withoutInterfaces() throws {
        #expect {
            try BundleBuilder.publicInstance().removing(key: "NetworkInterfaces").removing(key: "Reservations").removing(key: "Vpcs")
                .removing(key: "Subnets").removing(key: "RouteTables").removing(key: "NetworkAcls").load()
        } throws: { error in
            (error as? LoadFailure)?.errors.first?.message.contains("no VPC, subnet or network interface is recognised") == true
        }
        let loaded = try BundleBuilder.publicInstance().removing(key: "NetworkInterfaces").removing(key: "Reservations").load()
        let finding = try #require(IncompleteInputTests.report(loaded).findings.first { $0.resource == "describe-network-interfaces" })
        #expect(finding.severity == .high)
        #expect(finding.message.contains("no interface can be analysed"))
    }

    @Test("A gateway a route names but the export lacks is taken as attached, as AWS requires")
    func gatewayNamedByRoute() throws {
        let loaded = try BundleBuilder.publicInstance().removing(key: "InternetGateways").load()
        #expect(loaded.topology.internetGateways["igw-a"]?.vpc == "vpc-a")
        #expect(loaded.topology.assumptions.contains { $0.hasPrefix("igw-a is not in the input; a route names it") })
        #expect(try IncompleteInputTests.verdict(loaded.topology).verdict == .reachable)
    }

    @Test("A VPN whose VGW was not exported still reaches the VPC: the VGW its routes name is assumed")
    func vpnWithoutGateway() throws {
        var bundle = BundleBuilder.publicInstance()
        bundle["VpnConnections"] = [["VpnConnectionId": "vpn-1", "VpnGatewayId": "vgw-a", "State": "available", "Routes": [["DestinationCidrBlock": "192.168.0.0/16", "State": "available"]]]]
        bundle["RouteTables"] = bundle["RouteTables"].map { table in
            var table = table
            table["Routes"] = (table["Routes"] as? [[String: Any]] ?? []) + [BundleBuilder.route("192.168.0.0/16", "GatewayId", "vgw-a")]
            return table
        }
        let loaded = try bundle.load()
        #expect(loaded.topology.vpnConnections["vpn-1"] != nil)
        #expect(try IncompleteInputTests.verdict(loaded.topology, from: .zone(.onprem("vpn-1"))).verdict == .reachable)
        // Without the VPN either, the VGW is a Direct Connect-like outside zone: unknown.
        let without = try bundle.removing(key: "VpnConnections").load()
        #expect(try IncompleteInputTests.verdict(without.topology, from: .address(try #require(IPAddress("192.168.4.4")))).verdict == .unknown)
    }

    @Test("A transit gateway attachment whose VPC details are missing is kept with unknown subnets; one to a VPC not exported is an outside zone")
    func transitAttachments() throws {
        var bundle = BundleBuilder.publicInstance()
        bundle["TransitGateways"] = [["TransitGatewayId": "tgw-1", "State": "available"]]
        bundle["TransitGatewayAttachments"] = [
            ["TransitGatewayAttachmentId": "tgw-attach-a", "TransitGatewayId": "tgw-1", "ResourceType": "vpc", "ResourceId": "vpc-a", "State": "available",
             "Association": ["TransitGatewayRouteTableId": "tgw-rtb-1", "State": "associated"]],
            ["TransitGatewayAttachmentId": "tgw-attach-x", "TransitGatewayId": "tgw-1", "ResourceType": "vpc", "ResourceId": "vpc-elsewhere", "State": "available",
             "Association": ["TransitGatewayRouteTableId": "tgw-rtb-1", "State": "associated"]],
        ]
        bundle["TransitGatewayRouteTables"] = [["TransitGatewayRouteTableId": "tgw-rtb-1", "TransitGatewayId": "tgw-1", "State": "available"]]
        bundle["TransitGatewayStaticRoutes"] = [["TransitGatewayRouteTableId": "tgw-rtb-1", "Routes": [
            ["DestinationCidrBlock": "10.9.0.0/16", "State": "active", "TransitGatewayAttachments": [["TransitGatewayAttachmentId": "tgw-attach-x"]]],
            ["DestinationCidrBlock": "10.1.0.0/16", "State": "active", "Type": "propagated", "TransitGatewayAttachments": [["TransitGatewayAttachmentId": "tgw-attach-a"]]],
        ]]]
        bundle["RouteTables"] = bundle["RouteTables"].map { table in
            var table = table
            table["Routes"] = (table["Routes"] as? [[String: Any]] ?? []) + [BundleBuilder.route("10.9.0.0/16", "TransitGatewayId", "tgw-1")]
            return table
        }
        let loaded = try bundle.load()
        #expect(loaded.topology.transitGatewayAttachments["tgw-attach-a"]?.resource == .vpc("vpc-a", subnets: nil))
        #expect(loaded.topology.transitGatewayAttachments["tgw-attach-x"]?.resource == .outside(type: "vpc", resource: "vpc-elsewhere"))
        let result = try IncompleteInputTests.verdict(loaded.topology, from: .address(try #require(IPAddress("10.9.1.1"))))
        #expect(result.verdict == .unknown)
        #expect(Set(result.missing.map(\.component)) == ["tgw-attach-a", "tgw-attach-x"])
        // Export commands run as written; what else to export is said in words.
        let far = try #require(result.missing.first { $0.component == "tgw-attach-x" })
        #expect(far.exportCommand == "aws ec2 describe-vpcs --vpc-ids vpc-elsewhere")
        #expect(far.what.hasSuffix("exported in the account that owns it"))
    }

    @Test("Without describe-transit-gateway-attachments, a stand-in attachment carries what the gateway may bring from elsewhere")
    func withoutTransitAttachments() throws {
        var bundle = BundleBuilder.publicInstance()
        bundle["TransitGateways"] = [["TransitGatewayId": "tgw-1", "State": "available"]]
        bundle["TransitGatewayVpcAttachments"] = [
            ["TransitGatewayAttachmentId": "tgw-attach-a", "TransitGatewayId": "tgw-1", "VpcId": "vpc-a", "State": "available", "SubnetIds": ["subnet-a1"]]
        ]
        bundle["RouteTables"] = bundle["RouteTables"].map { table in
            var table = table
            table["Routes"] = (table["Routes"] as? [[String: Any]] ?? []) + [BundleBuilder.route("10.9.0.0/16", "TransitGatewayId", "tgw-1")]
            return table
        }
        let loaded = try bundle.load()
        let standIn = TransitGatewayAttachmentID("tgw-1/attachments-not-in-input")
        #expect(loaded.topology.transitGatewayAttachments[standIn]?.resource == .outside(type: TransitGatewayAttachment.unknownType, resource: nil))
        #expect(loaded.diagnostics.contains { $0.message.contains("the attachments of transit gateway tgw-1 are not in the input") })
        let result = try IncompleteInputTests.verdict(loaded.topology, from: .address(try #require(IPAddress("10.9.1.1"))))
        #expect(result.verdict == .unknown)
        #expect(result.missing.contains { $0.component == standIn.rawValue && $0.exportCommand == "aws ec2 describe-transit-gateway-attachments --filters Name=transit-gateway-id,Values=tgw-1" })
        // With the attachments exported, the VPC's own attachment is all there is: no stand-in.
        bundle["TransitGatewayAttachments"] = [[
            "TransitGatewayAttachmentId": "tgw-attach-a", "TransitGatewayId": "tgw-1", "ResourceType": "vpc", "ResourceId": "vpc-a", "State": "available",
        ]]
        #expect(try bundle.load().topology.transitGatewayAttachments[standIn] == nil)
    }

    /// `publicInstance` with transit gateway `tgw-1`, its attachment `tgw-attach-a` of
    /// vpc-a (both records), table `tgw-rtb-1` with its routes, and a route 10.9/16 to it.
    static func transitBundle() -> BundleBuilder {
        var bundle = BundleBuilder.publicInstance()
        bundle["TransitGateways"] = [["TransitGatewayId": "tgw-1", "State": "available"]]
        bundle["TransitGatewayAttachments"] = [[
            "TransitGatewayAttachmentId": "tgw-attach-a", "TransitGatewayId": "tgw-1", "ResourceType": "vpc", "ResourceId": "vpc-a", "State": "available",
            "Association": ["TransitGatewayRouteTableId": "tgw-rtb-1", "State": "associated"],
        ]]
        bundle["TransitGatewayVpcAttachments"] = [
            ["TransitGatewayAttachmentId": "tgw-attach-a", "TransitGatewayId": "tgw-1", "VpcId": "vpc-a", "State": "available", "SubnetIds": ["subnet-a1"]]
        ]
        bundle["TransitGatewayRouteTables"] = [["TransitGatewayRouteTableId": "tgw-rtb-1", "TransitGatewayId": "tgw-1", "State": "available"]]
        bundle["TransitGatewayStaticRoutes"] = [["TransitGatewayRouteTableId": "tgw-rtb-1", "Routes": [
            ["DestinationCidrBlock": "10.1.0.0/16", "State": "active", "Type": "propagated", "TransitGatewayAttachments": [["TransitGatewayAttachmentId": "tgw-attach-a"]]],
        ]]]
        bundle["RouteTables"] = bundle["RouteTables"].map { table in
            var table = table
            table["Routes"] = (table["Routes"] as? [[String: Any]] ?? []) + [BundleBuilder.route("10.9.0.0/16", "TransitGatewayId", "tgw-1")]
            return table
        }
        return bundle
    }

    @Test("An attachment whose describe-transit-gateway-attachments record is missing has an unknown association, not none")
    func attachmentRecordMissing() throws {
        let loaded = try IncompleteInputTests.transitBundle().removing("TransitGatewayAttachments", where: "TransitGatewayAttachmentId", is: "tgw-attach-a").load()
        let standIn = try #require(loaded.topology.transitGatewayRouteTables["tgw-1/association-not-in-input"])
        #expect(standIn.associations == ["tgw-attach-a"])
        #expect(!standIn.routesAreKnown)
        #expect(loaded.topology.missingExports.contains(.searchTransitGatewayRoutes))
    }

    @Test("What a transit gateway's other records imply is kept: a gateway or table they name, with the routes the export has")
    func transitRecordsImplyTheirGateway() throws {
        let withoutTable = try IncompleteInputTests.transitBundle().removing(key: "TransitGatewayRouteTables").load()
        let table = try #require(withoutTable.topology.transitGatewayRouteTables["tgw-rtb-1"])
        #expect(table.routesAreKnown)
        #expect(table.routes.map(\.destination.description) == ["10.1.0.0/16"])
        let withoutGateway = try IncompleteInputTests.transitBundle().removing(key: "TransitGateways").load()
        #expect(withoutGateway.topology.transitGateways["tgw-1"] != nil)
        #expect(withoutGateway.topology.transitGatewayAttachments["tgw-attach-a"]?.resource == .vpc("vpc-a", subnets: ["subnet-a1"]))
        #expect(withoutGateway.diagnostics.contains { $0.message.contains("transit gateway tgw-1 is not in describe-transit-gateways") })
    }

    @Test("Missing transit gateway calls are named at the top of the report, like the others")
    func missingTransitCalls() throws {
        let loaded = try IncompleteInputTests.transitBundle().removing(key: "TransitGatewayAttachments").removing(key: "TransitGatewayStaticRoutes").load()
        #expect(loaded.topology.missingExports.contains(.describeTransitGatewayAttachments))
        #expect(loaded.topology.missingExports.contains(.searchTransitGatewayRoutes))
        let text = AnalysisTextRenderer.render([IncompleteInputTests.report(loaded)])
        #expect(text.contains("  - no describe-transit-gateway-attachments"))
        #expect(text.contains("  - no search-transit-gateway-routes"))
    }

    @Test("A rule naming another account's group keeps its members as outside:GROUP, over their VPC's addresses when known")
    func outsideGroupAddresses() throws {
        var bundle = BundleBuilder.publicInstance()
        bundle["SecurityGroups"] = bundle["SecurityGroups"].map { group in
            var group = group
            group["IpPermissions"] = [BundleBuilder.rule(5432, ["UserIdGroupPairs": [["GroupId": "sg-theirs", "UserId": "111111111111", "VpcId": "vpc-a"]]])]
            return group
        }
        let loaded = try bundle.load()
        let group = try #require(loaded.topology.outsideGroups["sg-theirs"])
        #expect(group.addresses.map(\.description) == ["10.1.0.0/16"])
        let exposures = Solver(topology: loaded.topology).exposures(of: ["eni-web"])
        #expect(exposures.contains { $0.zone == .outside("sg-theirs") && $0.verdict == .unknown && $0.services.tcpPorts == [5432...5432] })
    }

    @Test("A running cluster whose nodes were not exported is analysed with planned nodes but worded as running")
    func runningClusterWithoutNodes() throws {
        var bundle = BundleBuilder.publicInstance()
        bundle.outputs["Cluster"] = nil
        let cluster: [String: Any] = [
            "Id": "j-RUN", "Name": "etl", "ReleaseLabel": "emr-7.1.0", "Status": ["State": "WAITING"],
            "Ec2InstanceAttributes": ["Ec2SubnetId": "subnet-a1", "EmrManagedMasterSecurityGroup": "sg-web", "EmrManagedSlaveSecurityGroup": "sg-web"],
        ]
        var files = bundle.files
        let data = try JSONSerialization.data(withJSONObject: ["Cluster": cluster])
        files.append(InputFile(path: "bundle/us-east-1/emr/cluster.json", relativePath: "us-east-1/emr/cluster.json", bytes: Array(data)))
        let loaded = try InputLoader.load(folder: "bundle", files: files)
        let model = try #require(loaded.topology.emrClusters["j-RUN"])
        #expect(model.isPlanned)
        #expect(model.isLaunched)
        #expect(loaded.topology.assumptions.contains { $0.hasPrefix("j-RUN is running but its nodes are not in the input") })
        let violation = try #require(IncompleteInputTests.report(loaded).findings.first { $0.rule == "bpa-violation" })
        let details = violation.affected.map(\.detail).joined(separator: "\n")
        #expect(details.contains("EMR will revoke this rule"))
        #expect(!details.contains("refuse to launch"))
    }

    @Test("Tenant options that match nothing are warnings")
    func unmatchedTenantOptions() throws {
        var mapping = TenantMapping()
        mapping.accounts = ["111111111112": "typo"]
        mapping.vpcs = ["vpc-zzz": "nobody"]
        let loaded = try BundleBuilder.publicInstance().load(tenants: TenantOptions(tag: "team", mapping: mapping))
        let messages = loaded.diagnostics.map(\.message)
        #expect(messages.contains("--tenants maps accounts \"111111111112\", which the input does not hold; did you mean \"111111111111\"?"))
        #expect(messages.contains("--tenants maps vpcs \"vpc-zzz\", which the input does not hold"))
        #expect(messages.contains { $0.hasPrefix("--tenant-tag team: no resource of the input carries the tag") })
    }

    @Test("Inputs that hold no network are invalid", arguments: [
        #"{"Reservations": []}"#, #"{"LoadBalancers": []}"#, #"{"hello": "world"}"#,
    ])
    func nothingOfANetwork(text: String) {
        #expect {
            try InputLoader.loadAll(folder: "bundle", files: [InputFile(path: "bundle/a.json", relativePath: "a.json", bytes: Array(text.utf8))])
        } throws: { error in
            guard let failure = error as? LoadFailure else { return false }
            return failure.errors.count == 1 && failure.errors[0].message.hasPrefix("no VPC, subnet or network interface is recognised")
        }
    }

    @Test("A native topology with no VPC, subnet or interface is invalid")
    func emptyNative() {
        let file = InputFile(path: "empty.json", relativePath: "empty.json", bytes: Array(#"{"formatVersion": 1}"#.utf8))
        #expect(throws: LoadFailure.self) { try InputLoader.load(file: file) }
    }

    @Test("A folder of native topologies is read as native files, one input each, and a JSON Schema is skipped")
    func folderOfNatives() throws {
        let native = Scenario().json
        let files = [
            InputFile(path: "t/a.json", relativePath: "a.json", bytes: native),
            InputFile(path: "t/b.json", relativePath: "b.json", bytes: native),
            InputFile(path: "t/x.schema.json", relativePath: "x.schema.json", bytes: Array(#"{"$schema": "https://json-schema.org/draft/2020-12/schema"}"#.utf8)),
        ]
        let loaded = try InputLoader.loadAll(folder: "t", files: files)
        #expect(loaded.map(\.name) == ["t/a.json", "t/b.json"])
        #expect(loaded.allSatisfy { $0.format == .native })
        #expect(loaded[0].diagnostics.contains { $0.file == "t/x.schema.json" && $0.message == "a JSON Schema, not an input; it is skipped" })
    }
}

/// Terraform values known only after apply become unknowns in the model: never a guess,
/// never a dropped resource.
@Suite("Terraform values known only after apply")
struct AfterApplyTests {
    static var openYARN: [[String: Any]] { [["protocol": "tcp", "from_port": 8088, "to_port": 8088, "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": ["::/0"]]] }

    static func exposures(_ plan: PlanBuilder) throws -> [Exposure] {
        let topology = try plan.load().topology
        return Solver(topology: topology).exposures(of: Solver(topology: topology).emrNodeInterfaces)
    }

    @Test("The baseline plan: the planned primary is open from the internet")
    func baseline() throws {
        let exposures = try AfterApplyTests.exposures(PlanBuilder.cluster(ingress: AfterApplyTests.openYARN))
        #expect(exposures.contains { $0.zone == .internet && $0.verdict == .reachable && $0.services.tcpPorts == [8088...8088] })
    }

    @Test("A subnet whose block is known only after apply keeps its cluster, with unknown verdicts")
    func unknownSubnetBlock() throws {
        let plan = PlanBuilder.cluster(ingress: AfterApplyTests.openYARN, subnet: ["availability_zone": "us-east-1a"], subnetUnknown: ["cidr_block"])
        let loaded = try plan.load()
        #expect(loaded.topology.emrClusters["aws_emr_cluster.etl"] != nil)
        #expect(loaded.topology.subnets["aws_subnet.public"]?.unknownBlocks.map(\.family) == [.ipv4])
        let exposures = try AfterApplyTests.exposures(plan)
        let internet = try #require(exposures.first { $0.zone == .internet })
        #expect(internet.verdict == .unknown)
        #expect(internet.reason?.contains("aws_subnet.public.cidr_block is known only after apply") == true)
    }

    @Test("An Availability Zone known only after apply is unknown, not a zone named 'unknown'")
    func unknownAvailabilityZone() throws {
        let plan = PlanBuilder.cluster(ingress: AfterApplyTests.openYARN, subnet: ["cidr_block": "10.1.1.0/24"], subnetUnknown: ["availability_zone"])
        let subnet = try #require(try plan.load().topology.subnets["aws_subnet.public"])
        #expect(subnet.availabilityZone == nil)
    }

    @Test("An IPv6 block assigned at apply makes IPv6 verdicts unknown instead of absent")
    func unknownIPv6Block() throws {
        var plan = PlanBuilder.cluster(
            ingress: AfterApplyTests.openYARN, subnet: ["cidr_block": "10.1.1.0/24", "availability_zone": "us-east-1a"], subnetUnknown: ["ipv6_cidr_block"],
            vpc: ["cidr_block": "10.1.0.0/16", "assign_generated_ipv6_cidr_block": true], vpcUnknown: ["ipv6_cidr_block"])
        plan.add("aws_route", "v6", ["destination_ipv6_cidr_block": "::/0"], references: ["route_table_id": ["aws_route_table.public"], "gateway_id": ["aws_internet_gateway.igw"]])
        let exposures = try AfterApplyTests.exposures(plan)
        #expect(exposures.contains { $0.zone == .internet && $0.verdict == .reachable })
        let ipv6 = try #require(exposures.first { $0.zone == .internet6 })
        #expect(ipv6.verdict == .unknown)
    }

    @Test("Security group ids known only after apply are unknown rules, not the VPC's default group")
    func unknownGroupIDs() throws {
        var plan = PlanBuilder.cluster(ingress: [], clusterGroups: true)
        plan.add("aws_instance", "app", ["ami": "ami-1", "associate_public_ip_address": true], unknown: ["vpc_security_group_ids"], references: ["subnet_id": ["aws_subnet.public"]])
        let topology = try plan.load().topology
        let app = try #require(topology.networkInterfaces["aws_instance.app"])
        #expect(app.securityGroups == ["aws_instance.app.vpc_security_group_ids (known after apply)"])
        let exposures = Solver(topology: topology).exposures(of: ["aws_instance.app"])
        #expect(exposures.contains { $0.verdict == .unknown && $0.missing.contains(.afterApply("aws_instance.app.vpc_security_group_ids"))  })
    }

    @Test("A VPC the plan creates has AWS's main table, so routing is known")
    func synthesizedMainTable() throws {
        let topology = try PlanBuilder.cluster(ingress: AfterApplyTests.openYARN).load().topology
        #expect(topology.routeTables["aws_vpc.main/main-route-table"]?.isMain == true)
    }
}
