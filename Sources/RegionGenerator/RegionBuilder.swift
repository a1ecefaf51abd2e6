/// Builds the records of a `Region`, VPC by VPC, drawing every choice from one seeded
/// generator in a fixed order.
struct RegionBuilder {
    private let vpcCount: Int
    private var random: SplitMix64
    private static let region = "us-east-1"
    private static let zones = ["us-east-1a", "us-east-1b", "us-east-1c"]
    private static let routesPerTable = 50
    private static let s3PrefixList = "pl-63a5400a"
    private static let officePrefixList = "pl-0office00000000"
    private static let transitGateway = "tgw-0000000000000001"
    private static let transitTable = "tgw-rtb-000000000000001"

    private var vpcs: [GeneratedJSON] = []
    private var subnets: [GeneratedJSON] = []
    private var routeTables: [GeneratedJSON] = []
    private var networkACLs: [GeneratedJSON] = []
    private var securityGroups: [GeneratedJSON] = []
    private var internetGateways: [GeneratedJSON] = []
    private var natGateways: [GeneratedJSON] = []
    private var interfaces: [GeneratedJSON] = []
    /// The EC2 instances of the EMR nodes, as `describe-instances` lists them.
    private var instances: [GeneratedJSON] = []
    private var endpoints: [GeneratedJSON] = []
    private var peerings: [GeneratedJSON] = []
    private var attachments: [GeneratedJSON] = []
    private var vpcAttachments: [GeneratedJSON] = []
    private var transitRoutes: [GeneratedJSON] = []
    private var clusters: [(id: String, files: [Region.File])] = []
    private var ruleCount = 0

    private let shape: RegionShape

    init(shape: RegionShape, vpcCount: Int, random: SplitMix64) {
        self.shape = shape
        self.vpcCount = vpcCount
        self.random = random
    }

    // MARK: Naming

    private static func hex(_ value: Int, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func vpcID(_ vpc: Int) -> String { "vpc-\(hex(vpc, width: 17))" }
    private static func subnetID(_ vpc: Int, _ subnet: Int) -> String { "subnet-\(hex(vpc * 256 + subnet, width: 17))" }
    private static func groupID(_ vpc: Int, _ group: Int) -> String { "sg-\(hex(vpc * 4096 + group, width: 17))" }
    private static func account(of vpc: Int) -> String { String(200_000_000_010 + vpc % 5) }
    private static func vpcBlock(_ vpc: Int) -> String { "10.\(vpc).0.0/16" }
    private static func isDualStack(_ vpc: Int) -> Bool { vpc % 4 == 0 }
    /// Every VPC but every fourth, counting from 3, is attached to the transit gateway.
    private static func isAttached(_ vpc: Int) -> Bool { vpc % 4 != 3 }
    private static func ipv6Block(_ vpc: Int) -> String { "2600:1f18:\(hex(vpc, width: 1))::/56" }
    private static func ipv6Subnet(_ vpc: Int, _ subnet: Int) -> String { "2600:1f18:\(hex(vpc, width: 1)):\(hex(subnet, width: 1))::/64" }
    private static func privateAddress(_ vpc: Int, _ subnet: Int, _ host: Int) -> String {
        "10.\(vpc).\(subnet * 16 + host / 250).\(4 + host % 250)"
    }

    private static func tags(_ name: String) -> GeneratedJSON { [["Key": "Name", "Value": .string(name)]] }

    // MARK: Building

    mutating func build() {
        for vpc in 0..<vpcCount { buildVPC(vpc) }
        buildPeerings()
        buildTransitGateway()
    }

    private func peers(of vpc: Int) -> [Int] {
        guard vpcCount > 1 else { return [] }
        let candidates = [(vpc + 1) % vpcCount, (vpc + vpcCount - 1) % vpcCount, (vpc + 7) % vpcCount, (vpc + vpcCount - 7) % vpcCount]
        var result: [Int] = []
        for peer in candidates where peer != vpc && !result.contains(peer) { result.append(peer) }
        return result
    }

    private static func peeringID(_ lhs: Int, _ rhs: Int) -> String { "pcx-\(hex(min(lhs, rhs) * 4096 + max(lhs, rhs), width: 17))" }

    private mutating func buildVPC(_ vpc: Int) {
        let vpcID = RegionBuilder.vpcID(vpc)
        let account = RegionBuilder.account(of: vpc)
        var record: [String: GeneratedJSON] = [
            "VpcId": .string(vpcID), "CidrBlock": .string(RegionBuilder.vpcBlock(vpc)), "OwnerId": .string(account),
            "State": "available", "IsDefault": false, "Tags": RegionBuilder.tags("vpc-\(vpc)"),
        ]
        if RegionBuilder.isDualStack(vpc) {
            record["Ipv6CidrBlockAssociationSet"] = [["Ipv6CidrBlock": .string(RegionBuilder.ipv6Block(vpc)), "Ipv6CidrBlockState": ["State": "associated"]]]
        }
        vpcs.append(.object(record))
        let gateway = "igw-\(RegionBuilder.hex(vpc, width: 17))"
        internetGateways.append(["InternetGatewayId": .string(gateway), "OwnerId": .string(account), "Attachments": [["VpcId": .string(vpcID), "State": "available"]]])
        let nat = "nat-\(RegionBuilder.hex(vpc, width: 17))"
        natGateways.append([
            "NatGatewayId": .string(nat), "SubnetId": .string(RegionBuilder.subnetID(vpc, 0)), "VpcId": .string(vpcID), "State": "available",
            "NatGatewayAddresses": [["PrivateIp": .string("10.\(vpc).0.5"), "PublicIp": .string("52.0.\(vpc).5"), "AllocationId": .string("eipalloc-\(RegionBuilder.hex(vpc, width: 17))")]],
        ])
        var privateTables: [GeneratedJSON] = []
        for subnet in 0..<shape.subnetsPerVPC {
            let isPublic = subnet < shape.publicSubnets
            let subnetID = RegionBuilder.subnetID(vpc, subnet)
            var subnetRecord: [String: GeneratedJSON] = [
                "SubnetId": .string(subnetID), "VpcId": .string(vpcID), "CidrBlock": .string("10.\(vpc).\(subnet * 16).0/20"),
                "AvailabilityZone": .string(RegionBuilder.zones[subnet % 3]), "OwnerId": .string(account), "State": "available",
                "MapPublicIpOnLaunch": .bool(isPublic), "Tags": RegionBuilder.tags(isPublic ? "public-\(subnet)" : "private-\(subnet)"),
            ]
            if RegionBuilder.isDualStack(vpc) {
                subnetRecord["Ipv6CidrBlockAssociationSet"] = [["Ipv6CidrBlock": .string(RegionBuilder.ipv6Subnet(vpc, subnet)), "Ipv6CidrBlockState": ["State": "associated"]]]
            }
            subnets.append(.object(subnetRecord))
            let table = "rtb-\(RegionBuilder.hex(vpc * 256 + subnet, width: 17))"
            if !isPublic { privateTables.append(.string(table)) }
            routeTables.append(routeTable(table, vpc: vpc, subnet: subnetID, isPublic: isPublic, gateway: gateway, nat: nat))
            networkACLs.append(networkACL(vpc: vpc, subnet: subnet))
        }
        routeTables.append([
            "RouteTableId": .string("rtb-\(RegionBuilder.hex(vpc * 256 + 255, width: 17))"), "VpcId": .string(vpcID), "OwnerId": .string(account),
            "Associations": [["Main": true, "RouteTableId": .string("rtb-\(RegionBuilder.hex(vpc * 256 + 255, width: 17))")]],
            "Routes": [RegionBuilder.route(RegionBuilder.vpcBlock(vpc), "GatewayId", "local")], "PropagatingVgws": [],
        ])
        networkACLs.append([
            "NetworkAclId": .string("acl-\(RegionBuilder.hex(vpc * 256 + 255, width: 17))"), "VpcId": .string(vpcID), "OwnerId": .string(account),
            "IsDefault": true, "Associations": [], "Entries": RegionBuilder.allowAll(ipv6: RegionBuilder.isDualStack(vpc)),
        ])
        endpoints.append([
            "VpcEndpointId": .string("vpce-\(RegionBuilder.hex(vpc, width: 17))"), "VpcEndpointType": "Gateway", "VpcId": .string(vpcID),
            "ServiceName": .string("com.amazonaws.\(RegionBuilder.region).s3"), "State": "available", "RouteTableIds": .array(privateTables),
            "PolicyDocument": "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
            "OwnerId": .string(account),
        ])
        buildGroupsAndInterfaces(vpc)
    }

    private static func route(_ destination: String, _ field: String, _ target: String) -> GeneratedJSON {
        ["DestinationCidrBlock": .string(destination), field: .string(target), "State": "active", "Origin": "CreateRoute"]
    }

    private mutating func routeTable(_ id: String, vpc: Int, subnet: String, isPublic: Bool, gateway: String, nat: String) -> GeneratedJSON {
        var routes: [GeneratedJSON] = [RegionBuilder.route(RegionBuilder.vpcBlock(vpc), "GatewayId", "local")]
        routes.append(isPublic ? RegionBuilder.route("0.0.0.0/0", "GatewayId", gateway) : RegionBuilder.route("0.0.0.0/0", "NatGatewayId", nat))
        if RegionBuilder.isDualStack(vpc) && isPublic {
            routes.append(["DestinationIpv6CidrBlock": "::/0", "GatewayId": .string(gateway), "State": "active", "Origin": "CreateRoute"])
        }
        if !isPublic {
            routes.append(["DestinationPrefixListId": .string(RegionBuilder.s3PrefixList), "GatewayId": .string("vpce-\(RegionBuilder.hex(vpc, width: 17))"), "State": "active", "Origin": "CreateRoute"])
        }
        var routed = Set(peers(of: vpc))
        for peer in peers(of: vpc) {
            routes.append(RegionBuilder.route(RegionBuilder.vpcBlock(peer), "VpcPeeringConnectionId", RegionBuilder.peeringID(vpc, peer)))
        }
        if vpc == 0 {
            routes.append(RegionBuilder.route("172.16.0.0/12", "GatewayId", "vgw-00000000000000001"))
        }
        if RegionBuilder.isAttached(vpc) {
            routes.append(RegionBuilder.route("192.168.0.0/16", "TransitGatewayId", RegionBuilder.transitGateway))
            for other in 0..<vpcCount where other != vpc && RegionBuilder.isAttached(other) && !routed.contains(other) && routes.count < RegionBuilder.routesPerTable - 8 {
                routed.insert(other)
                routes.append(RegionBuilder.route(RegionBuilder.vpcBlock(other), "TransitGatewayId", RegionBuilder.transitGateway))
            }
            // Partner networks reached over the transit gateway, which routes none of them:
            // the filler that makes tables as long as real ones.
            var partner = 0
            while routes.count < RegionBuilder.routesPerTable {
                routes.append(RegionBuilder.route("100.64.\(partner).0/24", "TransitGatewayId", RegionBuilder.transitGateway))
                partner += 1
            }
        }
        return [
            "RouteTableId": .string(id), "VpcId": .string(RegionBuilder.vpcID(vpc)), "OwnerId": .string(RegionBuilder.account(of: vpc)),
            "Associations": [["Main": false, "RouteTableId": .string(id), "SubnetId": .string(subnet)]],
            "Routes": .array(routes), "PropagatingVgws": vpc == 0 ? [["GatewayId": "vgw-00000000000000001"]] : [],
        ]
    }

    private static func allowAll(ipv6: Bool) -> GeneratedJSON {
        var entries: [GeneratedJSON] = []
        for egress in [false, true] {
            entries.append(["RuleNumber": 100, "Protocol": "-1", "RuleAction": "allow", "Egress": .bool(egress), "CidrBlock": "0.0.0.0/0"])
            if ipv6 { entries.append(["RuleNumber": 101, "Protocol": "-1", "RuleAction": "allow", "Egress": .bool(egress), "Ipv6CidrBlock": "::/0"]) }
            entries.append(["RuleNumber": 32767, "Protocol": "-1", "RuleAction": "deny", "Egress": .bool(egress), "CidrBlock": "0.0.0.0/0"])
        }
        return .array(entries)
    }

    private mutating func networkACL(vpc: Int, subnet: Int) -> GeneratedJSON {
        guard case .array(var entries) = RegionBuilder.allowAll(ipv6: RegionBuilder.isDualStack(vpc)) else { return [] }
        // A few deny entries before the allow, as hardened ACLs have them.
        for (number, port) in [(40, 23), (50, 3389), (60, 445)] {
            entries.append(["RuleNumber": .int(number), "Protocol": "6", "RuleAction": "deny", "Egress": false, "CidrBlock": "0.0.0.0/0", "PortRange": ["From": .int(port), "To": .int(port)]])
        }
        if random.chance(30) {
            entries.append(["RuleNumber": 70, "Protocol": "6", "RuleAction": "deny", "Egress": false, "CidrBlock": "198.51.100.0/24", "PortRange": ["From": 0, "To": 65535]])
        }
        return [
            "NetworkAclId": .string("acl-\(RegionBuilder.hex(vpc * 256 + subnet, width: 17))"), "VpcId": .string(RegionBuilder.vpcID(vpc)),
            "OwnerId": .string(RegionBuilder.account(of: vpc)), "IsDefault": false,
            "Associations": [["NetworkAclId": .string("acl-\(RegionBuilder.hex(vpc * 256 + subnet, width: 17))"), "SubnetId": .string(RegionBuilder.subnetID(vpc, subnet))]],
            "Entries": .array(entries),
        ]
    }

    // MARK: Security groups, interfaces and clusters

    private static let ports = [22, 80, 443, 3306, 5432, 6379, 8080, 8088, 8443, 8998, 9200, 9443, 18080, 50070]
    private static let peerBlocks = ["10.0.0.0/8", "192.168.0.0/16", "172.16.0.0/12", "203.0.113.0/24", "198.51.100.7/32"]

    /// One ingress permission with one peer, as `authorize-security-group-ingress` makes them.
    private mutating func permission(vpc: Int, groupCount: Int) -> GeneratedJSON {
        let port = random.pick(RegionBuilder.ports)
        let upper = random.chance(10) ? port + random.integer(in: 1...100) : port
        var record: [String: GeneratedJSON] = ["IpProtocol": random.chance(5) ? "udp" : "tcp", "FromPort": .int(port), "ToPort": .int(upper)]
        switch random.integer(in: 0...99) {
        case 0..<40:
            let group = RegionBuilder.groupID(vpc, random.integer(in: 0...(groupCount - 1)))
            record["UserIdGroupPairs"] = [["GroupId": .string(group), "UserId": .string(RegionBuilder.account(of: vpc))]]
        case 40..<50:
            let peer = peers(of: vpc).first ?? vpc
            record["UserIdGroupPairs"] = [["GroupId": .string(RegionBuilder.groupID(peer, random.integer(in: 0...19))), "UserId": .string(RegionBuilder.account(of: peer)), "VpcPeeringConnectionId": .string(RegionBuilder.peeringID(vpc, peer))]]
        case 50..<58:
            record["PrefixListIds"] = [["PrefixListId": .string(RegionBuilder.officePrefixList)]]
        case 58..<61:
            record["IpRanges"] = [["CidrIp": "0.0.0.0/0"]]
        case 61..<63:
            record["Ipv6Ranges"] = [["CidrIpv6": "::/0"]]
        case 63..<80:
            record["IpRanges"] = [["CidrIp": .string(RegionBuilder.vpcBlock(random.integer(in: 0...(vpcCount - 1))))]]
        default:
            record["IpRanges"] = [["CidrIp": .string(random.pick(RegionBuilder.peerBlocks))]]
        }
        return .object(record)
    }

    private static let allowAllEgress: GeneratedJSON = [["IpProtocol": "-1", "IpRanges": [["CidrIp": "0.0.0.0/0"]], "Ipv6Ranges": [["CidrIpv6": "::/0"]]]]

    private mutating func group(_ id: String, vpc: Int, name: String, ingress: [GeneratedJSON], egress: GeneratedJSON = RegionBuilder.allowAllEgress) {
        if case .array(let rules) = egress { ruleCount += rules.count }
        ruleCount += ingress.count
        securityGroups.append([
            "GroupId": .string(id), "GroupName": .string(name), "Description": .string(name), "VpcId": .string(RegionBuilder.vpcID(vpc)),
            "OwnerId": .string(RegionBuilder.account(of: vpc)), "IpPermissions": .array(ingress), "IpPermissionsEgress": egress,
        ])
    }

    private mutating func buildGroupsAndInterfaces(_ vpc: Int) {
        let clusterGroups = shape.clustersPerVPC * 3
        let ordinary = shape.groupsPerVPC - clusterGroups
        for index in 0..<ordinary {
            let ruleTotal = index == 0 && vpc % shape.hugeGroupEvery == 0 ? shape.hugeGroupRules : random.integer(in: shape.rulesPerGroup)
            let ingress = (0..<ruleTotal).map { _ in permission(vpc: vpc, groupCount: ordinary) }
            let egress: GeneratedJSON = random.chance(15)
                ? [["IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [["CidrIp": "0.0.0.0/0"]]], ["IpProtocol": "-1", "IpRanges": [["CidrIp": "10.0.0.0/8"]]]]
                : RegionBuilder.allowAllEgress
            group(RegionBuilder.groupID(vpc, index), vpc: vpc, name: "app-\(vpc)-\(index)", ingress: ingress, egress: egress)
        }
        // A dozen group sets that most interfaces share, and a few of their own.
        let sets: [[Int]] = (0..<12).map { set in set % 3 == 0 ? [set, ordinary - 1 - set] : [set] }
        let ordinaryInterfaces = shape.interfacesPerVPC - shape.clustersPerVPC * 7
        for index in 0..<ordinaryInterfaces {
            let subnet = index % shape.subnetsPerVPC
            let groups = random.chance(5) ? [random.integer(in: 12...(ordinary - 1))] : random.pick(sets)
            addInterface(vpc: vpc, subnet: subnet, host: index / shape.subnetsPerVPC, groups: groups.map { RegionBuilder.groupID(vpc, $0) }, instance: nil)
        }
        for cluster in 0..<shape.clustersPerVPC { buildCluster(vpc: vpc, cluster: cluster, firstGroup: ordinary + cluster * 3) }
    }

    private mutating func addInterface(vpc: Int, subnet: Int, host: Int, groups: [String], instance: String?) {
        let id = "eni-\(RegionBuilder.hex(vpc * 65536 + subnet * 4096 + host, width: 17))"
        let address = RegionBuilder.privateAddress(vpc, subnet, host)
        var primary: [String: GeneratedJSON] = ["PrivateIpAddress": .string(address), "Primary": true]
        if subnet < shape.publicSubnets && host % 2 == 0 {
            primary["Association"] = ["PublicIp": .string("54.\(vpc).\(subnet * 16 + host / 250).\(4 + host % 250)"), "IpOwnerId": "amazon"]
        }
        var record: [String: GeneratedJSON] = [
            "NetworkInterfaceId": .string(id), "SubnetId": .string(RegionBuilder.subnetID(vpc, subnet)), "VpcId": .string(RegionBuilder.vpcID(vpc)),
            "OwnerId": .string(RegionBuilder.account(of: vpc)), "InterfaceType": "interface", "Status": "in-use",
            "AvailabilityZone": .string(RegionBuilder.zones[subnet % 3]), "PrivateIpAddress": .string(address),
            "PrivateIpAddresses": [.object(primary)], "Groups": .array(groups.map { ["GroupId": .string($0), "GroupName": .string($0)] }),
        ]
        if let association = primary["Association"] { record["Association"] = association }
        if RegionBuilder.isDualStack(vpc) {
            record["Ipv6Addresses"] = [["Ipv6Address": .string("2600:1f18:\(RegionBuilder.hex(vpc, width: 1)):\(RegionBuilder.hex(subnet, width: 1))::\(RegionBuilder.hex(host + 4, width: 1))")]]
        }
        if let instance {
            record["Attachment"] = ["InstanceId": .string(instance), "DeviceIndex": 0, "Status": "attached"]
            instances.append([
                "InstanceId": .string(instance), "InstanceType": "m5.xlarge", "State": ["Name": "running", "Code": 16],
                "SubnetId": .string(RegionBuilder.subnetID(vpc, subnet)), "VpcId": .string(RegionBuilder.vpcID(vpc)),
                "PrivateIpAddress": .string(address), "SecurityGroups": .array(groups.map { ["GroupId": .string($0), "GroupName": .string($0)] }),
                "NetworkInterfaces": [["NetworkInterfaceId": .string(id), "Attachment": ["DeviceIndex": 0, "Status": "attached"]]],
            ])
        }
        interfaces.append(.object(record))
    }

    private mutating func buildCluster(vpc: Int, cluster: Int, firstGroup: Int) {
        let id = "j-\(RegionBuilder.hex(vpc * 16 + cluster, width: 12).uppercased())"
        let (primary, core, service) = (RegionBuilder.groupID(vpc, firstGroup), RegionBuilder.groupID(vpc, firstGroup + 1), RegionBuilder.groupID(vpc, firstGroup + 2))
        // The first cluster of a VPC sits in a public subnet; every other one of those opens
        // the resource manager to the internet, as the audit must find.
        let subnet = cluster == 0 ? 1 : shape.publicSubnets + 1
        let peersOfManaged: [GeneratedJSON] = [primary, core].map { ["IpProtocol": "-1", "UserIdGroupPairs": [["GroupId": .string($0), "UserId": .string(RegionBuilder.account(of: vpc))]]] }
        var primaryIngress = peersOfManaged + [
            ["IpProtocol": "tcp", "FromPort": 8443, "ToPort": 8443, "UserIdGroupPairs": [["GroupId": .string(service), "UserId": .string(RegionBuilder.account(of: vpc))]]],
            ["IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "PrefixListIds": [["PrefixListId": .string(RegionBuilder.officePrefixList)]]],
        ]
        if cluster == 0 && vpc % 2 == 0 {
            primaryIngress.append(["IpProtocol": "tcp", "FromPort": 8088, "ToPort": 8088, "IpRanges": [["CidrIp": "0.0.0.0/0"]]])
        }
        if cluster == 1 && vpc % 5 == 0 {
            primaryIngress.append(["IpProtocol": "tcp", "FromPort": 18080, "ToPort": 18080, "IpRanges": [["CidrIp": "10.0.0.0/8"]]])
        }
        group(primary, vpc: vpc, name: "ElasticMapReduce-master-\(id)", ingress: primaryIngress)
        group(core, vpc: vpc, name: "ElasticMapReduce-slave-\(id)", ingress: peersOfManaged + [
            ["IpProtocol": "tcp", "FromPort": 8443, "ToPort": 8443, "UserIdGroupPairs": [["GroupId": .string(service), "UserId": .string(RegionBuilder.account(of: vpc))]]],
        ])
        group(service, vpc: vpc, name: "ElasticMapReduce-ServiceAccess-\(id)", ingress: [
            ["IpProtocol": "tcp", "FromPort": 9443, "ToPort": 9443, "UserIdGroupPairs": [["GroupId": .string(primary), "UserId": .string(RegionBuilder.account(of: vpc))]]],
        ], egress: [["IpProtocol": "tcp", "FromPort": 8443, "ToPort": 8443, "UserIdGroupPairs": [["GroupId": .string(primary)], ["GroupId": .string(core)]]]])
        var instances: [GeneratedJSON] = []
        let roles = [("ig-\(id)-M", "MASTER", 1), ("ig-\(id)-C", "CORE", 4), ("ig-\(id)-T", "TASK", 2)]
        var node = 0
        for (group, _, count) in roles {
            for _ in 0..<count {
                let instance = "i-\(RegionBuilder.hex(vpc * 256 + cluster * 16 + node, width: 17))"
                let host = 200 + cluster * 16 + node
                addInterface(vpc: vpc, subnet: subnet, host: host, groups: [group.hasSuffix("-M") ? primary : core], instance: instance)
                instances.append([
                    "Id": .string("ci-\(instance.dropFirst(2))"), "Ec2InstanceId": .string(instance), "InstanceGroupId": .string(group),
                    "PrivateIpAddress": .string(RegionBuilder.privateAddress(vpc, subnet, host)), "Status": ["State": "RUNNING"],
                ])
                node += 1
            }
        }
        let folder = "\(RegionBuilder.region)/emr/\(id)"
        clusters.append((id, [
            Region.File(path: "\(folder)/describe-cluster.json", document: ["Cluster": [
                "Id": .string(id), "Name": .string("analytics-\(vpc)-\(cluster)"), "ReleaseLabel": "emr-7.1.0", "Status": ["State": "WAITING"],
                "Ec2InstanceAttributes": [
                    "Ec2SubnetId": .string(RegionBuilder.subnetID(vpc, subnet)), "EmrManagedMasterSecurityGroup": .string(primary),
                    "EmrManagedSlaveSecurityGroup": .string(core), "ServiceAccessSecurityGroup": .string(service),
                ],
            ]]),
            Region.File(path: "\(folder)/list-instances.json", document: ["Instances": .array(instances)]),
            Region.File(path: "\(folder)/list-instance-groups.json", document: ["InstanceGroups": .array(roles.map { group, type, count in
                ["Id": .string(group), "InstanceGroupType": .string(type), "RunningInstanceCount": .int(count)]
            })]),
        ]))
    }

    // MARK: Peerings, transit gateway, VPNs

    private mutating func buildPeerings() {
        for vpc in 0..<vpcCount {
            for peer in peers(of: vpc) where peer > vpc {
                peerings.append([
                    "VpcPeeringConnectionId": .string(RegionBuilder.peeringID(vpc, peer)), "Status": ["Code": "active"],
                    "RequesterVpcInfo": ["VpcId": .string(RegionBuilder.vpcID(vpc)), "OwnerId": .string(RegionBuilder.account(of: vpc)), "CidrBlock": .string(RegionBuilder.vpcBlock(vpc)), "Region": .string(RegionBuilder.region)],
                    "AccepterVpcInfo": ["VpcId": .string(RegionBuilder.vpcID(peer)), "OwnerId": .string(RegionBuilder.account(of: peer)), "CidrBlock": .string(RegionBuilder.vpcBlock(peer)), "Region": .string(RegionBuilder.region)],
                ])
            }
        }
    }

    private mutating func buildTransitGateway() {
        let association: GeneratedJSON = ["TransitGatewayRouteTableId": .string(RegionBuilder.transitTable), "State": "associated"]
        // Three private subnets of each VPC (6-8 of ten), or as many as there are.
        let attachmentSubnets = max(shape.publicSubnets, shape.subnetsPerVPC - 4)...(shape.subnetsPerVPC - 2)
        for vpc in 0..<vpcCount where RegionBuilder.isAttached(vpc) {
            let id = "tgw-attach-\(RegionBuilder.hex(vpc, width: 17))"
            attachments.append([
                "TransitGatewayAttachmentId": .string(id), "TransitGatewayId": .string(RegionBuilder.transitGateway), "ResourceType": "vpc",
                "ResourceId": .string(RegionBuilder.vpcID(vpc)), "ResourceOwnerId": .string(RegionBuilder.account(of: vpc)), "State": "available",
                "Association": association,
            ])
            vpcAttachments.append([
                "TransitGatewayAttachmentId": .string(id), "TransitGatewayId": .string(RegionBuilder.transitGateway), "VpcId": .string(RegionBuilder.vpcID(vpc)),
                "VpcOwnerId": .string(RegionBuilder.account(of: vpc)), "State": "available",
                "SubnetIds": .array(attachmentSubnets.map { .string(RegionBuilder.subnetID(vpc, $0)) }),
            ])
            transitRoutes.append([
                "DestinationCidrBlock": .string(RegionBuilder.vpcBlock(vpc)), "Type": "propagated", "State": "active",
                "TransitGatewayAttachments": [["TransitGatewayAttachmentId": .string(id), "ResourceId": .string(RegionBuilder.vpcID(vpc)), "ResourceType": "vpc"]],
            ])
        }
        attachments.append([
            "TransitGatewayAttachmentId": "tgw-attach-vpn0000000000001", "TransitGatewayId": .string(RegionBuilder.transitGateway), "ResourceType": "vpn",
            "ResourceId": "vpn-00000000000000002", "ResourceOwnerId": .string(RegionBuilder.account(of: 0)), "State": "available", "Association": association,
        ])
        transitRoutes.append([
            "DestinationCidrBlock": "192.168.0.0/16", "Type": "static", "State": "active",
            "TransitGatewayAttachments": [["TransitGatewayAttachmentId": "tgw-attach-vpn0000000000001", "ResourceId": "vpn-00000000000000002", "ResourceType": "vpn"]],
        ])
    }

    // MARK: Output

    /// The counts the benchmark prints.
    var counts: [(name: String, count: Int)] {
        [
            ("accounts", min(5, vpcCount)), ("VPCs", vpcs.count), ("subnets", subnets.count), ("route tables", routeTables.count),
            ("network ACLs", networkACLs.count), ("security groups", securityGroups.count), ("group rules", ruleCount),
            ("interfaces", interfaces.count), ("peerings", peerings.count), ("EMR clusters", clusters.count),
        ]
    }

    func files() -> [Region.File] {
        let folder = RegionBuilder.region
        func file(_ name: String, _ key: String, _ records: [GeneratedJSON]) -> Region.File {
            Region.File(path: "\(folder)/\(name).json", document: .object([key: .array(records)]))
        }
        var result = [
            file("describe-vpcs", "Vpcs", vpcs), file("describe-subnets", "Subnets", subnets),
            file("describe-route-tables", "RouteTables", routeTables), file("describe-network-acls", "NetworkAcls", networkACLs),
            file("describe-security-groups", "SecurityGroups", securityGroups), file("describe-internet-gateways", "InternetGateways", internetGateways),
            file("describe-nat-gateways", "NatGateways", natGateways), file("describe-network-interfaces", "NetworkInterfaces", interfaces),
            file("describe-vpc-endpoints", "VpcEndpoints", endpoints), file("describe-vpc-peering-connections", "VpcPeeringConnections", peerings),
            file("describe-egress-only-internet-gateways", "EgressOnlyInternetGateways", []),
            Region.File(path: "\(folder)/describe-instances.json", document: [
                "Reservations": [["ReservationId": "r-00000000000000001", "OwnerId": .string(RegionBuilder.account(of: 0)), "Instances": .array(instances)]],
            ]),
            file("describe-transit-gateways", "TransitGateways", [[
                "TransitGatewayId": .string(RegionBuilder.transitGateway), "OwnerId": .string(RegionBuilder.account(of: 0)), "State": "available",
                "Options": ["AssociationDefaultRouteTableId": .string(RegionBuilder.transitTable), "PropagationDefaultRouteTableId": .string(RegionBuilder.transitTable)],
            ]]),
            file("describe-transit-gateway-attachments", "TransitGatewayAttachments", attachments),
            file("describe-transit-gateway-vpc-attachments", "TransitGatewayVpcAttachments", vpcAttachments),
            file("describe-transit-gateway-route-tables", "TransitGatewayRouteTables", [[
                "TransitGatewayRouteTableId": .string(RegionBuilder.transitTable), "TransitGatewayId": .string(RegionBuilder.transitGateway),
                "DefaultAssociationRouteTable": true, "DefaultPropagationRouteTable": true, "State": "available",
            ]]),
            Region.File(path: "\(folder)/search-transit-gateway-routes-\(RegionBuilder.transitTable).json", document: [
                "TransitGatewayRouteTableId": .string(RegionBuilder.transitTable), "Routes": .array(transitRoutes), "AdditionalRoutesAvailable": false,
            ]),
            file("describe-vpn-gateways", "VpnGateways", [[
                "VpnGatewayId": "vgw-00000000000000001", "State": "available", "Type": "ipsec.1",
                "VpcAttachments": [["VpcId": .string(RegionBuilder.vpcID(0)), "State": "attached"]],
            ]]),
            file("describe-customer-gateways", "CustomerGateways", [
                ["CustomerGatewayId": "cgw-00000000000000001", "IpAddress": "198.51.100.1", "BgpAsn": "65000", "State": "available", "Type": "ipsec.1"],
                ["CustomerGatewayId": "cgw-00000000000000002", "IpAddress": "198.51.100.2", "BgpAsn": "65001", "State": "available", "Type": "ipsec.1"],
            ]),
            file("describe-vpn-connections", "VpnConnections", [
                ["VpnConnectionId": "vpn-00000000000000001", "VpnGatewayId": "vgw-00000000000000001", "CustomerGatewayId": "cgw-00000000000000001",
                 "State": "available", "Type": "ipsec.1", "Options": ["StaticRoutesOnly": true],
                 "Routes": [["DestinationCidrBlock": "172.16.0.0/12", "Source": "Static", "State": "available"]]],
                ["VpnConnectionId": "vpn-00000000000000002", "TransitGatewayId": .string(RegionBuilder.transitGateway), "CustomerGatewayId": "cgw-00000000000000002",
                 "State": "available", "Type": "ipsec.1", "Options": ["StaticRoutesOnly": true],
                 "Routes": [["DestinationCidrBlock": "192.168.0.0/16", "Source": "Static", "State": "available"]]],
            ]),
            file("describe-prefix-lists", "PrefixLists", [[
                "PrefixListId": .string(RegionBuilder.s3PrefixList), "PrefixListName": .string("com.amazonaws.\(RegionBuilder.region).s3"),
                "Cidrs": ["3.5.0.0/19", "16.15.192.0/18", "18.34.0.0/19", "52.216.0.0/15", "54.231.0.0/16"],
            ]]),
            file("describe-managed-prefix-lists", "ManagedPrefixLists", [[
                "PrefixListId": .string(RegionBuilder.officePrefixList), "PrefixListName": "office", "AddressFamily": "IPv4", "State": "create-complete",
                "MaxEntries": 10, "OwnerId": .string(RegionBuilder.account(of: 0)),
            ]]),
            Region.File(path: "\(folder)/get-managed-prefix-list-entries-\(RegionBuilder.officePrefixList).json", document: [
                "PrefixListId": .string(RegionBuilder.officePrefixList), "Entries": [["Cidr": "203.0.113.0/24"], ["Cidr": "198.51.100.0/28"]],
            ]),
            Region.File(path: "\(folder)/emr-get-block-public-access-configuration.json", document: [
                "BlockPublicAccessConfiguration": ["BlockPublicSecurityGroupRules": true, "PermittedPublicSecurityGroupRuleRanges": [["MinRange": 22, "MaxRange": 22]]],
            ]),
        ]
        result += clusters.flatMap(\.files)
        return result
    }
}
