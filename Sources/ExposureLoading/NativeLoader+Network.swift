import ExposureModel

/// Decoding of the addressing and filtering parts: tenants, VPCs, subnets, route tables,
/// network ACLs, security groups, prefix lists and network interfaces.
extension NativeLoader {
    mutating func decodeTenant(_ element: JSONCursor) throws(Diagnostic) {
        diagnostics += element.unknownKeyWarnings(known: ["name", "description"])
        let cursor = try element.requiredField("name")
        // A name is an id (printable, bounded) that zones can also hold: no spaces.
        let name = try identifier(cursor)
        guard !name.contains(where: \.isWhitespace) else {
            throw cursor.error("expected a tenant name without spaces, found \"\(DiagnosticText.shortened(name))\"")
        }
        if let first = declarations[.tenant]?[name] {
            throw cursor.error("duplicate tenant \"\(name)\" (first declared at line \(first.value.location.line))")
        }
        declarations[.tenant, default: [:]][name] = cursor
        _ = try element.field("description")?.string()
        topology.tenants.append(name)
        topology.tenants.sort()
    }

    mutating func decodePrefixList(_ element: JSONCursor) throws(Diagnostic) {
        diagnostics += element.unknownKeyWarnings(known: ["id", "name", "entries", "standsFor"])
        let id = try declare(.prefixList, in: element)
        let entries: [CIDR]? = try element.field("entries").map { cursor throws(Diagnostic) in try cidrs(cursor) }
        var standIn: PrefixList.StandIn?
        if let cursor = element.field("standsFor") {
            // A stand-in an importer wrote: what the missing entries are.
            diagnostics += cursor.unknownKeyWarnings(known: ["rulesOf", "valueAfterApply"])
            if let group = try cursor.field("rulesOf")?.string() {
                standIn = .rulesOf(SecurityGroupID(group))
            } else if let value = try cursor.field("valueAfterApply")?.string() {
                standIn = .valueAfterApply(value)
            } else {
                throw cursor.error("expected {\"rulesOf\": GROUP} or {\"valueAfterApply\": VALUE}")
            }
            if let entriesCursor = element.field("entries") {
                throw entriesCursor.error("a stand-in prefix list has no entries")
            }
        }
        topology.prefixLists[PrefixListID(id)] = PrefixList(
            id: PrefixListID(id), name: try element.field("name")?.string(), entries: entries, standIn: standIn)
    }

    mutating func decodeVPC(_ element: JSONCursor) throws(Diagnostic) {
        diagnostics += element.unknownKeyWarnings(known: ["id", "cidrs", "unknownCidrs", "tenant", "account"])
        let id = try declare(.vpc, in: element)
        let blocksCursor = try element.requiredField("cidrs")
        var blocks = try cidrs(blocksCursor)
        let unknown = try unknownBlocks(element.field("unknownCidrs"), besides: blocks)
        for block in unknown { blocks.append(placeholderBlock(block.family)) }
        guard !blocks.isEmpty else { throw blocksCursor.error("expected at least one CIDR block (or \"unknownCidrs\")") }
        let tenant = try element.field("tenant").map { cursor throws(Diagnostic) in try refer(.tenant, cursor) }
        topology.vpcs[VPCID(id)] = VPC(
            id: VPCID(id), cidrs: blocks, tenant: tenant, account: try element.field("account")?.string(),
            unknownBlocks: unknown)
    }

    /// `{"ipv4": reason, "ipv6": reason}`: families whose block the input does not give,
    /// none of them a family that `given` has a block of.
    mutating func unknownBlocks(_ cursor: JSONCursor?, besides given: [CIDR]) throws(Diagnostic) -> [UnknownBlock] {
        guard let cursor else { return [] }
        guard case .object(let members) = cursor.value.kind else {
            throw cursor.error("expected an object such as {\"ipv6\": \"why it is not known\"}, found \(cursor.value.kindName)")
        }
        var result: [UnknownBlock] = []
        for member in members {
            let entry = JSONCursor(value: member.value, path: cursor.path.appending(member.key), file: file)
            guard let family = AddressFamily(rawValue: member.key) else {
                throw entry.error("expected \"ipv4\" or \"ipv6\", found \"\(member.key)\"")
            }
            if given.contains(where: { $0.family == family }) {
                throw cursor.error("\(family.rawValue) is both given in \"cidrs\" and listed as unknown")
            }
            result.append(UnknownBlock(family: family, reason: try entry.string()))
        }
        return result
    }

    /// A block from a reserved range standing for one the input does not give: one /16 of
    /// 240.0.0.0/4, or one /48 of 2001:db8::/32, per VPC in the order they are declared.
    mutating func placeholderBlock(_ family: AddressFamily) -> CIDR {
        let index = placeholderCount[family, default: 0]
        placeholderCount[family] = index + 1
        switch family {
        case .ipv4:
            return CIDR(address: IPAddress(ipv4: 0xF000_0000 + UInt32(index % 4096) << 16), prefixLength: 16)
        case .ipv6:
            let base: UInt128 = 0x2001_0db8 << 96
            return CIDR(address: IPAddress(rawValue: base + UInt128(index % 65536) << 80), prefixLength: 48)
        }
    }

    mutating func decodeSubnet(_ element: JSONCursor) throws(Diagnostic) {
        diagnostics += element.unknownKeyWarnings(known: [
            "id", "vpc", "cidrs", "unknownCidrs", "availabilityZone", "routeTable", "networkAcl", "tenant", "unlisted",
        ])
        let id = try declare(.subnet, in: element)
        let vpc = try refer(.vpc, try element.requiredField("vpc"))
        let blocksCursor = try element.requiredField("cidrs")
        var blocks = try cidrs(blocksCursor)
        let unknown = try unknownBlocks(element.field("unknownCidrs"), besides: blocks)
        // A subnet whose block is not known lies somewhere in its VPC's blocks of that family.
        for block in unknown { blocks += topology.vpcs[VPCID(vpc)]?.cidrs.filter { $0.family == block.family } ?? [] }
        guard !blocks.isEmpty else { throw blocksCursor.error("expected at least one CIDR block (or \"unknownCidrs\")") }
        let zone = try element.field("availabilityZone")?.string()
        let routeTable = try element.field("routeTable").map { cursor throws(Diagnostic) in try refer(.routeTable, cursor) }
        let acl = try element.field("networkAcl").map { cursor throws(Diagnostic) in try refer(.networkACL, cursor) }
        let tenant = try element.field("tenant").map { cursor throws(Diagnostic) in try refer(.tenant, cursor) }
        let unlisted = try element.field("unlisted")?.bool() ?? false
        if unlisted, let explicit = element.field("routeTable") ?? element.field("networkAcl") {
            // Subnets nothing names have no explicit association: the VPC's main table and
            // default ACL are theirs.
            throw explicit.error("a subnet standing for unlisted subnets has no explicit route table or network ACL")
        }
        topology.subnets[SubnetID(id)] = Subnet(
            id: SubnetID(id), vpc: VPCID(vpc), cidrs: blocks, availabilityZone: zone,
            routeTable: routeTable.map { RouteTableID($0) }, networkACL: acl.map { NetworkACLID($0) },
            tenant: tenant, unknownBlocks: unknown, standsForUnlisted: unlisted)
    }

    mutating func decodeRouteTable(_ element: JSONCursor) throws(Diagnostic) {
        diagnostics += element.unknownKeyWarnings(known: ["id", "vpc", "main", "routes", "propagatingGateways"])
        let id = try declare(.routeTable, in: element)
        let vpc = try refer(.vpc, try element.requiredField("vpc"))
        let isMain = try element.field("main")?.bool() ?? false
        var routes: [Route] = []
        var targets: [JSONCursor] = []
        // Required: a table whose routes were left out would route nothing, silently.
        for entry in try element.requiredField("routes").elements() {
            attempt { loader throws(Diagnostic) in
                let (route, target) = try loader.decodeRoute(entry)
                routes.append(route)
                targets.append(target)
            }
        }
        routeTargetCursors[RouteTableID(id)] = targets
        let propagating = try referAll(.vpnGateway, element.field("propagatingGateways"))
        topology.routeTables[RouteTableID(id)] = RouteTable(
            id: RouteTableID(id), vpc: VPCID(vpc), isMain: isMain, routes: routes,
            propagatingGateways: propagating.map { VPNGatewayID($0) })
    }

    /// Target ids are resolved by the collection that declares them, in validation.
    mutating func decodeRoute(_ entry: JSONCursor) throws(Diagnostic) -> (Route, JSONCursor) {
        diagnostics += entry.unknownKeyWarnings(known: ["destination", "prefixList", "target", "blackhole", "outsideInput"])
        let destination: Route.Destination
        switch (entry.field("destination"), entry.field("prefixList")) {
        case (let cidrCursor?, nil): destination = .cidr(try cidr(cidrCursor))
        case (nil, let listCursor?): destination = .prefixList(PrefixListID(try refer(.prefixList, listCursor)))
        case (nil, nil): throw entry.error("expected \"destination\" (a CIDR) or \"prefixList\" (an id)")
        case (_, let listCursor?):
            throw listCursor.error("a route has either \"destination\" or \"prefixList\", not both")
        }
        let targetCursor = try entry.requiredField("target")
        let target = try identifier(targetCursor)
        // A target outside the input (a peering to an account not exported, say) stays as
        // written; validation leaves it alone and its hops are `unknown`.
        let outside = try entry.field("outsideInput")?.bool() ?? false
        let route = Route(
            destination: destination,
            target: .unsupported(kind: outside ? Route.Target.outsideInputKind : "unresolved", id: target),
            isBlackhole: try entry.field("blackhole")?.bool() ?? false)
        return (route, targetCursor)
    }

    mutating func decodeNetworkACL(_ element: JSONCursor) throws(Diagnostic) {
        diagnostics += element.unknownKeyWarnings(known: ["id", "vpc", "default", "inbound", "outbound"])
        let id = try declare(.networkACL, in: element)
        let vpc = try refer(.vpc, try element.requiredField("vpc"))
        let inbound = try decodeACLEntries(try element.requiredField("inbound"))
        let outbound = try decodeACLEntries(try element.requiredField("outbound"))
        topology.networkACLs[NetworkACLID(id)] = NetworkACL(
            id: NetworkACLID(id), vpc: VPCID(vpc), isDefault: try element.field("default")?.bool() ?? false,
            inbound: inbound, outbound: outbound)
    }

    mutating func decodeACLEntries(_ list: JSONCursor) throws(Diagnostic) -> [NetworkACLEntry] {
        var entries: [NetworkACLEntry] = []
        var seen: [Int: JSONCursor] = [:]
        for entry in try list.elements() {
            attempt { loader throws(Diagnostic) in
                loader.diagnostics += entry.unknownKeyWarnings(known: [
                    "rule", "action", "protocol", "ports", "icmpType", "icmpCode", "cidr",
                ])
                let ruleCursor = try entry.requiredField("rule")
                let number = try ruleCursor.int()
                guard (1...32766).contains(number) else {
                    throw ruleCursor.error("rule number \(number) is out of range; expected 1-32766")
                }
                if let first = seen[number] {
                    throw ruleCursor.error(
                        "duplicate rule number \(number) in this direction (first at line \(first.value.location.line))")
                }
                seen[number] = ruleCursor
                let actionCursor = try entry.requiredField("action")
                let actionText = try actionCursor.string()
                guard let action = NetworkACLEntry.Action(rawValue: actionText) else {
                    throw actionCursor.error("expected \"allow\" or \"deny\", found \"\(actionText)\"")
                }
                entries.append(NetworkACLEntry(
                    ruleNumber: number, action: action, traffic: try loader.decodeTraffic(entry),
                    cidr: try loader.cidr(try entry.requiredField("cidr"))))
            }
        }
        return entries
    }

    /// Decodes `protocol`, `ports`, `icmpType` and `icmpCode`, rejecting contradictions.
    func decodeTraffic(_ entry: JSONCursor) throws(Diagnostic) -> TrafficSelector {
        let protocolCursor = try entry.requiredField("protocol")
        let protocolText: String
        if case .number = protocolCursor.value.kind {
            protocolText = String(try protocolCursor.int())
        } else {
            protocolText = try protocolCursor.string()
        }
        guard let ipProtocol = IPProtocol(parsing: protocolText) else {
            throw protocolCursor.error(
                "expected \"all\", \"tcp\", \"udp\", \"icmp\", \"icmpv6\" or a protocol number 0-255, found \"\(protocolText)\"")
        }
        let portsCursor = entry.field("ports")
        let typeCursor = entry.field("icmpType")
        let codeCursor = entry.field("icmpCode")
        if let portsCursor, !ipProtocol.hasPorts {
            throw portsCursor.error("\"ports\" applies to tcp and udp only; protocol \(ipProtocol) has no ports")
        }
        if !ipProtocol.isICMP, let stray = typeCursor ?? codeCursor {
            throw stray.error("ICMP type and code apply to icmp and icmpv6 only")
        }
        if ipProtocol.hasPorts, portsCursor == nil {
            throw entry.error("missing required field \"ports\" for protocol \(ipProtocol) (use \"all\" for every port)")
        }
        let ports = try portsCursor.map { cursor throws(Diagnostic) in try portRange(cursor) }
        var icmp: ICMPMatch?
        if ipProtocol.isICMP {
            let type = try typeCursor.map { cursor throws(Diagnostic) in try icmpNumber(cursor, what: "type") } ?? nil
            let code = try codeCursor.map { cursor throws(Diagnostic) in try icmpNumber(cursor, what: "code") } ?? nil
            if type == nil, code != nil, let codeCursor {
                throw codeCursor.error("an ICMP code needs a specific type; with every type the rule would match nothing")
            }
            icmp = ICMPMatch(type: type, code: code)
        }
        return TrafficSelector(ipProtocol: ipProtocol, ports: ports, icmp: icmp)
    }

    /// An ICMP type or code: 0-255, or -1 for any.
    func icmpNumber(_ cursor: JSONCursor, what: String) throws(Diagnostic) -> UInt8? {
        let number = try cursor.int()
        if number == -1 { return nil }
        guard (0...255).contains(number) else {
            throw cursor.error("ICMP \(what) \(number) is out of range; expected 0-255 or -1 for any")
        }
        return UInt8(number)
    }

    mutating func decodeSecurityGroup(_ element: JSONCursor) throws(Diagnostic) {
        diagnostics += element.unknownKeyWarnings(known: ["id", "vpc", "name", "ingress", "egress"])
        let id = try declare(.securityGroup, in: element)
        let vpc = try refer(.vpc, try element.requiredField("vpc"))
        let ingress = try decodeGroupRules(try element.requiredField("ingress"))
        let egress = try decodeGroupRules(try element.requiredField("egress"))
        topology.securityGroups[SecurityGroupID(id)] = SecurityGroup(
            id: SecurityGroupID(id), vpc: VPCID(vpc), name: try element.field("name")?.string(),
            ingress: ingress, egress: egress)
    }

    /// A group rules may name as a peer whose members the input does not describe.
    mutating func decodeOutsideGroup(_ element: JSONCursor) throws(Diagnostic) {
        diagnostics += element.unknownKeyWarnings(known: ["id", "addresses", "vpc", "account"])
        let id = try declare(.securityGroup, in: element)
        let addresses = try element.field("addresses").map { cursor throws(Diagnostic) in try cidrs(cursor) } ?? OutsideGroup.anywhere
        topology.outsideGroups[SecurityGroupID(id)] = OutsideGroup(
            id: SecurityGroupID(id), addresses: addresses, vpc: (try element.field("vpc")?.string()).map { VPCID($0) },
            account: try element.field("account")?.string())
    }

    mutating func decodeGroupRules(_ list: JSONCursor) throws(Diagnostic) -> [SecurityGroupRule] {
        var rules: [SecurityGroupRule] = []
        for entry in try list.elements() {
            attempt { loader throws(Diagnostic) in
                loader.diagnostics += entry.unknownKeyWarnings(known: [
                    "protocol", "ports", "icmpType", "icmpCode", "cidr", "prefixList",
                    "securityGroup", "description",
                ])
                let traffic = try loader.decodeTraffic(entry)
                let peers = [entry.field("cidr"), entry.field("prefixList"), entry.field("securityGroup")]
                let given = peers.compactMap { $0 }
                guard given.count == 1 else {
                    if given.count > 1 {
                        throw given[1].error("a rule has exactly one of \"cidr\", \"prefixList\", \"securityGroup\"")
                    }
                    throw entry.error("missing the rule's peer: one of \"cidr\", \"prefixList\", \"securityGroup\"")
                }
                let peer: SecurityGroupRule.Peer
                if let cidrCursor = peers[0] {
                    peer = .cidr(try loader.cidr(cidrCursor))
                } else if let listCursor = peers[1] {
                    peer = .prefixList(PrefixListID(try loader.refer(.prefixList, listCursor)))
                } else {
                    peer = .securityGroup(SecurityGroupID(try loader.refer(.securityGroup, given[0])))
                }
                rules.append(SecurityGroupRule(
                    traffic: traffic, peer: peer, note: try entry.field("description")?.string()))
            }
        }
        return rules
    }

    mutating func decodeNetworkInterface(_ element: JSONCursor) throws(Diagnostic) {
        diagnostics += element.unknownKeyWarnings(known: [
            "id", "subnet", "role", "privateIps", "ipv6Addresses", "publicIp", "securityGroups",
            "instance", "tenant", "ephemeralPorts", "plannedAddress", "plannedPublicIp",
        ])
        let id = try declare(.networkInterface, in: element)
        let subnet = try refer(.subnet, try element.requiredField("subnet"))
        let role = try choice(element.field("role"), default: NetworkInterface.Role.instance)
        var privateIPv4: [IPAddress] = []
        let privateCursor = try element.requiredField("privateIps")
        for cursor in try privateCursor.elements() {
            let value = try address(cursor)
            guard value.isIPv4 else { throw cursor.error("expected a private IPv4 address; put IPv6 in \"ipv6Addresses\"") }
            privateIPv4.append(value)
        }
        var ipv6: [IPAddress] = []
        for cursor in try element.field("ipv6Addresses")?.elements() ?? [] {
            let value = try address(cursor)
            guard !value.isIPv4 else { throw cursor.error("expected an IPv6 address") }
            ipv6.append(value)
        }
        // A planned interface (a Terraform instance before apply) may take any address of
        // its subnet, and may be given a public IPv4 address.
        let plannedAddress = try element.field("plannedAddress")?.bool() ?? false
        let plannedPublicIP = try element.field("plannedPublicIp")?.bool() ?? false
        guard !privateIPv4.isEmpty || !ipv6.isEmpty || plannedAddress else {
            throw privateCursor.error("an interface needs at least one private IPv4 or IPv6 address, or \"plannedAddress\": true")
        }
        let publicIP = try element.field("publicIp").map { cursor throws(Diagnostic) in
            let value = try address(cursor)
            guard value.isIPv4 else { throw cursor.error("expected a public IPv4 address") }
            return value
        }
        let groupsCursor = try element.requiredField("securityGroups")
        let groups = try referAll(.securityGroup, groupsCursor)
        guard (role == .natGateway || role == .transitGatewayAttachment) || (1...16).contains(groups.count) else {
            throw groupsCursor.error("an interface carries 1 to 16 security groups, found \(groups.count)")
        }
        let tenant = try element.field("tenant").map { cursor throws(Diagnostic) in try refer(.tenant, cursor) }
        let ephemeral = try element.field("ephemeralPorts").map { cursor throws(Diagnostic) in try portRange(cursor) }
        topology.networkInterfaces[NetworkInterfaceID(id)] = NetworkInterface(
            id: NetworkInterfaceID(id), subnet: SubnetID(subnet), role: role,
            privateIPv4: privateIPv4, ipv6: ipv6, publicIPv4: publicIP,
            securityGroups: groups.map { SecurityGroupID($0) },
            instance: (try element.field("instance")?.string()).map { InstanceID($0) }, tenant: tenant,
            ephemeralPorts: ephemeral ?? .linuxEphemeral, addressIsPlanned: plannedAddress,
            plannedPublicIPv4: plannedPublicIP)
    }
}
