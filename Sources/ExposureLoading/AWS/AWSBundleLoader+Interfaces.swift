import ExposureModel

/// Network interfaces, from `describe-network-interfaces` and `describe-instances`, with
/// Elastic IPs from `describe-addresses`.
extension AWSBundleLoader {
    /// An interface gathered from every output that mentions it.
    private struct Gathered {
        var cursor: JSONCursor
        var subnet: String?
        var privateIPv4: [String] = []
        var ipv6: [String] = []
        var publicIP: String?
        var groups: [String] = []
        var instance: String?
        var interfaceType: String?
        var owner: String?
        var tagCursor: JSONCursor?
    }

    private func gather(_ cursor: JSONCursor, into item: inout Gathered) {
        item.subnet = item.subnet ?? string(cursor, "SubnetId")
        for address in list(cursor, "PrivateIpAddresses") {
            if let ip = string(address, "PrivateIpAddress"), !item.privateIPv4.contains(ip) { item.privateIPv4.append(ip) }
            if item.publicIP == nil { item.publicIP = address.value["Association"]?["PublicIp"]?.stringValue }
        }
        if let ip = string(cursor, "PrivateIpAddress"), !item.privateIPv4.contains(ip) { item.privateIPv4.insert(ip, at: 0) }
        for ip in strings(cursor, "Ipv6Addresses", "Ipv6Address") where !item.ipv6.contains(ip) { item.ipv6.append(ip) }
        item.publicIP = item.publicIP ?? cursor.value["Association"]?["PublicIp"]?.stringValue
        if item.groups.isEmpty { item.groups = strings(cursor, "Groups", "GroupId") }
        item.instance = item.instance ?? cursor.value["Attachment"]?["InstanceId"]?.stringValue
        item.interfaceType = item.interfaceType ?? string(cursor, "InterfaceType")
        item.owner = item.owner ?? string(cursor, "OwnerId")
        if item.tagCursor == nil, !tags(of: cursor).isEmpty { item.tagCursor = cursor }
    }

    mutating func translateInterfaces() {
        var interfaces: [String: Gathered] = [:]
        for (id, record) in unique(.networkInterfaces) {
            var item = Gathered(cursor: record.cursor)
            gather(record.cursor, into: &item)
            item.owner = item.owner ?? record.context.account
            interfaces[id] = item
        }
        var instances: [(cursor: JSONCursor, owner: String?)] = bundle.records(.reservations).flatMap { reservation in
            list(reservation.cursor, "Instances").map { ($0, owner(of: reservation)) }
        }
        instances += bundle.records(.instances)
            .filter { $0.cursor.value["InstanceId"] != nil && $0.cursor.value["Ec2InstanceId"] == nil }
            .map { ($0.cursor, $0.context.account) }
        // Instances whose interfaces describe-network-interfaces already gave.
        let describedInstances = Set(interfaces.values.compactMap(\.instance))
        var skipped = Set<String>()
        var seenInstances = Set<String>()
        for (instance, owner) in instances.sorted(by: { (string($0.cursor, "InstanceId") ?? "") < (string($1.cursor, "InstanceId") ?? "") }) {
            guard let instanceID = string(instance, "InstanceId"), seenInstances.insert(instanceID).inserted else { continue }
            let state = instance.value["State"]?["Name"]?.stringValue ?? "running"
            let attached = list(instance, "NetworkInterfaces")
            guard state == "running" else {
                diagnostics.append(instance.warning("instance \(instanceID) is \(state), not running; it and its interfaces are skipped"))
                builder.skip(instanceID, kind: .instance, reason: "it is \(state), not running", isIncomplete: false)
                skipped.insert(instanceID)
                continue
            }
            if attached.isEmpty {
                // Older shapes and some collectors give only the instance's own fields.
                guard !describedInstances.contains(instanceID) else { continue }
                var item = Gathered(cursor: instance, instance: instanceID, owner: owner)
                gather(instance, into: &item)
                item.publicIP = item.publicIP ?? string(instance, "PublicIpAddress")
                if item.groups.isEmpty { item.groups = strings(instance, "SecurityGroups", "GroupId") }
                if !tags(of: instance).isEmpty { item.tagCursor = instance }
                interfaces["\(instanceID)/eth0"] = item
                continue
            }
            for eni in attached {
                guard let id = string(eni, "NetworkInterfaceId") else { continue }
                var item = interfaces[id] ?? Gathered(cursor: eni, owner: owner)
                gather(eni, into: &item)
                item.instance = instanceID
                if item.tagCursor == nil, !tags(of: instance).isEmpty { item.tagCursor = instance }
                interfaces[id] = item
            }
        }
        for record in bundle.records(.addresses) {
            guard let id = string(record.cursor, "NetworkInterfaceId"), let ip = string(record.cursor, "PublicIp") else { continue }
            if interfaces[id]?.publicIP == nil { interfaces[id]?.publicIP = ip }
        }
        for (id, item) in interfaces.sorted(by: { $0.key < $1.key }) {
            if let instance = item.instance, skipped.contains(instance) { continue }
            emitInterface(id: id, item)
        }
    }

    private mutating func emitInterface(id: String, _ item: Gathered) {
        let cursor = item.cursor
        guard let subnet = item.subnet, isEmitted(.subnets, subnet), let vpc = subnetVPCs[subnet] else {
            diagnostics.append(cursor.warning("interface \(id) is in subnet \(item.subnet ?? "?"), which is not in the input (nor is its VPC); it is ignored"))
            builder.skip(id, kind: .networkInterface, reason: "its subnet \(item.subnet ?? "?") and VPC are not in the input", isIncomplete: true)
            return
        }
        let role: String
        switch item.interfaceType {
        case "nat_gateway": role = "nat-gateway"
        case "vpc_endpoint", "gateway_load_balancer_endpoint": role = "vpc-endpoint"
        case "transit_gateway": role = "transit-gateway-attachment"
        case nil, "interface":
            if let instance = item.instance { role = emrRoles[instance] == nil ? "instance" : "emr-node" } else { role = "other" }
        default: role = "other"
        }
        var kept: [String] = []
        for ip in item.privateIPv4 + item.ipv6 {
            if let address = IPAddress(ip), subnetBlocks[subnet]?.contains(address) ?? true {
                kept.append(ip)
            } else {
                diagnostics.append(cursor.warning("address \(ip) of interface \(id) is outside subnet \(subnet); the address is ignored"))
            }
        }
        let ipv4 = kept.filter { !$0.contains(":") }
        let ipv6 = kept.filter { $0.contains(":") }
        guard !kept.isEmpty else {
            diagnostics.append(cursor.warning("interface \(id) has no address in its subnet; it is ignored"))
            builder.skip(id, kind: .networkInterface, reason: "it has no address in its subnet \(subnet)", isIncomplete: true)
            return
        }
        let needsGroups = role != "nat-gateway" && role != "transit-gateway-attachment"
        let groups = needsGroups ? item.groups.map { groupReference($0, vpc: vpc, from: cursor) } : []
        if needsGroups && groups.isEmpty {
            diagnostics.append(cursor.warning("interface \(id) has no security group, so it can neither receive nor send; it is ignored"))
            builder.skip(id, kind: .networkInterface, reason: "it has no security group, so it can neither receive nor send", isIncomplete: false)
            return
        }
        var tenant = item.tagCursor.flatMap { taggedTenant($0) }
        if tenant == nil, let account = item.owner, let vpcOwner = vpcOwners[vpc], account != vpcOwner {
            tenant = accountTenant(account)
        }
        if let instance = item.instance { instanceInterfaces.insert(instance) }
        emit(.networkInterfaces, id: id, .object([
            ("id", .string(id)), ("subnet", .string(subnet)), ("role", role == "instance" ? nil : .string(role)),
            ("privateIps", .strings(ipv4)), ("ipv6Addresses", ipv6.isEmpty ? nil : .strings(ipv6)),
            ("publicIp", item.publicIP.map(JSONValue.string)), ("securityGroups", .strings(Array(Set(groups)).sorted())),
            ("instance", item.instance.map(JSONValue.string)), ("tenant", tenant.map(JSONValue.string)),
        ]), origin: cursor)
    }
}
