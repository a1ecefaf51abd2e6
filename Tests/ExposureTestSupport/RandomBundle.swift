/// Seeded random AWS CLI bundles of the shapes real exports have: two or three VPCs in two
/// accounts, public, private and empty subnets, an internet and a NAT gateway, a peering, a
/// transit gateway with its attachments and routes (a Direct Connect gateway among them), a
/// VPN on a VGW that its VPC routes more to than the VPN declares, an appliance route,
/// network ACLs with deny entries, security groups with CIDR and group peers, and running
/// instances.
package enum RandomBundle {
    /// Addresses behind what the bundles route to but do not describe: a Direct Connect
    /// gateway, an appliance, a VGW's undeclared routes, and an empty subnet.
    package static let routedSources = ["172.20.1.1", "100.64.1.1", "172.30.1.1", "10.2.9.7"]

    /// The bundle for `seed`, and the addresses of its interfaces (flows start there).
    package static func make(seed: UInt64) -> (bundle: BundleBuilder, interfaces: [(id: String, address: String)]) {
        var random = SeededGenerator(seed: seed)
        var bundle = BundleBuilder()
        let vpcs = [("vpc-a", "10.1", "111111111111"), ("vpc-b", "10.2", "222222222222"), ("vpc-c", "10.3", "111111111111")]
            .prefix(Int.random(in: 2...3, using: &random))
        var subnets: [(id: String, vpc: String, prefix: String, zone: String)] = []
        var interfaces: [(id: String, address: String)] = []
        var routeTables: [[String: Any]] = []
        var groups: [[String: Any]] = []
        var enis: [[String: Any]] = []
        var instances: [[String: Any]] = []
        let peers = ["0.0.0.0/0", "10.0.0.0/8", "10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16", "192.168.0.0/16", "198.51.100.0/24", "172.16.0.0/12", "100.64.0.0/10"]
        let ports = [22, 8088, 5432]
        let hasTransit = vpcs.count == 3
        for (vpc, prefix, account) in vpcs {
            bundle["Vpcs"] += [["VpcId": vpc, "CidrBlock": "\(prefix).0.0/16", "OwnerId": account]]
            var routes = [BundleBuilder.route("\(prefix).0.0/16", "GatewayId", "local")]
            if vpc == "vpc-a" { routes.append(BundleBuilder.route("0.0.0.0/0", "GatewayId", "igw-a")) }
            if vpc == "vpc-a" {
                routes.append(BundleBuilder.route("10.2.0.0/16", "VpcPeeringConnectionId", "pcx-ab"))
                routes.append(BundleBuilder.route("100.64.0.0/10", "NetworkInterfaceId", "eni-a1"))
            }
            if vpc == "vpc-b" {
                routes.append(BundleBuilder.route("10.1.0.0/16", "VpcPeeringConnectionId", "pcx-ab"))
                routes.append(["DestinationCidrBlock": "192.168.0.0/16", "GatewayId": "vgw-b", "State": "active", "Origin": "EnableVgwRoutePropagation"])
                routes.append(BundleBuilder.route("172.30.0.0/16", "GatewayId", "vgw-b"))
            }
            if hasTransit && vpc != "vpc-b" {
                routes.append(BundleBuilder.route(vpc == "vpc-a" ? "10.3.0.0/16" : "10.1.0.0/16", "TransitGatewayId", "tgw-1"))
                if vpc == "vpc-a" { routes.append(BundleBuilder.route("172.20.0.0/16", "TransitGatewayId", "tgw-1")) }
            }
            routeTables.append([
                "RouteTableId": "rtb-\(vpc.dropFirst(4))", "VpcId": vpc, "OwnerId": account,
                "Associations": [["Main": true, "RouteTableId": "rtb-\(vpc.dropFirst(4))"]],
                "PropagatingVgws": vpc == "vpc-b" ? [["GatewayId": "vgw-b"]] : [], "Routes": routes,
            ])
            var entries = BundleBuilder.allowAll
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                let egress = Bool.random(using: &random)
                entries.append([
                    "RuleNumber": Int.random(in: 10...90, using: &random), "Protocol": "6", "RuleAction": "deny", "Egress": egress,
                    "PortRange": ["From": ports.randomElement(using: &random) ?? 22, "To": 9000], "CidrBlock": peers.randomElement(using: &random) ?? "0.0.0.0/0",
                ])
            }
            bundle["NetworkAcls"] += [["NetworkAclId": "acl-\(vpc.dropFirst(4))", "VpcId": vpc, "IsDefault": true, "Entries": entries]]
            for index in 1...Int.random(in: 1...2, using: &random) {
                let zone = index == 1 ? "us-east-1a" : "us-east-1b"
                let subnet = "subnet-\(vpc.dropFirst(4))\(index)"
                subnets.append((subnet, vpc, "\(prefix).\(index)", zone))
                bundle["Subnets"] += [["SubnetId": subnet, "VpcId": vpc, "CidrBlock": "\(prefix).\(index).0/24", "AvailabilityZone": zone, "OwnerId": account]]
            }
            if vpc == "vpc-b" && Bool.random(using: &random) {
                // A subnet with no interface yet: its future interfaces are sources.
                bundle["Subnets"] += [["SubnetId": "subnet-b9", "VpcId": vpc, "CidrBlock": "10.2.9.0/24", "AvailabilityZone": "us-east-1a", "OwnerId": account]]
            }
            let group = "sg-\(vpc.dropFirst(4))"
            // Every network lets something through, so the property has verdicts to keep.
            var permissions: [[String: Any]] = vpc == "vpc-a" ? [BundleBuilder.rule(22, ["IpRanges": [["CidrIp": "10.0.0.0/8"]]])] : []
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let port = ports.randomElement(using: &random) ?? 22
                if Int.random(in: 0..<4, using: &random) == 0 {
                    let other = "sg-\(vpcs.randomElement(using: &random)?.0.dropFirst(4) ?? "a")"
                    permissions.append(BundleBuilder.rule(port, ["UserIdGroupPairs": [["GroupId": other]]]))
                } else {
                    permissions.append(BundleBuilder.rule(port, ["IpRanges": [["CidrIp": peers.randomElement(using: &random) ?? "0.0.0.0/0"]]]))
                }
            }
            groups.append([
                "GroupId": group, "VpcId": vpc, "GroupName": group, "IpPermissions": permissions,
                "IpPermissionsEgress": [["IpProtocol": "-1", "IpRanges": [["CidrIp": "0.0.0.0/0"]]]],
            ])
        }
        for (subnet, vpc, prefix, zone) in subnets {
            let id = "eni-\(subnet.dropFirst(7))"
            let address = "\(prefix).10"
            var addresses: [String: Any] = ["PrivateIpAddress": address]
            if vpc == "vpc-a" && Bool.random(using: &random) { addresses["Association"] = ["PublicIp": "54.0.\(interfaces.count).10"] }
            let eni: [String: Any] = [
                "NetworkInterfaceId": id, "SubnetId": subnet, "VpcId": vpc, "AvailabilityZone": zone, "PrivateIpAddress": address,
                "PrivateIpAddresses": [addresses], "Groups": [["GroupId": "sg-\(vpc.dropFirst(4))"]], "Attachment": ["InstanceId": "i-\(id.dropFirst(4))"],
            ]
            enis.append(eni)
            instances.append(["InstanceId": "i-\(id.dropFirst(4))", "State": ["Name": "running"], "SubnetId": subnet, "VpcId": vpc, "Placement": ["AvailabilityZone": zone], "NetworkInterfaces": [eni]])
            interfaces.append((id, address))
        }
        bundle["RouteTables"] = routeTables
        bundle["SecurityGroups"] = groups
        bundle["NetworkInterfaces"] = enis
        bundle["Reservations"] = [["OwnerId": "111111111111", "Instances": instances]]
        bundle["InternetGateways"] = [["InternetGatewayId": "igw-a", "Attachments": [["State": "available", "VpcId": "vpc-a"]]]]
        bundle["NatGateways"] = [["NatGatewayId": "nat-a", "SubnetId": "subnet-a1", "VpcId": "vpc-a", "State": "available", "NatGatewayAddresses": [["PrivateIp": "10.1.1.5", "PublicIp": "54.1.0.5"]]]]
        bundle["VpcPeeringConnections"] = [[
            "VpcPeeringConnectionId": "pcx-ab", "Status": ["Code": "active"],
            "RequesterVpcInfo": ["VpcId": "vpc-a", "CidrBlock": "10.1.0.0/16"], "AccepterVpcInfo": ["VpcId": "vpc-b", "CidrBlock": "10.2.0.0/16"],
        ]]
        bundle["VpnGateways"] = [["VpnGatewayId": "vgw-b", "State": "available", "VpcAttachments": [["State": "attached", "VpcId": "vpc-b"]]]]
        bundle["VpnConnections"] = [["VpnConnectionId": "vpn-b", "VpnGatewayId": "vgw-b", "State": "available", "Routes": [["DestinationCidrBlock": "192.168.0.0/16", "State": "available"]]]]
        if hasTransit {
            bundle["TransitGateways"] = [["TransitGatewayId": "tgw-1", "State": "available"]]
            bundle["TransitGatewayAttachments"] += [[
                "TransitGatewayAttachmentId": "tgw-attach-dx", "TransitGatewayId": "tgw-1", "ResourceType": "direct-connect-gateway", "ResourceId": "dxgw-1",
                "State": "available", "Association": ["TransitGatewayRouteTableId": "tgw-rtb-1", "State": "associated"],
            ]]
            for (vpc, attachment) in [("vpc-a", "tgw-attach-a"), ("vpc-c", "tgw-attach-c")] {
                bundle["TransitGatewayAttachments"] += [[
                    "TransitGatewayAttachmentId": attachment, "TransitGatewayId": "tgw-1", "ResourceType": "vpc", "ResourceId": vpc, "State": "available",
                    "Association": ["TransitGatewayRouteTableId": "tgw-rtb-1", "State": "associated"],
                ]]
                bundle["TransitGatewayVpcAttachments"] += [[
                    "TransitGatewayAttachmentId": attachment, "TransitGatewayId": "tgw-1", "VpcId": vpc, "State": "available",
                    "SubnetIds": subnets.filter { $0.vpc == vpc }.map(\.id),
                ]]
            }
            bundle["TransitGatewayRouteTables"] = [["TransitGatewayRouteTableId": "tgw-rtb-1", "TransitGatewayId": "tgw-1", "State": "available"]]
            bundle["TransitGatewayStaticRoutes"] = [["TransitGatewayRouteTableId": "tgw-rtb-1", "Routes": [
                ["DestinationCidrBlock": "10.1.0.0/16", "State": "active", "Type": "propagated", "TransitGatewayAttachments": [["TransitGatewayAttachmentId": "tgw-attach-a"]]],
                ["DestinationCidrBlock": "10.3.0.0/16", "State": "active", "Type": "propagated", "TransitGatewayAttachments": [["TransitGatewayAttachmentId": "tgw-attach-c"]]],
                ["DestinationCidrBlock": "172.20.0.0/16", "State": "active", "Type": "static", "TransitGatewayAttachments": [["TransitGatewayAttachmentId": "tgw-attach-dx"]]],
            ]]]
        }
        return (bundle, interfaces)
    }

    /// Every way to leave something out of `bundle`: one record of a resource, or a whole
    /// call's output, named for failure messages.
    package static func removals(of bundle: BundleBuilder) -> [(name: String, bundle: BundleBuilder)] {
        var result: [(String, BundleBuilder)] = []
        let records: [(key: String, field: String)] = [
            ("Vpcs", "VpcId"), ("VpcPeeringConnections", "VpcPeeringConnectionId"), ("InternetGateways", "InternetGatewayId"), ("NatGateways", "NatGatewayId"),
            ("VpnGateways", "VpnGatewayId"), ("VpnConnections", "VpnConnectionId"), ("TransitGateways", "TransitGatewayId"),
            ("TransitGatewayRouteTables", "TransitGatewayRouteTableId"), ("SecurityGroups", "GroupId"), ("Subnets", "SubnetId"),
        ]
        for (key, field) in records {
            for record in bundle[key] {
                // A subnet nothing names (no interface, no association) left out of
                // describe-subnets cannot be told missing: see the README's Assumption 22.
                guard let id = record[field] as? String, id != "subnet-b9" else { continue }
                result.append(("\(key) \(id)", bundle.removing(key, where: field, is: id)))
            }
        }
        // An attachment is listed by two calls; leaving it out leaves out both records.
        for record in bundle["TransitGatewayAttachments"] {
            guard let id = record["TransitGatewayAttachmentId"] as? String else { continue }
            result.append(("attachment \(id)", bundle.removing("TransitGatewayAttachments", where: "TransitGatewayAttachmentId", is: id)
                .removing("TransitGatewayVpcAttachments", where: "TransitGatewayAttachmentId", is: id)))
            result.append(("attachment details \(id)", bundle.removing("TransitGatewayVpcAttachments", where: "TransitGatewayAttachmentId", is: id)))
        }
        // Main route tables: a subnet without an association then has unknown routing. (A
        // table a subnet is explicitly associated with cannot be told missing from an
        // export, since only the table lists its associations: see the README.)
        for table in bundle["RouteTables"] {
            guard let id = table["RouteTableId"] as? String else { continue }
            result.append(("main route table \(id)", bundle.removing("RouteTables", where: "RouteTableId", is: id)))
        }
        for key in bundle.outputs.keys.sorted() where key != "NetworkInterfaces" || bundle.outputs["Reservations"] != nil {
            result.append(("the whole \(key) output", bundle.removing(key: key)))
        }
        return result
    }
}
