import ExposureModel
import ExposureSolver

/// What one box of the network drawing stands for.
public enum DiagramElement: Hashable, Sendable {
    /// Where traffic starts: the internet, a tenant, the networks behind a VPN, an outside network.
    case zone(Zone)
    /// A transit gateway, shared by the VPCs attached to it.
    case transitGateway(TransitGatewayID)
    /// The Amazon Linux and EMR repositories in S3, which the nodes' security updates come from.
    case repositories
    /// A VPC, holding its subnets, with its gateways on its edge.
    case vpc(VPCID)
    /// A gateway, peering, transit gateway attachment or endpoint on the edge of one VPC.
    case gateway(ComponentRef, in: VPCID)
    /// The endpoints of one VPC, folded into one box when there are many.
    case endpoints(VPCID)
    /// A subnet, holding its nodes and NAT gateways.
    case subnet(SubnetID)
    /// A NAT gateway, inside its subnet.
    case natGateway(NATGatewayID)
    /// The nodes of one cluster role in one subnet.
    case nodes(EMRClusterID, EMRCluster.Role, in: SubnetID)
    /// One interface that is not an EMR node.
    case interface(NetworkInterfaceID)
    /// The interfaces of a subnet that are not drawn one by one.
    case otherInterfaces(SubnetID)

    /// How the element reads in a sentence or a table: `j-1 primary nodes in subnet-1`,
    /// `eni-1`, `internet`.
    public var name: String {
        switch self {
        case .zone(let zone): zone.description
        case .transitGateway(let id): id.rawValue
        case .repositories: "the repositories in S3"
        case .vpc(let id): id.rawValue
        case .gateway(let component, _): component.id
        case .endpoints(let vpc): "the endpoints of \(vpc)"
        case .subnet(let id): id.rawValue
        case .natGateway(let id): id.rawValue
        case .nodes(let cluster, let role, let subnet): "\(cluster) \(role.rawValue) nodes in \(subnet)"
        case .interface(let id): id.rawValue
        case .otherInterfaces(let subnet): "interfaces in \(subnet)"
        }
    }

    /// The cluster role of a box of nodes; `nil` for everything else.
    public var role: EMRCluster.Role? {
        if case .nodes(_, let role, _) = self { return role }
        return nil
    }

    /// Where the element sits in the drawing's nesting.
    public enum Placement: Sendable {
        /// In the row above the VPCs, where lines start.
        case origin
        /// A container of the VPC grid.
        case vpc
        /// On the top edge of its VPC.
        case edge
        /// A subnet inside its VPC.
        case subnet
        /// Inside a subnet.
        case chip
    }

    /// Where the element sits.
    public var placement: Placement {
        switch self {
        case .zone, .transitGateway, .repositories: .origin
        case .vpc: .vpc
        case .gateway, .endpoints: .edge
        case .subnet: .subnet
        case .natGateway, .nodes, .interface, .otherInterfaces: .chip
        }
    }

    /// A stable name for the element, unique in one drawing: `zone/internet`,
    /// `gateway/vpc-1/internet-gateway/igw-1`, `nodes/j-1/core/subnet-1`.
    public var key: String {
        switch self {
        case .zone(let zone): "zone/\(zone)"
        case .transitGateway(let id): "transit-gateway/\(id)"
        case .repositories: "repositories"
        case .vpc(let id): "vpc/\(id)"
        case .gateway(let component, let vpc): "gateway/\(vpc)/\(component.kind.rawValue)/\(component.id)"
        case .endpoints(let vpc): "endpoints/\(vpc)"
        case .subnet(let id): "subnet/\(id)"
        case .natGateway(let id): "nat-gateway/\(id)"
        case .nodes(let cluster, let role, let subnet): "nodes/\(cluster)/\(role.rawValue)/\(subnet)"
        case .interface(let id): "interface/\(id)"
        case .otherInterfaces(let subnet): "other-interfaces/\(subnet)"
        }
    }
}
