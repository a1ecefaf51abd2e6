/// One route of a VPC route table.
public struct Route: Hashable, Sendable, CustomStringConvertible {
    /// Where the route sends packets.
    public enum Destination: Hashable, Sendable, CustomStringConvertible {
        case cidr(CIDR)
        case prefixList(PrefixListID)

        public var description: String {
            switch self {
            case .cidr(let cidr): cidr.description
            case .prefixList(let id): id.rawValue
            }
        }
    }

    /// The next hop.
    public enum Target: Hashable, Sendable, CustomStringConvertible {
        case local
        case internetGateway(InternetGatewayID)
        case egressOnlyGateway(EgressOnlyGatewayID)
        case natGateway(NATGatewayID)
        case vpnGateway(VPNGatewayID)
        case peering(PeeringConnectionID)
        case transitGateway(TransitGatewayID)
        case gatewayEndpoint(VPCEndpointID)
        case networkInterface(NetworkInterfaceID)
        case instance(InstanceID)
        /// A target outside the model (carrier or local gateway, core network...), or one
        /// the input names but does not describe (kind `outsideInputKind`).
        case unsupported(kind: String, id: String)

        /// The kind of an `unsupported` target that the input names but does not describe.
        public static let outsideInputKind = "outside-input"

        public var description: String {
            switch self {
            case .local: "local"
            case .internetGateway(let id): id.rawValue
            case .egressOnlyGateway(let id): id.rawValue
            case .natGateway(let id): id.rawValue
            case .vpnGateway(let id): id.rawValue
            case .peering(let id): id.rawValue
            case .transitGateway(let id): id.rawValue
            case .gatewayEndpoint(let id): id.rawValue
            case .networkInterface(let id): id.rawValue
            case .instance(let id): id.rawValue
            case .unsupported(_, let id): id
            }
        }
    }

    public let destination: Destination
    public let target: Target
    /// A blackhole route drops what it matches.
    public let isBlackhole: Bool
    /// Set for routes a VGW propagated rather than routes written in the table.
    public let isPropagated: Bool

    public init(
        destination: Destination, target: Target, isBlackhole: Bool = false,
        isPropagated: Bool = false
    ) {
        self.destination = destination
        self.target = target
        self.isBlackhole = isBlackhole
        self.isPropagated = isPropagated
    }

    public var description: String {
        "\(destination) -> \(target)\(isBlackhole ? " (blackhole)" : "")\(isPropagated ? " (propagated)" : "")"
    }
}
