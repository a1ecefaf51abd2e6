import ExposureModel

/// Security groups and their rules, inline and separate.
extension TerraformPlanLoader {
    mutating func translateSecurityGroups() {
        let groups = groupAddresses
        var extra: [String: (ingress: [JSONValue], egress: [JSONValue])] = [:]
        for rule in resources("aws_security_group_rule") {
            guard let group = reference(rule, [.key("security_group_id")]) else { continue }
            let values = ruleValues(rule, [], groups: groups, owner: group)
            if string(rule, "type") == "egress" { extra[group, default: ([], [])].egress += values } else { extra[group, default: ([], [])].ingress += values }
        }
        for (type, isEgress) in [("aws_vpc_security_group_ingress_rule", false), ("aws_vpc_security_group_egress_rule", true)] {
            for rule in resources(type) {
                guard let group = reference(rule, [.key("security_group_id")]) else { continue }
                let values = ruleValues(rule, [], groups: groups, owner: group)
                if isEgress { extra[group, default: ([], [])].egress += values } else { extra[group, default: ([], [])].ingress += values }
            }
        }
        for group in (resources("aws_security_group") + resources("aws_default_security_group")) {
            guard let vpc = reference(group, [.key("vpc_id")]), has(.vpcs, vpc) else {
                skip(group, "its VPC (\(reference(group, [.key("vpc_id")]) ?? "the default VPC")) is not in the plan")
                continue
            }
            func inline(_ key: String, _ loader: inout TerraformPlanLoader) -> [JSONValue] {
                guard case .array(let items)? = loader.value(group, [.key(key)])?.kind else { return [] }
                return items.indices.flatMap { loader.ruleValues(group, [.key(key), .index($0)], groups: groups, owner: group.address) }
            }
            let ingress = inline("ingress", &self) + (extra[group.address]?.ingress ?? [])
            let egress = inline("egress", &self) + (extra[group.address]?.egress ?? [])
            emit(.securityGroups, group, [
                ("vpc", .string(vpc)), ("name", string(group, "name").map(JSONValue.string)),
                ("ingress", .array(NativeDocumentBuilder.deduplicated(ingress))), ("egress", .array(NativeDocumentBuilder.deduplicated(egress))),
            ])
        }
    }

    /// Native rules for one inline block or rule resource, one per peer.
    fileprivate mutating func ruleValues(_ resource: Resource, _ path: [Step], groups: Set<String>, owner: String) -> [JSONValue] {
        let isNewStyle = resource.type.hasPrefix("aws_vpc_security_group_")
        guard let traffic = protocolMembers(resource, path, protocolKey: isNewStyle ? "ip_protocol" : "protocol") else { return [] }
        let description = string(resource, path + [.key("description")]).map(JSONValue.string)
        var peers: [(String, String)] = []
        let cidrKeys = isNewStyle ? ["cidr_ipv4", "cidr_ipv6"] : ["cidr_blocks", "ipv6_cidr_blocks"]
        for key in cidrKeys {
            let path = path + [.key(key)]
            let known = isNewStyle ? [string(resource, path)].compactMap { $0 } : strings(resource, path)
            peers += known.map { ("cidr", $0) }
            if known.isEmpty, plan.isUnknown(resource, path) { peers.append(("prefixList", unknownList(resource, key))) }
        }
        let listKey = isNewStyle ? "prefix_list_id" : "prefix_list_ids"
        for list in references(resource, path + [.key(listKey)]) {
            if !has(.prefixLists, list) {
                builder.add(.prefixLists, id: list, .object([("id", .string(list))]), origin: resource.values)
                diagnostics.append(resource.values.warning("the entries of prefix list \(list) are not in the plan, so verdicts that depend on it are `unknown`"))
            }
            peers.append(("prefixList", list))
        }
        let groupKeys = isNewStyle ? ["referenced_security_group_id"] : (resource.type == "aws_security_group_rule" ? ["source_security_group_id"] : ["security_groups"])
        for key in groupKeys {
            for peer in references(resource, path + [.key(key)]) {
                if !groups.contains(peer) && !builder.contains(.outsideGroups, peer) {
                    // Its members are not in the plan: traffic from them is `unknown`, from
                    // anywhere in the private ranges.
                    diagnostics.append(resource.values.warning("the peer group \(peer) of a rule in \(resource.address) is not in the plan; its members are taken as outside:\(peer), anywhere in the private ranges, and verdicts from them are `unknown`"))
                    builder.add(.outsideGroups, id: peer, .object([("id", .string(peer))]), origin: resource.values)
                }
                peers.append(("securityGroup", peer))
            }
        }
        if bool(resource, "self") == true || value(resource, path + [.key("self")])?.boolValue == true {
            peers.append(("securityGroup", owner))
        }
        return peers.map { kind, peer in .object(traffic + [(kind, .string(peer)), ("description", description)]) }
    }
}
