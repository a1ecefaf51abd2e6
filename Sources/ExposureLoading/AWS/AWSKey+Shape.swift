/// The shape of each record the AWS importer reads, limited to the members that decide
/// verdicts: ids and references, CIDRs, protocols, ports, rule numbers and actions,
/// associations, and the lists that hold rules, entries and routes.
extension AWSKey {
    /// What every element of this key's list (or its one object) must look like.
    var shape: JSONShape { AWSKey.shapes[self] ?? makeShape() }

    /// Every key's shape, built once rather than per record.
    private static let shapes = Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.makeShape()) })

    /// The shape of this key's records.
    private func makeShape() -> JSONShape {
        switch self {
        case .vpcs:
            .object([
                "VpcId": .string, "OwnerId": .string, "CidrBlock": .cidr,
                "CidrBlockAssociationSet": .array(.object(["CidrBlock": .cidr, "CidrBlockState": AWSKey.blockState])),
                "Ipv6CidrBlockAssociationSet": .array(.object(["Ipv6CidrBlock": .cidr, "Ipv6CidrBlockState": AWSKey.blockState])),
            ])
        case .subnets:
            .object([
                "SubnetId": .string, "VpcId": .string, "OwnerId": .string, "CidrBlock": .cidr, "AvailabilityZone": .string,
                "Ipv6CidrBlockAssociationSet": .array(.object(["Ipv6CidrBlock": .cidr, "Ipv6CidrBlockState": AWSKey.blockState])),
            ])
        case .routeTables:
            .object([
                "RouteTableId": .string, "VpcId": .string,
                "Associations": .array(.object(["Main": .boolean, "SubnetId": .string, "GatewayId": .string])),
                "Routes": .array(AWSKey.route), "PropagatingVgws": .array(.object(["GatewayId": .string])),
            ])
        case .networkACLs:
            .object([
                "NetworkAclId": .string, "VpcId": .string, "IsDefault": .boolean,
                "Associations": .array(.object(["SubnetId": .string])),
                "Entries": .array(.object([
                    "RuleNumber": .integer(1...32768), "RuleAction": .oneOf(["allow", "deny"]), "Egress": .boolean,
                    "Protocol": .ipProtocol, "CidrBlock": .cidr, "Ipv6CidrBlock": .cidr,
                    "PortRange": .object(["From": .integer(0...65535), "To": .integer(0...65535)]),
                    "IcmpTypeCode": .object(["Type": .integer(-1...255), "Code": .integer(-1...255)]),
                ], required: ["RuleNumber", "RuleAction", "Egress", "Protocol"])),
            ])
        case .securityGroups:
            .object([
                "GroupId": .string, "VpcId": .string, "OwnerId": .string,
                "IpPermissions": .array(AWSKey.permission), "IpPermissionsEgress": .array(AWSKey.permission),
            ])
        case .securityGroupRules:
            .object([
                "SecurityGroupRuleId": .string, "GroupId": .string, "IsEgress": .boolean, "IpProtocol": .ipProtocol,
                "FromPort": AWSKey.port, "ToPort": AWSKey.port, "CidrIpv4": .cidr, "CidrIpv6": .cidr, "PrefixListId": .string,
                "ReferencedGroupInfo": .object(["GroupId": .string, "VpcId": .string, "UserId": .string]),
            ], required: ["GroupId", "IsEgress", "IpProtocol"])
        case .internetGateways, .egressOnlyGateways, .vpnGateways:
            .object([
                "InternetGatewayId": .string, "EgressOnlyInternetGatewayId": .string, "VpnGatewayId": .string,
                "Attachments": .array(.object(["VpcId": .string, "State": AWSKey.state])),
                "VpcAttachments": .array(.object(["VpcId": .string, "State": AWSKey.state])),
            ])
        case .natGateways:
            .object([
                "NatGatewayId": .string, "SubnetId": .string, "VpcId": .string, "State": AWSKey.state,
                "ConnectivityType": .string,
                "NatGatewayAddresses": .array(.object(["PublicIp": .string, "PrivateIp": .string, "NetworkInterfaceId": .string])),
            ])
        case .addresses:
            .object(["PublicIp": .string, "PrivateIpAddress": .string, "NetworkInterfaceId": .string, "InstanceId": .string])
        case .networkInterfaces:
            AWSKey.interface
        case .reservations:
            .object(["Instances": .array(AWSKey.instance)])
        case .instances:
            AWSKey.instance
        case .vpcEndpoints:
            .object([
                "VpcEndpointId": .string, "VpcId": .string, "VpcEndpointType": .string, "ServiceName": .string,
                "State": AWSKey.state, "RouteTableIds": .strings, "SubnetIds": .strings, "NetworkInterfaceIds": .strings,
                "Groups": .array(.object(["GroupId": .string])), "PolicyDocument": .string, "PrivateDnsEnabled": .boolean,
            ])
        case .prefixLists, .managedPrefixLists, .prefixListIDs:
            .object(["PrefixListId": .string, "PrefixListName": .string, "Cidrs": .array(.cidr)])
        case .prefixListEntries:
            .object(["Cidr": .cidr])
        case .vpnConnections:
            .object([
                "VpnConnectionId": .string, "VpnGatewayId": .string, "TransitGatewayId": .string, "CustomerGatewayId": .string,
                "State": AWSKey.state, "Routes": .array(.object(["DestinationCidrBlock": .cidr, "State": AWSKey.state])),
                "Options": .object(["StaticRoutesOnly": .boolean]),
            ])
        case .customerGateways:
            .object(["CustomerGatewayId": .string, "IpAddress": .string, "State": AWSKey.state])
        case .peeringConnections:
            .object([
                "VpcPeeringConnectionId": .string, "Status": .object(["Code": .string]),
                "RequesterVpcInfo": AWSKey.peeringSide, "AccepterVpcInfo": AWSKey.peeringSide,
            ])
        case .transitGateways:
            .object(["TransitGatewayId": .string, "OwnerId": .string, "State": AWSKey.state])
        case .transitGatewayAttachments, .transitGatewayVPCAttachments:
            .object([
                "TransitGatewayAttachmentId": .string, "TransitGatewayId": .string, "ResourceType": .string,
                "ResourceId": .string, "VpcId": .string, "SubnetIds": .strings, "State": AWSKey.state,
                "Association": .object(["TransitGatewayRouteTableId": .string, "State": AWSKey.state]),
            ])
        case .transitGatewayRouteTables:
            .object(["TransitGatewayRouteTableId": .string, "TransitGatewayId": .string, "State": AWSKey.state])
        case .transitGatewayStaticRoutes:
            .object(["TransitGatewayRouteTableId": .string, "Routes": .array(AWSKey.transitRoute)])
        case .transitGatewayPropagations:
            .object([
                "TransitGatewayRouteTableId": .string,
                "TransitGatewayRouteTablePropagations": .array(AWSKey.transitAttachmentReference),
            ])
        case .transitGatewayRouteTablePropagations, .associations:
            AWSKey.transitAttachmentReference
        case .routes:
            AWSKey.transitRoute
        case .cluster:
            .object([
                "Id": .string, "ReleaseLabel": .string, "Status": .object(["State": .string]),
                "Ec2InstanceAttributes": .object([
                    "Ec2SubnetId": .string, "RequestedEc2SubnetIds": .strings, "Ec2AvailabilityZone": .string,
                    "EmrManagedMasterSecurityGroup": .string, "EmrManagedSlaveSecurityGroup": .string,
                    "ServiceAccessSecurityGroup": .string, "AdditionalMasterSecurityGroups": .strings,
                    "AdditionalSlaveSecurityGroups": .strings,
                ]),
            ])
        case .instanceGroups, .instanceFleets:
            .object(["Id": .string, "InstanceGroupType": .string, "InstanceFleetType": .string])
        case .blockPublicAccess:
            .object([
                "BlockPublicSecurityGroupRules": .boolean,
                "PermittedPublicSecurityGroupRuleRanges": .array(.object(
                    ["MinRange": .integer(0...65535), "MaxRange": .integer(0...65535)], required: ["MinRange"])),
            ], required: ["BlockPublicSecurityGroupRules"])
        }
    }

    /// A resource's `State`, which decides whether it carries traffic.
    private static let state = JSONShape.string
    /// A CIDR association's state, `{"State": "associated"}`.
    private static let blockState = JSONShape.object(["State": .string])
    /// A security-group port, or for ICMP the type or code; `-1` means all.
    private static let port = JSONShape.integer(-1...65535)

    private static let permission = JSONShape.object([
        "IpProtocol": .ipProtocol, "FromPort": port, "ToPort": port,
        "IpRanges": .array(.object(["CidrIp": .cidr], required: ["CidrIp"])),
        "Ipv6Ranges": .array(.object(["CidrIpv6": .cidr], required: ["CidrIpv6"])),
        "PrefixListIds": .array(.object(["PrefixListId": .string], required: ["PrefixListId"])),
        "UserIdGroupPairs": .array(.object(["GroupId": .string, "VpcId": .string, "UserId": .string])),
    ], required: ["IpProtocol"])

    private static let route = JSONShape.object([
        "DestinationCidrBlock": .cidr, "DestinationIpv6CidrBlock": .cidr, "DestinationPrefixListId": .string,
        "GatewayId": .string, "NatGatewayId": .string, "NetworkInterfaceId": .string, "InstanceId": .string,
        "TransitGatewayId": .string, "VpcPeeringConnectionId": .string, "EgressOnlyInternetGatewayId": .string,
        "CarrierGatewayId": .string, "LocalGatewayId": .string, "CoreNetworkArn": .string, "State": .string,
    ])

    private static let interface = JSONShape.object([
        "NetworkInterfaceId": .string, "SubnetId": .string, "VpcId": .string, "InterfaceType": .string,
        "PrivateIpAddress": .string, "Groups": .array(.object(["GroupId": .string], required: ["GroupId"])),
        "PrivateIpAddresses": .array(.object([
            "PrivateIpAddress": .string, "Association": .object(["PublicIp": .string]),
        ])),
        "Ipv6Addresses": .array(.object(["Ipv6Address": .string])),
        "Association": .object(["PublicIp": .string]), "Attachment": .object(["InstanceId": .string]),
    ])

    private static let instance = JSONShape.object([
        "InstanceId": .string, "Ec2InstanceId": .string, "SubnetId": .string, "VpcId": .string,
        "PrivateIpAddress": .string, "PublicIpAddress": .string,
        "SecurityGroups": .array(.object(["GroupId": .string], required: ["GroupId"])),
        "NetworkInterfaces": .array(interface),
        "Placement": .object(["AvailabilityZone": .string]),
    ])

    private static let peeringSide = JSONShape.object([
        "VpcId": .string, "OwnerId": .string, "CidrBlock": .cidr,
        "CidrBlockSet": .array(.object(["CidrBlock": .cidr])),
        "Ipv6CidrBlockSet": .array(.object(["Ipv6CidrBlock": .cidr])),
    ])

    private static let transitAttachmentReference = JSONShape.object([
        "TransitGatewayAttachmentId": .string, "ResourceId": .string, "ResourceType": .string, "State": .string,
    ])

    private static let transitRoute = JSONShape.object([
        "DestinationCidrBlock": .cidr, "PrefixListId": .string, "Type": .string, "State": .string,
        "TransitGatewayAttachments": .array(transitAttachmentReference),
    ])
}
