import ExposureModel

/// Decoding of gateways and attachments: internet, egress-only, NAT, VPN, peering,
/// transit gateway and VPC endpoints.
extension NativeLoader {
    mutating func decodeInternetGateway(_ element: JSONCursor) throws(Diagnostic) {
        diagnostics += element.unknownKeyWarnings(known: ["id", "vpc", "outsideInput"])
        let id = try declare(.internetGateway, in: element)
        let vpc = try refer(.vpc, try element.requiredField("vpc"))
        try noteAssumedGateway(element, id: id, vpc: vpc)
        topology.internetGateways[InternetGatewayID(id)] = InternetGateway(id: InternetGatewayID(id), vpc: VPCID(vpc))
    }

    mutating func decodeEgressOnlyGateway(_ element: JSONCursor) throws(Diagnostic) {
        diagnostics += element.unknownKeyWarnings(known: ["id", "vpc", "outsideInput"])
        let id = try declare(.egressOnlyGateway, in: element)
        let vpc = try refer(.vpc, try element.requiredField("vpc"))
        try noteAssumedGateway(element, id: id, vpc: vpc)
        topology.egressOnlyGateways[EgressOnlyGatewayID(id)] = EgressOnlyGateway(
            id: EgressOnlyGatewayID(id), vpc: VPCID(vpc))
    }

    /// `"outsideInput": true`: a gateway only a route names, assumed attached where the
    /// route requires (semantics, section 1); the report says so.
    mutating func noteAssumedGateway(_ element: JSONCursor, id: String, vpc: String) throws(Diagnostic) {
        guard try element.field("outsideInput")?.bool() == true else { return }
        topology.assumptions.append("\(id) is not in the input; a route names it, so it is taken as attached to \(vpc), as AWS requires")
    }

    mutating func decodeNATGateway(_ element: JSONCursor) throws(Diagnostic) {
        diagnostics += element.unknownKeyWarnings(known: ["id", "subnet", "connectivity", "privateIp", "publicIp"])
        let id = try declare(.natGateway, in: element)
        let subnet = try refer(.subnet, try element.requiredField("subnet"))
        let connectivityCursor = element.field("connectivity")
        let connectivityText = try connectivityCursor?.string() ?? "public"
        guard let connectivity = NATGateway.Connectivity(rawValue: connectivityText) else {
            throw (connectivityCursor ?? element).error("expected \"public\" or \"private\", found \"\(connectivityText)\"")
        }
        let privateIP = try element.field("privateIp").map { cursor throws(Diagnostic) in try address(cursor) }
        let publicIP = try element.field("publicIp").map { cursor throws(Diagnostic) in try address(cursor) }
        if connectivity == .private, let cursor = element.field("publicIp") {
            throw cursor.error("a private NAT gateway has no public IP")
        }
        topology.natGateways[NATGatewayID(id)] = NATGateway(
            id: NATGatewayID(id), subnet: SubnetID(subnet), connectivity: connectivity,
            privateIPv4: privateIP, publicIPv4: publicIP)
    }

    mutating func decodeVPNGateway(_ element: JSONCursor) throws(Diagnostic) {
        diagnostics += element.unknownKeyWarnings(known: ["id", "vpc", "outsideInput"])
        let id = try declare(.vpnGateway, in: element)
        let vpc = try element.field("vpc").map { cursor throws(Diagnostic) in try refer(.vpc, cursor) }
        if let vpc { try noteAssumedGateway(element, id: id, vpc: vpc) }
        topology.vpnGateways[VPNGatewayID(id)] = VPNGateway(id: VPNGatewayID(id), vpc: vpc.map { VPCID($0) })
    }

    mutating func decodeCustomerGateway(_ element: JSONCursor) throws(Diagnostic) {
        diagnostics += element.unknownKeyWarnings(known: ["id", "ip"])
        let id = try declare(.customerGateway, in: element)
        let ip = try element.field("ip").map { cursor throws(Diagnostic) in try address(cursor) }
        topology.customerGateways[CustomerGatewayID(id)] = CustomerGateway(id: CustomerGatewayID(id), address: ip)
    }

    mutating func decodeVPNConnection(_ element: JSONCursor) throws(Diagnostic) {
        diagnostics += element.unknownKeyWarnings(known: [
            "id", "vpnGateway", "transitGateway", "customerGateway", "staticRoutes", "onPremPrefixes",
        ])
        let id = try declare(.vpnConnection, in: element)
        let gateway: VPNConnection.Gateway
        switch (element.field("vpnGateway"), element.field("transitGateway")) {
        case (let vgw?, nil): gateway = .vpnGateway(VPNGatewayID(try refer(.vpnGateway, vgw)))
        case (nil, let tgw?): gateway = .transitGateway(TransitGatewayID(try refer(.transitGateway, tgw)))
        case (nil, nil): throw element.error("expected \"vpnGateway\" or \"transitGateway\": the AWS side of the VPN")
        case (_, let tgw?): throw tgw.error("a VPN ends at either a VPN gateway or a transit gateway, not both")
        }
        let customer = try element.field("customerGateway").map { cursor throws(Diagnostic) in
            try refer(.customerGateway, cursor)
        }
        topology.vpnConnections[VPNConnectionID(id)] = VPNConnection(
            id: VPNConnectionID(id), gateway: gateway, customerGateway: customer.map { CustomerGatewayID($0) },
            staticRoutes: try cidrs(element.field("staticRoutes")),
            onPremPrefixes: try cidrs(element.field("onPremPrefixes")))
    }

    mutating func decodePeering(_ element: JSONCursor) throws(Diagnostic) {
        diagnostics += element.unknownKeyWarnings(known: ["id", "requesterVpc", "accepterVpc", "status"])
        let id = try declare(.peeringConnection, in: element)
        let requesterCursor = try element.requiredField("requesterVpc")
        let requester = try refer(.vpc, requesterCursor)
        let accepter = try refer(.vpc, try element.requiredField("accepterVpc"))
        guard requester != accepter else { throw requesterCursor.error("a VPC cannot peer with itself") }
        let status = try element.field("status")?.string() ?? "active"
        topology.peeringConnections[PeeringConnectionID(id)] = PeeringConnection(
            id: PeeringConnectionID(id), requesterVPC: VPCID(requester), accepterVPC: VPCID(accepter),
            isActive: status == "active")
    }

    mutating func decodeTransitGateway(_ element: JSONCursor) throws(Diagnostic) {
        diagnostics += element.unknownKeyWarnings(known: ["id"])
        let id = try declare(.transitGateway, in: element)
        topology.transitGateways[TransitGatewayID(id)] = TransitGateway(id: TransitGatewayID(id))
    }

    mutating func decodeTransitGatewayAttachment(_ element: JSONCursor) throws(Diagnostic) {
        diagnostics += element.unknownKeyWarnings(known: [
            "id", "transitGateway", "vpc", "subnets", "subnetsUnknown", "vpnConnection", "peerTransitGateway",
            "outside", "resource",
        ])
        let id = try declare(.transitGatewayAttachment, in: element)
        let tgw = try refer(.transitGateway, try element.requiredField("transitGateway"))
        let resource: TransitGatewayAttachment.Resource
        if let vpcCursor = element.field("vpc") {
            let vpc = try refer(.vpc, vpcCursor)
            if try element.field("subnetsUnknown")?.bool() == true {
                if let subnets = element.field("subnets") {
                    throw subnets.error("an attachment with \"subnetsUnknown\": true lists no subnets")
                }
                resource = .vpc(VPCID(vpc), subnets: nil)
            } else {
                let subnetsCursor = try element.requiredField("subnets")
                let subnets = try referAll(.subnet, subnetsCursor)
                guard !subnets.isEmpty else {
                    throw subnetsCursor.error("a VPC attachment needs at least one subnet (or \"subnetsUnknown\": true)")
                }
                resource = .vpc(VPCID(vpc), subnets: subnets.map { SubnetID($0) })
            }
        } else if let vpnCursor = element.field("vpnConnection") {
            resource = .vpn(VPNConnectionID(try refer(.vpnConnection, vpnCursor)))
        } else if let peerCursor = element.field("peerTransitGateway") {
            // The peer is usually in another region or account, so it need not be declared;
            // traffic from it is the zone outside:ID either way.
            let peer = try identifier(peerCursor)
            guard peer != tgw else { throw peerCursor.error("a transit gateway cannot peer with itself (\(tgw))") }
            if declarations[.transitGateway]?[peer] == nil {
                warn(peerCursor.warning("peer transit gateway \(peer) is not in the input; traffic over this peering attachment comes from outside:\(id) and what it reaches beyond is not analysed"))
            }
            resource = .outside(type: "peering", resource: peer)
        } else if let outsideCursor = element.field("outside") {
            let type = try outsideCursor.string()
            guard !type.isEmpty else { throw outsideCursor.error("expected the attachment's resource type, such as \"direct-connect-gateway\"") }
            resource = .outside(type: type, resource: try element.field("resource")?.string())
        } else {
            throw element.error("expected \"vpc\" with \"subnets\", \"vpnConnection\", \"peerTransitGateway\", or \"outside\" (the type of a resource the input does not describe)")
        }
        topology.transitGatewayAttachments[TransitGatewayAttachmentID(id)] = TransitGatewayAttachment(
            id: TransitGatewayAttachmentID(id), transitGateway: TransitGatewayID(tgw), resource: resource)
    }

    mutating func decodeTransitGatewayRouteTable(_ element: JSONCursor) throws(Diagnostic) {
        diagnostics += element.unknownKeyWarnings(known: [
            "id", "transitGateway", "routes", "associations", "propagations", "routesUnknown",
        ])
        let id = try declare(.transitGatewayRouteTable, in: element)
        let tgw = try refer(.transitGateway, try element.requiredField("transitGateway"))
        var routes: [TransitGatewayRouteTable.Route] = []
        for entry in try element.field("routes")?.elements() ?? [] {
            attempt { loader throws(Diagnostic) in
                loader.diagnostics += entry.unknownKeyWarnings(known: ["destination", "attachment", "blackhole"])
                let destination = try loader.cidr(try entry.requiredField("destination"))
                let blackhole = try entry.field("blackhole")?.bool() ?? false
                let attachment = try entry.field("attachment").map { cursor throws(Diagnostic) in
                    try loader.refer(.transitGatewayAttachment, cursor)
                }
                if blackhole == (attachment != nil) {
                    throw entry.error("a transit gateway route has either \"attachment\" or \"blackhole\": true")
                }
                routes.append(.init(destination: destination, attachment: attachment.map { TransitGatewayAttachmentID($0) }))
            }
        }
        let associations = try referAll(.transitGatewayAttachment, element.field("associations"))
        let propagations = try referAll(.transitGatewayAttachment, element.field("propagations"))
        topology.transitGatewayRouteTables[TransitGatewayRouteTableID(id)] = TransitGatewayRouteTable(
            id: TransitGatewayRouteTableID(id), transitGateway: TransitGatewayID(tgw), routes: routes,
            associations: associations.map { TransitGatewayAttachmentID($0) },
            propagations: propagations.map { TransitGatewayAttachmentID($0) },
            routesAreKnown: !(try element.field("routesUnknown")?.bool() ?? false))
    }

    mutating func decodeVPCEndpoint(_ element: JSONCursor) throws(Diagnostic) {
        diagnostics += element.unknownKeyWarnings(known: [
            "id", "vpc", "type", "service", "routeTables", "subnets", "securityGroups", "privateDns", "policy", "policyUnknown",
        ])
        let id = try declare(.vpcEndpoint, in: element)
        let vpc = try refer(.vpc, try element.requiredField("vpc"))
        let typeCursor = try element.requiredField("type")
        let typeText = try typeCursor.string()
        guard let type = VPCEndpoint.EndpointType(rawValue: typeText) else {
            throw typeCursor.error("expected \"gateway\" or \"interface\", found \"\(typeText)\"")
        }
        let routeTables = try referAll(.routeTable, element.field("routeTables"))
        let subnets = try referAll(.subnet, element.field("subnets"))
        if type == .gateway, let cursor = element.field("subnets") {
            throw cursor.error("a gateway endpoint is reached through route tables; subnets apply to interface endpoints")
        }
        if type == .interface, let cursor = element.field("routeTables") {
            throw cursor.error("an interface endpoint lives in subnets; route tables apply to gateway endpoints")
        }
        var policy: EndpointPolicyDocument?
        if let policyCursor = element.field("policy") {
            guard case .object = policyCursor.value.kind else {
                throw policyCursor.error("expected an IAM policy document (an object)")
            }
            policy = EndpointPolicyDocument(policyCursor.value)
        }
        if let unknownCursor = element.field("policyUnknown") {
            if let policyCursor = element.field("policy") {
                throw policyCursor.error("an endpoint has a policy or a policyUnknown reason, not both")
            }
            policy = EndpointPolicyDocument(statements: [], unknownBecause: try unknownCursor.string())
        }
        topology.vpcEndpoints[VPCEndpointID(id)] = VPCEndpoint(
            id: VPCEndpointID(id), vpc: VPCID(vpc), type: type,
            service: try element.requiredField("service").string(),
            routeTables: routeTables.map { RouteTableID($0) }, subnets: subnets.map { SubnetID($0) },
            securityGroups: try referAll(.securityGroup, element.field("securityGroups")).map { SecurityGroupID($0) },
            privateDNS: try element.field("privateDns")?.bool() ?? false, policy: policy)
    }
}
