/// Enumerating candidate paths from each kind of origin to a class of interfaces
/// (semantics, sections 4 and 5).
extension Solver {
    /// Where a question's traffic comes from.
    enum Origin {
        case internet(AddressSet)
        case internet6(AddressSet)
        case onprem(VPNConnectionID, AddressSet?)
        case interfaces(SourceClass)
    }

    /// Every candidate path from `origin` to `target`.
    func paths(from origin: Origin, to target: TargetClass) -> [Path] {
        switch origin {
        case .internet(let sources): internetPaths(to: target, ipv6: false, sources: sources)
        case .internet6(let sources): internetPaths(to: target, ipv6: true, sources: sources)
        case .onprem(let connection, let sources): onPremPaths(from: connection, sources: sources, to: target)
        case .interfaces(let source): internalPaths(from: source, to: target)
        }
    }

    private func targetHop(_ target: TargetClass) -> String {
        target.interfaces.first?.id.rawValue ?? target.subnet.id.rawValue
    }

    /// Inbound through the VPC's internet gateway (section 5): public IPv4 needed for IPv4,
    /// and the reply route for the client must be that gateway.
    func internetPaths(to target: TargetClass, ipv6: Bool, sources: AddressSet) -> [Path] {
        let subnet = target.subnet
        let destinations = subnet.addresses.intersection(ipv6 ? .allIPv6 : .allIPv4)
        let zone: Zone = ipv6 ? .internet6 : .internet
        let origin = Hop(
            component: zone.description, kind: "zone",
            rule: ipv6 ? "source: global unicast IPv6 (2000::/3)" : "source: public IPv4", direction: .forward)
        let gateways = Topology.sortedValues(topology.internetGateways).filter { $0.vpc == subnet.vpc }
        func path(_ stages: [Stage]) -> Path {
            Path(
                zone: zone, origin: origin, sources: sources, destinations: destinations,
                clientPorts: .nonZero, checksPartialReturn: false, stages: stages)
        }
        guard !gateways.isEmpty else {
            return [path([.block(component: subnet.vpc.rawValue, kind: VPCKind.kindName, reason: "no internet gateway is attached to \(subnet.vpc)")])]
        }
        return gateways.map { gateway in
            var stages: [Stage] = []
            if !ipv6 && !target.hasPublicIPv4 {
                stages.append(.block(component: targetHop(target), kind: NetworkInterfaceKind.kindName, reason: "the interface has no public IPv4 address"))
            }
            if ipv6 && destinations.isEmpty {
                stages.append(.block(component: subnet.id.rawValue, kind: SubnetKind.kindName, reason: "the subnet has no IPv6 block"))
            }
            stages.append(.pass(
                component: gateway.id.rawValue, kind: InternetGatewayKind.kindName,
                text: ipv6 ? "enters from the internet over IPv6" : "enters from the internet, public IPv4 translated to the private address"))
            stages += inboundFilters(of: target, scope: [])
            stages.append(routeStage(
                subnet.id, side: .source, coordinates: .reply, direction: .return,
                expecting: gateway.id.rawValue, where: { $0 == .internetGateway(gateway.id) }))
            stages.append(aclStage(subnet.id, inbound: false, side: .source, coordinates: .reply, direction: .return))
            return path(stages)
        }
    }

    /// The target subnet's inbound ACL and the target's ingress rules.
    private func inboundFilters(of target: TargetClass, scope: Set<VPCID>) -> [Stage] {
        [
            aclStage(target.subnet.id, inbound: true, side: .source, coordinates: .request, direction: .forward),
            groupStage(target.groups, ingress: true, scope: scope, direction: .forward),
        ]
    }

    /// The on-premises prefixes behind a VPN: declared ones, else every address that the
    /// gateway's side routes to it (section 1).
    func onPremSources(of connection: VPNConnection) -> AddressSet {
        if !connection.knownPrefixes.isEmpty { return AddressSet(cidrs: connection.knownPrefixes) }
        switch connection.gateway {
        case .vpnGateway(let gateway):
            guard let vpc = topology.vpnGateways[gateway]?.vpc else { return .empty }
            return Topology.sortedValues(topology.subnets).filter { $0.vpc == vpc }
                .reduce(AddressSet.empty) { result, subnet in
                    result.union(routeLookups[subnet.id]?.addresses(routedBy: { $0.target == .vpnGateway(gateway) }) ?? .empty)
                }
        case .transitGateway:
            guard let attachment = vpnAttachment(of: connection.id) else { return .empty }
            return transitLookups.values.reduce(AddressSet.empty) { result, lookup in
                lookup.regions(to: attachment.id).reduce(result) { $0.union($1.addresses) }
            }
        }
    }

    func vpnAttachment(of connection: VPNConnectionID) -> TransitGatewayAttachment? {
        Topology.sortedValues(topology.transitGatewayAttachments).first { $0.resource == .vpn(connection) }
    }

    /// The attachment of `vpc` to `gateway`, and its subnet in `zone`.
    func vpcAttachment(of vpc: VPCID, to gateway: TransitGatewayID) -> TransitGatewayAttachment? {
        Topology.sortedValues(topology.transitGatewayAttachments).first { attachment in
            guard attachment.transitGateway == gateway, case .vpc(let attached, _) = attachment.resource else { return false }
            return attached == vpc
        }
    }

    func attachmentSubnet(_ attachment: TransitGatewayAttachment, in zone: String) -> Subnet? {
        guard case .vpc(_, let subnets) = attachment.resource else { return nil }
        return subnets.compactMap { topology.subnets[$0] }.first { $0.availabilityZone == zone }
    }

    /// From the networks behind a VPN, through a VGW or a transit gateway.
    func onPremPaths(from connectionID: VPNConnectionID, sources: AddressSet?, to target: TargetClass) -> [Path] {
        guard let connection = topology.vpnConnections[connectionID] else { return [] }
        let subnet = target.subnet
        let origin = Hop(component: connectionID.rawValue, kind: VPNConnectionKind.kindName, rule: "source: on-premises networks behind the VPN", direction: .forward)
        let sourceSet = sources ?? onPremSources(of: connection)
        func path(_ stages: [Stage]) -> Path {
            Path(
                zone: .onprem(connectionID), origin: origin, sources: sourceSet, destinations: subnet.addresses,
                clientPorts: .nonZero, checksPartialReturn: false, stages: stages)
        }
        switch connection.gateway {
        case .vpnGateway(let gatewayID):
            guard topology.vpnGateways[gatewayID]?.vpc == subnet.vpc else { return [] }
            var stages: [Stage] = [.pass(component: gatewayID.rawValue, kind: VPNGatewayKind.kindName, text: "enters the VPC over \(connectionID)")]
            stages += inboundFilters(of: target, scope: [])
            stages.append(routeStage(
                subnet.id, side: .source, coordinates: .reply, direction: .return,
                expecting: gatewayID.rawValue, where: { $0 == .vpnGateway(gatewayID) }))
            stages.append(aclStage(subnet.id, inbound: false, side: .source, coordinates: .reply, direction: .return))
            return [path(stages)]
        case .transitGateway(let gatewayID):
            guard let arriving = vpnAttachment(of: connectionID),
                let attachment = vpcAttachment(of: subnet.vpc, to: gatewayID)
            else { return [] }
            var stages: [Stage] = [.pass(component: arriving.id.rawValue, kind: TransitGatewayAttachmentKind.kindName, text: "enters \(gatewayID) over \(connectionID)")]
            stages.append(transitStage(from: arriving.id, to: attachment.id, side: .destination, coordinates: .request, direction: .forward))
            guard let entry = attachmentSubnet(attachment, in: subnet.availabilityZone) else {
                stages.append(.block(component: attachment.id.rawValue, kind: TransitGatewayAttachmentKind.kindName, reason: "\(attachment.id) has no subnet in \(subnet.availabilityZone)"))
                return [path(stages)]
            }
            stages += transitDelivery(through: entry, to: target, scope: [])
            stages.append(routeStage(
                subnet.id, side: .source, coordinates: .reply, direction: .return,
                expecting: gatewayID.rawValue, where: { $0 == .transitGateway(gatewayID) }))
            stages.append(transitStage(from: attachment.id, to: arriving.id, side: .source, coordinates: .reply, direction: .return))
            stages += transitReplyDeparture(from: target.subnet.id, through: entry.id)
            return [path(stages)]
        }
    }

    /// From a transit gateway into the target: the attachment subnet T's outbound and the
    /// target subnet's inbound ACL when they differ, nothing when they are the same subnet
    /// (AWS, "How network ACLs work with transit gateways"); then the target's groups.
    private func transitDelivery(through entry: Subnet, to target: TargetClass, scope: Set<VPCID>) -> [Stage] {
        var stages: [Stage] = []
        if entry.id != target.subnet.id {
            stages.append(aclStage(entry.id, inbound: false, side: .destination, coordinates: .request, direction: .forward))
            stages.append(aclStage(target.subnet.id, inbound: true, side: .source, coordinates: .request, direction: .forward))
        }
        stages.append(groupStage(target.groups, ingress: true, scope: scope, direction: .forward))
        return stages
    }

    /// A reply leaving instance subnet I toward a transit gateway through attachment
    /// subnet T: I's outbound rules, then T's inbound rules (both I's when I = T).
    private func transitReplyDeparture(from instance: SubnetID, through entry: SubnetID) -> [Stage] {
        [
            aclStage(instance, inbound: false, side: .source, coordinates: .reply, direction: .return),
            aclStage(entry, inbound: true, side: .destination, coordinates: .reply, direction: .return),
        ]
    }

    /// From interfaces of the topology: same VPC, over a peering, or over a transit gateway.
    func internalPaths(from source: SourceClass, to target: TargetClass) -> [Path] {
        guard let sourceSubnet = topology.subnets[source.subnet] else { return [] }
        let subnet = target.subnet
        func path(_ stages: [Stage]) -> Path {
            Path(
                zone: source.zone, origin: source.originHop, sources: source.addresses,
                destinations: subnet.addresses, clientPorts: source.ephemeralPorts, checksPartialReturn: true,
                stages: stages)
        }
        /// The four ACL checks of a connection between two subnets of one routing domain.
        func crossing(_ scope: Set<VPCID>) -> (forward: [Stage], back: [Stage]) {
            guard sourceSubnet.id != subnet.id else {
                return ([groupStage(source.groups, ingress: false, scope: scope, direction: .forward),
                         groupStage(target.groups, ingress: true, scope: scope, direction: .forward)], [])
            }
            return (
                [
                    groupStage(source.groups, ingress: false, scope: scope, direction: .forward),
                    aclStage(sourceSubnet.id, inbound: false, side: .destination, coordinates: .request, direction: .forward),
                    aclStage(subnet.id, inbound: true, side: .source, coordinates: .request, direction: .forward),
                    groupStage(target.groups, ingress: true, scope: scope, direction: .forward),
                ],
                [
                    aclStage(subnet.id, inbound: false, side: .source, coordinates: .reply, direction: .return),
                    aclStage(sourceSubnet.id, inbound: true, side: .destination, coordinates: .reply, direction: .return),
                ])
        }
        var result: [Path] = []
        if sourceSubnet.vpc == subnet.vpc {
            let (forward, back) = crossing([subnet.vpc])
            var stages = [routeStage(sourceSubnet.id, side: .destination, coordinates: .request, direction: .forward, expecting: "local", where: { $0 == .local })]
            stages += forward
            stages.append(routeStage(subnet.id, side: .source, coordinates: .reply, direction: .return, expecting: "local", where: { $0 == .local }))
            stages += back
            result.append(path(stages))
            return result
        }
        for peering in Topology.sortedValues(topology.peeringConnections)
        where peering.isActive && peering.peer(of: sourceSubnet.vpc) == subnet.vpc {
            let (forward, back) = crossing([sourceSubnet.vpc, subnet.vpc])
            var stages = [routeStage(sourceSubnet.id, side: .destination, coordinates: .request, direction: .forward, expecting: peering.id.rawValue, where: { $0 == .peering(peering.id) })]
            stages += forward
            stages.append(routeStage(subnet.id, side: .source, coordinates: .reply, direction: .return, expecting: peering.id.rawValue, where: { $0 == .peering(peering.id) }))
            stages += back
            result.append(path(stages))
        }
        for gateway in Topology.sortedValues(topology.transitGateways) {
            guard let departure = vpcAttachment(of: sourceSubnet.vpc, to: gateway.id),
                let arrival = vpcAttachment(of: subnet.vpc, to: gateway.id)
            else { continue }
            var stages = [routeStage(sourceSubnet.id, side: .destination, coordinates: .request, direction: .forward, expecting: gateway.id.rawValue, where: { $0 == .transitGateway(gateway.id) })]
            stages.append(groupStage(source.groups, ingress: false, scope: [sourceSubnet.vpc], direction: .forward))
            guard let exit = attachmentSubnet(departure, in: sourceSubnet.availabilityZone) else {
                stages.append(.block(component: departure.id.rawValue, kind: TransitGatewayAttachmentKind.kindName, reason: "\(departure.id) has no subnet in \(sourceSubnet.availabilityZone)"))
                result.append(path(stages))
                continue
            }
            // Instance to transit gateway: I's outbound rules, then T's inbound (I's own when I = T).
            stages.append(aclStage(sourceSubnet.id, inbound: false, side: .destination, coordinates: .request, direction: .forward))
            stages.append(aclStage(exit.id, inbound: true, side: .source, coordinates: .request, direction: .forward))
            stages.append(transitStage(from: departure.id, to: arrival.id, side: .destination, coordinates: .request, direction: .forward))
            guard let entry = attachmentSubnet(arrival, in: subnet.availabilityZone) else {
                stages.append(.block(component: arrival.id.rawValue, kind: TransitGatewayAttachmentKind.kindName, reason: "\(arrival.id) has no subnet in \(subnet.availabilityZone)"))
                result.append(path(stages))
                continue
            }
            stages += transitDelivery(through: entry, to: target, scope: [subnet.vpc])
            stages.append(routeStage(subnet.id, side: .source, coordinates: .reply, direction: .return, expecting: gateway.id.rawValue, where: { $0 == .transitGateway(gateway.id) }))
            stages += transitReplyDeparture(from: subnet.id, through: entry.id)
            stages.append(transitStage(from: arrival.id, to: departure.id, side: .source, coordinates: .reply, direction: .return))
            if exit.id != sourceSubnet.id {
                stages.append(aclStage(exit.id, inbound: false, side: .source, coordinates: .reply, direction: .return))
                stages.append(aclStage(sourceSubnet.id, inbound: true, side: .destination, coordinates: .reply, direction: .return))
            }
            result.append(path(stages))
        }
        return result
    }
}
