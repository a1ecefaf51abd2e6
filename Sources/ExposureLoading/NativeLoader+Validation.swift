import ExposureModel

/// Resolution and validation: every reference checked in one place, contradictions
/// rejected, questionable designs warned about, and gaps filled with stated assumptions.
extension NativeLoader {
    mutating func validate() {
        resolveReferences()
        resolveRouteTargets()
        checkPlacement()
        checkGatewaysAndAttachments()
        warnAboutQuestionableDesigns()
        fillGaps()
        synthesizePlannedClusterNodes()
    }

    /// How many unresolved references of each pass get a "did you mean" (only the first
    /// diagnostics are printed; suggesting for a million would cost a pass over the ids each).
    static let suggestedReferences = 100

    private func isDeclared(_ collection: ReferenceCollection, _ id: String) -> Bool {
        declarations[collection]?[id] != nil
    }

    private mutating func resolveReferences() {
        var sortedIDs: [ReferenceCollection: [String]] = [:]
        var suggested = 0
        for reference in references where !isDeclared(reference.collection, reference.id) {
            var message = "no \(reference.collection.noun) with id \"\(DiagnosticText.shortened(reference.id))\" is declared"
            if sortedIDs[reference.collection] == nil { sortedIDs[reference.collection] = declarations[reference.collection]?.keys.sorted() ?? [] }
            // Suggestions for the first few only: each costs a pass over the declared ids.
            suggested += 1
            if suggested <= NativeLoader.suggestedReferences,
                let suggestion = EditDistance.closest(to: reference.id, among: sortedIDs[reference.collection] ?? [])
            {
                message += "; did you mean \"\(suggestion)\"?"
            }
            diagnostics.append(reference.cursor.error(message))
        }
    }

    /// Turns each route's target id into a typed target, checking it serves the route's VPC.
    private mutating func resolveRouteTargets() {
        let instances = Dictionary(
            Topology.sortedValues(topology.networkInterfaces).compactMap { interface in
                interface.instance.map { ($0.rawValue, interface) }
            }, uniquingKeysWith: { first, _ in first })
        // Every declared id, for suggestions; gathered at the first unknown target.
        var allIDs: [String]?
        var suggested = 0
        for (tableID, cursors) in routeTargetCursors.sorted(by: { $0.key < $1.key }) {
            guard let table = topology.routeTables[tableID] else { continue }
            var resolved: [Route] = []
            for (route, cursor) in zip(table.routes, cursors) {
                guard case .unsupported(let kind, let id) = route.target else { continue }
                let target: Route.Target
                var owner: VPCID?
                if kind == Route.Target.outsideInputKind {
                    target = route.target
                } else if id == "local" {
                    target = .local
                } else if let gateway = topology.internetGateways[InternetGatewayID(id)] {
                    target = .internetGateway(gateway.id)
                    owner = gateway.vpc
                } else if let gateway = topology.egressOnlyGateways[EgressOnlyGatewayID(id)] {
                    target = .egressOnlyGateway(gateway.id)
                    owner = gateway.vpc
                    if case .cidr(let cidr) = route.destination, cidr.family == .ipv4 {
                        diagnostics.append(cursor.error("an egress-only internet gateway carries IPv6 only; the destination is \(cidr)"))
                    }
                } else if let gateway = topology.natGateways[NATGatewayID(id)] {
                    target = .natGateway(gateway.id)
                    owner = topology.subnets[gateway.subnet]?.vpc
                } else if let gateway = topology.vpnGateways[VPNGatewayID(id)] {
                    target = .vpnGateway(gateway.id)
                    owner = gateway.vpc
                    if gateway.vpc == nil {
                        diagnostics.append(cursor.error("VPN gateway \(id) is not attached to a VPC"))
                    }
                } else if let peering = topology.peeringConnections[PeeringConnectionID(id)] {
                    target = .peering(peering.id)
                    if peering.peer(of: table.vpc) == nil {
                        diagnostics.append(cursor.error("peering connection \(id) does not connect \(table.vpc)"))
                    }
                } else if isDeclared(.transitGateway, id) {
                    target = .transitGateway(TransitGatewayID(id))
                } else if let endpoint = topology.vpcEndpoints[VPCEndpointID(id)] {
                    target = .gatewayEndpoint(endpoint.id)
                    owner = endpoint.vpc
                    if endpoint.type != .gateway {
                        diagnostics.append(cursor.error("\(id) is an interface endpoint; only gateway endpoints are route targets"))
                    }
                } else if let interface = topology.networkInterfaces[NetworkInterfaceID(id)] {
                    target = .networkInterface(interface.id)
                    owner = topology.subnets[interface.subnet]?.vpc
                } else if let interface = instances[id] {
                    target = .instance(InstanceID(id))
                    owner = topology.subnets[interface.subnet]?.vpc
                } else if let kind = NativeLoader.unsupportedTargetKind(of: id) {
                    target = .unsupported(kind: kind, id: id)
                } else {
                    var message = "route target \"\(DiagnosticText.shortened(id))\" is not declared: expected \"local\" or the id of an internet, egress-only, NAT, VPN or transit gateway, a peering connection, a gateway endpoint, a network interface or an instance"
                    if allIDs == nil { allIDs = ReferenceCollection.allCases.flatMap { declarations[$0]?.keys.sorted() ?? [] } }
                    suggested += 1
                    if suggested <= NativeLoader.suggestedReferences, let suggestion = EditDistance.closest(to: id, among: allIDs ?? []) {
                        message += "; did you mean \"\(suggestion)\"?"
                    }
                    diagnostics.append(cursor.error(message))
                    continue
                }
                if let owner, owner != table.vpc {
                    diagnostics.append(cursor.error("\(id) belongs to \(owner), but route table \(tableID) is in \(table.vpc)"))
                }
                resolved.append(Route(
                    destination: route.destination, target: target, isBlackhole: route.isBlackhole))
            }
            topology.routeTables[tableID] = RouteTable(
                id: table.id, vpc: table.vpc, isMain: table.isMain, routes: resolved,
                propagatingGateways: table.propagatingGateways)
        }
    }

    /// Targets that exist in AWS but are outside the model: their hops are `unknown`.
    static func unsupportedTargetKind(of id: String) -> String? {
        let kinds = [
            ("cagw-", "carrier-gateway"), ("lgw-", "local-gateway"), ("arn:", "core-network"),
            ("vpce-svc", "gateway-load-balancer-endpoint"),
        ]
        return kinds.first { id.hasPrefix($0.0) }?.1
    }

    private func location(of collection: ReferenceCollection, _ id: String) -> JSONCursor? {
        declarations[collection]?[id]
    }

    /// Subnets inside their VPC, interfaces inside their subnet, groups and tables in the
    /// same VPC as what uses them.
    private mutating func checkPlacement() {
        for interface in Topology.sortedValues(topology.networkInterfaces) where topology.subnets[interface.subnet]?.standsForUnlisted == true {
            if let cursor = location(of: .networkInterface, interface.id.rawValue) {
                diagnostics.append(cursor.error("\(interface.id) is in \(interface.subnet), which stands for subnets the input does not list and so holds no interface"))
            }
        }
        for subnet in Topology.sortedValues(topology.subnets) {
            guard let cursor = location(of: .subnet, subnet.id.rawValue),
                let vpc = topology.vpcs[subnet.vpc]
            else { continue }
            for block in subnet.cidrs where !vpc.cidrs.contains(where: { $0.family == block.family && block.addresses.isSubset(of: $0.addresses) }) {
                diagnostics.append(cursor.error("subnet block \(block) is outside every CIDR of \(vpc.id)"))
            }
            if let tableID = subnet.routeTable, let table = topology.routeTables[tableID], table.vpc != subnet.vpc {
                diagnostics.append(cursor.error("route table \(tableID) is in \(table.vpc), but the subnet is in \(subnet.vpc)"))
            }
            if let aclID = subnet.networkACL, let acl = topology.networkACLs[aclID], acl.vpc != subnet.vpc {
                diagnostics.append(cursor.error("network ACL \(aclID) is in \(acl.vpc), but the subnet is in \(subnet.vpc)"))
            }
        }
        for interface in Topology.sortedValues(topology.networkInterfaces) {
            guard let cursor = location(of: .networkInterface, interface.id.rawValue),
                let subnet = topology.subnets[interface.subnet]
            else { continue }
            for address in interface.privateIPv4 + interface.ipv6 where !subnet.addresses.contains(address) {
                diagnostics.append(cursor.error("address \(address) is outside subnet \(subnet.id) (\(subnet.cidrs.map(\.description).joined(separator: ", ")))"))
            }
            for group in interface.securityGroups {
                if topology.outsideGroups[group] != nil {
                    diagnostics.append(cursor.error("\(group) is an outside group (a rule peer whose members are not in the input); an interface carries security groups"))
                }
                if let owner = topology.securityGroups[group]?.vpc, owner != subnet.vpc {
                    diagnostics.append(cursor.error("security group \(group) is in \(owner), but the interface is in \(subnet.vpc)"))
                }
            }
        }
        // Each VPC's main tables, default ACLs and gateways, in id order, grouped once.
        let mainsByVPC = Dictionary(grouping: Topology.sortedValues(topology.routeTables).filter(\.isMain), by: \.vpc)
        let defaultsByVPC = Dictionary(grouping: Topology.sortedValues(topology.networkACLs).filter(\.isDefault), by: \.vpc)
        let gatewaysByVPC = Dictionary(grouping: Topology.sortedValues(topology.internetGateways), by: \.vpc)
        for vpc in Topology.sortedValues(topology.vpcs) {
            let mains = mainsByVPC[vpc.id] ?? []
            if mains.count > 1, let cursor = location(of: .routeTable, mains[1].id.rawValue) {
                diagnostics.append(cursor.error("\(vpc.id) already has main route table \(mains[0].id); a VPC has exactly one"))
            }
            let defaults = defaultsByVPC[vpc.id] ?? []
            if defaults.count > 1, let cursor = location(of: .networkACL, defaults[1].id.rawValue) {
                diagnostics.append(cursor.error("\(vpc.id) already has default network ACL \(defaults[0].id); a VPC has exactly one"))
            }
            let gateways = gatewaysByVPC[vpc.id] ?? []
            if gateways.count > 1, let cursor = location(of: .internetGateway, gateways[1].id.rawValue) {
                diagnostics.append(cursor.error("\(vpc.id) already has internet gateway \(gateways[0].id); a VPC has at most one"))
            }
        }
        for cluster in Topology.sortedValues(topology.emrClusters) {
            guard let cursor = location(of: .emrCluster, cluster.id.rawValue) else { continue }
            for node in cluster.nodes {
                if let interface = topology.networkInterfaces[node.networkInterface],
                    !cluster.subnets.contains(interface.subnet)
                {
                    diagnostics.append(cursor.error("node interface \(interface.id) is in \(interface.subnet), which is not one of the cluster's subnets"))
                }
            }
        }
    }

    private mutating func checkGatewaysAndAttachments() {
        for attachment in Topology.sortedValues(topology.transitGatewayAttachments) {
            guard case .vpc(let vpc, let subnets?) = attachment.resource,
                let cursor = location(of: .transitGatewayAttachment, attachment.id.rawValue)
            else { continue }
            var zones: [String: SubnetID] = [:]
            for subnetID in subnets {
                guard let subnet = topology.subnets[subnetID] else { continue }
                if subnet.vpc != vpc {
                    diagnostics.append(cursor.error("attachment subnet \(subnetID) is in \(subnet.vpc), not \(vpc)"))
                }
                guard let zone = subnet.availabilityZone else { continue }
                if let other = zones[zone] {
                    diagnostics.append(cursor.error("subnets \(other) and \(subnetID) are both in \(zone); an attachment has one subnet per Availability Zone"))
                }
                zones[zone] = subnetID
            }
        }
        for table in Topology.sortedValues(topology.transitGatewayRouteTables) {
            guard let cursor = location(of: .transitGatewayRouteTable, table.id.rawValue) else { continue }
            for attachmentID in table.associations + table.propagations {
                if let attachment = topology.transitGatewayAttachments[attachmentID],
                    attachment.transitGateway != table.transitGateway
                {
                    diagnostics.append(cursor.error("\(attachmentID) belongs to \(attachment.transitGateway), not \(table.transitGateway)"))
                }
            }
        }
        var associated: [TransitGatewayAttachmentID: TransitGatewayRouteTableID] = [:]
        for table in Topology.sortedValues(topology.transitGatewayRouteTables) {
            for attachmentID in table.associations {
                if let other = associated[attachmentID], let cursor = location(of: .transitGatewayRouteTable, table.id.rawValue) {
                    diagnostics.append(cursor.error("\(attachmentID) is already associated with \(other); an attachment has one route table"))
                }
                associated[attachmentID] = table.id
            }
        }
    }

    private mutating func warnAboutQuestionableDesigns() {
        // An exported account always has unused default groups; only a hand-written design
        // is worth warning about them.
        guard !isImported else { return }
        var usedGroups = Set<SecurityGroupID>()
        for interface in topology.networkInterfaces.values { usedGroups.formUnion(interface.securityGroups) }
        for endpoint in topology.vpcEndpoints.values { usedGroups.formUnion(endpoint.securityGroups) }
        for cluster in topology.emrClusters.values {
            usedGroups.formUnion(EMRCluster.Role.allCases.flatMap { cluster.securityGroups(for: $0) })
            if let group = cluster.serviceAccessGroup { usedGroups.insert(group) }
        }
        for group in Topology.sortedValues(topology.securityGroups) where !usedGroups.contains(group.id) {
            if let cursor = location(of: .securityGroup, group.id.rawValue) {
                diagnostics.append(cursor.warning("security group \(group.id) is attached to nothing"))
            }
        }
        // Only blocks the input gives can overlap: an unknown one stands for "somewhere in
        // the VPC's".
        // Pairs within one VPC only, VPC by VPC, each subnet against those after it in id order.
        let subnetsByVPC = Dictionary(grouping: Topology.sortedValues(topology.subnets), by: \.vpc)
        for vpc in subnetsByVPC.keys.sorted() {
            let subnets = subnetsByVPC[vpc] ?? []
            let known = subnets.map { $0.addresses.subtracting($0.unknownAddresses) }
            for (index, subnet) in subnets.enumerated() {
                for (offset, other) in subnets[(index + 1)...].enumerated() where known[index].intersects(known[index + 1 + offset]) {
                    if let cursor = location(of: .subnet, other.id.rawValue) {
                        diagnostics.append(cursor.warning("subnet \(other.id) overlaps \(subnet.id); AWS does not allow overlapping subnets in one VPC"))
                    }
                }
            }
        }
        for tenant in topology.tenants {
            let used = topology.vpcs.values.contains { $0.tenant == tenant }
                || topology.subnets.values.contains { $0.tenant == tenant }
                || topology.networkInterfaces.values.contains { $0.tenant == tenant }
            if !used, let cursor = location(of: .tenant, tenant) {
                diagnostics.append(cursor.warning("tenant \"\(tenant)\" owns no VPC, subnet or interface"))
            }
        }
    }

    /// States what the analysis assumes where the input is silent (semantics, section 1).
    private mutating func fillGaps() {
        for vpc in Topology.sortedValues(topology.vpcs) {
            let subnets = topology.subnets.values.filter { $0.vpc == vpc.id }.map(\.id).sorted()
            if !topology.routeTables.values.contains(where: { $0.vpc == vpc.id && $0.isMain }),
                let orphan = subnets.first(where: { topology.subnets[$0]?.routeTable == nil })
            {
                topology.assumptions.append(
                    "\(vpc.id) has no main route table in the input; for subnets without an association (such as \(orphan)) routing beyond the local routes is unknown")
            }
            if !topology.networkACLs.values.contains(where: { $0.vpc == vpc.id && $0.isDefault }),
                let orphan = subnets.first(where: { topology.subnets[$0]?.networkACL == nil })
            {
                topology.assumptions.append(
                    "\(vpc.id) has no default network ACL in the input; subnets without an association (such as \(orphan)) are assumed to allow all traffic")
            }
        }
        for attachment in Topology.sortedValues(topology.transitGatewayAttachments) {
            guard case .outside(let type, _) = attachment.resource else { continue }
            // Replies may reach it by a known route, or by a route of a table whose routes
            // are unknown; routes it propagates over BGP are not assumed (semantics, section 1).
            let tables = Topology.sortedValues(topology.transitGatewayRouteTables).filter { $0.transitGateway == attachment.transitGateway }
            let leadsThere = { (table: TransitGatewayRouteTable) in table.routes.contains { $0.attachment == attachment.id } }
            let learning = tables.filter { $0.routesAreKnown && $0.propagations.contains(attachment.id) && !leadsThere($0) }.map(\.id.rawValue)
            let learned = learning.isEmpty
                ? ""
                : "; the routes it propagates into \(learning.joined(separator: ", ")) over BGP are not in the input and none is assumed (add the prefixes it advertises as routes of the table to analyse traffic from it)"
            if !tables.contains(where: { !$0.routesAreKnown || leadsThere($0) }) {
                topology.assumptions.append("no transit gateway route leads to \(attachment.id) (\(type))\(learned), so replies never reach what is behind it")
            } else if !learning.isEmpty {
                topology.assumptions.append("\(attachment.id) (\(type)) is reached only where the input routes to it\(learned)")
            }
        }
        for connection in Topology.sortedValues(topology.vpnConnections) where connection.knownPrefixes.isEmpty {
            topology.assumptions.append(
                "\(connection.id) declares no static routes or on-premises prefixes; onprem:\(connection.id) is taken as every address its gateway's VPCs route to it, and no BGP-learned route is assumed")
        }
    }

    /// A planned cluster has no nodes yet: EMR will place a primary and core nodes in its
    /// first subnet with the managed groups, and give every node a public IPv4 address iff
    /// that subnet routes 0.0.0.0/0 to an internet gateway (EMR addresses all the nodes of
    /// a cluster in a public subnet).
    private mutating func synthesizePlannedClusterNodes() {
        for cluster in Topology.sortedValues(topology.emrClusters) where cluster.nodes.isEmpty {
            guard let subnetID = cluster.subnets.first, let subnet = topology.subnets[subnetID] else { continue }
            let isPublic = topology.routesDefaultToInternetGateway(subnet)
            let hasIPv6 = subnet.cidrs.contains { $0.family == .ipv6 }
            var nodes: [EMRCluster.Node] = []
            for role in [EMRCluster.Role.primary, .core] {
                let id = NetworkInterfaceID("\(cluster.id)/\(role.rawValue)")
                topology.networkInterfaces[id] = NetworkInterface(
                    id: id, subnet: subnetID, role: .emrNode, privateIPv4: [], ipv6: [],
                    securityGroups: cluster.securityGroups(for: role), addressIsPlanned: true,
                    plannedPublicIPv4: isPublic)
                nodes.append(EMRCluster.Node(role: role, networkInterface: id))
            }
            topology.emrClusters[cluster.id] = EMRCluster(
                id: cluster.id, name: cluster.name, releaseLabel: cluster.releaseLabel, subnets: cluster.subnets,
                primaryGroup: cluster.primaryGroup, coreGroup: cluster.coreGroup,
                serviceAccessGroup: cluster.serviceAccessGroup,
                additionalPrimaryGroups: cluster.additionalPrimaryGroups,
                additionalCoreGroups: cluster.additionalCoreGroups, nodes: nodes, isPlanned: true,
                isLaunched: cluster.isLaunched)
            let state = cluster.isLaunched
                ? "is running but its nodes are not in the input"
                : "is planned, not launched"
            topology.assumptions.append(
                "\(cluster.id) \(state): its primary and core nodes are modelled in \(subnetID) at any address of the subnet\(hasIPv6 ? " (IPv6 included)" : ""), \(isPublic ? "with" : "without") a public IPv4 address since the subnet \(isPublic ? "routes" : "does not route") 0.0.0.0/0 to an internet gateway")
        }
    }
}
