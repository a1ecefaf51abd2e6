import ExposureAudit
import ExposureModel
import ExposureSolver

/// Builds a `Diagram` from one report's topology, exposures and findings: which box each
/// interface is drawn in, which gateway each exposure enters through, and the lines.
struct DiagramBuilder {
    /// Interfaces that are not EMR nodes drawn one by one in a subnet; the rest are folded.
    static let drawnInterfacesPerSubnet = 6
    /// Endpoints drawn one by one on a VPC's edge; more are folded into one box.
    static let drawnEndpointsPerVPC = 3

    let topology: Topology
    /// The cluster and role of each EMR node's interface.
    let nodes: [NetworkInterfaceID: (cluster: EMRClusterID, role: EMRCluster.Role)]
    /// The interfaces that are not nodes but are drawn one by one.
    let drawnInterfaces: Set<NetworkInterfaceID>
    /// The interfaces that some exposure shown reaches.
    let exposed: Set<NetworkInterfaceID>
    /// The edge gateways of each VPC, as drawn.
    let edges: [VPCID: [DiagramBox]]
    /// The components drawn on each VPC's edge, for finding where a path enters.
    let edgeComponents: [VPCID: Set<ComponentRef>]
    /// Each transit gateway's attachment in each VPC.
    let attachments: [TransitGatewayID: [VPCID: TransitGatewayAttachmentID]]
    /// Each subnet's interfaces and NAT gateways, in id order.
    let interfaces: [SubnetID: [NetworkInterface]]
    let natGateways: [SubnetID: [NATGateway]]

    /// Indexes `topology` for drawing `targets`, the interfaces the shown exposures reach.
    ///
    /// - Complexity: O(*c* log *c*) in the topology's components.
    init(topology: Topology, targets: [NetworkInterfaceID]) {
        self.topology = topology
        var nodes: [NetworkInterfaceID: (cluster: EMRClusterID, role: EMRCluster.Role)] = [:]
        for cluster in Topology.sortedValues(topology.emrClusters) {
            for node in cluster.nodes where nodes[node.networkInterface] == nil {
                nodes[node.networkInterface] = (cluster.id, node.role)
            }
        }
        self.nodes = nodes
        var perSubnet: [SubnetID: [NetworkInterfaceID]] = [:]
        for target in Set(targets).sorted() where nodes[target] == nil {
            guard let subnet = topology.networkInterfaces[target]?.subnet else { continue }
            perSubnet[subnet, default: []].append(target)
        }
        drawnInterfaces = Set(perSubnet.values.flatMap { $0.prefix(Self.drawnInterfacesPerSubnet) })
        exposed = Set(targets)
        let edges = Self.edgeGateways(of: topology)
        self.edges = edges
        edgeComponents = edges.mapValues { boxes in
            Set(boxes.compactMap { box -> ComponentRef? in
                if case .gateway(let component, _) = box.element { return component }
                return nil
            })
        }
        var attachments: [TransitGatewayID: [VPCID: TransitGatewayAttachmentID]] = [:]
        for attachment in Topology.sortedValues(topology.transitGatewayAttachments) {
            if case .vpc(let vpc, _) = attachment.resource, attachments[attachment.transitGateway]?[vpc] == nil {
                attachments[attachment.transitGateway, default: [:]][vpc] = attachment.id
            }
        }
        self.attachments = attachments
        interfaces = Dictionary(grouping: Topology.sortedValues(topology.networkInterfaces), by: \.subnet)
        natGateways = Dictionary(grouping: Topology.sortedValues(topology.natGateways), by: \.subnet)
    }

    /// The box an interface's exposures end at: its nodes' box, its own, or its subnet's
    /// folded interfaces; `nil` when the input does not place it in a subnet.
    func chip(for interface: NetworkInterfaceID) -> DiagramElement? {
        guard let subnet = topology.networkInterfaces[interface]?.subnet, topology.subnets[subnet] != nil else { return nil }
        if let node = nodes[interface] { return .nodes(node.cluster, node.role, in: subnet) }
        return drawnInterfaces.contains(interface) ? .interface(interface) : .otherInterfaces(subnet)
    }

    /// The VPC an interface's subnet belongs to.
    func vpc(of interface: NetworkInterfaceID) -> VPCID? {
        topology.networkInterfaces[interface].flatMap { topology.subnets[$0.subnet]?.vpc }
    }

    /// The gateways drawn on each VPC's edge: internet, egress-only and VPN gateways,
    /// peerings, transit gateway attachments, and endpoints (folded when many).
    static func edgeGateways(of topology: Topology) -> [VPCID: [DiagramBox]] {
        var edges: [VPCID: [DiagramBox]] = [:]
        func add(_ vpc: VPCID, _ component: ComponentRef, _ subtitle: String, _ detail: String) {
            edges[vpc, default: []].append(DiagramBox(.gateway(component, in: vpc), title: component.id, subtitle: subtitle, detail: detail))
        }
        for gateway in Topology.sortedValues(topology.internetGateways) {
            add(gateway.vpc, gateway.id.component, "internet gateway", "\(gateway.id): internet gateway of \(gateway.vpc)")
        }
        for gateway in Topology.sortedValues(topology.egressOnlyGateways) {
            add(gateway.vpc, gateway.id.component, "egress-only gateway", "\(gateway.id): egress-only internet gateway of \(gateway.vpc) (IPv6 out only)")
        }
        var connectionsOf: [VPNGatewayID: [String]] = [:]
        for connection in Topology.sortedValues(topology.vpnConnections) {
            if case .vpnGateway(let id) = connection.gateway { connectionsOf[id, default: []].append(connection.id.rawValue) }
        }
        for gateway in Topology.sortedValues(topology.vpnGateways) {
            guard let vpc = gateway.vpc else { continue }
            let connections = connectionsOf[gateway.id] ?? []
            add(vpc, gateway.id.component, "VPN gateway", "\(gateway.id): VPN gateway of \(vpc)\(connections.isEmpty ? "" : ", connections \(connections.joined(separator: ", "))")")
        }
        for peering in Topology.sortedValues(topology.peeringConnections) {
            let state = peering.isActive ? "" : " (not active)"
            add(peering.requesterVPC, peering.id.component, "peering to \(peering.accepterVPC)\(state)", "\(peering.id): peering from \(peering.requesterVPC) to \(peering.accepterVPC)\(state)")
            if peering.accepterVPC != peering.requesterVPC {
                add(peering.accepterVPC, peering.id.component, "peering to \(peering.requesterVPC)\(state)", "\(peering.id): peering from \(peering.requesterVPC) to \(peering.accepterVPC)\(state)")
            }
        }
        for attachment in Topology.sortedValues(topology.transitGatewayAttachments) {
            guard case .vpc(let vpc, _) = attachment.resource else { continue }
            add(vpc, attachment.id.component, "to \(attachment.transitGateway)", "\(attachment.id): attachment of \(vpc) to transit gateway \(attachment.transitGateway)")
        }
        var endpoints: [VPCID: [VPCEndpoint]] = [:]
        for endpoint in Topology.sortedValues(topology.vpcEndpoints) { endpoints[endpoint.vpc, default: []].append(endpoint) }
        for vpc in endpoints.keys.sorted() {
            let list = endpoints[vpc] ?? []
            let described = list.map { "\($0.id): \($0.type.rawValue) endpoint for \($0.service)" }
            if list.count <= drawnEndpointsPerVPC {
                for (endpoint, detail) in zip(list, described) {
                    add(vpc, endpoint.id.component, "\(endpoint.type.rawValue) endpoint \(shortService(endpoint.service))", detail)
                }
            } else {
                let services = Array(Set(list.map { shortService($0.service) })).sorted().joined(separator: ", ")
                edges[vpc, default: []].append(DiagramBox(
                    .endpoints(vpc), title: "\(list.count) endpoints", subtitle: services, detail: described.joined(separator: "\n")))
            }
        }
        return edges
    }

    /// `s3` for `com.amazonaws.us-east-1.s3`.
    static func shortService(_ service: String) -> String {
        service.split(separator: ".").last.map(String.init) ?? service
    }

    /// Where a path enters `vpc`: the edge gateway it crosses last, when drawn, read from
    /// the hops' components and routes.
    ///
    /// - Complexity: O(*h*) in the path's hops.
    func entry(of path: [Hop], into vpc: VPCID) -> ComponentRef? {
        let drawn = edgeComponents[vpc] ?? []
        var gateway: ComponentRef?
        func consider(_ component: ComponentRef) {
            if drawn.contains(component) { gateway = component }
        }
        for hop in path {
            switch (hop.component.kind, hop.rule) {
            case (.internetGateway, _), (.vpnGateway, _), (.peeringConnection, _), (.vpcEndpoint, _), (.transitGatewayAttachment, _):
                consider(hop.component)
            case (.routeTable, .route(let route)):
                switch route.target {
                case .peering(let id): consider(id.component)
                case .vpnGateway(let id): consider(id.component)
                case .transitGateway(let id):
                    if let attachment = attachments[id]?[vpc] { consider(attachment.component) }
                default: break
                }
            case (.transitGatewayRouteTable, .transitGatewayRoute(let route)):
                if let attachment = route.attachment { consider(attachment.component) }
            default:
                break
            }
        }
        return gateway
    }

    /// The hop that lets the traffic in at the target: its security group's ingress rule,
    /// else the last security group hop.
    static func admission(of path: [Hop]) -> Hop? {
        let groups = path.filter { $0.component.kind == .securityGroup }
        return groups.last { hop in
            switch hop.rule {
            case .groupRule(let ingress, _, _), .translated(.groupRule(let ingress, _, _), _): ingress
            default: false
            }
        } ?? groups.last
    }

    /// Whether a subnet's default routes go to an internet gateway, as far as the input says.
    func routing(of subnet: Subnet) -> SubnetRouting {
        guard !subnet.standsForUnlisted, topology.vpcs[subnet.vpc] != nil, let table = topology.routeTable(of: subnet) else { return .unknown }
        if topology.routesDefaultToInternetGateway(subnet) { return .public }
        let ipv6 = table.routes.contains { route in
            guard case .internetGateway = route.target, case .cidr(let cidr) = route.destination else { return false }
            return cidr.prefixLength == 0 && cidr.family == .ipv6
        }
        return ipv6 ? .ipv6Public : .private
    }
}
