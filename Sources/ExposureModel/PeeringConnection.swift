/// A VPC peering connection between two VPCs.
public struct PeeringConnection: Hashable, Sendable, Identifiable {
    public let id: PeeringConnectionID
    public let requesterVPC: VPCID
    public let accepterVPC: VPCID
    /// Only active peerings carry traffic.
    public let isActive: Bool

    public init(id: PeeringConnectionID, requesterVPC: VPCID, accepterVPC: VPCID, isActive: Bool) {
        self.id = id
        self.requesterVPC = requesterVPC
        self.accepterVPC = accepterVPC
        self.isActive = isActive
    }

    /// The VPC on the other side from `vpc`, if `vpc` is one of the two.
    public func peer(of vpc: VPCID) -> VPCID? {
        if vpc == requesterVPC { return accepterVPC }
        if vpc == accepterVPC { return requesterVPC }
        return nil
    }
}
