/// An internet gateway attached to one VPC.
public struct InternetGateway: Hashable, Sendable, Identifiable {
    public let id: InternetGatewayID
    public let vpc: VPCID

    public init(id: InternetGatewayID, vpc: VPCID) {
        self.id = id
        self.vpc = vpc
    }
}
