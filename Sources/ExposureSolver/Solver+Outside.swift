import ExposureModel

/// The entries of traffic from what the input does not describe (semantics, section 1,
/// "Missing pieces are also sources"), found once when the solver is built.
extension Solver {
    /// Every outside entry of `topology`, in zone order.
    ///
    /// - Complexity: O(*t* × *r* × *s*) for *t* route tables, *r* routes and *s* segments,
    ///   plus one pass over attachments, outside groups and peerings.
    static func outsideEntries(
        of topology: Topology, index: TopologyIndex, routeLookups: [SubnetID: RouteLookup], outsideRoutes: [SubnetID: [OutsideRoute]],
        transitLookups: [TransitGatewayAttachmentID: TransitGatewayLookup], targets: OutsideTargets, internet: AddressSet
    ) -> [OutsideEntry] {
        var entries: [OutsideEntry] = []
        var interfacesByInstance: [InstanceID: NetworkInterface] = [:]
        for interface in Topology.sortedValues(topology.networkInterfaces) {
            if let instance = interface.instance, interfacesByInstance[instance] == nil { interfacesByInstance[instance] = interface }
        }
        // Route targets: per VPC, the addresses its subnets' tables send to each target.
        let subnetsByVPC = index.subnets
        for vpc in Topology.sortedValues(topology.vpcs) {
            // Each table of the VPC once, with a subnet that uses it.
            var seenTables = Set<String>()
            let tables = (subnetsByVPC[vpc.id] ?? []).compactMap { subnet -> (subnet: SubnetID, lookup: RouteLookup)? in
                guard let lookup = routeLookups[subnet.id], seenTables.insert(lookup.table?.rawValue ?? "").inserted else { return nil }
                return (subnet.id, lookup)
            }
            var routed: [Route.Target: AddressSet] = [:]
            var order: [Route.Target] = []
            for (subnet, _) in tables {
                for route in outsideRoutes[subnet] ?? [] {
                    if routed[route.target] == nil { order.append(route.target) }
                    routed[route.target] = (routed[route.target] ?? .empty).union(route.addresses)
                }
            }
            for gateway in Topology.sortedValues(topology.vpnGateways) where gateway.vpc == vpc.id {
                let target = Route.Target.vpnGateway(gateway.id)
                if targets.missing(behind: target, in: vpc.id) != nil {
                    // A VGW no route names may still carry every private range (semantics, section 1).
                    if routed[target] == nil {
                        order.append(target)
                        routed[target] = AddressSet(cidrs: OutsideGroup.privateRanges)
                    }
                    continue
                }
                // A VGW whose VPNs all declare their prefixes, and whose VPC routes more to it:
                // the rest comes over BGP or Direct Connect, which the input does not describe.
                guard let declared = declaredPrefixes(of: topology.vpnConnections.values.filter { $0.gateway == .vpnGateway(gateway.id) }) else { continue }
                let beyond = tables.reduce(AddressSet.empty) { $0.union($1.lookup.addresses(routedBy: { $0.target == target })) }.subtracting(declared)
                guard !beyond.isEmpty else { continue }
                entries.append(OutsideEntry(
                    zone: .outside(gateway.id.rawValue), door: .vpc(vpc.id, replyTarget: target), sources: beyond,
                    missing: missingBeyondVPN(gateway.id.rawValue, what: "a virtual private gateway"),
                    origin: .outsideOrigin(gateway.id.rawValue, "source: networks behind \(gateway.id) beyond the prefixes its VPNs declare")))
            }
            // Without a route table, any gateway, peering or appliance of the VPC may carry
            // traffic in and replies out: every address beyond its own, except the public ones
            // when an internet gateway is there to bring those (the internet zones' entry).
            if (subnetsByVPC[vpc.id] ?? []).contains(where: { routeLookups[$0.id]?.isTableMissing == true }) {
                let id = "\(vpc.id)/unknown-routes"
                let hasInternetGateway = topology.internetGateways.values.contains { $0.vpc == vpc.id }
                entries.append(OutsideEntry(
                    zone: .outside(id), door: .unknownRouting(vpc.id),
                    sources: AddressSet.universe.subtracting(vpc.addresses).subtracting(hasInternetGateway ? internet : .empty),
                    missing: .mainRouteTable(of: vpc.id),
                    origin: .outsideOrigin(id, "source: networks any gateway, peering or appliance of \(vpc.id) may bring, since its route tables are not in the input")))
            }
            for target in order {
                guard let sources = routed[target], !sources.isEmpty, let missing = targets.missing(behind: target, in: vpc.id) else { continue }
                let id = target.description
                let door: OutsideEntry.Door
                switch target {
                case .networkInterface(let interface):
                    guard let subnet = topology.networkInterfaces[interface]?.subnet else { continue }
                    door = .appliance(subnet, replyTarget: target)
                case .instance(let instance):
                    guard let subnet = interfacesByInstance[instance]?.subnet else { continue }
                    door = .appliance(subnet, replyTarget: target)
                default:
                    door = .vpc(vpc.id, replyTarget: target)
                }
                entries.append(OutsideEntry(
                    zone: .outside(id), door: door, sources: sources, missing: missing,
                    origin: .outsideOrigin(id, "source: networks behind \(id) that the input does not describe, entering \(vpc.id)")))
            }
        }
        // Transit gateway attachments whose far side is not described, and VPN attachments
        // routed more than their VPNs declare: replies reach them where a table of their
        // gateway routes, or may route, to them.
        let transitTables = uniqueLookups(transitLookups)
        for attachment in Topology.sortedValues(topology.transitGatewayAttachments) {
            let routedThere = transitTables.filter { $0.table.transitGateway == attachment.transitGateway }
                .reduce(AddressSet.empty) { $0.union($1.possibleAddresses(toward: attachment.id)) }
            switch attachment.resource {
            case .outside(let type, _):
                guard !routedThere.isEmpty, let missing = missing(behindOutside: attachment) else { continue }
                entries.append(OutsideEntry(
                    zone: .outside(attachment.id.rawValue), door: .transit(attachment.id), sources: routedThere, missing: missing,
                    origin: .outsideOrigin(attachment.id.rawValue, "source: networks behind \(attachment.id) (\(type)) that the input does not describe")))
            case .vpn(let connectionID):
                guard let connection = topology.vpnConnections[connectionID], let declared = declaredPrefixes(of: [connection]) else { continue }
                let beyond = routedThere.subtracting(declared)
                guard !beyond.isEmpty else { continue }
                entries.append(OutsideEntry(
                    zone: .outside(attachment.id.rawValue), door: .transit(attachment.id), sources: beyond,
                    missing: missingBeyondVPN(connectionID.rawValue, what: "a VPN connection"),
                    origin: .outsideOrigin(attachment.id.rawValue, "source: networks behind \(connectionID) beyond the prefixes it declares")))
            case .vpc:
                continue
            }
        }
        // Members of groups that rules name but the input does not describe: anywhere their
        // group may be, but not at an address an interface of the input holds.
        let held = AddressSet(addresses: topology.networkInterfaces.values.flatMap { $0.privateIPv4 + $0.ipv6 })
        for group in Topology.sortedValues(topology.outsideGroups) {
            entries.append(OutsideEntry(
                zone: .outside(group.id.rawValue), door: .groupMembers(group.id),
                sources: AddressSet(cidrs: group.addresses).subtracting(held),
                missing: MissingInput(
                    component: group.id.rawValue, what: "a security group\(group.account.map { " of account \($0)" } ?? "") whose members the input does not describe",
                    exportCommand: "aws ec2 describe-network-interfaces --filters Name=group-id,Values=\(group.id)"),
                origin: .outsideOrigin(
                    group.id.rawValue,
                    "source: members of \(group.id), which the input does not describe (\(group.addresses.map(\.description).joined(separator: ", ")))")))
        }
        // VPCs declared without subnets, over their active peerings and through their transit
        // gateway attachments: their CIDRs as future interfaces.
        for vpc in Topology.sortedValues(topology.vpcs) where (subnetsByVPC[vpc.id] ?? []).isEmpty {
            let missing = MissingInput.subnets(of: vpc.id)
            let origin = Hop(vpc.id.component, .origin("source: any future interface of \(vpc.id), declared without subnets"))
            let zone = vpc.tenant.map(Zone.tenant) ?? .vpc(vpc.id)
            for peering in Topology.sortedValues(topology.peeringConnections) where peering.isActive {
                guard let other = peering.peer(of: vpc.id), !(subnetsByVPC[other] ?? []).isEmpty else { continue }
                entries.append(OutsideEntry(
                    zone: zone, door: .subnetlessVPC(vpc.id, peering: peering.id), sources: vpc.addresses, missing: missing, origin: origin,
                    vpc: vpc.id))
            }
            for attachment in Topology.sortedValues(topology.transitGatewayAttachments) where attachment.resource == .vpc(vpc.id, subnets: nil) {
                entries.append(OutsideEntry(zone: zone, door: .transit(attachment.id), sources: vpc.addresses, missing: missing, origin: origin, vpc: vpc.id))
            }
        }
        return entries.sorted { ($0.zone, $0.origin.component) < ($1.zone, $1.origin.component) }
    }

    /// The prefixes `connections` declare together; `nil` when one declares none, since its
    /// zone then covers every address routed to it.
    private static func declaredPrefixes(of connections: [VPNConnection]) -> AddressSet? {
        guard !connections.isEmpty, connections.allSatisfy({ !$0.knownPrefixes.isEmpty }) else { return nil }
        return AddressSet(cidrs: connections.flatMap(\.knownPrefixes))
    }

    /// What the input lacks behind `component` (a VGW or a VPN) for addresses routed to it
    /// beyond the declared on-premises prefixes.
    private static func missingBeyondVPN(_ component: String, what: String) -> MissingInput {
        MissingInput(
            component: component,
            what: "\(what) routed more addresses than declared: the rest is learned over BGP or comes over Direct Connect, which the input does not describe",
            exportCommand: "aws ec2 describe-vpn-connections; aws directconnect describe-virtual-interfaces")
    }

    /// Each transit gateway route table's lookup once, in table order.
    private static func uniqueLookups(_ lookups: [TransitGatewayAttachmentID: TransitGatewayLookup]) -> [TransitGatewayLookup] {
        var seen = Set<TransitGatewayRouteTableID>()
        return lookups.values.sorted { $0.table.id < $1.table.id }.filter { seen.insert($0.table.id).inserted }
    }

    /// What the input lacks behind an attachment whose far side it does not describe; `nil`
    /// for a VPC or VPN attachment of the input.
    static func missing(behindOutside attachment: TransitGatewayAttachment) -> MissingInput? {
        guard case .outside(let type, let resource) = attachment.resource else { return nil }
        let id = attachment.id
        let command: String
        var then = ""
        switch type {
        case TransitGatewayAttachment.unknownType:
            // Known only from a route to it, or a stand-in for attachments the export omits.
            return .component(id.rawValue)
        case "peering", "tgw-peering":
            command = "aws ec2 describe-transit-gateway-peering-attachments --transit-gateway-attachment-ids \(id)"
            then = "; the peer transit gateway's region is to be exported too"
        case "direct-connect-gateway":
            command = "aws directconnect describe-direct-connect-gateway-attachments\(resource.map { " --direct-connect-gateway-id \($0)" } ?? "")"
        case "connect":
            command = "aws ec2 describe-transit-gateway-connects --transit-gateway-attachment-ids \(id)"
        case "vpc":
            command = "aws ec2 describe-vpcs --vpc-ids \(resource ?? "VPC")"
            then = ": that VPC with its subnets, route tables, ACLs and groups, exported in the account that owns it"
        default:
            command = "aws ec2 describe-transit-gateway-attachments --transit-gateway-attachment-ids \(id)"
        }
        return MissingInput(
            component: id.rawValue,
            what: "a transit gateway \(type) attachment whose far side\(resource.map { " (\($0))" } ?? "") the input does not describe\(then)",
            exportCommand: command)
    }

    /// What the input lacks behind `attachment` when its far side is not described; `nil`
    /// for a VPC or VPN attachment of the input.
    func missing(behind attachment: TransitGatewayAttachmentID) -> MissingInput? {
        topology.transitGatewayAttachments[attachment].flatMap(Solver.missing(behindOutside:))
    }
}
