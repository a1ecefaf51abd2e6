/// A site-to-site VPN connection, ending at a VGW or a transit gateway.
public struct VPNConnection: Hashable, Sendable, Identifiable {
    /// The AWS side of the connection.
    public enum Gateway: Hashable, Sendable {
        case vpnGateway(VPNGatewayID)
        case transitGateway(TransitGatewayID)
    }

    public let id: VPNConnectionID
    public let gateway: Gateway
    public let customerGateway: CustomerGatewayID?
    /// Static routes toward the customer network.
    public let staticRoutes: [CIDR]
    /// Prefixes the topology declares behind the connection (for BGP-learned networks).
    public let onPremPrefixes: [CIDR]

    public init(
        id: VPNConnectionID, gateway: Gateway, customerGateway: CustomerGatewayID? = nil,
        staticRoutes: [CIDR] = [], onPremPrefixes: [CIDR] = []
    ) {
        self.id = id
        self.gateway = gateway
        self.customerGateway = customerGateway
        self.staticRoutes = staticRoutes.sorted()
        self.onPremPrefixes = onPremPrefixes.sorted()
    }

    /// The prefixes known to sit behind the connection; empty when none are known.
    public var knownPrefixes: [CIDR] { Array(Set(staticRoutes + onPremPrefixes)).sorted() }
}
