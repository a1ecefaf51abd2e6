/// An egress-only internet gateway: IPv6 out, nothing in.
public struct EgressOnlyGateway: Hashable, Sendable, Identifiable {
    public let id: EgressOnlyGatewayID
    public let vpc: VPCID

    public init(id: EgressOnlyGatewayID, vpc: VPCID) {
        self.id = id
        self.vpc = vpc
    }
}
