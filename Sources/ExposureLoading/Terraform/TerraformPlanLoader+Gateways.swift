import ExposureModel

/// Gateways, VPNs, peerings, transit gateways and endpoints of a plan.
extension TerraformPlanLoader {
    mutating func translateGateways() {
        for gateway in resources("aws_internet_gateway") {
            guard let vpc = reference(gateway, [.key("vpc_id")]), has(.vpcs, vpc) else { skip(gateway, "it is attached to no VPC in the plan"); continue }
            emit(.internetGateways, gateway, [("vpc", .string(vpc))])
        }
        for gateway in resources("aws_egress_only_internet_gateway") {
            guard let vpc = reference(gateway, [.key("vpc_id")]), has(.vpcs, vpc) else { skip(gateway, "its VPC is not in the plan"); continue }
            emit(.egressOnlyInternetGateways, gateway, [("vpc", .string(vpc))])
        }
        var attachments: [String: String] = [:]
        for attachment in resources("aws_vpn_gateway_attachment") {
            if let gateway = reference(attachment, [.key("vpn_gateway_id")]), let vpc = reference(attachment, [.key("vpc_id")]) { attachments[gateway] = vpc }
        }
        for gateway in resources("aws_vpn_gateway") {
            let vpc = reference(gateway, [.key("vpc_id")]) ?? attachments[gateway.address]
            emit(.vpnGateways, gateway, [("vpc", vpc.flatMap { has(.vpcs, $0) ? JSONValue.string($0) : nil })])
        }
        for gateway in resources("aws_customer_gateway") {
            emit(.customerGateways, gateway, [("ip", string(gateway, "ip_address").map(JSONValue.string))])
        }
        let acceptedInPlan = Set(resources("aws_vpc_peering_connection_accepter").compactMap { reference($0, [.key("vpc_peering_connection_id")]) })
        for peering in resources("aws_vpc_peering_connection") {
            guard let requester = reference(peering, [.key("vpc_id")]), let accepter = reference(peering, [.key("peer_vpc_id")]),
                has(.vpcs, requester), has(.vpcs, accepter)
            else { skip(peering, "one of its VPCs is not in the plan"); continue }
            let accepted = bool(peering, "auto_accept") == true
                || acceptedInPlan.contains(peering.address)
            if !accepted { diagnostics.append(peering.values.warning("\(peering.address) is neither auto-accepted nor accepted in the plan; it is taken as pending, carrying no traffic")) }
            emit(.peeringConnections, peering, [("requesterVpc", .string(requester)), ("accepterVpc", .string(accepter)), ("status", .string(accepted ? "active" : "pending-acceptance"))])
        }
    }

    /// The id of the default route table a transit gateway creates.
    static func defaultRouteTable(of gateway: String) -> String { "\(gateway)/default-route-table" }

    /// The id of the attachment a VPN connection to a transit gateway creates.
    static func vpnAttachment(of connection: String) -> String { "\(connection)/attachment" }

    mutating func translateTransit() {
        for gateway in resources("aws_ec2_transit_gateway") { emit(.transitGateways, gateway, []) }
        // VPN connections first: those on a transit gateway create an attachment.
        var routes: [String: [String]] = [:]
        for route in resources("aws_vpn_connection_route") {
            if let connection = reference(route, [.key("vpn_connection_id")]), let cidr = string(route, "destination_cidr_block") { routes[connection, default: []].append(cidr) }
        }
        var defaultAssociations: [String: [String]] = [:]
        var defaultPropagations: [String: [String]] = [:]
        for connection in resources("aws_vpn_connection") {
            let gateway: (String, String)
            if let vgw = reference(connection, [.key("vpn_gateway_id")]), has(.vpnGateways, vgw) {
                gateway = ("vpnGateway", vgw)
            } else if let tgw = reference(connection, [.key("transit_gateway_id")]), has(.transitGateways, tgw) {
                gateway = ("transitGateway", tgw)
            } else { skip(connection, "its gateway is not in the plan"); continue }
            let customer = reference(connection, [.key("customer_gateway_id")]).flatMap { has(.customerGateways, $0) ? JSONValue.string($0) : nil }
            emit(.vpnConnections, connection, [
                (gateway.0, .string(gateway.1)), ("customerGateway", customer),
                ("staticRoutes", routes[connection.address].map { .strings(Array(Set($0)).sorted()) }),
            ])
            if gateway.0 == "transitGateway" {
                let id = TerraformPlanLoader.vpnAttachment(of: connection.address)
                builder.add(.transitGatewayAttachments, id: id, .object([("id", .string(id)), ("transitGateway", .string(gateway.1)), ("vpnConnection", .string(connection.address))]), origin: connection.values)
                defaultAssociations[gateway.1, default: []].append(id)
                defaultPropagations[gateway.1, default: []].append(id)
            }
        }
        for attachment in resources("aws_ec2_transit_gateway_vpc_attachment") {
            guard let tgw = reference(attachment, [.key("transit_gateway_id")]), has(.transitGateways, tgw),
                let vpc = reference(attachment, [.key("vpc_id")]), has(.vpcs, vpc)
            else { skip(attachment, "its transit gateway or VPC is not in the plan"); continue }
            let subnets = references(attachment, [.key("subnet_ids")]).filter { has(.subnets, $0) }
            emit(.transitGatewayAttachments, attachment, [("transitGateway", .string(tgw)), ("vpc", .string(vpc)), ("subnets", .strings(subnets))])
            if bool(attachment, "transit_gateway_default_route_table_association") != false { defaultAssociations[tgw, default: []].append(attachment.address) }
            if bool(attachment, "transit_gateway_default_route_table_propagation") != false { defaultPropagations[tgw, default: []].append(attachment.address) }
        }
        var associations: [String: [String]] = [:]
        var propagations: [String: [String]] = [:]
        var tableRoutes: [String: [JSONValue]] = [:]
        for association in resources("aws_ec2_transit_gateway_route_table_association") {
            if let table = tableReference(association), let attachment = attachmentReference(association) { associations[table, default: []].append(attachment) }
        }
        for propagation in resources("aws_ec2_transit_gateway_route_table_propagation") {
            if let table = tableReference(propagation), let attachment = attachmentReference(propagation) { propagations[table, default: []].append(attachment) }
        }
        for route in resources("aws_ec2_transit_gateway_route") {
            guard let table = tableReference(route), let destination = string(route, "destination_cidr_block") else { continue }
            if bool(route, "blackhole") == true {
                tableRoutes[table, default: []].append(.object([("destination", .string(destination)), ("blackhole", .bool(true))]))
            } else if let attachment = attachmentReference(route), has(.transitGatewayAttachments, attachment) {
                tableRoutes[table, default: []].append(.object([("destination", .string(destination)), ("attachment", .string(attachment))]))
            } else {
                diagnostics.append(route.values.warning("\(route.address) leads to an attachment that is not in the plan; it is kept as a route that reaches nothing in the model"))
                tableRoutes[table, default: []].append(.object([("destination", .string(destination)), ("blackhole", .bool(true))]))
            }
        }
        func emitTable(_ id: String, gateway: String, origin: JSONCursor) {
            builder.add(.transitGatewayRouteTables, id: id, .object([
                ("id", .string(id)), ("transitGateway", .string(gateway)),
                ("associations", .strings(Array(Set(associations[id] ?? [])).filter { builder.contains(.transitGatewayAttachments, $0) }.sorted())),
                ("propagations", .strings(Array(Set(propagations[id] ?? [])).filter { builder.contains(.transitGatewayAttachments, $0) }.sorted())),
                ("routes", .array(tableRoutes[id] ?? [])),
            ]), origin: origin)
        }
        // An attachment explicitly associated elsewhere leaves the default table.
        let explicitlyAssociated = Set(associations.values.joined())
        for gateway in resources("aws_ec2_transit_gateway") {
            let id = TerraformPlanLoader.defaultRouteTable(of: gateway.address)
            if string(gateway, "default_route_table_association") != "disable" {
                associations[id, default: []] += (defaultAssociations[gateway.address] ?? []).filter { !explicitlyAssociated.contains($0) }
            }
            if string(gateway, "default_route_table_propagation") != "disable" {
                propagations[id, default: []] += defaultPropagations[gateway.address] ?? []
            }
            emitTable(id, gateway: gateway.address, origin: gateway.values)
        }
        for table in resources("aws_ec2_transit_gateway_route_table") {
            guard let gateway = reference(table, [.key("transit_gateway_id")]), has(.transitGateways, gateway) else { skip(table, "its transit gateway is not in the plan"); continue }
            emitTable(table.address, gateway: gateway, origin: table.values)
        }
    }

    /// The route table an association, propagation or route names; the default table of a
    /// transit gateway when it names `association_default_route_table_id`.
    private func tableReference(_ resource: Resource) -> String? {
        let path: [Step] = [.key("transit_gateway_route_table_id")]
        let references = TerraformPlan.references(resource.expressions, at: path)
        if let reference = references.first(where: { $0.hasSuffix(".association_default_route_table_id") || $0.hasSuffix(".propagation_default_route_table_id") }),
            let gateway = plan.resources.first(where: { reference.hasPrefix($0.configAddress + ".") })
        {
            return TerraformPlanLoader.defaultRouteTable(of: gateway.address)
        }
        return self.reference(resource, path)
    }

    /// The attachment a resource names; a VPN connection's when it names
    /// `transit_gateway_attachment_id`.
    private func attachmentReference(_ resource: Resource) -> String? {
        guard let target = reference(resource, [.key("transit_gateway_attachment_id")]) else { return nil }
        if byAddress[target]?.type == "aws_vpn_connection" { return TerraformPlanLoader.vpnAttachment(of: target) }
        return target
    }

    mutating func translateNATGateways() {
        for gateway in resources("aws_nat_gateway") {
            guard let subnet = reference(gateway, [.key("subnet_id")]), has(.subnets, subnet) else { skip(gateway, "its subnet is not in the plan"); continue }
            let connectivity = string(gateway, "connectivity_type") ?? "public"
            emit(.natGateways, gateway, [
                ("subnet", .string(subnet)), ("connectivity", .string(connectivity)),
                ("privateIp", string(gateway, "private_ip").map(JSONValue.string)),
                ("publicIp", connectivity == "public" ? string(gateway, "public_ip").map(JSONValue.string) : nil),
            ])
        }
    }

    mutating func translateVPCEndpoints() {
        var tables: [String: [String]] = [:]
        for association in resources("aws_vpc_endpoint_route_table_association") {
            if let endpoint = reference(association, [.key("vpc_endpoint_id")]), let table = reference(association, [.key("route_table_id")]) { tables[endpoint, default: []].append(table) }
        }
        let planTables = Set((resources("aws_route_table") + resources("aws_default_route_table")).map(\.address))
        for endpoint in resources("aws_vpc_endpoint") {
            guard let vpc = reference(endpoint, [.key("vpc_id")]), has(.vpcs, vpc) else { skip(endpoint, "its VPC is not in the plan"); continue }
            let type = (string(endpoint, "vpc_endpoint_type") ?? "Gateway").lowercased()
            guard type == "gateway" || type == "interface" else { skip(endpoint, "\(type) endpoints are outside the model; routes to it are `unknown`"); continue }
            var policy: JSONValue?
            var policyUnknown: String?
            if let text = string(endpoint, "policy") {
                policy = try? JSONReader.parse(Array(text.utf8))
                if policy == nil { policyUnknown = "the policy of \(endpoint.address) is not valid JSON" }
            } else if plan.isUnknown(endpoint, [.key("policy")]), !TerraformPlan.references(endpoint.expressions, at: [.key("policy")]).isEmpty {
                policyUnknown = "the policy of \(endpoint.address) is known only after apply"
            }
            if let policyUnknown {
                diagnostics.append(endpoint.values.warning("\(policyUnknown); what crosses the endpoint is unknown"))
            }
            let routeTables = Array(Set(references(endpoint, [.key("route_table_ids")]) + (tables[endpoint.address] ?? []))).filter(planTables.contains).sorted()
            let groups = references(endpoint, [.key("security_group_ids")]).filter(groupAddresses.contains)
            emit(.vpcEndpoints, endpoint, [
                ("vpc", .string(vpc)), ("type", .string(type)), ("service", .string(string(endpoint, "service_name") ?? "unknown")),
                ("routeTables", type == "gateway" ? .strings(routeTables) : nil),
                ("subnets", type == "interface" ? .strings(references(endpoint, [.key("subnet_ids")]).filter { has(.subnets, $0) }) : nil),
                ("securityGroups", groups.isEmpty ? nil : .strings(groups)),
                ("privateDns", bool(endpoint, "private_dns_enabled").map(JSONValue.bool)),
                ("policy", policy), ("policyUnknown", policyUnknown.map(JSONValue.string)),
            ])
        }
    }
}
