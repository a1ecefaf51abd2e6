/// A transit gateway route table with its associations and propagations.
public struct TransitGatewayRouteTable: Hashable, Sendable, Identifiable {
    /// A static route: to an attachment, or a blackhole.
    public struct Route: Hashable, Sendable, CustomStringConvertible {
        public let destination: CIDR
        /// `nil` for a blackhole route.
        public let attachment: TransitGatewayAttachmentID?

        public init(destination: CIDR, attachment: TransitGatewayAttachmentID?) {
            self.destination = destination
            self.attachment = attachment
        }

        public var description: String {
            "\(destination) -> \(attachment?.rawValue ?? "blackhole")"
        }
    }

    public let id: TransitGatewayRouteTableID
    public let transitGateway: TransitGatewayID
    public let routes: [Route]
    /// Attachments whose packets are routed by this table.
    public let associations: [TransitGatewayAttachmentID]
    /// Attachments whose networks propagate into this table.
    public let propagations: [TransitGatewayAttachmentID]
    /// Whether `routes` are all the table's routes; `false` when the input names the table
    /// (an attachment is associated with it) but does not describe it.
    public let routesAreKnown: Bool

    public init(
        id: TransitGatewayRouteTableID, transitGateway: TransitGatewayID, routes: [Route],
        associations: [TransitGatewayAttachmentID], propagations: [TransitGatewayAttachmentID],
        routesAreKnown: Bool = true
    ) {
        self.id = id
        self.transitGateway = transitGateway
        self.routes = routes
        self.associations = associations.sorted()
        self.propagations = propagations.sorted()
        self.routesAreKnown = routesAreKnown
    }
}
