import ExposureModel

/// VPCs, subnets, prefix lists, route tables and network ACLs of a plan.
extension TerraformPlanLoader {
    mutating func translateVPCs() {
        var extra: [String: [String]] = [:]
        for association in resources("aws_vpc_ipv6_cidr_block_association") + resources("aws_vpc_ipv4_cidr_block_association") {
            guard let vpc = reference(association, [.key("vpc_id")]) else { continue }
            if let block = string(association, "ipv6_cidr_block") ?? string(association, "cidr_block") {
                extra[vpc, default: []].append(block)
            } else {
                diagnostics.append(association.values.warning("the block of \(association.address) is assigned by AWS at apply; addresses in it are not modelled"))
            }
        }
        for vpc in resources("aws_vpc") {
            var cidrs = [string(vpc, "cidr_block"), string(vpc, "ipv6_cidr_block")].compactMap { $0 } + (extra[vpc.address] ?? [])
            // Blocks AWS assigns at apply (IPAM, Amazon-provided IPv6) are unknown, not absent;
            // subnets with known blocks still say where part of it is.
            var unknown: [(String, JSONValue?)] = []
            if string(vpc, "cidr_block") == nil, !cidrs.contains(where: { !$0.contains(":") }) {
                let known = resources("aws_subnet").filter { reference($0, [.key("vpc_id")]) == vpc.address }.compactMap { string($0, "cidr_block") }
                if !known.isEmpty {
                    diagnostics.append(vpc.values.warning("the IPv4 block of \(vpc.address) is known only after apply; it is taken as its subnets' blocks (\(known.sorted().joined(separator: ", ")))"))
                    cidrs += known
                }
            }
            if string(vpc, "cidr_block") == nil, !cidrs.contains(where: { !$0.contains(":") }) {
                unknown.append(("ipv4", .string("\(vpc.address).cidr_block is known only after apply")))
                diagnostics.append(vpc.values.warning("the IPv4 block of \(vpc.address) is known only after apply (IPAM); verdicts that depend on its addresses are `unknown`"))
            }
            if bool(vpc, "assign_generated_ipv6_cidr_block") == true || plan.isUnknown(vpc, [.key("ipv6_cidr_block")]),
                string(vpc, "ipv6_cidr_block") == nil, !cidrs.contains(where: { $0.contains(":") })
            {
                unknown.append(("ipv6", .string("\(vpc.address).ipv6_cidr_block is known only after apply")))
                diagnostics.append(vpc.values.warning("the IPv6 block of \(vpc.address) is assigned by AWS at apply; verdicts that depend on its IPv6 addresses are `unknown`"))
            }
            if !unknown.isEmpty { vpcUnknownFamilies[vpc.address] = Set(unknown.map(\.0)) }
            emit(.vpcs, vpc, [
                ("cidrs", .strings(cidrs)), ("unknownCidrs", unknown.isEmpty ? nil : .object(unknown)),
                ("tenant", tenant(of: vpc, mapping: tenantOptions.mapping.vpcs).map(JSONValue.string)),
            ])
        }
    }

    mutating func translateSubnets() {
        var tables: [String: String] = [:]
        for association in resources("aws_route_table_association") {
            if let subnet = reference(association, [.key("subnet_id")]), let table = reference(association, [.key("route_table_id")]) { tables[subnet] = table }
        }
        var acls: [String: String] = [:]
        for acl in resources("aws_network_acl") + resources("aws_default_network_acl") {
            for subnet in references(acl, [.key("subnet_ids")]) { acls[subnet] = acl.address }
        }
        for association in resources("aws_network_acl_association") {
            if let subnet = reference(association, [.key("subnet_id")]), let acl = reference(association, [.key("network_acl_id")]) { acls[subnet] = acl }
        }
        for subnet in resources("aws_subnet") {
            guard let vpc = reference(subnet, [.key("vpc_id")]), has(.vpcs, vpc) else {
                skip(subnet, "its VPC is not in the plan")
                continue
            }
            var cidrs = [string(subnet, "cidr_block"), string(subnet, "ipv6_cidr_block")].compactMap { $0 }
            // A block known only after apply lies somewhere in the VPC's block of that family.
            var unknown: [(String, JSONValue?)] = []
            if string(subnet, "cidr_block") == nil, plan.isUnknown(subnet, [.key("cidr_block")]) || cidrs.isEmpty {
                unknown.append(("ipv4", .string("\(subnet.address).cidr_block is known only after apply")))
                diagnostics.append(subnet.values.warning("the IPv4 block of \(subnet.address) is known only after apply; verdicts about interfaces that may take any of its addresses are `unknown`"))
            }
            if string(subnet, "ipv6_cidr_block") == nil, plan.isUnknown(subnet, [.key("ipv6_cidr_block")]) {
                unknown.append(("ipv6", .string("\(subnet.address).ipv6_cidr_block is known only after apply")))
                diagnostics.append(subnet.values.warning("the IPv6 block of \(subnet.address) is known only after apply; verdicts about its IPv6 addresses are `unknown`"))
            }
            cidrs = Array(Set(cidrs)).sorted()
            if unknown.contains(where: { $0.0 == "ipv4" }) || vpcUnknownFamilies[vpc]?.contains("ipv4") == true {
                subnetsWithUnknownIPv4.insert(subnet.address)
            }
            emit(.subnets, subnet, [
                ("vpc", .string(vpc)), ("cidrs", .strings(cidrs)), ("unknownCidrs", unknown.isEmpty ? nil : .object(unknown)),
                ("availabilityZone", string(subnet, "availability_zone").map(JSONValue.string)),
                ("routeTable", tables[subnet.address].map(JSONValue.string)), ("networkAcl", acls[subnet.address].map(JSONValue.string)),
                ("tenant", tenant(of: subnet, mapping: tenantOptions.mapping.subnets).map(JSONValue.string)),
            ])
        }
    }

    mutating func translatePrefixLists() {
        var entries: [String: [String]] = [:]
        for entry in resources("aws_ec2_managed_prefix_list_entry") {
            if let list = reference(entry, [.key("prefix_list_id")]), let cidr = string(entry, "cidr") { entries[list, default: []].append(cidr) }
        }
        for list in resources("aws_ec2_managed_prefix_list") {
            var cidrs = entries[list.address] ?? []
            if case .array(let items)? = value(list, [.key("entry")])?.kind {
                cidrs += items.compactMap { $0["cidr"]?.stringValue }
            }
            emit(.prefixLists, list, [("name", string(list, "name").map(JSONValue.string)), ("entries", .strings(Array(Set(cidrs)).sorted()))])
        }
    }

    /// The target fields of a route, as Terraform names them.
    private static let routeTargets = [
        "gateway_id", "nat_gateway_id", "egress_only_gateway_id", "transit_gateway_id", "vpc_peering_connection_id",
        "network_interface_id", "vpc_endpoint_id", "instance_id", "carrier_gateway_id", "local_gateway_id", "core_network_arn",
    ]

    /// A native route from an inline `route` block or an `aws_route`.
    private mutating func route(_ resource: Resource, _ path: [Step]) -> JSONValue? {
        let destination: (String, JSONValue)
        if let cidr = string(resource, path + [.key("cidr_block")]) ?? string(resource, path + [.key("destination_cidr_block")])
            ?? string(resource, path + [.key("ipv6_cidr_block")]) ?? string(resource, path + [.key("destination_ipv6_cidr_block")])
        {
            destination = ("destination", .string(cidr))
        } else if let list = reference(resource, path + [.key("destination_prefix_list_id")]), has(.prefixLists, list) || list.hasPrefix("pl-") {
            if !has(.prefixLists, list) {
                builder.add(.prefixLists, id: list, .object([("id", .string(list))]), origin: resource.values)
                diagnostics.append(resource.values.warning("the entries of prefix list \(list) are not in the plan, so verdicts that depend on it are `unknown`"))
            }
            destination = ("prefixList", .string(list))
        } else {
            destination = ("prefixList", .string(unknownList(resource, "destination")))
        }
        for field in TerraformPlanLoader.routeTargets {
            guard let target = reference(resource, path + [.key(field)]) else {
                if plan.isUnknown(resource, path + [.key(field)]) || !TerraformPlan.references(resource.expressions, at: path + [.key(field)]).isEmpty {
                    diagnostics.append(cursor(resource, path).warning("the \(field) of a route in \(resource.address) cannot be linked to a resource in the plan; the route's traffic is `unknown`"))
                    return .object([destination, ("target", .string("\(resource.address).\(field)")), ("outsideInput", .bool(true))])
                }
                continue
            }
            let known = target == "local" || [.internetGateways, .egressOnlyInternetGateways, .natGateways, .vpnGateways, .peeringConnections, .transitGateways, .vpcEndpoints, .networkInterfaces].contains { has($0, target) }
                || instancesWithInterfaces.contains(target)
            if !known { diagnostics.append(cursor(resource, path).warning("route target \(target) in \(resource.address) is not in the plan; the route's traffic is `unknown`")) }
            return .object([destination, ("target", .string(target)), ("outsideInput", known ? nil : .bool(true))])
        }
        diagnostics.append(cursor(resource, path).warning("a route in \(resource.address) has no target; it is left out"))
        return nil
    }

    mutating func translateRouteTables() {
        var extraRoutes: [String: [JSONValue]] = [:]
        for route in resources("aws_route") {
            guard let table = reference(route, [.key("route_table_id")]) else { continue }
            if let value = self.route(route, []) { extraRoutes[table, default: []].append(value) }
        }
        var propagating: [String: [String]] = [:]
        for propagation in resources("aws_vpn_gateway_route_propagation") {
            if let table = reference(propagation, [.key("route_table_id")]), let gateway = reference(propagation, [.key("vpn_gateway_id")]) { propagating[table, default: []].append(gateway) }
        }
        var mains: [String: String] = [:]
        for association in resources("aws_main_route_table_association") {
            if let vpc = reference(association, [.key("vpc_id")]), let table = reference(association, [.key("route_table_id")]) { mains[vpc] = table }
        }
        var withMain = Set<String>()
        for table in resources("aws_route_table") + resources("aws_default_route_table") {
            let isDefault = table.type == "aws_default_route_table"
            let vpc = isDefault ? reference(table, [.key("default_route_table_id")]) : reference(table, [.key("vpc_id")])
            guard let vpc, has(.vpcs, vpc) else {
                skip(table, "its VPC is not in the plan")
                continue
            }
            if mains[vpc].map({ $0 == table.address }) ?? isDefault { withMain.insert(vpc) }
            var routes: [JSONValue] = []
            if case .array(let items)? = value(table, [.key("route")])?.kind {
                for index in items.indices { if let value = route(table, [.key("route"), .index(index)]) { routes.append(value) } }
            }
            routes += extraRoutes[table.address] ?? []
            let gateways = (strings(table, [.key("propagating_vgws")]).isEmpty ? references(table, [.key("propagating_vgws")]) : strings(table, [.key("propagating_vgws")])) + (propagating[table.address] ?? [])
            let isMain = mains[vpc].map { $0 == table.address } ?? isDefault
            emit(.routeTables, table, [
                ("vpc", .string(vpc)), ("main", isMain ? .bool(true) : nil), ("routes", .array(routes)),
                ("propagatingGateways", gateways.isEmpty ? nil : .strings(Array(Set(gateways.filter { has(.vpnGateways, $0) })).sorted())),
            ])
        }
        // A VPC the plan creates gets AWS's main table (the local routes) unless the plan
        // manages it; written out, since a VPC without a main table has unknown routing.
        for vpc in resources("aws_vpc") where has(.vpcs, vpc.address) && !withMain.contains(vpc.address) {
            let id = "\(vpc.address)/main-route-table"
            builder.add(.routeTables, id: id, .object([("id", .string(id)), ("vpc", .string(vpc.address)), ("main", .bool(true)), ("routes", .array([]))]), origin: vpc.values)
        }
    }

    mutating func translateNetworkACLs() {
        var extra: [String: (inbound: [JSONValue], outbound: [JSONValue])] = [:]
        for rule in resources("aws_network_acl_rule") {
            guard let acl = reference(rule, [.key("network_acl_id")]), let entry = aclEntry(rule, [], number: "rule_number", action: "rule_action") else { continue }
            if bool(rule, "egress") == true { extra[acl, default: ([], [])].outbound.append(entry) } else { extra[acl, default: ([], [])].inbound.append(entry) }
        }
        for acl in resources("aws_network_acl") + resources("aws_default_network_acl") {
            let isDefault = acl.type == "aws_default_network_acl"
            let vpc = isDefault ? reference(acl, [.key("default_network_acl_id")]) : reference(acl, [.key("vpc_id")])
            guard let vpc, has(.vpcs, vpc) else {
                skip(acl, "its VPC is not in the plan")
                continue
            }
            func entries(_ key: String, _ loader: inout TerraformPlanLoader) -> [JSONValue] {
                guard case .array(let items)? = loader.value(acl, [.key(key)])?.kind else { return [] }
                return items.indices.compactMap { loader.aclEntry(acl, [.key(key), .index($0)], number: "rule_no", action: "action") }
            }
            emit(.networkAcls, acl, [
                ("vpc", .string(vpc)), ("default", isDefault ? .bool(true) : nil),
                ("inbound", .array(entries("ingress", &self) + (extra[acl.address]?.inbound ?? []))),
                ("outbound", .array(entries("egress", &self) + (extra[acl.address]?.outbound ?? []))),
            ])
        }
    }

    /// An ACL entry. An unknown CIDR is read as "anywhere" for an allow and left out for a
    /// deny: either way no traffic that could pass is reported blocked.
    private mutating func aclEntry(_ resource: Resource, _ path: [Step], number: String, action: String) -> JSONValue? {
        guard let rule = value(resource, path + [.key(number)])?.intValue else {
            // Where an entry sits decides what it overrides; without its number it cannot be
            // placed, and leaving it out could drop a deny.
            let when = plan.isUnknown(resource, path + [.key(number)]) ? "is known only after apply" : "is missing"
            diagnostics.append(cursor(resource, path).error("the \(number) of an ACL entry of \(resource.address) \(when); give it in the configuration"))
            return nil
        }
        let verb = string(resource, path + [.key(action)]) ?? "deny"
        var cidr = string(resource, path + [.key("cidr_block")]) ?? string(resource, path + [.key("ipv6_cidr_block")])
        if cidr == nil {
            diagnostics.append(cursor(resource, path).warning("the CIDR of rule \(rule) in \(resource.address) is known only after apply; \(verb == "allow" ? "it is read as 0.0.0.0/0" : "the deny is left out")"))
            guard verb == "allow" else { return nil }
            cidr = "0.0.0.0/0"
        }
        guard let traffic = protocolMembers(resource, path, protocolKey: "protocol") else { return nil }
        var members: [(String, JSONValue?)] = [("rule", .number(rule)), ("action", .string(verb))]
        members += traffic
        members.append(("cidr", .string(cidr ?? "0.0.0.0/0")))
        return .object(members)
    }

    /// The traffic members from Terraform's `protocol` (or `ip_protocol`), `from_port`,
    /// `to_port`, `icmp_type` and `icmp_code`; ICMP rules of groups put the type and code in
    /// the ports. TCP and UDP ports known only after apply are read as every port (with a
    /// warning), never as port 0, which would hide what the rule opens; ports that are
    /// simply missing are an error.
    mutating func protocolMembers(_ resource: Resource, _ path: [Step], protocolKey: String) -> [(String, JSONValue?)]? {
        func number(_ key: String) -> Int? { value(resource, path + [.key(key)])?.intValue }
        let protocolText = string(resource, path + [.key(protocolKey)]) ?? "-1"
        var from = number("from_port")
        var to = number("to_port")
        if let ipProtocol = IPProtocol(parsing: protocolText), ipProtocol.hasPorts, from == nil || to == nil {
            let unknown = ["from_port", "to_port"].filter { plan.isUnknown(resource, path + [.key($0)]) }
            guard !unknown.isEmpty else {
                diagnostics.append(cursor(resource, path).error("a \(ipProtocol) rule of \(resource.address) needs both from_port and to_port"))
                return nil
            }
            diagnostics.append(cursor(resource, path).warning("\(unknown.joined(separator: " and ")) of a \(ipProtocol) rule of \(resource.address) \(unknown.count == 1 ? "is" : "are") known only after apply; the rule is read as every port"))
            (from, to) = (0, 65535)
        }
        return NativeTraffic.members(
            protocol: protocolText, fromPort: from, toPort: to,
            icmpType: number("icmp_type") ?? number("from_port"), icmpCode: number("icmp_code") ?? number("to_port"))
    }
}
