/// Connections that interfaces open toward an AWS service's public addresses (Amazon S3 for
/// the Amazon Linux repositories): through an internet gateway, a NAT gateway, a gateway or
/// interface endpoint, or a transit gateway to an egress VPC (semantics, sections 5 and 7).
extension Solver {
    /// One way out toward the service, as the stages a connection on it must pass.
    struct EgressCandidate {
        /// How the traffic leaves, for reports: `nat-1 -> igw-1`.
        let via: String
        /// The endpoint whose policy also decides, if the way is an endpoint.
        let endpoint: VPCEndpoint?
        let path: Path
    }

    /// Every way `source` may take toward `destinations` (the service's public IPv4
    /// addresses): one candidate per next hop that its route table picks for part of them,
    /// or only the service's interface endpoints when one has private DNS (DNS then answers
    /// with the endpoint's addresses).
    ///
    /// - Parameters:
    ///   - hasPublicIPv4: whether the interfaces of `source` have public IPv4 addresses.
    ///   - service: the endpoint service name, such as `com.amazonaws.us-east-1.s3`.
    /// - Complexity: O(*h* × *k* × *s*) for *h* next hops and *k* stages per candidate.
    func egressCandidates(
        from source: SourceClass, hasPublicIPv4: Bool, to destinations: AddressSet, service: String
    ) -> [EgressCandidate] {
        guard let subnet = topology.subnets[source.subnet], let lookup = routeLookups[subnet.id] else { return [] }
        let endpoints = Topology.sortedValues(topology.vpcEndpoints).filter { $0.vpc == subnet.vpc && $0.service == service }
        let privateDNS = endpoints.filter { $0.type == .interface && $0.privateDNS }
        if !privateDNS.isEmpty {
            return privateDNS.flatMap { endpoint in
                endpoint.subnets.compactMap { topology.subnets[$0] }.flatMap { endpointSubnet in
                    let target = TargetClass(subnet: endpointSubnet, groups: endpoint.securityGroups, hasPublicIPv4: false, interfaces: [])
                    return internalPaths(from: source, to: target).map { path in
                        EgressCandidate(via: "\(endpoint.id) (interface endpoint in \(endpointSubnet.id))", endpoint: endpoint, path: path)
                    }
                }
            }
        }
        func path(_ stages: [Stage]) -> Path {
            Path(
                zone: source.zone, origin: source.originHop, sources: source.addresses.intersection(.allIPv4),
                destinations: destinations, clientPorts: source.ephemeralPorts, checksPartialReturn: true, stages: stages)
        }
        let leaving = groupStage(source.groups, ingress: false, scope: [], direction: .forward)
        let aclOut = aclStage(subnet.id, inbound: false, side: .destination, coordinates: .request, direction: .forward)
        let aclBack = aclStage(subnet.id, inbound: true, side: .destination, coordinates: .reply, direction: .return)
        var candidates: [EgressCandidate] = []
        var targets: [Route.Target] = []
        for (route, addresses) in lookup.regions(routedBy: { _ in true }) where addresses.intersects(destinations) {
            if !targets.contains(route.target) { targets.append(route.target) }
        }
        let unrouted = destinations.subtracting(lookup.addresses(routedBy: { _ in true }))
        for target in targets {
            let route = routeStage(subnet.id, side: .destination, coordinates: .request, direction: .forward, expecting: target.description, where: { $0 == target })
            switch target {
            case .internetGateway(let gateway):
                var stages = [route, leaving, aclOut]
                if !hasPublicIPv4 {
                    stages.append(.block(
                        component: source.originHop.component, kind: NetworkInterfaceKind.kindName,
                        reason: "the interface has no public IPv4 address, so \(gateway) cannot carry its traffic",
                        fix: .change("give the node a public IPv4 address, or route the traffic through a NAT gateway or an S3 gateway endpoint")))
                }
                stages.append(.pass(component: gateway.rawValue, kind: InternetGatewayKind.kindName, text: "leaves for the internet from the public IPv4 address"))
                stages.append(aclBack)
                candidates.append(EgressCandidate(via: gateway.rawValue, endpoint: nil, path: path(stages)))
            case .natGateway(let nat):
                guard let gateway = topology.natGateways[nat] else { continue }
                let stages = [route, leaving, aclOut] + natStages(gateway, entry: subnet, throughTransitGateway: nil) + [aclBack]
                candidates.append(EgressCandidate(via: "\(nat) -> internet gateway", endpoint: nil, path: path(stages)))
            case .gatewayEndpoint(let id):
                guard let endpoint = topology.vpcEndpoints[id] else { continue }
                var stages = [route, leaving, aclOut]
                if endpoint.service != service {
                    stages.append(.block(component: id.rawValue, kind: VPCEndpointKind.kindName, reason: "\(id) serves \(endpoint.service), not \(service)"))
                }
                stages.append(.pass(component: id.rawValue, kind: VPCEndpointKind.kindName, text: "gateway endpoint for \(endpoint.service)"))
                stages.append(aclBack)
                candidates.append(EgressCandidate(via: "\(id) (gateway endpoint)", endpoint: endpoint, path: path(stages)))
            case .transitGateway(let gateway):
                for (via, stages) in transitEgressStages(from: subnet, through: gateway, to: destinations) {
                    candidates.append(EgressCandidate(via: via, endpoint: nil, path: path([route, leaving] + stages)))
                }
            case .vpnGateway(let gateway):
                candidates.append(EgressCandidate(via: gateway.rawValue, endpoint: nil, path: path([route, .unknown(
                    component: gateway.rawValue, kind: VPNGatewayKind.kindName,
                    reason: "\(subnet.id) sends the traffic on-premises through \(gateway); whether it reaches the internet from there is not in the input")])))
            default:
                // Local, peering (never transitive to the internet), appliances and targets
                // outside the model: the route stage itself says blocked or unknown.
                candidates.append(EgressCandidate(via: target.description, endpoint: nil, path: path([route])))
            }
        }
        if !unrouted.isEmpty || candidates.isEmpty {
            let stage = routeStage(
                subnet.id, side: .destination, coordinates: .request, direction: .forward,
                expecting: "a way to \(service)", where: { _ in false })
            candidates.append(EgressCandidate(
                via: "no route", endpoint: nil,
                path: path([stage.with(fix: missingRouteFix(for: subnet, service: service))])))
        }
        return candidates
    }

    /// What to add when nothing routes the service: a route to an existing endpoint or NAT
    /// gateway of the VPC, else a new gateway endpoint.
    private func missingRouteFix(for subnet: Subnet, service: String) -> Stage.Fix {
        let table = topology.routeTable(of: subnet)?.id.rawValue ?? "the main route table of \(subnet.vpc)"
        let gatewayEndpoint = Topology.sortedValues(topology.vpcEndpoints).first {
            $0.vpc == subnet.vpc && $0.service == service && $0.type == .gateway
        }
        if let gatewayEndpoint {
            return .change("associate \(gatewayEndpoint.id) with \(table), which adds the route from the \(service) prefix list to it")
        }
        if let nat = Topology.sortedValues(topology.natGateways).first(where: { topology.subnets[$0.subnet]?.vpc == subnet.vpc && $0.connectivity == .public }) {
            return .addRoute(table: table, target: nat.id.rawValue)
        }
        return .change("create a gateway endpoint for \(service) in \(subnet.vpc) and associate it with \(table)")
    }

    /// Through a NAT gateway entered from `entry` (the node's subnet, or a transit gateway
    /// attachment's subnet in the NAT's VPC), out of its VPC's internet gateway, and back.
    private func natStages(_ nat: NATGateway, entry: Subnet, throughTransitGateway gateway: TransitGatewayID?) -> [Stage] {
        var stages: [Stage] = []
        let natSubnet = nat.subnet
        if entry.id != natSubnet {
            stages.append(aclStage(entry.id, inbound: false, side: .destination, coordinates: .request, direction: .forward))
            stages.append(aclStage(natSubnet, inbound: true, side: .source, coordinates: .request, direction: .forward))
        }
        if nat.connectivity == .private {
            stages.append(.block(
                component: nat.id.rawValue, kind: NATGatewayKind.kindName,
                reason: "\(nat.id) is a private NAT gateway: it does not reach the internet",
                fix: .change("route the traffic through a public NAT gateway or an S3 gateway endpoint")))
        }
        stages.append(.pass(component: nat.id.rawValue, kind: NATGatewayKind.kindName, text: "translates the source to the NAT gateway's public address"))
        stages.append(routeStage(natSubnet, side: .destination, coordinates: .request, direction: .forward, expecting: "an internet gateway", where: { target in
            if case .internetGateway = target { return true }
            return false
        }))
        stages.append(aclStage(natSubnet, inbound: false, side: .destination, coordinates: .request, direction: .forward))
        stages.append(aclStage(natSubnet, inbound: true, side: .destination, coordinates: .natReply, direction: .return))
        if let gateway {
            stages.append(routeStage(natSubnet, side: .source, coordinates: .reply, direction: .return, expecting: gateway.rawValue, where: { $0 == .transitGateway(gateway) }))
            // NAT to transit gateway: the NAT subnet's outbound and the attachment subnet's
            // inbound rules, both even when they are one subnet.
            stages.append(aclStage(natSubnet, inbound: false, side: .source, coordinates: .reply, direction: .return))
            stages.append(aclStage(entry.id, inbound: true, side: .destination, coordinates: .reply, direction: .return))
        } else if entry.id != natSubnet {
            stages.append(aclStage(natSubnet, inbound: false, side: .source, coordinates: .reply, direction: .return))
        }
        return stages
    }

    /// From `subnet` through a transit gateway to a NAT gateway of an egress VPC: one entry
    /// per NAT gateway that an attachment subnet's table picks for the destinations.
    private func transitEgressStages(from subnet: Subnet, through gateway: TransitGatewayID, to destinations: AddressSet) -> [(String, [Stage])] {
        guard let departure = vpcAttachment(of: subnet.vpc, to: gateway) else {
            return [(gateway.rawValue, [.block(component: gateway.rawValue, kind: TransitGatewayKind.kindName, reason: "\(subnet.vpc) has no attachment to \(gateway)")])]
        }
        guard let exit = attachmentSubnet(departure, in: subnet.availabilityZone) else {
            return [(gateway.rawValue, [.block(component: departure.id.rawValue, kind: TransitGatewayAttachmentKind.kindName, reason: "\(departure.id) has no subnet in \(subnet.availabilityZone)")])]
        }
        var departing = [
            aclStage(subnet.id, inbound: false, side: .destination, coordinates: .request, direction: .forward),
            aclStage(exit.id, inbound: true, side: .source, coordinates: .request, direction: .forward),
        ]
        var returning: [Stage] = []
        if exit.id != subnet.id {
            returning = [
                aclStage(exit.id, inbound: false, side: .source, coordinates: .reply, direction: .return),
                aclStage(subnet.id, inbound: true, side: .destination, coordinates: .reply, direction: .return),
            ]
        }
        guard let lookup = transitLookups[departure.id] else {
            departing.append(transitStage(from: departure.id, to: departure.id, side: .destination, coordinates: .request, direction: .forward))
            return [(gateway.rawValue, departing)]
        }
        var result: [(String, [Stage])] = []
        var arrivals: [TransitGatewayAttachmentID] = []
        for route in lookup.routes {
            guard let attachment = route.attachment, !arrivals.contains(attachment) else { continue }
            let reached = lookup.regions(to: attachment).reduce(AddressSet.empty) { $0.union($1.addresses) }
            if reached.intersects(destinations) { arrivals.append(attachment) }
        }
        for arrivalID in arrivals {
            var stages = departing
            stages.append(transitStage(from: departure.id, to: arrivalID, side: .destination, coordinates: .request, direction: .forward))
            guard let arrival = topology.transitGatewayAttachments[arrivalID], case .vpc(let egressVPC, let subnets) = arrival.resource,
                let entry = attachmentSubnet(arrival, in: subnet.availabilityZone) ?? subnets.compactMap({ topology.subnets[$0] }).first
            else {
                stages.append(.unknown(
                    component: arrivalID.rawValue, kind: TransitGatewayAttachmentKind.kindName,
                    reason: "\(gateway) sends the traffic to \(arrivalID), whose way to the internet is not in the input"))
                result.append(("\(gateway) -> \(arrivalID)", stages))
                continue
            }
            let back = [transitStage(from: arrivalID, to: departure.id, side: .source, coordinates: .reply, direction: .return)] + returning
            let nats = Topology.sortedValues(topology.natGateways).filter { topology.subnets[$0.subnet]?.vpc == egressVPC }
            let toNAT = nats.filter { nat in
                routeLookups[entry.id]?.regions(routedBy: { $0.target == .natGateway(nat.id) }).contains { $0.addresses.intersects(destinations) } ?? false
            }
            guard !toNAT.isEmpty else {
                stages.append(routeStage(entry.id, side: .destination, coordinates: .request, direction: .forward, expecting: "a NAT gateway", where: { target in
                    if case .natGateway = target { return true }
                    return false
                }))
                result.append(("\(gateway) -> \(egressVPC)", stages + back))
                continue
            }
            for nat in toNAT {
                let route = routeStage(entry.id, side: .destination, coordinates: .request, direction: .forward, expecting: nat.id.rawValue, where: { $0 == .natGateway(nat.id) })
                result.append(("\(gateway) -> \(egressVPC) \(nat.id) -> internet gateway", stages + [route] + natStages(nat, entry: entry, throughTransitGateway: gateway) + back))
            }
        }
        if result.isEmpty {
            departing.append(transitStage(from: departure.id, to: departure.id, side: .destination, coordinates: .request, direction: .forward))
            result.append((gateway.rawValue, departing))
        }
        return result
    }
}

extension Stage {
    /// The same stage with another remediation.
    func with(fix: Fix) -> Stage {
        var copy = self
        copy.fix = fix
        return copy
    }
}

extension Path {
    /// The same path with one more stage at the end.
    func appending(_ stage: Stage) -> Path {
        Path(
            zone: zone, origin: origin, sources: sources, destinations: destinations, clientPorts: clientPorts,
            checksPartialReturn: checksPartialReturn, stages: stages + [stage])
    }
}
