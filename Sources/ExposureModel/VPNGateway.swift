/// A virtual private gateway, the VPC side of a site-to-site VPN.
public struct VPNGateway: Hashable, Sendable, Identifiable {
    public let id: VPNGatewayID
    /// The attached VPC; `nil` when detached.
    public let vpc: VPCID?

    public init(id: VPNGatewayID, vpc: VPCID?) {
        self.id = id
        self.vpc = vpc
    }
}
