import ExposureModel

/// Connections that interfaces open toward addresses outside their subnet: an AWS
/// service's public addresses (Amazon S3 for the Amazon Linux repositories), the internet,
/// on-premises networks, or addresses in other VPCs that no interface of the input holds.
/// Through an internet or egress-only gateway, a NAT gateway, a gateway or interface
/// endpoint, a peering, a VPN, or a transit gateway (semantics, sections 4, 5 and 7).
extension Solver {
    /// One way out toward the destinations, as the stages a connection on it must pass.
    struct EgressCandidate: Sendable {
        /// How the traffic leaves, for reports: `nat-1 -> igw-1`.
        let via: String
        /// The endpoint whose policy also decides, if the way is an endpoint.
        let endpoint: VPCEndpoint?
        let path: Path
    }

    /// Every way `source` may take toward `destinations`: one candidate per next hop that
    /// its route table picks for part of them, or, for a service with an interface
    /// endpoint with private DNS, only that endpoint (DNS then answers with its addresses).
    ///
    /// - Parameters:
    ///   - service: the endpoint service the destinations belong to, such as
    ///     `com.amazonaws.us-east-1.s3`; `nil` for a bare address, whose route alone decides.
    /// - Complexity: O(*h* × *k* × *s*) for *h* next hops and *k* stages per candidate.
    func egressCandidates(from source: SourceClass, to destinations: AddressSet, service: String?) -> [EgressCandidate] {
        guard let subnet = topology.subnets[source.subnet], let lookup = routeLookups[subnet.id] else { return [] }
        if let service {
            let privateDNS = Topology.sortedValues(topology.vpcEndpoints).filter {
                $0.vpc == subnet.vpc && $0.service == service && $0.type == .interface && $0.privateDNS
            }
            if !privateDNS.isEmpty {
                return privateDNS.flatMap { endpoint in
                    endpoint.subnets.compactMap { topology.subnets[$0] }.flatMap { endpointSubnet in
                        let target = TargetClass(
                            subnet: endpointSubnet, groups: endpoint.securityGroups, hasPublicIPv4: false,
                            hasPlannedAddresses: false, interfaces: [])
                        return internalPaths(from: source, to: target).map { path in
                            EgressCandidate(via: "\(endpoint.id) (interface endpoint in \(endpointSubnet.id))", endpoint: endpoint, path: path)
                        }
                    }
                }
            }
        }
        let sourceStage = plannedAddressStage(subnet, side: .source, applies: source.hasPlannedAddresses)
        func path(_ stages: [Stage]) -> Path {
            Path(
                zone: source.zone, origin: source.originHop, sources: source.addresses,
                destinations: destinations, clientPorts: source.ephemeralPorts, checksPartialReturn: true,
                stages: stages + [sourceStage].compactMap { $0 })
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
            let route = routeStage(subnet.id, side: .destination, coordinates: .request, direction: .forward, toward: target)
            let out = [route, leaving, aclOut]
            if let missing = outsideTargets.missing(behind: target, in: subnet.vpc) {
                // Appliances and what the input does not describe forward traffic onward in
                // ways it cannot follow: unknown, never blocked (section 4).
                candidates.append(EgressCandidate(via: target.description, endpoint: nil, path: path(out + [.unknown(
                    ComponentRef(.outside, target.description),
                    reason: "\(subnet.id) sends the traffic to \(target), and where it goes from there is not in the input",
                    missing: [missing])])))
                continue
            }
            switch target {
            case .internetGateway(let gateway):
                var stages = out
                if !source.hasPublicIPv4 && destinations.intersects(.allIPv4) {
                    stages.append(.block(
                        source.originHop.component,
                        reason: "the interface has no public IPv4 address, so \(gateway) cannot carry its traffic",
                        fix: .change("give the node a public IPv4 address, or route the traffic through a NAT gateway or an S3 gateway endpoint")))
                }
                stages.append(.pass(gateway.component, .crossing("leaves for the internet from the public IPv4 address")))
                stages.append(aclBack)
                candidates.append(EgressCandidate(via: gateway.rawValue, endpoint: nil, path: path(stages)))
            case .egressOnlyGateway(let gateway):
                let stages = out + [.pass(gateway.component, .crossing("leaves for the internet over IPv6")), aclBack]
                candidates.append(EgressCandidate(via: gateway.rawValue, endpoint: nil, path: path(stages)))
            case .natGateway(let nat):
                guard let gateway = topology.natGateways[nat] else { continue }
                // The NAT stages check the node subnet's ACL where the traffic crosses it.
                let stages = [route, leaving] + natStages(gateway, entry: subnet, throughTransitGateway: nil)
                    + (gateway.subnet == subnet.id ? [] : [aclBack])
                candidates.append(EgressCandidate(via: "\(nat) -> internet gateway", endpoint: nil, path: path(stages)))
            case .gatewayEndpoint(let id):
                guard let endpoint = topology.vpcEndpoints[id] else { continue }
                var stages = out
                if let service, endpoint.service != service {
                    stages.append(.block(id.component, reason: "\(id) serves \(endpoint.service), not \(service)"))
                }
                let policy = service == nil && endpoint.policy != nil ? "; its policy decides which requests are served" : ""
                stages.append(.pass(id.component, .crossing("gateway endpoint for \(endpoint.service)\(policy)")))
                stages.append(aclBack)
                candidates.append(EgressCandidate(via: "\(id) (gateway endpoint)", endpoint: endpoint, path: path(stages)))
            case .transitGateway(let gateway):
                for (via, stages) in transitEgressStages(from: subnet, through: gateway, to: destinations) {
                    candidates.append(EgressCandidate(via: via, endpoint: nil, path: path([route, leaving] + stages)))
                }
            case .vpnGateway(let gateway):
                candidates.append(EgressCandidate(via: gateway.rawValue, endpoint: nil, path: path(out + vpnStages(gateway, to: destinations, from: subnet) + [aclBack])))
            case .local:
                guard let vpc = topology.vpcs[subnet.vpc] else { continue }
                // Inside one subnet no ACL applies (section 3).
                let inside = destinations.isSubset(of: subnet.addresses)
                let delivery = deliveryStages(into: vpc, from: subnet, to: destinations, replyTarget: .local)
                candidates.append(EgressCandidate(
                    via: "local", endpoint: nil, path: path((inside ? [route, leaving] : out) + delivery + (inside ? [] : [aclBack]))))
            case .peering(let id):
                guard let peering = topology.peeringConnections[id], let peerID = peering.peer(of: subnet.vpc), let peer = topology.vpcs[peerID] else { continue }
                var stages = out
                if !destinations.isSubset(of: peer.addresses) {
                    // Peering is not transitive (section 5): only the peer's own addresses.
                    stages.append(.block(
                        id.component, reason: "\(id) carries only traffic to \(peerID)'s own addresses (\(peer.cidrs.map(\.description).joined(separator: ", "))); peering is not transitive"))
                } else {
                    stages += [.pass(id.component, .crossing("crosses to \(peerID)"))]
                        + deliveryStages(into: peer, from: nil, to: destinations, replyTarget: .peering(id))
                }
                candidates.append(EgressCandidate(via: id.rawValue, endpoint: nil, path: path(stages + [aclBack])))
            case .networkInterface, .instance, .unsupported:
                // Always an outside target, handled above.
                continue
            }
        }
        if !unrouted.isEmpty || candidates.isEmpty {
            let stage = routeStage(
                subnet.id, side: .destination, coordinates: .request, direction: .forward,
                expecting: service.map { "a way to \($0)" } ?? "a route", where: { _ in false })
            let fix = service.map { missingRouteFix(for: subnet, service: $0) } ?? stage.fix
            candidates.append(EgressCandidate(via: "no route", endpoint: nil, path: path([fix.map { stage.with(fix: $0) } ?? stage])))
        }
        return candidates
    }

    /// Through a VGW: on-premises when a VPN on it declares the destinations, else unknown
    /// (where the customer side forwards is not in the input).
    private func vpnStages(_ gateway: VPNGatewayID, to destinations: AddressSet, from subnet: Subnet) -> [Stage] {
        [leavingOnPremises(
            over: Topology.sortedValues(topology.vpnConnections).filter { $0.gateway == .vpnGateway(gateway) }, to: destinations,
            else: gateway.component, what: "a virtual private gateway",
            reason: "\(subnet.id) sends the traffic on-premises through \(gateway); where it goes from there is not in the input")]
    }

    /// Out over the first of `connections` that declares `destinations`; when none does,
    /// `unknown` at `component`, whose customer-side networks are not in the input.
    private func leavingOnPremises(
        over connections: [VPNConnection], to destinations: AddressSet, else component: ComponentRef, what: String, reason: String
    ) -> Stage {
        if let connection = connections.first(where: { destinations.isSubset(of: AddressSet(cidrs: $0.knownPrefixes)) }) {
            return .pass(connection.id.component, .crossing("leaves over \(connection.id) for the on-premises networks it declares"))
        }
        return .unknown(
            component, reason: reason,
            missing: [MissingInput(component: component.id, what: "\(what) whose customer-side networks are not in the input", exportCommand: nil)])
    }

    /// Into a subnet of `vpc` holding the destinations but no interface of the input that
    /// has them: its inbound ACL when the traffic crosses subnets, the unknown host, and the
    /// reply's route and outbound ACL. `from` is the source subnet when in the same VPC.
    private func deliveryStages(into vpc: VPC, from source: Subnet?, to destinations: AddressSet, replyTarget: Route.Target) -> [Stage] {
        let host = MissingInput(
            component: destinations.cidrs.map(\.description).joined(separator: ", "),
            what: "an address no interface of the input holds: whether anything there accepts the connection is not in the input",
            exportCommand: nil)
        let subnets = Topology.sortedValues(topology.subnets).filter { $0.vpc == vpc.id && $0.addresses.intersects(destinations) }
        guard let subnet = subnets.first(where: { destinations.isSubset(of: $0.addresses) }) ?? subnets.first else {
            let inVPC = topology.subnets.values.filter { $0.vpc == vpc.id }
            if inVPC.isEmpty {
                return [.unknown(vpc.id.component, reason: "\(vpc.id) is declared without subnets", missing: [.subnets(of: vpc.id), host])]
            }
            if inVPC.contains(where: { !$0.unknownBlocks.isEmpty }) {
                return [.unknown(vpc.id.component, reason: "the subnets of \(vpc.id) are not all in the input", missing: [host])]
            }
            return [.block(vpc.id.component, reason: "no subnet of \(vpc.id) holds \(host.component)")]
        }
        var stages: [Stage] = []
        let crosses = source?.id != subnet.id
        if crosses {
            stages.append(aclStage(subnet.id, inbound: true, side: .source, coordinates: .request, direction: .forward))
        }
        stages.append(.unknown(ComponentRef(.address, host.component), reason: "no interface of the input holds \(host.component)", missing: [host]))
        stages.append(routeStage(subnet.id, side: .source, coordinates: .reply, direction: .return, toward: replyTarget))
        if crosses {
            stages.append(aclStage(subnet.id, inbound: false, side: .source, coordinates: .reply, direction: .return))
        }
        return stages
    }

    /// What to add when nothing routes the service: a route to an existing endpoint or NAT
    /// gateway of the VPC, else a new gateway endpoint.
    private func missingRouteFix(for subnet: Subnet, service: String) -> Fix {
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
        let address = nat.connectivity == .private ? "private" : "public"
        stages.append(.pass(nat.id.component, .crossing("translates the source to the NAT gateway's \(address) address")))
        stages.append(onwardRouteStage(nat))
        stages.append(aclStage(natSubnet, inbound: false, side: .destination, coordinates: .request, direction: .forward))
        stages.append(aclStage(natSubnet, inbound: true, side: .destination, coordinates: .natReply, direction: .return))
        if let gateway {
            stages.append(routeStage(natSubnet, side: .source, coordinates: .reply, direction: .return, toward: .transitGateway(gateway)))
            // NAT to transit gateway: the NAT subnet's outbound and the attachment subnet's
            // inbound rules, both even when they are one subnet.
            stages.append(aclStage(natSubnet, inbound: false, side: .source, coordinates: .reply, direction: .return))
            stages.append(aclStage(entry.id, inbound: true, side: .destination, coordinates: .reply, direction: .return))
        } else if entry.id != natSubnet {
            stages.append(aclStage(natSubnet, inbound: false, side: .source, coordinates: .reply, direction: .return))
        }
        return stages
    }

    /// The NAT subnet's route on from the NAT gateway: to an internet gateway it is
    /// followed (a private NAT gateway stops there); elsewhere (a transit gateway, a VGW, a
    /// peering, the VPC) the traffic carries the NAT's own address, which the analysis does
    /// not follow, so it is `unknown` rather than stopped.
    private func onwardRouteStage(_ nat: NATGateway) -> Stage {
        let toInternet: Stage
        if nat.connectivity == .private {
            toInternet = .block(
                nat.id.component, reason: "\(nat.id) is a private NAT gateway: it does not reach the internet",
                fix: .change("route the traffic through a public NAT gateway or an S3 gateway endpoint"))
        } else {
            toInternet = routeStage(nat.subnet, side: .destination, coordinates: .request, direction: .forward, expecting: "an internet gateway", where: { target in
                if case .internetGateway = target { return true }
                return false
            })
        }
        let onward = routeLookups[nat.subnet]?.regions(routedBy: { route in
            switch route.target {
            case .internetGateway, .natGateway: false
            default: true
            }
        }) ?? []
        guard !onward.isEmpty else { return toInternet }
        let region = Solver.embed(onward.reduce(AddressSet.empty) { $0.union($1.addresses) }, on: .destination)
        let targets = onward.map(\.route.target.description)
            .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let context = "\(nat.id) sends the traffic on from its own address (to \(targets.joined(separator: ", "))), which the analysis does not follow past a NAT gateway"
        return Stage(
            component: toInternet.component, direction: toInternet.direction, coordinates: toInternet.coordinates,
            allowed: toInternet.allowed, unknown: toInternet.unknown.union(region.subtracting(toInternet.allowed)),
            unknownContext: [toInternet.unknownContext, context].compactMap { $0 }.joined(separator: "; "),
            rules: toInternet.rules, refusal: toInternet.refusal, fix: toInternet.fix, missing: toInternet.missing)
    }

    /// From `subnet` through a transit gateway: to a NAT gateway of an egress VPC, into the
    /// VPC that holds the destinations, over a VPN, or to an attachment whose far side the
    /// input does not describe; one entry per attachment the gateway picks.
    private func transitEgressStages(from subnet: Subnet, through gateway: TransitGatewayID, to destinations: AddressSet) -> [(String, [Stage])] {
        guard let departure = vpcAttachment(of: subnet.vpc, to: gateway) else {
            return [(gateway.rawValue, [.block(gateway.component, reason: "\(subnet.vpc) has no attachment to \(gateway)")])]
        }
        var departing: [Stage] = []
        var returning: [Stage] = []
        switch attachmentEntry(departure, for: subnet) {
        case .none(let stage): return [(gateway.rawValue, [stage])]
        case .unknown(let stage): departing.append(stage)
        case .subnet(let exit):
            departing = [
                aclStage(subnet.id, inbound: false, side: .destination, coordinates: .request, direction: .forward),
                aclStage(exit.id, inbound: true, side: .source, coordinates: .request, direction: .forward),
            ]
            if exit.id != subnet.id {
                returning = [
                    aclStage(exit.id, inbound: false, side: .source, coordinates: .reply, direction: .return),
                    aclStage(subnet.id, inbound: true, side: .destination, coordinates: .reply, direction: .return),
                ]
            }
        }
        guard let lookup = transitLookups[departure.id] else {
            departing.append(transitStage(from: departure.id, to: departure.id, side: .destination, coordinates: .request, direction: .forward))
            return [(gateway.rawValue, departing)]
        }
        var result: [(String, [Stage])] = []
        var arrivals: [TransitGatewayAttachmentID] = []
        for attachment in lookup.routes.compactMap(\.attachment) where !arrivals.contains(attachment) {
            if lookup.addresses(routedTo: attachment).intersects(destinations) { arrivals.append(attachment) }
        }
        for arrivalID in arrivals {
            var stages = departing
            stages.append(transitStage(from: departure.id, to: arrivalID, side: .destination, coordinates: .request, direction: .forward))
            let back = [transitStage(from: arrivalID, to: departure.id, side: .source, coordinates: .reply, direction: .return)] + returning
            guard let arrival = topology.transitGatewayAttachments[arrivalID] else { continue }
            switch arrival.resource {
            case .vpn(let connection):
                stages.append(leavingOnPremises(
                    over: [topology.vpnConnections[connection]].compactMap { $0 }, to: destinations,
                    else: connection.component, what: "a VPN connection",
                    reason: "\(gateway) sends the traffic over \(connection), and where the customer side forwards it is not in the input"))
                result.append(("\(gateway) -> \(connection)", stages + back))
            case .outside(let type, _):
                stages.append(.unknown(
                    arrivalID.component, reason: "\(gateway) sends the traffic to \(arrivalID) (\(type)), whose far side is not in the input",
                    missing: [missing(behind: arrivalID) ?? .component(arrivalID.rawValue)]))
                result.append(("\(gateway) -> \(arrivalID)", stages + back))
            case .vpc(let arrivalVPC, _):
                result += transitArrivalEgress(
                    gateway: gateway, arrival: arrival, vpc: arrivalVPC, from: subnet, to: destinations, stages: stages, back: back)
            }
        }
        if result.isEmpty {
            departing.append(transitStage(from: departure.id, to: departure.id, side: .destination, coordinates: .request, direction: .forward))
            result.append((gateway.rawValue, departing))
        }
        return result
    }

    /// Into the VPC of a transit gateway attachment: delivered there when it holds the
    /// destinations, else on through one of its NAT gateways to the internet.
    private func transitArrivalEgress(
        gateway: TransitGatewayID, arrival: TransitGatewayAttachment, vpc arrivalVPC: VPCID, from subnet: Subnet,
        to destinations: AddressSet, stages: [Stage], back: [Stage]
    ) -> [(String, [Stage])] {
        let entryStage: Stage?
        let entry: Subnet?
        switch attachmentEntry(arrival, for: subnet) {
        case .subnet(let found): (entry, entryStage) = (found, nil)
        case .none, .unknown:
            // The NAT path uses the attachment subnet in the node's zone, else the first one.
            if case .vpc(_, let subnets?) = arrival.resource, let first = subnets.compactMap({ topology.subnets[$0] }).first {
                (entry, entryStage) = (first, nil)
            } else {
                (entry, entryStage) = (nil, .unknown(
                    arrival.id.component, reason: "\(gateway) sends the traffic to \(arrival.id), whose subnets are not in the input",
                    missing: [.subnets(ofAttachment: arrival.id)]))
            }
        }
        guard let vpc = topology.vpcs[arrivalVPC] else { return [] }
        if destinations.isSubset(of: vpc.addresses) {
            let delivery = deliveryStages(into: vpc, from: nil, to: destinations, replyTarget: .transitGateway(gateway))
            return [("\(gateway) -> \(arrivalVPC)", stages + [entryStage].compactMap { $0 } + delivery + back)]
        }
        guard let entry else { return [("\(gateway) -> \(arrivalVPC)", stages + [entryStage].compactMap { $0 } + back)] }
        let nats = Topology.sortedValues(topology.natGateways).filter { topology.subnets[$0.subnet]?.vpc == arrivalVPC }
        let toNAT = nats.filter { nat in
            routeLookups[entry.id]?.regions(routedBy: { $0.target == .natGateway(nat.id) }).contains { $0.addresses.intersects(destinations) } ?? false
        }
        guard !toNAT.isEmpty else {
            let route = routeStage(entry.id, side: .destination, coordinates: .request, direction: .forward, expecting: "a NAT gateway", where: { target in
                if case .natGateway = target { return true }
                return false
            })
            return [("\(gateway) -> \(arrivalVPC)", stages + [route] + back)]
        }
        return toNAT.map { nat in
            let route = routeStage(entry.id, side: .destination, coordinates: .request, direction: .forward, toward: .natGateway(nat.id))
            return ("\(gateway) -> \(arrivalVPC) \(nat.id) -> internet gateway", stages + [route] + natStages(nat, entry: entry, throughTransitGateway: gateway) + back)
        }
    }
}

extension Stage {
    /// The same stage with another remediation.
    func with(fix: Fix) -> Stage {
        var copy = self
        copy.fix = fix
        // A changed stage is no longer the cached one its id names.
        copy.cacheID = nil
        return copy
    }
}

extension Path {
    /// The same path with one more stage at the end.
    func appending(_ stage: Stage) -> Path {
        var path = self
        path.stages.append(stage)
        return path
    }
}
