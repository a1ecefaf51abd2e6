import ExposureModel

/// The top-level keys of AWS CLI outputs that the AWS importer reads.
enum AWSKey: String, CaseIterable, Sendable {
    case vpcs = "Vpcs"
    case subnets = "Subnets"
    case routeTables = "RouteTables"
    case networkACLs = "NetworkAcls"
    case securityGroups = "SecurityGroups"
    case securityGroupRules = "SecurityGroupRules"
    case internetGateways = "InternetGateways"
    case egressOnlyGateways = "EgressOnlyInternetGateways"
    case natGateways = "NatGateways"
    case addresses = "Addresses"
    case networkInterfaces = "NetworkInterfaces"
    case reservations = "Reservations"
    /// EMR `list-instances`, or bare EC2 instances.
    case instances = "Instances"
    case vpcEndpoints = "VpcEndpoints"
    /// `describe-prefix-lists` (with `Cidrs`) and `describe-managed-prefix-lists`.
    case prefixLists = "PrefixLists"
    case managedPrefixLists = "ManagedPrefixLists"
    case prefixListIDs = "PrefixListIds"
    /// `get-managed-prefix-list-entries`; the list id comes from the document or file name.
    case prefixListEntries = "Entries"
    case vpnGateways = "VpnGateways"
    case vpnConnections = "VpnConnections"
    case customerGateways = "CustomerGateways"
    case peeringConnections = "VpcPeeringConnections"
    case transitGateways = "TransitGateways"
    case transitGatewayAttachments = "TransitGatewayAttachments"
    case transitGatewayVPCAttachments = "TransitGatewayVpcAttachments"
    case transitGatewayRouteTables = "TransitGatewayRouteTables"
    /// Per route table: `{"TransitGatewayRouteTableId", "Routes"}`, as some collectors save
    /// `search-transit-gateway-routes`.
    case transitGatewayStaticRoutes = "TransitGatewayStaticRoutes"
    /// Per route table: `{"TransitGatewayRouteTableId", "TransitGatewayRouteTablePropagations"}`.
    case transitGatewayPropagations = "TransitGatewayPropagations"
    /// `get-transit-gateway-route-table-propagations`; the table id from document or file name.
    case transitGatewayRouteTablePropagations = "TransitGatewayRouteTablePropagations"
    /// `get-transit-gateway-route-table-associations`; the table id from document or file name.
    case associations = "Associations"
    /// `search-transit-gateway-routes`; the table id from document or file name.
    case routes = "Routes"
    /// EMR `describe-cluster`.
    case cluster = "Cluster"
    case instanceGroups = "InstanceGroups"
    case instanceFleets = "InstanceFleets"
    case blockPublicAccess = "BlockPublicAccessConfiguration"

    /// Keys that carry no resources of their own.
    static let bookkeeping: Set<String> = [
        "NextToken", "ResponseMetadata", "AdditionalRoutesAvailable",
        "BlockPublicAccessConfigurationMetadata", "TransitGatewayRouteTableId", "PrefixListId", "ClusterId",
    ]

    /// Keys of AWS outputs that describe things outside the model, with what they are.
    static let outsideModel: [String: String] = [
        "AvailabilityZones": "Availability Zones", "LoadBalancers": "load balancers",
        "LoadBalancerDescriptions": "classic load balancers", "TargetGroups": "target groups",
        "TargetHealthDescriptions": "target health", "Listeners": "load balancer listeners",
        "LoadBalancerListeners": "load balancer listeners", "LoadBalancerTargetHealth": "target health",
        "LoadBalancerAttributes": "load balancer attributes", "DBInstances": "RDS instances",
        "DomainStatusList": "OpenSearch domains", "VirtualInterfaces": "Direct Connect virtual interfaces",
        "DirectConnectGateways": "Direct Connect gateways",
        "DirectConnectGatewayAssociations": "Direct Connect gateway associations",
        "ServiceDetails": "endpoint services", "ServiceNames": "endpoint services",
        "Snapshots": "EBS snapshots", "Regions": "regions", "TransitGatewayPeeringAttachments": "transit gateway peering attachments",
    ]

    /// The member naming each element's id, for keys whose elements are resources.
    var idField: String? {
        switch self {
        case .vpcs: "VpcId"
        case .subnets: "SubnetId"
        case .routeTables: "RouteTableId"
        case .networkACLs: "NetworkAclId"
        case .securityGroups: "GroupId"
        case .securityGroupRules: "SecurityGroupRuleId"
        case .internetGateways: "InternetGatewayId"
        case .egressOnlyGateways: "EgressOnlyInternetGatewayId"
        case .natGateways: "NatGatewayId"
        case .networkInterfaces: "NetworkInterfaceId"
        case .vpcEndpoints: "VpcEndpointId"
        case .prefixLists, .managedPrefixLists, .prefixListIDs: "PrefixListId"
        case .vpnGateways: "VpnGatewayId"
        case .vpnConnections: "VpnConnectionId"
        case .customerGateways: "CustomerGatewayId"
        case .peeringConnections: "VpcPeeringConnectionId"
        case .transitGateways: "TransitGatewayId"
        case .transitGatewayAttachments, .transitGatewayVPCAttachments: "TransitGatewayAttachmentId"
        case .transitGatewayRouteTables: "TransitGatewayRouteTableId"
        default: nil
        }
    }

    /// Whether the key's value is one object rather than a list.
    var isSingleObject: Bool { self == .cluster || self == .blockPublicAccess }
}
