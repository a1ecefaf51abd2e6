/// A customer gateway: the on-premises end of a VPN.
public struct CustomerGateway: Hashable, Sendable, Identifiable {
    public let id: CustomerGatewayID
    public let address: IPAddress?

    public init(id: CustomerGatewayID, address: IPAddress?) {
        self.id = id
        self.address = address
    }
}
