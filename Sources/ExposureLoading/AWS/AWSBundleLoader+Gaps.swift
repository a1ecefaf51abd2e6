import ExposureModel

/// What the export leaves out, made explicit: whole calls that are missing, VPCs and
/// subnets known only from what names them, and gateways a route names but the export does
/// not list (semantics, section 1: assume what AWS requires for the reference to exist).
extension AWSBundleLoader {
    /// The calls whose outputs are not in the bundle although verdicts depend on them.
    mutating func recordMissingExports() {
        var missing: [MissingExport] = []
        if !bundle.has(.vpcs) { missing.append(.describeVPCs) }
        if !bundle.has(.subnets) { missing.append(.describeSubnets) }
        if !bundle.has(.routeTables) { missing.append(.describeRouteTables) }
        if !bundle.has(.securityGroups) && !bundle.has(.securityGroupRules) { missing.append(.describeSecurityGroups) }
        if !bundle.has(.networkInterfaces) { missing.append(.describeNetworkInterfaces) }
        // `Instances` is also EMR list-instances' key; EC2's own records have no Ec2InstanceId.
        let hasEC2Instances = bundle.has(.reservations)
            || bundle.records(.instances).contains { $0.cursor.value["Ec2InstanceId"] == nil }
        if !hasEC2Instances { missing.append(.describeInstances) }
        if !builder.ids(of: .transitGateways).isEmpty && !bundle.has(.transitGatewayAttachments) {
            missing.append(.describeTransitGatewayAttachments)
        }
        if builder.values(of: .transitGatewayRouteTables).contains(where: { $0["routesUnknown"]?.boolValue == true }) {
            missing.append(.searchTransitGatewayRoutes)
        }
        builder.missingExports = missing
    }

    /// VPCs named by subnets, route tables, groups, interfaces and instances that
    /// `describe-vpcs` does not list (or the bundle has no `describe-vpcs`): their blocks
    /// from their tables' local routes, else from their subnets.
    mutating func synthesizeVPCs() {
        var named: [String: (owner: String?, origin: JSONCursor)] = [:]
        for key in [AWSKey.subnets, .routeTables, .networkACLs, .securityGroups, .networkInterfaces, .natGateways, .vpcEndpoints] {
            for (_, record) in unique(key) {
                guard let vpc = string(record.cursor, "VpcId"), named[vpc] == nil, !isEmitted(.vpcs, vpc) else { continue }
                named[vpc] = (owner(of: record), record.cursor)
            }
        }
        for reservation in bundle.records(.reservations) {
            for instance in list(reservation.cursor, "Instances") {
                guard let vpc = string(instance, "VpcId"), named[vpc] == nil, !isEmitted(.vpcs, vpc) else { continue }
                named[vpc] = (owner(of: reservation), instance)
            }
        }
        guard !named.isEmpty else { return }
        var blocks: [String: [String]] = [:]
        for (_, record) in unique(.routeTables) {
            guard let vpc = string(record.cursor, "VpcId"), named[vpc] != nil else { continue }
            for route in list(record.cursor, "Routes") where string(route, "GatewayId") == "local" {
                if let cidr = string(route, "DestinationCidrBlock") ?? string(route, "DestinationIpv6CidrBlock") { blocks[vpc, default: []].append(cidr) }
            }
        }
        let blocksFromRoutes = Set(blocks.keys)
        for (_, record) in unique(.subnets) where blocks[string(record.cursor, "VpcId") ?? ""] == nil || !bundle.has(.routeTables) {
            guard let vpc = string(record.cursor, "VpcId"), let cidr = string(record.cursor, "CidrBlock") else { continue }
            blocks[vpc, default: []].append(cidr)
        }
        for (vpc, item) in named.sorted(by: { $0.key < $1.key }) {
            guard let cidrs = blocks[vpc], !cidrs.isEmpty else {
                diagnostics.append(item.origin.warning("VPC \(vpc) is named here, but neither describe-vpcs nor a local route or subnet gives its blocks; what is in it is not analysed"))
                builder.skip(vpc, kind: .vpc, reason: "its blocks are not in the input (add `aws ec2 describe-vpcs`)", isIncomplete: true)
                continue
            }
            if bundle.has(.vpcs) {
                diagnostics.append(item.origin.warning("VPC \(vpc) is named here but not in describe-vpcs; its blocks are taken from \(bundle.has(.routeTables) && blocksFromRoutes.contains(vpc) ? "its local routes" : "its subnets") (export it with `aws ec2 describe-vpcs --vpc-ids \(vpc)`)"))
            }
            if let owner = item.owner { vpcOwners[vpc] = owner }
            let tenant = tenantOptions.mapping.vpcs[vpc].map { use(tenant: $0, description: "VPC \(vpc)") } ?? accountTenant(item.owner)
            emit(.vpcs, id: vpc, .object([
                ("id", .string(vpc)), ("cidrs", .strings(Array(Set(cidrs)).sorted())),
                ("tenant", tenant.map(JSONValue.string)), ("account", item.owner.map(JSONValue.string)),
            ]), origin: item.origin)
            vpcBlocks[vpc] = Array(Set(cidrs)).sorted()
        }
    }

    /// Subnets that interfaces, instances, clusters, attachments, gateways and associations
    /// name but the bundle does not describe, in VPCs it has: each lies somewhere in its
    /// VPC's blocks, and its Availability Zone is what a record in it says, if any.
    mutating func synthesizeSubnets() {
        struct Named {
            var vpc: String?
            var zone: String?
            let origin: JSONCursor
        }
        var named: [String: Named] = [:]
        func note(_ subnet: String?, vpc: String?, zone: String?, origin: JSONCursor) {
            guard let subnet, !subnet.isEmpty, !isEmitted(.subnets, subnet) else { return }
            var item = named[subnet] ?? Named(vpc: nil, zone: nil, origin: origin)
            item.vpc = item.vpc ?? vpc
            item.zone = item.zone ?? zone
            named[subnet] = item
        }
        for (_, record) in unique(.networkInterfaces) {
            note(string(record.cursor, "SubnetId"), vpc: string(record.cursor, "VpcId"), zone: string(record.cursor, "AvailabilityZone"), origin: record.cursor)
        }
        for reservation in bundle.records(.reservations) {
            for instance in list(reservation.cursor, "Instances") {
                let zone = instance.value["Placement"]?["AvailabilityZone"]?.stringValue
                note(string(instance, "SubnetId"), vpc: string(instance, "VpcId"), zone: zone, origin: instance)
                for eni in list(instance, "NetworkInterfaces") {
                    note(string(eni, "SubnetId"), vpc: string(eni, "VpcId") ?? string(instance, "VpcId"), zone: zone, origin: eni)
                }
            }
        }
        for key in [AWSKey.natGateways, .transitGatewayVPCAttachments, .vpcEndpoints] {
            for (_, record) in unique(key) {
                let vpc = string(record.cursor, "VpcId")
                note(string(record.cursor, "SubnetId"), vpc: vpc, zone: nil, origin: record.cursor)
                for subnet in stringList(record.cursor, "SubnetIds") ?? [] { note(subnet, vpc: vpc, zone: nil, origin: record.cursor) }
            }
        }
        for key in [AWSKey.routeTables, .networkACLs] {
            for (_, record) in unique(key) {
                for association in list(record.cursor, "Associations") {
                    note(string(association, "SubnetId"), vpc: string(record.cursor, "VpcId"), zone: nil, origin: association)
                }
            }
        }
        let groupVPCs = Dictionary(unique(.securityGroups).compactMap { id, record in string(record.cursor, "VpcId").map { (id, $0) } }, uniquingKeysWith: { first, _ in first })
        for record in bundle.records(.cluster) {
            let attributes = record.cursor.field("Ec2InstanceAttributes") ?? record.cursor
            let vpc = string(attributes, "EmrManagedMasterSecurityGroup").flatMap { groupVPCs[$0] }
            note(string(attributes, "Ec2SubnetId"), vpc: vpc, zone: string(attributes, "Ec2AvailabilityZone"), origin: attributes)
            for subnet in stringList(attributes, "RequestedEc2SubnetIds") ?? [] { note(subnet, vpc: vpc, zone: nil, origin: attributes) }
        }
        let (tables, acls) = subnetAssociations()
        let callMissing = !bundle.has(.subnets)
        if callMissing, let first = named.sorted(by: { $0.key < $1.key }).first?.value.origin {
            diagnostics.append(first.warning("describe-subnets is not in the input: \(named.count) subnet\(named.count == 1 ? " is" : "s are") known only from what names \(named.count == 1 ? "it" : "them"), with \(named.count == 1 ? "its" : "their") VPC's blocks (export `aws ec2 describe-subnets`)"))
        }
        for (id, item) in named.sorted(by: { $0.key < $1.key }) {
            guard let vpc = item.vpc, isEmitted(.vpcs, vpc), let blocks = vpcBlocks[vpc] else { continue }
            if !callMissing {
                diagnostics.append(item.origin.warning("subnet \(id) is not in the input; its block is taken as somewhere in \(vpc)'s (export it with `aws ec2 describe-subnets --subnet-ids \(id)`)"))
            }
            let reason = "\(id) is not in the export (`aws ec2 describe-subnets --subnet-ids \(id)`)"
            subnetBlocks[id] = AddressSet(cidrs: blocks.compactMap(CIDR.init))
            subnetVPCs[id] = vpc
            emit(.subnets, id: id, .object([
                ("id", .string(id)), ("vpc", .string(vpc)), ("cidrs", .strings([])),
                ("unknownCidrs", unknownCidrs(blocks, reason)),
                ("availabilityZone", item.zone.map(JSONValue.string)),
                ("routeTable", tables[id].map(JSONValue.string)), ("networkAcl", acls[id].map(JSONValue.string)),
            ]), origin: item.origin)
        }
        guard callMissing else { return }
        // Subnets nothing names are not seen at all: one stand-in per VPC holds their future
        // interfaces, with the VPC's main table and default ACL, as they have no association.
        for (vpc, blocks) in vpcBlocks.sorted(by: { $0.key < $1.key }) where isEmitted(.vpcs, vpc) {
            let id = "\(vpc)/unlisted-subnets"
            let reason = "describe-subnets is not in the export, so the subnets of \(vpc) that nothing names are not seen (`aws ec2 describe-subnets --filters Name=vpc-id,Values=\(vpc)`)"
            emit(.subnets, id: id, .object([
                ("id", .string(id)), ("vpc", .string(vpc)), ("cidrs", .strings([])),
                ("unknownCidrs", unknownCidrs(blocks, reason)), ("unlisted", .bool(true)),
            ]), origin: nil)
        }
    }

    /// `unknownCidrs` for a subnet somewhere in a VPC with `blocks`: each of their families,
    /// for `reason`.
    private func unknownCidrs(_ blocks: [String], _ reason: String) -> JSONValue {
        let families = Set(blocks.compactMap { CIDR($0)?.family }).sorted { $0.rawValue < $1.rawValue }
        return .object(families.map { ($0.rawValue, JSONValue.string(reason)) })
    }

    /// Internet, egress-only and virtual private gateways that a route of an exported table
    /// names but the export does not list: AWS requires them to be attached to the table's
    /// VPC for the route to exist, so they are, marked as assumed.
    mutating func synthesizeNamedGateways() {
        var seen = Set<String>()
        for (tableID, record) in unique(.routeTables) {
            guard let vpc = string(record.cursor, "VpcId"), isEmitted(.vpcs, vpc) else { continue }
            for route in list(record.cursor, "Routes") {
                let candidates: [(id: String?, collection: Collection)] = [
                    (string(route, "GatewayId").flatMap { $0.hasPrefix("igw-") ? $0 : nil }, .internetGateways),
                    (string(route, "GatewayId").flatMap { $0.hasPrefix("vgw-") ? $0 : nil }, .vpnGateways),
                    (string(route, "EgressOnlyInternetGatewayId"), .egressOnlyInternetGateways),
                ]
                for case let (id?, collection) in candidates where !isEmitted(collection, id) && seen.insert(id).inserted {
                    diagnostics.append(route.warning("\(id) is not in the input; route table \(tableID) names it, so it is taken as attached to \(vpc), as AWS requires"))
                    gatewayVPCs[id] = vpc
                    emit(collection, id: id, .object([("id", .string(id)), ("vpc", .string(vpc)), ("outsideInput", .bool(true))]), origin: route)
                }
            }
        }
    }

    /// Where the members of a group that a rule names but the bundle does not describe may
    /// be: its VPC's blocks when the VPC is in the input, else those of its account's VPCs,
    /// else every private range.
    mutating func declareOutsideGroup(_ id: String, vpc: String?, account: String?, from cursor: JSONCursor) {
        guard !isEmitted(.outsideGroups, id) else { return }
        var addresses: [String]?
        var whereFrom = "every private range and global IPv6"
        if let vpc, let blocks = vpcBlocks[vpc] {
            addresses = blocks
            whereFrom = "the blocks of \(vpc)"
        } else if let account {
            let owned = vpcOwners.filter { $0.value == account }.keys.sorted().flatMap { vpcBlocks[$0] ?? [] }
            if !owned.isEmpty {
                addresses = owned
                whereFrom = "the blocks of account \(account)'s VPCs"
            }
        }
        diagnostics.append(cursor.warning("the rule's peer group \(id) is not in the input; its members are taken as outside:\(id), anywhere in \(whereFrom), and verdicts from them are `unknown` (export it with `aws ec2 describe-security-groups --group-ids \(id)` in the account that owns it)"))
        emit(.outsideGroups, id: id, .object([
            ("id", .string(id)), ("addresses", addresses.map { .strings(Array(Set($0)).sorted()) }),
            ("vpc", vpc.map(JSONValue.string)), ("account", account.map(JSONValue.string)),
        ]), origin: cursor)
    }
}
