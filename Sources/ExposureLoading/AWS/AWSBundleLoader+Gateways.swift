import ExposureModel

/// Internet, egress-only, NAT and VPN gateways, VPN connections, peerings and endpoints.
extension AWSBundleLoader {
    /// The first attached VPC of a gateway, if it is in the document.
    private func attachedVPC(_ cursor: JSONCursor, _ field: String) -> String? {
        list(cursor, field).first { isLive($0, ["available", "attached", "attaching"]) }
            .flatMap { string($0, "VpcId") }
            .flatMap { isEmitted(.vpcs, $0) ? $0 : nil }
    }

    mutating func translateInternetGateways() {
        for (id, record) in unique(.internetGateways) {
            guard let vpc = attachedVPC(record.cursor, "Attachments") else { continue }
            gatewayVPCs[id] = vpc
            emit(.internetGateways, id: id, .object([("id", .string(id)), ("vpc", .string(vpc))]), origin: record.cursor)
        }
    }

    mutating func translateEgressOnlyGateways() {
        for (id, record) in unique(.egressOnlyGateways) {
            guard let vpc = attachedVPC(record.cursor, "Attachments") else { continue }
            gatewayVPCs[id] = vpc
            emit(.egressOnlyInternetGateways, id: id, .object([("id", .string(id)), ("vpc", .string(vpc))]), origin: record.cursor)
        }
    }

    mutating func translateVPNGateways() {
        for (id, record) in unique(.vpnGateways) where isLive(record.cursor, ["available", "pending"]) {
            let vpc = attachedVPC(record.cursor, "VpcAttachments")
            gatewayVPCs[id] = vpc
            emit(.vpnGateways, id: id, .object([("id", .string(id)), ("vpc", vpc.map(JSONValue.string))]), origin: record.cursor)
        }
    }

    mutating func translateCustomerGateways() {
        for (id, record) in unique(.customerGateways) where isLive(record.cursor, ["available", "pending"]) {
            let address = string(record.cursor, "IpAddress").flatMap { IPAddress($0) == nil ? nil : $0 }
            emit(.customerGateways, id: id, .object([("id", .string(id)), ("ip", address.map(JSONValue.string))]), origin: record.cursor)
        }
    }

    mutating func translateVPNConnections() {
        for (id, record) in unique(.vpnConnections) where isLive(record.cursor, ["available", "pending"]) {
            let cursor = record.cursor
            let gateway: (String, String)
            if let vgw = string(cursor, "VpnGatewayId"), isEmitted(.vpnGateways, vgw) {
                gateway = ("vpnGateway", vgw)
            } else if let tgw = string(cursor, "TransitGatewayId"), isEmitted(.transitGateways, tgw) {
                gateway = ("transitGateway", tgw)
            } else {
                diagnostics.append(cursor.warning("VPN connection \(id) ends at a gateway that is not in the input; it is ignored"))
                continue
            }
            let customer = string(cursor, "CustomerGatewayId").flatMap { isEmitted(.customerGateways, $0) ? $0 : nil }
            let routes = list(cursor, "Routes").filter { isLive($0, ["available", "pending"]) }.compactMap { string($0, "DestinationCidrBlock") }
            emit(.vpnConnections, id: id, .object([
                ("id", .string(id)), (gateway.0, .string(gateway.1)), ("customerGateway", customer.map(JSONValue.string)),
                ("staticRoutes", routes.isEmpty ? nil : .strings(Array(Set(routes)).sorted())),
            ]), origin: cursor)
        }
    }

    mutating func translatePeerings() {
        for (id, record) in unique(.peeringConnections) {
            let cursor = record.cursor
            let status = cursor.value["Status"]?["Code"]?.stringValue ?? "active"
            guard !["deleted", "rejected", "failed", "expired"].contains(status) else { continue }
            let requester = cursor.value["RequesterVpcInfo"]?["VpcId"]?.stringValue
            let accepter = cursor.value["AccepterVpcInfo"]?["VpcId"]?.stringValue
            guard let requester, let accepter, isEmitted(.vpcs, requester), isEmitted(.vpcs, accepter) else {
                diagnostics.append(cursor.warning("peering \(id) connects \(requester ?? "?") and \(accepter ?? "?"), not both in the input; traffic from the other side is `unknown` (outside:\(id))"))
                continue
            }
            emit(.peeringConnections, id: id, .object([
                ("id", .string(id)), ("requesterVpc", .string(requester)), ("accepterVpc", .string(accepter)),
                ("status", .string(status)),
            ]), origin: cursor)
        }
    }

    mutating func translateNATGateways() {
        for (id, record) in unique(.natGateways) where isLive(record.cursor, ["available", "pending"]) {
            let cursor = record.cursor
            guard let subnet = string(cursor, "SubnetId"), isEmitted(.subnets, subnet) else {
                diagnostics.append(cursor.warning("NAT gateway \(id) is in a subnet that is not in the input; it is ignored"))
                continue
            }
            let address = list(cursor, "NatGatewayAddresses").first
            var privateIP = address.flatMap { string($0, "PrivateIp") }
            if let ip = privateIP, let parsed = IPAddress(ip), subnetBlocks[subnet]?.contains(parsed) == false {
                diagnostics.append(cursor.warning("NAT gateway \(id) has private address \(ip) outside its subnet \(subnet); the address is ignored"))
                privateIP = nil
            }
            let connectivity = string(cursor, "ConnectivityType") ?? "public"
            emit(.natGateways, id: id, .object([
                ("id", .string(id)), ("subnet", .string(subnet)), ("connectivity", .string(connectivity)),
                ("privateIp", privateIP.map(JSONValue.string)),
                ("publicIp", connectivity == "private" ? nil : address.flatMap { string($0, "PublicIp") }.map(JSONValue.string)),
            ]), origin: cursor)
        }
    }

    mutating func translateVPCEndpoints() {
        // Route tables are written later; these are the ones that will be.
        let tables = Set(unique(.routeTables).filter { isInEmittedVPC($0.record.cursor) }.map(\.id))
        for (id, record) in unique(.vpcEndpoints) where isLive(record.cursor, ["available", "pending", "pendingacceptance"]) {
            let cursor = record.cursor
            guard let vpc = emittedVPC(of: cursor, "endpoint \(id)") else { continue }
            let type: String
            switch string(cursor, "VpcEndpointType")?.lowercased() {
            case "gateway": type = "gateway"
            case "interface", nil: type = "interface"
            case let other?:
                diagnostics.append(cursor.warning("\(other) endpoint \(id) is outside the model; routes to it are `unknown`"))
                continue
            }
            var policy: JSONValue?
            var policyUnknown: JSONValue?
            if let text = string(cursor, "PolicyDocument") {
                do {
                    policy = try JSONReader.parse(Array(text.utf8))
                } catch {
                    let reason = "the policy document of \(id) is not valid JSON (\(error.message))"
                    diagnostics.append(cursor.warning("\(reason); what crosses the endpoint is unknown"))
                    policyUnknown = .string(reason)
                }
            }
            let groups = strings(cursor, "Groups", "GroupId").map { groupReference($0, vpc: vpc, from: cursor) }
            emit(.vpcEndpoints, id: id, .object([
                ("id", .string(id)), ("vpc", .string(vpc)), ("type", .string(type)),
                ("service", .string(string(cursor, "ServiceName") ?? "unknown")),
                ("routeTables", type == "gateway" ? .strings((stringList(cursor, "RouteTableIds") ?? []).filter(tables.contains)) : nil),
                ("subnets", type == "interface" ? .strings(emittedSubnets(cursor, "SubnetIds")) : nil),
                ("securityGroups", groups.isEmpty ? nil : .strings(groups)),
                ("privateDns", cursor.value["PrivateDnsEnabled"].map { .bool($0.boolValue == true) }),
                ("policy", policy), ("policyUnknown", policyUnknown),
            ]), origin: cursor)
        }
    }
}
