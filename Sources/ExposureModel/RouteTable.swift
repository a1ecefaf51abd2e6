/// A VPC route table.
public struct RouteTable: Hashable, Sendable, Identifiable {
    public let id: RouteTableID
    public let vpc: VPCID
    /// Whether this is the VPC's main table, used by subnets without an association.
    public let isMain: Bool
    public let routes: [Route]
    /// Virtual private gateways whose VPN routes propagate into this table.
    public let propagatingGateways: [VPNGatewayID]

    public init(
        id: RouteTableID, vpc: VPCID, isMain: Bool, routes: [Route],
        propagatingGateways: [VPNGatewayID] = []
    ) {
        self.id = id
        self.vpc = vpc
        self.isMain = isMain
        self.routes = routes
        self.propagatingGateways = propagatingGateways
    }
}
