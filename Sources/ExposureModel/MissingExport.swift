/// An AWS CLI call that verdicts depend on and that an export lacks.
public enum MissingExport: String, Hashable, Sendable, CaseIterable, Comparable {
    case describeVPCs = "describe-vpcs"
    case describeSubnets = "describe-subnets"
    case describeRouteTables = "describe-route-tables"
    case describeSecurityGroups = "describe-security-groups"
    case describeNetworkInterfaces = "describe-network-interfaces"
    case describeInstances = "describe-instances"
    case describeTransitGatewayAttachments = "describe-transit-gateway-attachments"
    case searchTransitGatewayRoutes = "search-transit-gateway-routes"

    /// What the analysis does without it.
    public var effect: String {
        switch self {
        case .describeVPCs:
            "VPCs are known only from what names them (their blocks from local routes and subnets)"
        case .describeSubnets:
            "subnets are known only from what names them: their blocks are taken as their VPC's, their Availability Zones as unknown, and the future interfaces of subnets nothing names are the zone outside:VPC/unlisted-subnets"
        case .describeRouteTables:
            "routing beyond each VPC's local routes is unknown, so every verdict that leaves a subnet's own VPC is `unknown`, and whatever a VPC's gateways may bring in is the zone outside:VPC/unknown-routes"
        case .describeSecurityGroups:
            "the rules of every group are unknown, so every verdict that a group decides is `unknown`"
        case .describeNetworkInterfaces:
            "interfaces are known only from describe-instances: NAT gateway, endpoint and unattached interfaces are not seen"
        case .describeInstances:
            "instances are known only from their interfaces: stopped instances are analysed as if running, and EMR nodes only from list-instances"
        case .describeTransitGatewayAttachments:
            "a transit gateway's attachments are known only from what names them: the others are the zone outside:TGW/attachments-not-in-input, and associations the export does not give route `unknown`"
        case .searchTransitGatewayRoutes:
            "the routes of some transit gateway route tables are not in the input, so what crosses those tables is `unknown`"
        }
    }

    /// The command that exports it.
    public var command: String {
        switch self {
        case .searchTransitGatewayRoutes: MissingExport.searchTransitGatewayRoutes(of: "TABLE")
        default: "aws ec2 \(rawValue)"
        }
    }

    /// The command that exports the active and blackhole routes of transit gateway route
    /// table `table`.
    public static func searchTransitGatewayRoutes(of table: String) -> String {
        "aws ec2 search-transit-gateway-routes --transit-gateway-route-table-id \(table) --filters Name=state,Values=active,blackhole"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
