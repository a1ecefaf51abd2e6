/// Transit gateways, their attachments and route tables (routes, associations and
/// propagations).
extension AWSBundleLoader {
    mutating func translateTransitGateways() {
        for (id, record) in unique(.transitGateways) where isLive(record.cursor, ["available", "pending", "modifying"]) {
            emit(.transitGateways, id: id, .object([("id", .string(id))]), origin: record.cursor)
        }
    }

    mutating func translateTransitGatewayAttachments() {
        let vpcAttachments = Dictionary(unique(.transitGatewayVPCAttachments).map { ($0.id, $0.record) }, uniquingKeysWith: { first, _ in first })
        var all = Dictionary(unique(.transitGatewayAttachments).map { ($0.id, $0.record) }, uniquingKeysWith: { first, _ in first })
        for (id, record) in vpcAttachments where all[id] == nil { all[id] = record }
        for (id, record) in all.sorted(by: { $0.key < $1.key }) where isLive(record.cursor, ["available", "pending", "modifying"]) {
            let cursor = record.cursor
            guard let tgw = string(cursor, "TransitGatewayId"), isEmitted(.transitGateways, tgw) else {
                diagnostics.append(cursor.warning("attachment \(id) belongs to a transit gateway that is not in the input; it is ignored"))
                continue
            }
            let type = string(cursor, "ResourceType") ?? (cursor.value["VpcId"] == nil ? "unknown" : "vpc")
            let resource = string(cursor, "ResourceId") ?? string(cursor, "VpcId")
            var members: [(String, JSONValue?)] = [("id", .string(id)), ("transitGateway", .string(tgw))]
            switch type {
            case "vpc":
                guard let vpc = resource, isEmitted(.vpcs, vpc) else {
                    diagnostics.append(cursor.warning("attachment \(id) is for VPC \(resource ?? "?"), which is not in the input; it is ignored"))
                    continue
                }
                guard let detail = vpcAttachments[id] else {
                    diagnostics.append(cursor.warning("the subnets of VPC attachment \(id) are not in the input; export `aws ec2 describe-transit-gateway-vpc-attachments` so the network ACLs at the attachment are checked; it is ignored"))
                    continue
                }
                members += [("vpc", .string(vpc)), ("subnets", .strings(emittedSubnets(detail.cursor, "SubnetIds")))]
            case "vpn":
                guard let vpn = resource, isEmitted(.vpnConnections, vpn) else {
                    diagnostics.append(cursor.warning("attachment \(id) is for VPN \(resource ?? "?"), which is not in the input; it is ignored"))
                    continue
                }
                members.append(("vpnConnection", .string(vpn)))
            default:
                diagnostics.append(cursor.warning("\(type) attachment \(id) is outside the model (transit gateway peering, Direct Connect and Connect attachments are not followed); it is ignored"))
                continue
            }
            emit(.transitGatewayAttachments, id: id, .object(members), origin: cursor)
        }
    }

    mutating func translateTransitGatewayRouteTables() {
        var associations: [String: Set<String>] = [:]
        var propagations: [String: Set<String>] = [:]
        var routes: [String: [JSONValue]] = [:]
        for key in [AWSKey.transitGatewayAttachments, .transitGatewayVPCAttachments] {
            for record in bundle.records(key) {
                guard let attachment = string(record.cursor, "TransitGatewayAttachmentId"),
                    let association = record.cursor.field("Association"), isLive(association, ["associated", "associating"]),
                    let table = string(association, "TransitGatewayRouteTableId")
                else { continue }
                associations[table, default: []].insert(attachment)
            }
        }
        for record in bundle.records(.associations) where isLive(record.cursor, ["associated", "associating"]) {
            guard let table = record.context.owner ?? string(record.cursor, "TransitGatewayRouteTableId") else {
                diagnostics.append(record.cursor.warning("associations that do not say their transit gateway route table are ignored: add \"TransitGatewayRouteTableId\" beside the list or put the tgw-rtb- id in the file name"))
                continue
            }
            if let attachment = string(record.cursor, "TransitGatewayAttachmentId") { associations[table, default: []].insert(attachment) }
        }
        func addPropagation(_ cursor: JSONCursor, table: String) {
            guard isLive(cursor, ["enabled", "enabling"]), let attachment = string(cursor, "TransitGatewayAttachmentId") else { return }
            propagations[table, default: []].insert(attachment)
        }
        for record in bundle.records(.transitGatewayPropagations) {
            guard let table = string(record.cursor, "TransitGatewayRouteTableId") else { continue }
            for entry in list(record.cursor, "TransitGatewayRouteTablePropagations") { addPropagation(entry, table: table) }
        }
        for record in bundle.records(.transitGatewayRouteTablePropagations) {
            guard let table = record.context.owner else {
                diagnostics.append(record.cursor.warning("propagations that do not say their transit gateway route table are ignored: add \"TransitGatewayRouteTableId\" beside the list or put the tgw-rtb- id in the file name"))
                continue
            }
            addPropagation(record.cursor, table: table)
        }
        var routeCursors: [(table: String, route: JSONCursor)] = []
        for record in bundle.records(.transitGatewayStaticRoutes) {
            guard let table = string(record.cursor, "TransitGatewayRouteTableId") else { continue }
            routeCursors += list(record.cursor, "Routes").map { (table, $0) }
        }
        for record in bundle.records(.routes) {
            guard let table = record.context.owner else {
                diagnostics.append(record.cursor.warning("routes that do not say their transit gateway route table are ignored: add \"TransitGatewayRouteTableId\" beside the list or put the tgw-rtb- id in the file name"))
                continue
            }
            routeCursors.append((table, record.cursor))
        }
        for (table, route) in routeCursors {
            if let value = translateTransitRoute(route) { routes[table, default: []].append(value) }
        }
        for (id, record) in unique(.transitGatewayRouteTables) where isLive(record.cursor, ["available", "pending"]) {
            guard let tgw = string(record.cursor, "TransitGatewayId"), isEmitted(.transitGateways, tgw) else { continue }
            let associated = associations[id, default: []].filter { isEmitted(.transitGatewayAttachments, $0) }.sorted()
            let propagated = propagations[id, default: []].filter { isEmitted(.transitGatewayAttachments, $0) }.sorted()
            emit(.transitGatewayRouteTables, id: id, .object([
                ("id", .string(id)), ("transitGateway", .string(tgw)),
                ("associations", .strings(associated)), ("propagations", .strings(propagated)),
                ("routes", .array(NativeDocumentBuilder.deduplicated(routes[id] ?? []))),
            ]), origin: record.cursor)
        }
    }

    private mutating func translateTransitRoute(_ route: JSONCursor) -> JSONValue? {
        guard let destination = string(route, "DestinationCidrBlock") else {
            diagnostics.append(route.warning("a transit gateway route to a prefix list is outside the model; it is ignored"))
            return nil
        }
        if string(route, "State") == "blackhole" {
            return .object([("destination", .string(destination)), ("blackhole", .bool(true))])
        }
        guard isLive(route, ["active"]) else { return nil }
        let attachments = strings(route, "TransitGatewayAttachments", "TransitGatewayAttachmentId")
        guard let attachment = attachments.first(where: { isEmitted(.transitGatewayAttachments, $0) }) else {
            // What the route leads to is outside the input, so nothing in the model is
            // reached through it; a blackhole keeps a shorter prefix from taking over.
            diagnostics.append(route.warning("transit gateway route \(destination) leads to \(attachments.first ?? "no attachment"), which is not in the input; it is kept as a route that reaches nothing in the model"))
            return .object([("destination", .string(destination)), ("blackhole", .bool(true))])
        }
        return .object([("destination", .string(destination)), ("attachment", .string(attachment))])
    }
}
