/// A transit gateway attachment: a VPC, a VPN or a peering with another transit gateway.
public struct TransitGatewayAttachment: Hashable, Sendable, Identifiable {
    public enum Resource: Hashable, Sendable {
        /// A VPC, through one subnet per Availability Zone.
        case vpc(VPCID, subnets: [SubnetID])
        case vpn(VPNConnectionID)
        case peering(TransitGatewayID?)
    }

    public let id: TransitGatewayAttachmentID
    public let transitGateway: TransitGatewayID
    public let resource: Resource

    public init(
        id: TransitGatewayAttachmentID, transitGateway: TransitGatewayID, resource: Resource
    ) {
        self.id = id
        self.transitGateway = transitGateway
        self.resource = resource
    }
}
