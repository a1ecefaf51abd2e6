import ExposureModel

/// VPCs, subnets, route tables, network ACLs and prefix lists.
extension AWSBundleLoader {
    mutating func translateVPCs() {
        for (id, record) in unique(.vpcs) {
            let cursor = record.cursor
            var cidrs = list(cursor, "CidrBlockAssociationSet")
                .filter { isLive($0.field("CidrBlockState") ?? $0, ["associated", "associating"]) }
                .compactMap { string($0, "CidrBlock") }
            if cidrs.isEmpty, let primary = string(cursor, "CidrBlock") { cidrs = [primary] }
            cidrs += list(cursor, "Ipv6CidrBlockAssociationSet")
                .filter { isLive($0.field("Ipv6CidrBlockState") ?? $0, ["associated", "associating"]) }
                .compactMap { string($0, "Ipv6CidrBlock") }
            let account = owner(of: record)
            if let account { vpcOwners[id] = account }
            let tenant = tenantOptions.mapping.vpcs[id].map { use(tenant: $0, description: "VPC \(id)") }
                ?? taggedTenant(cursor) ?? accountTenant(account)
            vpcBlocks[id] = Array(Set(cidrs)).sorted()
            emit(.vpcs, id: id, .object([
                ("id", .string(id)), ("cidrs", .strings(Array(Set(cidrs)).sorted())),
                ("tenant", tenant.map(JSONValue.string)), ("account", account.map(JSONValue.string)),
            ]), origin: cursor)
        }
    }

    /// Which route table and network ACL each subnet is explicitly associated with.
    func subnetAssociations() -> (tables: [String: String], acls: [String: String]) {
        var tables: [String: String] = [:]
        for (id, record) in unique(.routeTables) {
            for association in list(record.cursor, "Associations") {
                if let subnet = string(association, "SubnetId"), tables[subnet] == nil { tables[subnet] = id }
            }
        }
        var acls: [String: String] = [:]
        for (id, record) in unique(.networkACLs) {
            for association in list(record.cursor, "Associations") {
                if let subnet = string(association, "SubnetId"), acls[subnet] == nil { acls[subnet] = id }
            }
        }
        return (tables, acls)
    }

    mutating func translateSubnets() {
        let (tables, acls) = subnetAssociations()
        for (id, record) in unique(.subnets) {
            let cursor = record.cursor
            guard let vpc = emittedVPC(of: cursor, "subnet \(id)") else { continue }
            var cidrs = [string(cursor, "CidrBlock")].compactMap { $0 }
            cidrs += list(cursor, "Ipv6CidrBlockAssociationSet")
                .filter { isLive($0.field("Ipv6CidrBlockState") ?? $0, ["associated", "associating"]) }
                .compactMap { string($0, "Ipv6CidrBlock") }
            let account = owner(of: record)
            var tenant = tenantOptions.mapping.subnets[id].map { use(tenant: $0, description: "subnet \(id)") } ?? taggedTenant(cursor)
            if tenant == nil, let account, let vpcOwner = vpcOwners[vpc], account != vpcOwner {
                tenant = accountTenant(account)
            }
            subnetBlocks[id] = AddressSet(cidrs: cidrs.compactMap(CIDR.init))
            subnetVPCs[id] = vpc
            emit(.subnets, id: id, .object([
                ("id", .string(id)), ("vpc", .string(vpc)), ("cidrs", .strings(cidrs)),
                ("availabilityZone", .string(string(cursor, "AvailabilityZone") ?? "unknown")),
                ("routeTable", tables[id].map(JSONValue.string)), ("networkAcl", acls[id].map(JSONValue.string)),
                ("tenant", tenant.map(JSONValue.string)),
            ]), origin: cursor)
        }
    }

    mutating func translateRouteTables() {
        for (id, record) in unique(.routeTables) {
            let cursor = record.cursor
            guard let vpc = emittedVPC(of: cursor, "route table \(id)") else { continue }
            let isMain = list(cursor, "Associations").contains { $0.value["Main"]?.boolValue == true }
            var routes: [JSONValue] = []
            for route in list(cursor, "Routes") {
                if let value = translateRoute(route, table: id, vpc: vpc) { routes.append(value) }
            }
            let propagating = strings(cursor, "PropagatingVgws", "GatewayId").filter { isEmitted(.vpnGateways, $0) }
            emit(.routeTables, id: id, .object([
                ("id", .string(id)), ("vpc", .string(vpc)), ("main", isMain ? .bool(true) : nil),
                ("routes", .array(routes)),
                ("propagatingGateways", propagating.isEmpty ? nil : .strings(propagating)),
            ]), origin: cursor)
        }
    }

    /// The fields naming a route's target, most specific first (AWS sets both the
    /// interface and the instance for a route to an instance).
    private static let targetFields: [(field: String, collection: Collection?)] = [
        ("NetworkInterfaceId", .networkInterfaces), ("NatGatewayId", .natGateways),
        ("EgressOnlyInternetGatewayId", .egressOnlyInternetGateways), ("TransitGatewayId", .transitGateways),
        ("VpcPeeringConnectionId", .peeringConnections), ("GatewayId", nil), ("InstanceId", nil),
        ("CarrierGatewayId", nil), ("LocalGatewayId", nil), ("CoreNetworkArn", nil),
    ]

    private mutating func translateRoute(_ route: JSONCursor, table: String, vpc: String) -> JSONValue? {
        let destination: (String, JSONValue)
        if let cidr = string(route, "DestinationCidrBlock") ?? string(route, "DestinationIpv6CidrBlock") {
            destination = ("destination", .string(cidr))
        } else if let list = string(route, "DestinationPrefixListId") {
            referencedPrefixLists[list] = referencedPrefixLists[list] ?? route
            destination = ("prefixList", .string(list))
        } else {
            diagnostics.append(route.warning("a route with no destination is ignored"))
            return nil
        }
        guard let (entry, target) = AWSBundleLoader.targetFields.lazy.compactMap({ entry in route.value[entry.field]?.stringValue.map { (entry, $0) } }).first else {
            diagnostics.append(route.warning("a route with no target is ignored"))
            return nil
        }
        let isBlackhole = string(route, "State") == "blackhole"
        var known: Bool
        switch entry.field {
        case "GatewayId":
            known = target == "local" || isEmitted(.internetGateways, target) || isEmitted(.vpnGateways, target) || isEmitted(.vpcEndpoints, target)
        case "InstanceId":
            known = isEmitted(.networkInterfaces, target) || instanceInterfaces.contains(target)
        case "CarrierGatewayId", "LocalGatewayId", "CoreNetworkArn":
            known = true
        default:
            known = entry.collection.map { isEmitted($0, target) } ?? false
        }
        if known, let attached = gatewayVPCs[target], attached != vpc {
            // A gateway serves only the VPC it is attached to; an export that says otherwise
            // is inconsistent, and the route's traffic is not decided by it.
            diagnostics.append(route.warning("\(target) is attached to \(attached), not to \(vpc) whose table \(table) routes to it; traffic this route carries is `unknown`"))
            known = false
        } else if !known && !isBlackhole {
            diagnostics.append(route.warning("route target \(target) is not in the input; traffic this route carries is `unknown`"))
        }
        return .object([
            destination, ("target", .string(target)),
            ("blackhole", isBlackhole ? .bool(true) : nil),
            ("outsideInput", known ? nil : .bool(true)),
        ])
    }

    mutating func translateNetworkACLs() {
        for (id, record) in unique(.networkACLs) {
            let cursor = record.cursor
            guard let vpc = emittedVPC(of: cursor, "network ACL \(id)") else { continue }
            var inbound: [JSONValue] = []
            var outbound: [JSONValue] = []
            for entry in list(cursor, "Entries") {
                guard let rule = entry.value["RuleNumber"]?.intValue else { continue }
                // 32767 is the implicit deny, which the native format does not write.
                guard rule < 32767 else { continue }
                let isEgress = entry.value["Egress"]?.boolValue == true
                guard let cidr = string(entry, "CidrBlock") ?? string(entry, "Ipv6CidrBlock") else {
                    // Skipping it would drop a deny as readily as an allow.
                    diagnostics.append(entry.error("an ACL entry needs \"CidrBlock\" or \"Ipv6CidrBlock\""))
                    continue
                }
                let from = entry.value["PortRange"]?["From"]?.intValue
                let to = entry.value["PortRange"]?["To"]?.intValue
                if let problem = AWSBundleLoader.portProblem(protocol: string(entry, "Protocol"), from: from, to: to, fields: ("PortRange.From", "PortRange.To")) {
                    diagnostics.append(entry.error(problem))
                    continue
                }
                var members: [(String, JSONValue?)] = [
                    ("rule", .number(rule)), ("action", .string(string(entry, "RuleAction") ?? "deny")),
                ]
                members += NativeTraffic.members(
                    protocol: string(entry, "Protocol") ?? "-1",
                    fromPort: from, toPort: to,
                    icmpType: entry.value["IcmpTypeCode"]?["Type"]?.intValue, icmpCode: entry.value["IcmpTypeCode"]?["Code"]?.intValue)
                members.append(("cidr", .string(cidr)))
                if isEgress { outbound.append(.object(members)) } else { inbound.append(.object(members)) }
            }
            let isDefault = cursor.value["IsDefault"]?.boolValue == true
            emit(.networkAcls, id: id, .object([
                ("id", .string(id)), ("vpc", .string(vpc)), ("default", isDefault ? .bool(true) : nil),
                ("inbound", .array(inbound)), ("outbound", .array(outbound)),
            ]), origin: cursor)
        }
    }

    /// Declares every prefix list the bundle lists, then those only referenced, whose
    /// entries are unknown.
    mutating func declarePrefixLists() {
        var entries: [String: [String]] = [:]
        var entryOrigins: [String: JSONCursor] = [:]
        for record in bundle.records(.prefixListEntries) {
            guard let owner = record.context.owner else {
                diagnostics.append(record.cursor.warning("prefix list entries that do not say their list are ignored: add \"PrefixListId\" beside \"Entries\" or put the pl- id in the file name"))
                continue
            }
            if let cidr = string(record.cursor, "Cidr") { entries[owner, default: []].append(cidr) }
            entryOrigins[owner] = entryOrigins[owner] ?? record.cursor
        }
        var lists: [String: (name: String?, cidrs: [String]?, origin: JSONCursor)] = [:]
        for key in [AWSKey.prefixLists, .managedPrefixLists, .prefixListIDs] {
            for (id, record) in unique(key) where lists[id] == nil {
                let cidrs = record.cursor.value["Cidrs"] == nil ? entries[id] : stringList(record.cursor, "Cidrs")
                lists[id] = (string(record.cursor, "PrefixListName"), cidrs, record.cursor)
            }
        }
        for (id, cidrs) in entries where lists[id] == nil {
            if let origin = entryOrigins[id] { lists[id] = (nil, cidrs, origin) }
        }
        for (id, origin) in referencedPrefixLists where lists[id] == nil {
            lists[id] = (nil, nil, origin)
        }
        for (id, list) in lists.sorted(by: { $0.key < $1.key }) {
            if list.cidrs == nil, referencedPrefixLists[id] != nil {
                diagnostics.append(list.origin.warning("the entries of prefix list \(id) are not in the input, so verdicts that depend on it are `unknown`; export them with `aws ec2 get-managed-prefix-list-entries --prefix-list-id \(id)` (managed lists) or `aws ec2 describe-prefix-lists --prefix-list-ids \(id)` (AWS service lists)"))
            }
            emit(.prefixLists, id: id, .object([
                ("id", .string(id)), ("name", list.name.map(JSONValue.string)),
                ("entries", list.cidrs.map { .strings(Array(Set($0)).sorted()) }),
            ]), origin: list.origin)
        }
    }
}
