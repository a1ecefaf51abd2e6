import ExposureModel

/// The topology's components arranged for the questions that the exposure question's paths
/// ask many times: which peerings join two VPCs, which gateways a VPC has, which attachments
/// lead outside. Built once per solver, so that building a path sorts and scans nothing.
struct TopologyIndex: Sendable {
    /// Active peerings, by each of their two VPCs, in id order.
    let peerings: [VPCID: [PeeringConnection]]
    /// Every transit gateway, in id order.
    let transitGateways: [TransitGateway]
    /// Attachments whose far side the input does not describe, by transit gateway, in id order.
    let outsideAttachments: [TransitGatewayID: [TransitGatewayAttachment]]
    /// Internet gateways, by VPC, in id order.
    let internetGateways: [VPCID: [InternetGateway]]
    /// Subnets, by VPC, in id order.
    let subnets: [VPCID: [Subnet]]
    /// VPN connections, in id order.
    let vpnConnections: [VPNConnection]
    /// The groups with an ingress (or egress) rule whose peer is a group: only their
    /// stages depend on which VPCs the group's members are looked for in.
    let ingressNamingGroups: Set<SecurityGroupID>
    let egressNamingGroups: Set<SecurityGroupID>

    /// Whether the rules of `groups` in one direction name a group, so that their stage
    /// depends on the scope of VPCs whose members count.
    func dependOnScope(_ groups: [SecurityGroupID]?, ingress: Bool) -> Bool {
        let naming = ingress ? ingressNamingGroups : egressNamingGroups
        return groups?.contains(where: naming.contains) ?? false
    }

    /// - Complexity: O(*n* log *n*) for *n* components.
    init(_ topology: Topology) {
        var peerings: [VPCID: [PeeringConnection]] = [:]
        for peering in Topology.sortedValues(topology.peeringConnections) where peering.isActive {
            peerings[peering.requesterVPC, default: []].append(peering)
            if peering.accepterVPC != peering.requesterVPC { peerings[peering.accepterVPC, default: []].append(peering) }
        }
        self.peerings = peerings
        transitGateways = Topology.sortedValues(topology.transitGateways)
        outsideAttachments = Dictionary(grouping: Topology.sortedValues(topology.transitGatewayAttachments).filter(\.isOutside), by: \.transitGateway)
        internetGateways = Dictionary(grouping: Topology.sortedValues(topology.internetGateways), by: \.vpc)
        subnets = Dictionary(grouping: Topology.sortedValues(topology.subnets), by: \.vpc)
        vpnConnections = Topology.sortedValues(topology.vpnConnections)
        func namesGroup(_ rule: SecurityGroupRule) -> Bool {
            if case .securityGroup = rule.peer { return true }
            return false
        }
        ingressNamingGroups = Set(topology.securityGroups.values.filter { $0.ingress.contains(where: namesGroup) }.map(\.id))
        egressNamingGroups = Set(topology.securityGroups.values.filter { $0.egress.contains(where: namesGroup) }.map(\.id))
    }
}
