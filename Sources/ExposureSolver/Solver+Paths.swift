import ExposureModel

/// Enumerating candidate paths from each kind of origin to a class of interfaces
/// (semantics, sections 1, 4 and 5).
extension Solver {
    /// Where a question's traffic comes from.
    enum Origin {
        case internet(AddressSet)
        case internet6(AddressSet)
        case onprem(VPNConnectionID, AddressSet?)
        case interfaces(SourceClass)
        /// Networks the input does not describe, limited to `sources` when given.
        case outside(OutsideEntry, AddressSet?)
    }

    /// Every candidate path from `origin` to `target`, with the stage that makes planned
    /// addresses in blocks the input does not give `unknown`.
    func paths(from origin: Origin, to target: TargetClass) -> [Path] {
        let paths: [Path]
        switch origin {
        case .internet(let sources): paths = internetPaths(to: target, ipv6: false, sources: sources)
        case .internet6(let sources): paths = internetPaths(to: target, ipv6: true, sources: sources)
        case .onprem(let connection, let sources): paths = onPremPaths(from: connection, sources: sources, to: target)
        case .interfaces(let source): paths = internalPaths(from: source, to: target)
        case .outside(let entry, let sources): paths = outsidePaths(from: entry, sources: sources, to: target)
        }
        guard let stage = plannedAddressStage(target.subnet, side: .destination, applies: target.hasPlannedAddresses) else { return paths }
        return paths.map { $0.appending(stage) }
    }

    /// For interfaces that may take any address of a subnet some of whose blocks the input
    /// does not give: the traffic to (or from) those blocks is `unknown`.
    func plannedAddressStage(_ subnet: Subnet, side: Side, applies: Bool) -> Stage? {
        let unknown = subnet.unknownAddresses
        guard applies, !unknown.isEmpty else { return nil }
        let reasons = subnet.unknownBlocks.map(\.reason).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let families = subnet.unknownBlocks.map(\.family.rawValue).joined(separator: " and ")
        let missing: [MissingInput]
        if subnet.standsForUnlisted {
            missing = [.unlistedSubnets(of: subnet.vpc, standIn: subnet.id)]
        } else {
            // One entry per reason: the families of one subnet usually share it.
            missing = reasons.map { reason in
                MissingInput(
                    component: "\(subnet.id) block", what: reason,
                    exportCommand: subnet.id.rawValue.hasPrefix("subnet-") ? "aws ec2 describe-subnets --subnet-ids \(subnet.id)" : nil)
            }
        }
        return .uncertain(
            unknown, on: side, component: subnet.id.component, reason: subnet.standsForUnlisted
                ? "the interface may be anywhere in \(subnet.vpc)'s \(families) blocks, in a subnet the export does not list"
                : "the interface may take any address of \(subnet.id), whose \(families) block is not in the input (\(reasons.joined(separator: "; ")))",
            missing: missing)
    }

    private func targetHop(_ target: TargetClass) -> ComponentRef {
        target.interfaces.first?.id.component ?? target.subnet.id.component
    }

    /// Inbound through the VPC's internet gateway (section 5): public IPv4 needed for IPv4,
    /// and the reply route for the client must be that gateway.
    func internetPaths(to target: TargetClass, ipv6: Bool, sources: AddressSet) -> [Path] {
        let subnet = target.subnet
        let destinations = subnet.addresses.intersection(ipv6 ? .allIPv6 : .allIPv4)
        let zone: Zone = ipv6 ? .internet6 : .internet
        let origin = Hop(ComponentRef(.zone, zone.description), .origin(ipv6 ? "source: global unicast IPv6 (2000::/3)" : "source: public IPv4"))
        let gateways = index.internetGateways[subnet.vpc] ?? []
        func path(_ stages: [Stage]) -> Path {
            Path(
                zone: zone, origin: origin, sources: sources, destinations: destinations,
                clientPorts: .nonZero, checksPartialReturn: false, stages: stages)
        }
        guard !gateways.isEmpty else {
            return [path([.block(subnet.vpc.component, reason: "no internet gateway is attached to \(subnet.vpc)")])]
        }
        return gateways.map { gateway in
            var stages: [Stage] = []
            if !ipv6 && !target.hasPublicIPv4 {
                stages.append(.block(targetHop(target), reason: "the interface has no public IPv4 address"))
            }
            if ipv6 && destinations.isEmpty {
                stages.append(.block(subnet.id.component, reason: "the subnet has no IPv6 block"))
            }
            stages.append(.pass(
                gateway.id.component, .crossing(ipv6 ? "enters from the internet over IPv6" : "enters from the internet, public IPv4 translated to the private address")))
            stages += inboundFilters(of: target, scope: [])
            stages += replyFilters(of: target, toward: .internetGateway(gateway.id))
            return path(stages)
        }
    }

    /// The target subnet's inbound ACL and the target's ingress rules.
    private func inboundFilters(of target: TargetClass, scope: Set<VPCID>, admitting outsideMembers: SecurityGroupID? = nil) -> [Stage] {
        [
            aclStage(target.subnet.id, inbound: true, side: .source, coordinates: .request, direction: .forward),
            groupStage(target.groups, ingress: true, scope: scope, direction: .forward, admitting: outsideMembers),
        ]
    }

    /// The reply leaving the target's subnet: its route back to where the request came
    /// from, then its outbound ACL.
    private func replyFilters(of target: TargetClass, expecting description: String, where expected: @escaping (Route.Target) -> Bool) -> [Stage] {
        [
            routeStage(target.subnet.id, side: .source, coordinates: .reply, direction: .return, expecting: description, where: expected),
            aclStage(target.subnet.id, inbound: false, side: .source, coordinates: .reply, direction: .return),
        ]
    }

    /// The reply leaving the target's subnet when it must take the route to `gateway`.
    private func replyFilters(of target: TargetClass, toward gateway: Route.Target) -> [Stage] {
        [
            routeStage(target.subnet.id, side: .source, coordinates: .reply, direction: .return, toward: gateway),
            aclStage(target.subnet.id, inbound: false, side: .source, coordinates: .reply, direction: .return),
        ]
    }

    /// The on-premises prefixes behind a VPN: declared ones, else every address that the
    /// gateway's side routes to it (section 1).
    func onPremSources(of connection: VPNConnection) -> AddressSet {
        if !connection.knownPrefixes.isEmpty { return AddressSet(cidrs: connection.knownPrefixes) }
        switch connection.gateway {
        case .vpnGateway(let gateway):
            guard let vpc = topology.vpnGateways[gateway]?.vpc else { return .empty }
            return (index.subnets[vpc] ?? [])
                .reduce(AddressSet.empty) { result, subnet in
                    result.union(routeLookups[subnet.id]?.addresses(routedBy: { $0.target == .vpnGateway(gateway) }) ?? .empty)
                }
        case .transitGateway:
            guard let attachment = vpnAttachment(of: connection.id) else { return .empty }
            return transitLookups.values.reduce(AddressSet.empty) { result, lookup in
                guard lookup.table.transitGateway == attachment.transitGateway else { return result }
                return result.union(lookup.possibleAddresses(toward: attachment.id))
            }
        }
    }

    /// The transit gateway attachment of a VPN connection on a transit gateway.
    func vpnAttachment(of connection: VPNConnectionID) -> TransitGatewayAttachment? {
        vpnAttachments[connection]
    }

    /// The attachment of `vpc` to `gateway`.
    func vpcAttachment(of vpc: VPCID, to gateway: TransitGatewayID) -> TransitGatewayAttachment? {
        vpcAttachments[vpc]?[gateway]
    }

    /// Where traffic between a transit gateway and an interface in some subnet crosses a
    /// VPC attachment.
    enum AttachmentEntry {
        /// The attachment's subnet in the interface's Availability Zone.
        case subnet(Subnet)
        /// The input says which subnets the attachment has, and none is in that zone.
        case none(Stage)
        /// The input does not say enough to tell which subnet.
        case unknown(Stage)
    }

    /// The attachment subnet for an interface in `subnet` (section 5: the one in the
    /// interface's Availability Zone).
    func attachmentEntry(_ attachment: TransitGatewayAttachment, for subnet: Subnet) -> AttachmentEntry {
        let component = attachment.id.component
        guard case .vpc(_, let subnetIDs) = attachment.resource else {
            return .none(.block(component, reason: "\(attachment.id) is not a VPC attachment"))
        }
        guard let subnetIDs else {
            return .unknown(.unknown(
                component, reason: "the subnets of \(attachment.id) are not in the input",
                missing: [.subnets(ofAttachment: attachment.id)]))
        }
        let subnets = subnetIDs.compactMap { topology.subnets[$0] }
        guard let zone = subnet.availabilityZone else {
            return .unknown(.unknown(
                subnet.id.component, reason: "the Availability Zone of \(subnet.id) is not in the input, so which subnet of \(attachment.id) carries its traffic is unknown",
                missing: [.availabilityZone(of: subnet.id)]))
        }
        if let match = subnets.first(where: { $0.availabilityZone == zone }) { return .subnet(match) }
        if let unplaced = subnets.first(where: { $0.availabilityZone == nil }) {
            return .unknown(.unknown(
                unplaced.id.component, reason: "the Availability Zone of attachment subnet \(unplaced.id) is not in the input",
                missing: [.availabilityZone(of: unplaced.id)]))
        }
        return .none(.block(component, reason: "\(attachment.id) has no subnet in \(zone)"))
    }

    /// Into `target` from a transit gateway that `arriving` entered: the gateway's routing
    /// from `arriving` to the target VPC's attachment, delivery through the attachment
    /// subnet, and the reply back over the same attachments.
    private func transitArrival(from arriving: TransitGatewayAttachment, to target: TargetClass, scope: Set<VPCID>) -> [Stage]? {
        let subnet = target.subnet
        guard let attachment = vpcAttachment(of: subnet.vpc, to: arriving.transitGateway) else { return nil }
        var stages = [transitStage(from: arriving.id, to: attachment.id, side: .destination, coordinates: .request, direction: .forward)]
        let entry: Subnet?
        switch attachmentEntry(attachment, for: subnet) {
        case .subnet(let found): entry = found
        case .none(let stage): return stages + [stage]
        case .unknown(let stage):
            stages.append(stage)
            entry = nil
        }
        stages += transitDelivery(through: entry, to: target, scope: scope)
        stages.append(routeStage(
            subnet.id, side: .source, coordinates: .reply, direction: .return,
            toward: .transitGateway(arriving.transitGateway)))
        stages += transitReplyDeparture(from: subnet.id, through: entry?.id)
        stages.append(transitStage(from: attachment.id, to: arriving.id, side: .source, coordinates: .reply, direction: .return))
        return stages
    }

    /// The addresses of a zone known only from the routes that lead to `arriving`, as a
    /// target in `subnet` sees them: those its VPC's attachment's table routes (or may
    /// route) back to `arriving`, even for traffic that needs no reply. It adds no hop.
    private func returnScope(of arriving: TransitGatewayAttachment, for subnet: Subnet) -> Stage? {
        guard let attachment = vpcAttachment(of: subnet.vpc, to: arriving.transitGateway) else { return nil }
        var scope = transitStage(from: attachment.id, to: arriving.id, side: .source, coordinates: .request, direction: .forward)
        scope.addsNoHop = true
        // A changed stage is no longer the cached one its id names.
        scope.cacheID = nil
        return scope
    }

    /// From the networks behind a VPN, through a VGW or a transit gateway.
    func onPremPaths(from connectionID: VPNConnectionID, sources: AddressSet?, to target: TargetClass) -> [Path] {
        guard let connection = topology.vpnConnections[connectionID] else { return [] }
        let subnet = target.subnet
        let origin = Hop(connectionID.component, .origin("source: on-premises networks behind the VPN"))
        let sourceSet = sources ?? onPremSources(of: connection)
        func path(_ stages: [Stage]) -> Path {
            Path(
                zone: .onprem(connectionID), origin: origin, sources: sourceSet, destinations: subnet.addresses,
                clientPorts: .nonZero, checksPartialReturn: false, stages: stages)
        }
        switch connection.gateway {
        case .vpnGateway(let gatewayID):
            guard topology.vpnGateways[gatewayID]?.vpc == subnet.vpc else { return [] }
            var stages: [Stage] = [.pass(gatewayID.component, .crossing("enters the VPC over \(connectionID)"))]
            stages += inboundFilters(of: target, scope: [])
            stages += replyFilters(of: target, toward: .vpnGateway(gatewayID))
            return [path(stages)]
        case .transitGateway(let gatewayID):
            guard let arriving = vpnAttachment(of: connectionID),
                let arrival = transitArrival(from: arriving, to: target, scope: [])
            else { return [] }
            var stages: [Stage] = [.pass(arriving.id.component, .crossing("enters \(gatewayID) over \(connectionID)"))]
            // A zone known only from routes (no declared prefixes) is scoped by them.
            if connection.knownPrefixes.isEmpty, let scope = returnScope(of: arriving, for: subnet) { stages.append(scope) }
            return [path(stages + arrival)]
        }
    }

    /// From a transit gateway into the target: the attachment subnet T's outbound and the
    /// target subnet's inbound ACL when they differ, nothing when they are the same subnet
    /// (AWS, "How network ACLs work with transit gateways"); then the target's groups. With
    /// T unknown, neither ACL is assumed.
    private func transitDelivery(through entry: Subnet?, to target: TargetClass, scope: Set<VPCID>) -> [Stage] {
        var stages: [Stage] = []
        if let entry, entry.id != target.subnet.id {
            stages.append(aclStage(entry.id, inbound: false, side: .destination, coordinates: .request, direction: .forward))
            stages.append(aclStage(target.subnet.id, inbound: true, side: .source, coordinates: .request, direction: .forward))
        }
        stages.append(groupStage(target.groups, ingress: true, scope: scope, direction: .forward))
        return stages
    }

    /// A reply leaving instance subnet I toward a transit gateway through attachment
    /// subnet T: I's outbound rules, then T's inbound rules (both I's when I = T; none
    /// assumed when T is unknown).
    private func transitReplyDeparture(from instance: SubnetID, through entry: SubnetID?) -> [Stage] {
        guard let entry else { return [] }
        return [
            aclStage(instance, inbound: false, side: .source, coordinates: .reply, direction: .return),
            aclStage(entry, inbound: true, side: .destination, coordinates: .reply, direction: .return),
        ]
    }

    /// From what the input does not describe: at best `unknown`, and blocked only by the
    /// modelled filters on the way in and back.
    func outsidePaths(from entry: OutsideEntry, sources: AddressSet?, to target: TargetClass) -> [Path] {
        let subnet = target.subnet
        var missing = Stage.unknown(
            ComponentRef(.outside, entry.missing.component),
            reason: "traffic from \(entry.zone) comes from networks the input does not describe",
            missing: [entry.missing])
        missing.addsNoHop = true
        func path(_ stages: [Stage]) -> Path {
            Path(
                zone: entry.zone, origin: entry.origin, sources: sources ?? entry.sources, destinations: subnet.addresses,
                clientPorts: .nonZero, checksPartialReturn: false, stages: [missing] + stages)
        }
        switch entry.door {
        case .vpc(let vpc, let replyTarget):
            guard vpc == subnet.vpc else { return [] }
            var stages = inboundFilters(of: target, scope: [vpc]) + replyFilters(of: target, toward: replyTarget)
            if outsideTargets.mayBypassACLs(replyTarget) {
                // Delivered by a transit gateway attachment in the target's subnet, the
                // inbound ACL is not checked; which subnet the attachment has is unknown.
                stages.removeAll { $0.isNetworkACL && $0.coordinates == .request }
            }
            return [path(stages)]
        case .appliance(let applianceSubnet, let replyTarget):
            guard topology.subnets[applianceSubnet]?.vpc == subnet.vpc else {
                // Forwarded on from the appliance's subnet, by that subnet's routes, as if
                // the appliance were the client: its own groups are not known to apply.
                let forwarded = SourceClass(
                    zone: entry.zone, subnet: applianceSubnet, groups: nil, addresses: sources ?? entry.sources,
                    hasPlannedAddresses: false, hasPublicIPv4: false, ephemeralPorts: .nonZero, interfaces: [])
                return internalPaths(from: forwarded, to: target).map { path($0.stages) }
            }
            var stages: [Stage] = []
            let crosses = applianceSubnet != subnet.id
            if crosses {
                stages.append(aclStage(applianceSubnet, inbound: false, side: .destination, coordinates: .request, direction: .forward))
            }
            stages += inboundFilters(of: target, scope: [subnet.vpc])
            stages += replyFilters(of: target, toward: replyTarget)
            if crosses {
                stages.append(aclStage(applianceSubnet, inbound: true, side: .destination, coordinates: .reply, direction: .return))
            }
            // Same subnet: no ACL between the appliance and the target (section 3).
            return [path(crosses ? stages : sameSubnet(stages))]
        case .transit(let attachmentID):
            guard let arriving = topology.transitGatewayAttachments[attachmentID],
                let arrival = transitArrival(from: arriving, to: target, scope: [subnet.vpc]),
                let scope = returnScope(of: arriving, for: subnet)
            else { return [] }
            return [path([scope] + arrival)]
        case .groupMembers(let group):
            let names = Set(target.groups.flatMap { topology.securityGroups[$0]?.ingress ?? [] }.map(\.peer))
            guard names.contains(.securityGroup(group)) else { return [] }
            // Members may sit in the target's VPC, or across a peering or transit gateway.
            return [path(inboundFilters(of: target, scope: [subnet.vpc], admitting: group)
                + replyFilters(of: target, expecting: "local, a peering or a transit gateway") { target in
                    switch target {
                    case .local, .peering, .transitGateway, .unsupported: true
                    default: false
                    }
                })]
        case .unknownRouting(let vpc):
            // Which gateway carries it is unknown (an attachment in the target's subnet would
            // skip its ACLs), and the route back is as unknown as the way in.
            guard vpc == subnet.vpc, routeLookups[subnet.id]?.isTableMissing == true else { return [] }
            return [path(sameSubnet(inboundFilters(of: target, scope: [vpc])) + [
                routeStage(subnet.id, side: .source, coordinates: .reply, direction: .return, expecting: "a route back", where: { _ in false })
            ])]
        case .subnetlessVPC(let vpc, let peering):
            guard topology.peeringConnections[peering]?.peer(of: vpc) == subnet.vpc else { return [] }
            return [path(inboundFilters(of: target, scope: [vpc, subnet.vpc]) + replyFilters(of: target, toward: .peering(peering)))]
        }
    }

    /// The stages of a crossing inside one subnet: ACLs do not apply there.
    private func sameSubnet(_ stages: [Stage]) -> [Stage] {
        stages.filter { !$0.isNetworkACL }
    }

    /// The egress groups of `source` as a stage: for a merged class, each member's groups
    /// applied to its own addresses, built once per class and scope.
    func egressStage(of source: SourceClass, scope: Set<VPCID>) -> Stage {
        guard let first = source.interfaces.first, !source.members.isEmpty else {
            return groupStage(source.groups, ingress: false, scope: scope, direction: .forward)
        }
        let scope = source.members.contains { index.dependOnScope($0.groups, ingress: false) } ? scope : []
        return stageCache.stage(.mergedEgress(subnet: source.subnet, firstInterface: first, scope: scope.sorted())) {
            Stage.merged(source.members.map { member in
                Stage.Part(sources: member.addresses, stage: groupStage(member.groups, ingress: false, scope: scope, direction: .forward))
            })
        }
    }

    /// From interfaces of the topology: same VPC, over a peering, or over a transit gateway.
    func internalPaths(from source: SourceClass, to target: TargetClass) -> [Path] {
        guard let sourceSubnet = topology.subnets[source.subnet] else { return [] }
        let subnet = target.subnet
        let sourceStage = plannedAddressStage(sourceSubnet, side: .source, applies: source.hasPlannedAddresses)
        func path(_ stages: [Stage]) -> Path {
            var path = Path(
                zone: source.zone, origin: source.originHop, sources: source.addresses,
                destinations: subnet.addresses, clientPorts: source.ephemeralPorts, checksPartialReturn: true,
                stages: stages + [sourceStage].compactMap { $0 })
            path.memberOrigins = source.members.map { ($0.addresses, $0.originHop) }
            return path
        }
        /// The four ACL checks of a connection between two subnets of one routing domain.
        func crossing(_ scope: Set<VPCID>) -> (forward: [Stage], back: [Stage]) {
            guard sourceSubnet.id != subnet.id else {
                return ([egressStage(of: source, scope: scope),
                         groupStage(target.groups, ingress: true, scope: scope, direction: .forward)], [])
            }
            return (
                [
                    egressStage(of: source, scope: scope),
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
            var stages = [routeStage(sourceSubnet.id, side: .destination, coordinates: .request, direction: .forward, toward: .local)]
            stages += forward
            stages.append(routeStage(subnet.id, side: .source, coordinates: .reply, direction: .return, toward: .local))
            stages += back
            result.append(path(stages))
            return result
        }
        for peering in index.peerings[sourceSubnet.vpc] ?? [] where peering.peer(of: sourceSubnet.vpc) == subnet.vpc {
            let (forward, back) = crossing([sourceSubnet.vpc, subnet.vpc])
            var stages = [routeStage(sourceSubnet.id, side: .destination, coordinates: .request, direction: .forward, toward: .peering(peering.id))]
            stages += forward
            stages.append(routeStage(subnet.id, side: .source, coordinates: .reply, direction: .return, toward: .peering(peering.id)))
            stages += back
            result.append(path(stages))
        }
        for gateway in index.transitGateways {
            guard let departure = vpcAttachment(of: sourceSubnet.vpc, to: gateway.id),
                vpcAttachment(of: subnet.vpc, to: gateway.id) != nil
            else { continue }
            var stages = [routeStage(sourceSubnet.id, side: .destination, coordinates: .request, direction: .forward, toward: .transitGateway(gateway.id))]
            stages.append(egressStage(of: source, scope: [sourceSubnet.vpc]))
            let exit: Subnet?
            switch attachmentEntry(departure, for: sourceSubnet) {
            case .subnet(let found): exit = found
            case .none(let stage):
                result.append(path(stages + [stage]))
                continue
            case .unknown(let stage):
                stages.append(stage)
                exit = nil
            }
            // Instance to transit gateway: I's outbound rules, then T's inbound (I's own when I = T).
            if let exit {
                stages.append(aclStage(sourceSubnet.id, inbound: false, side: .destination, coordinates: .request, direction: .forward))
                stages.append(aclStage(exit.id, inbound: true, side: .source, coordinates: .request, direction: .forward))
            }
            guard let arrival = transitArrival(from: departure, to: target, scope: [subnet.vpc]) else { continue }
            stages += arrival
            if let exit, exit.id != sourceSubnet.id {
                stages.append(aclStage(exit.id, inbound: false, side: .source, coordinates: .reply, direction: .return))
                stages.append(aclStage(sourceSubnet.id, inbound: true, side: .destination, coordinates: .reply, direction: .return))
            }
            result.append(path(stages))
        }
        return result + unknownCrossings(from: source, in: sourceSubnet, to: target, path: path)
    }

    /// Between two VPCs through what the input does not describe: a route of the source's
    /// table to a missing component (or to a transit gateway its VPC has no attachment to
    /// in the input) that covers the target's addresses, or a transit gateway that sends
    /// them to an attachment whose far side is unknown while the target's VPC has no
    /// attachment to it. At best unknown; the described filters at both ends still apply.
    private func unknownCrossings(from source: SourceClass, in sourceSubnet: Subnet, to target: TargetClass, path: ([Stage]) -> Path) -> [Path] {
        let subnet = target.subnet
        guard sourceSubnet.vpc != subnet.vpc else { return [] }
        let destinations = subnet.addresses
        let crossings = (outsideRoutes[sourceSubnet.id] ?? []).filter { $0.addresses.intersects(destinations) }
        let gateways = index.transitGateways.filter { gateway in
            vpcAttachment(of: sourceSubnet.vpc, to: gateway.id) != nil && vpcAttachment(of: subnet.vpc, to: gateway.id) == nil
        }
        let nats = (natRoutes[sourceSubnet.id] ?? []).filter { $0.addresses.intersects(destinations) }
        // Most pairs cross nothing undescribed: no stage is built for them.
        guard !crossings.isEmpty || !gateways.isEmpty || !nats.isEmpty else { return [] }
        let scope: Set<VPCID> = [sourceSubnet.vpc, subnet.vpc]
        let targetVPC = subnet.vpc
        /// The far end: the target's groups, its route back and outbound ACL, and — unless a
        /// transit gateway attachment in the end subnets may skip them — the inbound ACLs.
        func arrival(bypassingACLs: Bool) -> [Stage] {
            var stages = [groupStage(target.groups, ingress: true, scope: scope, direction: .forward)]
            if !bypassingACLs {
                stages.insert(aclStage(subnet.id, inbound: true, side: .source, coordinates: .request, direction: .forward), at: 0)
            }
            stages.append(routeStage(subnet.id, side: .source, coordinates: .reply, direction: .return, expecting: "a way back through what the input does not describe", where: { [outsideTargets] route in
                if case .transitGateway = route { return true }
                return outsideTargets.missing(behind: route, in: targetVPC) != nil
            }))
            stages.append(aclStage(subnet.id, inbound: false, side: .source, coordinates: .reply, direction: .return))
            if !bypassingACLs {
                stages.append(aclStage(sourceSubnet.id, inbound: true, side: .destination, coordinates: .reply, direction: .return))
            }
            return stages
        }
        func unknown(_ missing: MissingInput) -> Stage {
            .unknown(
                ComponentRef(.outside, missing.component),
                reason: "the traffic crosses \(missing.component) between \(sourceSubnet.vpc) and \(subnet.vpc), which the input does not describe",
                missing: [missing])
        }
        var result: [Path] = []
        let leaving = egressStage(of: source, scope: scope)
        for route in crossings {
            let (expected, missing) = (route.target, route.missing)
            result.append(path([
                routeStage(sourceSubnet.id, side: .destination, coordinates: .request, direction: .forward, toward: expected),
                leaving,
                aclStage(sourceSubnet.id, inbound: false, side: .destination, coordinates: .request, direction: .forward),
                unknown(missing),
            ] + arrival(bypassingACLs: outsideTargets.mayBypassACLs(expected))))
        }
        // Through a NAT gateway of the source's VPC: on from the NAT's own address, which the
        // analysis does not follow; the target's groups see that address.
        for (id, _) in nats {
            guard let nat = topology.natGateways[id] else { continue }
            var stages = [
                routeStage(sourceSubnet.id, side: .destination, coordinates: .request, direction: .forward, toward: .natGateway(id)),
                leaving,
            ]
            if nat.subnet != sourceSubnet.id {
                stages.append(aclStage(sourceSubnet.id, inbound: false, side: .destination, coordinates: .request, direction: .forward))
                stages.append(aclStage(nat.subnet, inbound: true, side: .source, coordinates: .request, direction: .forward))
            }
            stages.append(.unknown(
                id.component, reason: "\(id) sends the traffic on to \(subnet.vpc) from its own address, which the analysis does not follow past a NAT gateway",
                missing: []))
            // Without the NAT's address the target's groups cannot be read for it.
            if let address = nat.privateIPv4 {
                stages.append(groupStage(target.groups, ingress: true, scope: scope, direction: .forward).translatingSource(to: address))
            }
            result.append(path(stages))
        }
        for gateway in gateways {
            guard let departure = vpcAttachment(of: sourceSubnet.vpc, to: gateway.id), let transit = transitLookups[departure.id] else { continue }
            let outside = (index.outsideAttachments[gateway.id] ?? []).filter { attachment in
                transit.possibleAddresses(toward: attachment.id).intersects(destinations)
            }
            for attachment in outside {
                result.append(path([
                    routeStage(sourceSubnet.id, side: .destination, coordinates: .request, direction: .forward, toward: .transitGateway(gateway.id)),
                    leaving,
                    aclStage(sourceSubnet.id, inbound: false, side: .destination, coordinates: .request, direction: .forward),
                    transitStage(from: departure.id, to: attachment.id, side: .destination, coordinates: .request, direction: .forward),
                    unknown(missing(behind: attachment.id) ?? .component(attachment.id.rawValue)),
                ] + arrival(bypassingACLs: true)))
            }
        }
        return result
    }
}
