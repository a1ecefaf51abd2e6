import ExposureModel

/// Transit gateways, their attachments and route tables (routes, associations and
/// propagations).
extension AWSBundleLoader {
    mutating func translateTransitGateways() {
        for (id, record) in unique(.transitGateways) where isLive(record.cursor, ["available", "pending", "modifying"]) {
            emit(.transitGateways, id: id, .object([("id", .string(id))]), origin: record.cursor)
        }
        // A live attachment or route table exists only on an existing gateway: one that
        // describe-transit-gateways does not list is taken as existing, as AWS requires.
        let listed = Set(unique(.transitGateways).map(\.id))
        for key in [AWSKey.transitGatewayAttachments, .transitGatewayVPCAttachments, .transitGatewayRouteTables] {
            for (_, record) in unique(key) where isLive(record.cursor, ["available", "pending", "modifying"]) {
                guard let id = string(record.cursor, "TransitGatewayId"), !listed.contains(id), !isEmitted(.transitGateways, id) else { continue }
                diagnostics.append(record.cursor.warning("transit gateway \(id) is not in describe-transit-gateways; this record needs it, so it is taken as existing"))
                emit(.transitGateways, id: id, .object([("id", .string(id))]), origin: record.cursor)
            }
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
            let type = string(cursor, "ResourceType") ?? (cursor.value["VpcId"] == nil ? TransitGatewayAttachment.unknownType : "vpc")
            let resource = string(cursor, "ResourceId") ?? string(cursor, "VpcId")
            var members: [(String, JSONValue?)] = [("id", .string(id)), ("transitGateway", .string(tgw))]
            // What the attachment leads to and the export does not describe is an origin of
            // traffic of its own (`outside:`), never a reason to drop the attachment.
            let outside: [(String, JSONValue?)] = [("outside", .string(type)), ("resource", resource.map(JSONValue.string))]
            switch type {
            case "vpc":
                guard let vpc = resource, isEmitted(.vpcs, vpc) else {
                    diagnostics.append(cursor.warning("attachment \(id) is for VPC \(resource ?? "?"), which is not in the input; traffic from it is `unknown` (outside:\(id))"))
                    members += outside
                    break
                }
                if let detail = vpcAttachments[id] {
                    members += [("vpc", .string(vpc)), ("subnets", .strings(emittedSubnets(detail.cursor, "SubnetIds")))]
                } else {
                    diagnostics.append(cursor.warning("the subnets of VPC attachment \(id) are not in the input, so the network ACLs at the attachment are unknown; export `aws ec2 describe-transit-gateway-vpc-attachments`"))
                    members += [("vpc", .string(vpc)), ("subnetsUnknown", .bool(true))]
                }
            case "vpn":
                guard let vpn = resource, isEmitted(.vpnConnections, vpn) else {
                    diagnostics.append(cursor.warning("attachment \(id) is for VPN \(resource ?? "?"), which is not in the input; traffic from it is `unknown` (outside:\(id))"))
                    members += outside
                    break
                }
                members.append(("vpnConnection", .string(vpn)))
            default:
                diagnostics.append(cursor.warning("\(type) attachment \(id) leads to networks the input does not describe; traffic from it is `unknown` (outside:\(id))"))
                members += outside
            }
            transitAttachmentGateways[id] = tgw
            emit(.transitGatewayAttachments, id: id, .object(members), origin: cursor)
        }
        // Without describe-transit-gateway-attachments, a gateway may have attachments of
        // any type the export does not list: one stand-in per gateway stands for them.
        guard !bundle.has(.transitGatewayAttachments) else { return }
        for (id, record) in unique(.transitGateways) where isEmitted(.transitGateways, id) {
            let standIn = "\(id)/attachments-not-in-input"
            diagnostics.append(record.cursor.warning("the attachments of transit gateway \(id) are not in the input; those not listed elsewhere are `unknown` (outside:\(standIn); export them with `aws ec2 describe-transit-gateway-attachments --filters Name=transit-gateway-id,Values=\(id)`)"))
            transitAttachmentGateways[standIn] = id
            emit(.transitGatewayAttachments, id: standIn, .object([
                ("id", .string(standIn)), ("transitGateway", .string(id)), ("outside", .string(TransitGatewayAttachment.unknownType)),
            ]), origin: record.cursor)
        }
    }

    mutating func translateTransitGatewayRouteTables() {
        /// Transit gateway of each attachment record, for tables named but not described.
        var attachmentGateways: [String: String] = [:]
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
                attachmentGateways[table] = attachmentGateways[table] ?? string(record.cursor, "TransitGatewayId")
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
        let tableGateways = Dictionary(unique(.transitGatewayRouteTables).compactMap { id, record in
            string(record.cursor, "TransitGatewayId").map { (id, $0) }
        }, uniquingKeysWith: { first, _ in first })
        var tablesWithRoutes = Set<String>()
        for record in bundle.records(.transitGatewayStaticRoutes) {
            if let table = string(record.cursor, "TransitGatewayRouteTableId") { tablesWithRoutes.insert(table) }
        }
        for record in bundle.records(.routes) {
            if let table = record.context.owner { tablesWithRoutes.insert(table) }
        }
        for (table, route) in routeCursors {
            if let value = translateTransitRoute(route, gateway: tableGateways[table] ?? attachmentGateways[table]) { routes[table, default: []].append(value) }
        }
        // An attachment the export knows only from describe-transit-gateway-vpc-attachments
        // (its describe-transit-gateway-attachments record, which says its association, is
        // missing, and no associations call names it) has an association the input does not
        // give: a stand-in table whose routes are unknown.
        let listed = Set(unique(.transitGatewayAttachments).map(\.id))
        let associated = Set(associations.values.flatMap { $0 })
        for (id, record) in unique(.transitGatewayVPCAttachments) where !listed.contains(id) && !associated.contains(id) {
            guard let tgw = string(record.cursor, "TransitGatewayId"), isEmitted(.transitGatewayAttachments, id) else { continue }
            let table = "\(tgw)/association-not-in-input"
            associations[table, default: []].insert(id)
            attachmentGateways[table] = tgw
        }
        // A table that attachments are associated with but the export does not describe:
        // its routes are unknown, not absent.
        for (id, attachments) in associations.sorted(by: { $0.key < $1.key }) where tableGateways[id] == nil {
            guard let tgw = attachmentGateways[id], isEmitted(.transitGateways, tgw) else { continue }
            let associated = attachments.filter { transitAttachmentGateways[$0] == tgw }.sorted()
            let records = unique(.transitGatewayAttachments) + unique(.transitGatewayVPCAttachments)
            guard !associated.isEmpty, let origin = records.first(where: { associated.contains($0.id) })?.record.cursor else { continue }
            // Its routes may still be in the export (search-transit-gateway-routes names the
            // table); its propagations then show among them.
            let routesKnown = tablesWithRoutes.contains(id)
            diagnostics.append(origin.warning(routesKnown
                ? "transit gateway route table \(id) is not in describe-transit-gateway-route-tables; it is taken from its associations and routes"
                : "transit gateway route table \(id) is not in the input; what it routes is `unknown` (export it with `aws ec2 describe-transit-gateway-route-tables` and `search-transit-gateway-routes`)"))
            emit(.transitGatewayRouteTables, id: id, .object([
                ("id", .string(id)), ("transitGateway", .string(tgw)), ("associations", .strings(associated)),
                ("propagations", .strings(propagations[id, default: []].filter { transitAttachmentGateways[$0] == tgw }.sorted())),
                ("routes", .array(NativeDocumentBuilder.deduplicated(routes[id] ?? []))), ("routesUnknown", routesKnown ? nil : .bool(true)),
            ]), origin: origin)
        }
        for (id, record) in unique(.transitGatewayRouteTables) where isLive(record.cursor, ["available", "pending"]) {
            guard let tgw = string(record.cursor, "TransitGatewayId"), isEmitted(.transitGateways, tgw) else { continue }
            // Only the gateway's own attachments: an export that says otherwise is inconsistent.
            let associated = associations[id, default: []].filter { transitAttachmentGateways[$0] == tgw }.sorted()
            let propagated = propagations[id, default: []].filter { transitAttachmentGateways[$0] == tgw }.sorted()
            // Routes come from search-transit-gateway-routes, one record per table; a table
            // with none in the export has routes the input does not give.
            let routesKnown = tablesWithRoutes.contains(id)
            if !routesKnown {
                diagnostics.append(record.cursor.warning("the routes of transit gateway route table \(id) are not in the input, so what it routes is `unknown` (export them with `\(MissingExport.searchTransitGatewayRoutes(of: id))`)"))
            }
            emit(.transitGatewayRouteTables, id: id, .object([
                ("id", .string(id)), ("transitGateway", .string(tgw)),
                ("associations", .strings(associated)), ("propagations", .strings(propagated)),
                ("routes", .array(NativeDocumentBuilder.deduplicated(routes[id] ?? []))),
                ("routesUnknown", routesKnown ? nil : .bool(true)),
            ]), origin: record.cursor)
        }
    }

    /// A route of a table of transit gateway `gateway`. A route to an attachment the export
    /// does not describe leads to networks the input does not describe: the attachment is
    /// declared as `outside` (type unknown), so traffic from it is `unknown`.
    private mutating func translateTransitRoute(_ route: JSONCursor, gateway: String?) -> JSONValue? {
        guard let destination = string(route, "DestinationCidrBlock") else {
            diagnostics.append(route.warning("a transit gateway route to a prefix list is outside the model; it is ignored"))
            return nil
        }
        if string(route, "State") == "blackhole" {
            return .object([("destination", .string(destination)), ("blackhole", .bool(true))])
        }
        guard isLive(route, ["active"]) else { return nil }
        let attachments = strings(route, "TransitGatewayAttachments", "TransitGatewayAttachmentId")
        if let attachment = attachments.first(where: { transitAttachmentGateways[$0] == gateway }) {
            return .object([("destination", .string(destination)), ("attachment", .string(attachment))])
        }
        guard let attachment = attachments.first, let gateway, isEmitted(.transitGateways, gateway) else {
            diagnostics.append(route.warning("transit gateway route \(destination) names no attachment in the input; it is ignored"))
            return nil
        }
        if let other = transitAttachmentGateways[attachment] {
            diagnostics.append(route.warning("transit gateway route \(destination) leads to \(attachment), an attachment of \(other), not of \(gateway); the export contradicts itself and the route is ignored"))
            return nil
        }
        diagnostics.append(route.warning("transit gateway route \(destination) leads to \(attachment), which is not in the input; traffic from it is `unknown` (outside:\(attachment))"))
        transitAttachmentGateways[attachment] = gateway
        emit(.transitGatewayAttachments, id: attachment, .object([
            ("id", .string(attachment)), ("transitGateway", .string(gateway)), ("outside", .string(TransitGatewayAttachment.unknownType)),
        ]), origin: route)
        return .object([("destination", .string(destination)), ("attachment", .string(attachment))])
    }
}
