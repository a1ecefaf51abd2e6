/// A transit gateway attachment: a VPC, a VPN, or something whose far side the input does
/// not describe (a transit gateway peering, a Direct Connect gateway, a Connect attachment,
/// a VPC of an account that was not exported).
public struct TransitGatewayAttachment: Hashable, Sendable, Identifiable {
    public enum Resource: Hashable, Sendable {
        /// A VPC, through one subnet per Availability Zone; `nil` subnets when the input
        /// does not say which (the attachment's details were not exported).
        case vpc(VPCID, subnets: [SubnetID]?)
        case vpn(VPNConnectionID)
        /// Networks the input does not describe behind the attachment: `type` as AWS names
        /// it (`peering`, `direct-connect-gateway`, `connect`, `vpc`...), and the resource id
        /// when known.
        case outside(type: String, resource: String?)
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

    /// The `outside` type of an attachment the input knows only because routes lead to it.
    public static let unknownType = "unknown"

    /// Whether traffic can arrive over the attachment from networks the input does not describe.
    public var isOutside: Bool {
        if case .outside = resource { return true }
        return false
    }
}
