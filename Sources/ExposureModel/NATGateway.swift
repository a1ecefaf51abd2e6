/// A NAT gateway in a subnet: outbound only.
public struct NATGateway: Hashable, Sendable, Identifiable {
    public enum Connectivity: String, Hashable, Sendable { case `public`, `private` }

    public let id: NATGatewayID
    public let subnet: SubnetID
    public let connectivity: Connectivity
    public let privateIPv4: IPAddress?
    public let publicIPv4: IPAddress?

    public init(
        id: NATGatewayID, subnet: SubnetID, connectivity: Connectivity = .public,
        privateIPv4: IPAddress? = nil, publicIPv4: IPAddress? = nil
    ) {
        self.id = id
        self.subnet = subnet
        self.connectivity = connectivity
        self.privateIPv4 = privateIPv4
        self.publicIPv4 = publicIPv4
    }
}
