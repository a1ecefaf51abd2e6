import ExposureModel

/// Instances, network interfaces, Elastic IPs, EMR clusters and block public access.
extension TerraformPlanLoader {
    mutating func translateInterfaces() {
        let groups = groupAddresses
        let elasticIPs = Set(resources("aws_eip").flatMap { references($0, [.key("instance")]) + references($0, [.key("network_interface")]) })
        for instance in resources("aws_instance") {
            guard let subnet = reference(instance, [.key("subnet_id")]), has(.subnets, subnet), let vpc = subnetVPC(subnet) else {
                skipTarget(instance, kind: .instance, "its subnet is not in the plan (instances in the default VPC are not modelled)")
                continue
            }
            var securityGroups = self.groups(of: instance, [.key("vpc_security_group_ids")], vpc: vpc, known: groups)
            if securityGroups.isEmpty { securityGroups = [defaultGroup(of: vpc)] }
            emitInterface(instance, id: instance.address, subnet: subnet, groups: securityGroups,
                          privateIPs: [string(instance, "private_ip")].compactMap { $0 }, ipv6: strings(instance, [.key("ipv6_addresses")]),
                          publicIP: string(instance, "public_ip"),
                          plannedPublic: bool(instance, "associate_public_ip_address") ?? subnetMapsPublicIP(subnet) || elasticIPs.contains(instance.address),
                          instance: instance.address)
        }
        for interface in resources("aws_network_interface") {
            guard let subnet = reference(interface, [.key("subnet_id")]), has(.subnets, subnet), let vpc = subnetVPC(subnet) else {
                skipTarget(interface, kind: .networkInterface, "its subnet is not in the plan")
                continue
            }
            let attached = references(interface, [.key("attachment"), .index(0), .key("instance")]).first
            emitInterface(interface, id: interface.address, subnet: subnet, groups: self.groups(of: interface, [.key("security_groups")], vpc: vpc, known: groups),
                          privateIPs: strings(interface, [.key("private_ips")]), ipv6: strings(interface, [.key("ipv6_addresses")]),
                          publicIP: nil, plannedPublic: elasticIPs.contains(interface.address), instance: attached)
        }
    }

    /// The groups an attribute names: those of the plan, and a stand-in with unknown rules
    /// for each one outside it, or for the whole list when it is known only after apply.
    mutating func groups(of resource: Resource, _ path: [Step], vpc: String, known: Set<String>) -> [String] {
        let named = references(resource, path)
        if named.isEmpty, plan.isUnknown(resource, path) {
            let attribute = path.compactMap { step -> String? in
                if case .key(let key) = step { return key }
                return nil
            }.last ?? "security groups"
            return [unknownGroup("\(resource.address).\(attribute) (known after apply)", vpc: vpc, standIn: .valueAfterApply("\(resource.address).\(attribute)"), from: resource)]
        }
        return named.map { name in
            known.contains(name) || builder.contains(.securityGroups, name)
                ? name : unknownGroup(name, vpc: vpc, standIn: .rulesOf(SecurityGroupID(name)), from: resource)
        }
    }

    /// A security group whose rules are not in the plan (a group outside it, or ids known
    /// only after apply): what it allows is `unknown` both ways.
    private mutating func unknownGroup(_ name: String, vpc: String, standIn: PrefixList.StandIn, from resource: Resource) -> String {
        // A rule may already name the group as an outside peer; an interface carries a group.
        let id = builder.contains(.outsideGroups, name) ? "\(name) (carried)" : name
        guard !builder.contains(.securityGroups, id) else { return id }
        switch standIn {
        case .rulesOf(let group):
            diagnostics.append(resource.values.warning("security group \(group) of \(resource.address) is not in the plan; what it allows is `unknown`"))
        case .valueAfterApply(let value):
            diagnostics.append(resource.values.warning("\(value) is known only after apply; what those security groups allow is `unknown`"))
        }
        builder.addGroupWithUnknownRules(id, vpc: vpc, standIn: standIn, source: "plan", origin: resource.values)
        return id
    }

    private mutating func emitInterface(_ resource: Resource, id: String, subnet: String, groups: [String], privateIPs: [String], ipv6: [String], publicIP: String?, plannedPublic: Bool, instance: String?) {
        guard !groups.isEmpty else { skipTarget(resource, kind: .networkInterface, "none of its security groups is in the plan"); return }
        // In a subnet whose block is known only after apply, fixed addresses cannot be placed:
        // the interface may take any address of it.
        let privateIPs = subnetsWithUnknownIPv4.contains(subnet) ? [] : privateIPs
        let planned = privateIPs.isEmpty && ipv6.isEmpty
        emit(.networkInterfaces, resource, [
            ("subnet", .string(subnet)), ("privateIps", .strings(privateIPs)), ("ipv6Addresses", ipv6.isEmpty ? nil : .strings(ipv6)),
            ("publicIp", publicIP.map(JSONValue.string)), ("plannedAddress", planned ? .bool(true) : nil),
            ("plannedPublicIp", publicIP == nil && plannedPublic ? .bool(true) : nil),
            ("securityGroups", .strings(Array(Set(groups)).sorted())), ("instance", instance.map(JSONValue.string)),
        ], id: id)
    }

    private func subnetVPC(_ subnet: String) -> String? {
        byAddress[subnet].flatMap { reference($0, [.key("vpc_id")]) }
    }

    private func subnetMapsPublicIP(_ subnet: String) -> Bool {
        byAddress[subnet].flatMap { bool($0, "map_public_ip_on_launch") } ?? false
    }

    /// The VPC's default group: the plan's `aws_default_security_group`, else the one AWS
    /// creates (all traffic from its own members in, everything out).
    private mutating func defaultGroup(of vpc: String) -> String {
        if let declared = resources("aws_default_security_group").first(where: { reference($0, [.key("vpc_id")]) == vpc }) { return declared.address }
        let id = "\(vpc)/default-security-group"
        if !builder.contains(.securityGroups, id) {
            builder.add(.securityGroups, id: id, .object([
                ("id", .string(id)), ("vpc", .string(vpc)), ("name", .string("default")),
                ("ingress", .array([.object([("protocol", .string("all")), ("securityGroup", .string(id))])])),
                ("egress", .array([.object([("protocol", .string("all")), ("cidr", .string("0.0.0.0/0"))])])),
            ]), origin: nil)
        }
        return id
    }

    mutating func translateEMR() {
        let groups = groupAddresses
        for cluster in resources("aws_emr_cluster") {
            let attributes: [Step] = [.key("ec2_attributes"), .index(0)]
            let subnets = (references(cluster, attributes + [.key("subnet_id")]) + references(cluster, attributes + [.key("subnet_ids")])).filter { has(.subnets, $0) }
            guard !subnets.isEmpty else { skipTarget(cluster, kind: .emrCluster, "its subnet is not in the plan"); continue }
            let vpc = subnetVPC(subnets[0]) ?? ""
            func group(_ key: String, _ loader: inout TerraformPlanLoader) -> JSONValue? {
                loader.groups(of: cluster, attributes + [.key(key)], vpc: vpc, known: groups).first.map(JSONValue.string)
            }
            func additional(_ key: String) -> JSONValue? {
                // A comma-separated string of ids in the provider.
                var ids = string(cluster, attributes + [.key(key)]).map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
                if ids.isEmpty { ids = plan.addresses(referencedBy: cluster, attributes + [.key(key)]) }
                let kept = ids.map { addressByID[$0] ?? $0 }.filter(groups.contains)
                return kept.isEmpty ? nil : .strings(kept)
            }
            emit(.emrClusters, cluster, [
                ("name", string(cluster, "name").map(JSONValue.string)), ("releaseLabel", string(cluster, "release_label").map(JSONValue.string)),
                ("subnets", .strings(subnets)),
                ("primarySecurityGroup", group("emr_managed_master_security_group", &self)),
                ("coreSecurityGroup", group("emr_managed_slave_security_group", &self)),
                ("serviceAccessSecurityGroup", group("service_access_security_group", &self)),
                ("additionalPrimarySecurityGroups", additional("additional_master_security_groups")),
                ("additionalCoreSecurityGroups", additional("additional_slave_security_groups")),
            ])
        }
        if let configuration = resources("aws_emr_block_public_access_configuration").first {
            var ranges: [String] = []
            if case .array(let items)? = value(configuration, [.key("permitted_public_security_group_rule_range")])?.kind {
                for item in items {
                    guard let low = item["min_range"]?.intValue else { continue }
                    ranges.append(NativeTraffic.portRange(low, item["max_range"]?.intValue))
                }
            }
            builder.blockPublicAccess = (.object([("enabled", .bool(bool(configuration, "block_public_security_group_rules") ?? true)), ("permittedPorts", .strings(ranges))]), configuration.values)
        }
    }
}
