/// The entries of traffic from what the input does not describe (semantics, section 1,
/// "Missing pieces are also sources"), found once when the solver is built.
extension Solver {
    /// Every outside entry of `topology`, in zone order.
    ///
    /// - Complexity: O(*t* × *r* × *s*) for *t* route tables, *r* routes and *s* segments,
    ///   plus one pass over attachments, outside groups and peerings.
    static func outsideEntries(
        of topology: Topology, routeLookups: [SubnetID: RouteLookup], outsideRoutes: [SubnetID: [OutsideRoute]],
        transitLookups: [TransitGatewayAttachmentID: TransitGatewayLookup], targets: OutsideTargets
    ) -> [OutsideEntry] {
        var entries: [OutsideEntry] = []
        var interfacesByInstance: [InstanceID: NetworkInterface] = [:]
        for interface in Topology.sortedValues(topology.networkInterfaces) {
            if let instance = interface.instance, interfacesByInstance[instance] == nil { interfacesByInstance[instance] = interface }
        }
        // Route targets: per VPC, the addresses its subnets' tables send to each target.
        var subnetsByVPC: [VPCID: [Subnet]] = [:]
        for subnet in Topology.sortedValues(topology.subnets) { subnetsByVPC[subnet.vpc, default: []].append(subnet) }
        for vpc in Topology.sortedValues(topology.vpcs) {
            var routed: [Route.Target: AddressSet] = [:]
            var order: [Route.Target] = []
            var seenTables = Set<String>()
            for subnet in subnetsByVPC[vpc.id] ?? [] {
                guard let lookup = routeLookups[subnet.id], seenTables.insert(lookup.table?.rawValue ?? "").inserted else { continue }
                for route in outsideRoutes[subnet.id] ?? [] {
                    if routed[route.target] == nil { order.append(route.target) }
                    routed[route.target] = (routed[route.target] ?? .empty).union(route.addresses)
                }
            }
            for gateway in Topology.sortedValues(topology.vpnGateways) where gateway.vpc == vpc.id {
                let target = Route.Target.vpnGateway(gateway.id)
                if targets.missing(behind: target, in: vpc.id) != nil, routed[target] == nil {
                    // A VGW no route names may still carry every private range (semantics, section 1).
                    order.append(target)
                    routed[target] = AddressSet(cidrs: OutsideGroup.privateRanges)
                }
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
                    origin: Hop(component: id, kind: "outside", rule: "source: networks behind \(id) that the input does not describe, entering \(vpc.id)", direction: .forward)))
            }
        }
        // Transit gateway attachments whose far side is not described.
        for attachment in Topology.sortedValues(topology.transitGatewayAttachments) {
            guard case .outside(let type, let resource) = attachment.resource else { continue }
            var sources = AddressSet.empty
            for lookup in uniqueLookups(transitLookups) {
                for (_, addresses) in lookup.regions(to: attachment.id) { sources = sources.union(addresses) }
            }
            guard !sources.isEmpty else { continue }
            entries.append(OutsideEntry(
                zone: .outside(attachment.id.rawValue), door: .transit(attachment.id), sources: sources,
                missing: MissingInput(
                    component: attachment.id.rawValue,
                    what: "a transit gateway \(type == TransitGatewayAttachment.unknownType ? "attachment" : "\(type) attachment") whose far side\(resource.map { " (\($0))" } ?? "") the input does not describe",
                    exportCommand: exportCommand(ofAttachment: attachment.id, type: type, resource: resource)),
                origin: Hop(component: attachment.id.rawValue, kind: "outside", rule: "source: networks behind \(attachment.id) (\(type)) that the input does not describe", direction: .forward)))
        }
        // Members of groups that rules name but the input does not describe: anywhere their
        // group may be, but not at an address an interface of the input holds.
        let held = AddressSet(addresses: topology.networkInterfaces.values.flatMap { $0.privateIPv4 + $0.ipv6 })
        for group in Topology.sortedValues(topology.outsideGroups) {
            entries.append(OutsideEntry(
                zone: .outside(group.id.rawValue), door: .groupMembers(group.id),
                sources: AddressSet(cidrs: group.addresses).subtracting(held),
                missing: MissingInput(
                    component: group.id.rawValue, what: "a security group whose members the input does not describe",
                    exportCommand: "aws ec2 describe-network-interfaces --filters Name=group-id,Values=\(group.id)\(group.account.map { " (in account \($0))" } ?? "")"),
                origin: Hop(component: group.id.rawValue, kind: "outside", rule: "source: members of \(group.id), which the input does not describe (\(group.addresses.map(\.description).joined(separator: ", ")))", direction: .forward)))
        }
        // VPCs declared without subnets, over their active peerings and through their transit
        // gateway attachments: their CIDRs as future interfaces.
        for vpc in Topology.sortedValues(topology.vpcs) where (subnetsByVPC[vpc.id] ?? []).isEmpty {
            let missing = MissingInput(
                component: vpc.id.rawValue, what: "a VPC declared without subnets: its route tables, network ACLs and interfaces are not in the input",
                exportCommand: "aws ec2 describe-subnets --filters Name=vpc-id,Values=\(vpc.id)")
            let origin = Hop(component: vpc.id.rawValue, kind: VPCKind.kindName, rule: "source: any future interface of \(vpc.id), declared without subnets", direction: .forward)
            let zone = vpc.tenant.map(Zone.tenant) ?? .vpc(vpc.id)
            for peering in Topology.sortedValues(topology.peeringConnections) where peering.isActive {
                guard let other = peering.peer(of: vpc.id), !(subnetsByVPC[other] ?? []).isEmpty else { continue }
                entries.append(OutsideEntry(
                    zone: zone, door: .subnetlessVPC(vpc.id, peering: peering.id), sources: vpc.addresses, missing: missing, origin: origin))
            }
            for attachment in Topology.sortedValues(topology.transitGatewayAttachments) where attachment.resource == .vpc(vpc.id, subnets: nil) {
                entries.append(OutsideEntry(zone: zone, door: .transit(attachment.id), sources: vpc.addresses, missing: missing, origin: origin))
            }
        }
        return entries.sorted { ($0.zone, $0.origin.component) < ($1.zone, $1.origin.component) }
    }

    /// Each transit gateway route table's lookup once, in table order.
    private static func uniqueLookups(_ lookups: [TransitGatewayAttachmentID: TransitGatewayLookup]) -> [TransitGatewayLookup] {
        var seen = Set<TransitGatewayRouteTableID>()
        return lookups.values.sorted { $0.table.id < $1.table.id }.filter { seen.insert($0.table.id).inserted }
    }

    /// The AWS CLI command that describes what lies behind an attachment.
    private static func exportCommand(ofAttachment id: TransitGatewayAttachmentID, type: String, resource: String?) -> String {
        switch type {
        case "peering", "tgw-peering":
            return "aws ec2 describe-transit-gateway-peering-attachments --transit-gateway-attachment-ids \(id), then the peer transit gateway's region"
        case "direct-connect-gateway":
            return "aws directconnect describe-direct-connect-gateway-attachments\(resource.map { " --direct-connect-gateway-id \($0)" } ?? "")"
        case "connect":
            return "aws ec2 describe-transit-gateway-connects --transit-gateway-attachment-ids \(id)"
        case "vpc":
            return "aws ec2 describe-vpcs --vpc-ids \(resource ?? "<vpc>") and its subnets, route tables, ACLs and groups, in the account that owns it"
        default:
            return "aws ec2 describe-transit-gateway-attachments --transit-gateway-attachment-ids \(id)"
        }
    }
}
