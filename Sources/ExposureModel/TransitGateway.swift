/// A transit gateway: a regional router between attachments.
public struct TransitGateway: Hashable, Sendable, Identifiable {
    public let id: TransitGatewayID

    public init(id: TransitGatewayID) { self.id = id }
}
