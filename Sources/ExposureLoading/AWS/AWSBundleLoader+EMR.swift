import ExposureModel

/// EMR clusters (`describe-cluster`, `list-instances`, `list-instance-groups`,
/// `list-instance-fleets`) and the block-public-access configuration.
extension AWSBundleLoader {
    /// A cluster with the EMR outputs that belong to it.
    struct ClusterRecords {
        let cluster: Record
        var instances: [Record] = []
        /// Instance group or fleet id → node role.
        var roles: [String: EMRCluster.Role] = [:]
    }

    private static func role(_ type: String?) -> EMRCluster.Role? {
        switch type?.uppercased() {
        case "MASTER": .primary
        case "CORE": .core
        case "TASK": .task
        default: nil
        }
    }

    /// Groups EMR list outputs with their cluster: the id beside the list or in the file
    /// name, else the only cluster in the same folder, else the only cluster at all.
    func clusters() -> [String: ClusterRecords] {
        var result: [String: ClusterRecords] = [:]
        for record in bundle.records(.cluster) {
            guard let id = string(record.cursor, "Id"), result[id] == nil else { continue }
            result[id] = ClusterRecords(cluster: record)
        }
        func owner(_ record: Record) -> String? {
            if let id = record.context.owner, result[id] != nil { return id }
            let sameFolder = result.filter { $0.value.cluster.context.folder == record.context.folder }
            if sameFolder.count == 1 { return sameFolder.first?.key }
            return result.count == 1 ? result.first?.key : nil
        }
        for record in bundle.records(.instances) where record.cursor.value["Ec2InstanceId"] != nil {
            if let id = owner(record) { result[id]?.instances.append(record) }
        }
        for record in bundle.records(.instanceGroups) {
            if let id = owner(record), let group = string(record.cursor, "Id"), let role = AWSBundleLoader.role(string(record.cursor, "InstanceGroupType")) {
                result[id]?.roles[group] = role
            }
        }
        for record in bundle.records(.instanceFleets) {
            if let id = owner(record), let fleet = string(record.cursor, "Id"), let role = AWSBundleLoader.role(string(record.cursor, "InstanceFleetType")) {
                result[id]?.roles[fleet] = role
            }
        }
        return result
    }

    /// The role of every running EMR node, so its EC2 interface is written as an EMR node.
    mutating func collectEMRRoles() {
        for (_, records) in clusters() {
            for instance in records.instances {
                guard let ec2 = string(instance.cursor, "Ec2InstanceId"), let role = nodeRole(instance.cursor, records) else { continue }
                emrRoles[ec2] = role
            }
        }
    }

    private func nodeRole(_ instance: JSONCursor, _ records: ClusterRecords) -> EMRCluster.Role? {
        let group = string(instance, "InstanceGroupId").flatMap { $0.isEmpty ? nil : $0 } ?? string(instance, "InstanceFleetId")
        return group.flatMap { records.roles[$0] }
    }

    mutating func translateEMRClusters() {
        let interfacesByInstance = interfacesOfInstances()
        for (id, records) in clusters().sorted(by: { $0.key < $1.key }) {
            let cursor = records.cluster.cursor
            let state = cursor.value["Status"]?["State"]?.stringValue ?? "RUNNING"
            guard !state.hasPrefix("TERMINAT") else {
                diagnostics.append(cursor.warning("cluster \(id) is \(state.lowercased()); it is skipped"))
                builder.skip(id, kind: .emrCluster, reason: "it is \(state.lowercased())", isIncomplete: false)
                continue
            }
            let attributes = cursor.field("Ec2InstanceAttributes") ?? cursor
            var subnets = stringList(attributes, "RequestedEc2SubnetIds") ?? []
            if let subnet = string(attributes, "Ec2SubnetId"), !subnets.contains(subnet) { subnets.insert(subnet, at: 0) }
            let placed = subnets.filter { isEmitted(.subnets, $0) }
            guard let firstSubnet = placed.first else {
                diagnostics.append(cursor.warning("cluster \(id) is in subnet \(subnets.first ?? "?"), which is not in the input (add `aws ec2 describe-subnets` and the other EC2 outputs of its VPC); it is skipped"))
                builder.skip(id, kind: .emrCluster, reason: "its subnet \(subnets.first ?? "?") and its VPC are not in the input (add the EC2 outputs of its VPC)", isIncomplete: true)
                continue
            }
            let vpc = subnetVPCs[firstSubnet]
            func group(_ field: String) -> String? {
                guard let group = string(attributes, field), let vpc else { return nil }
                return groupReference(group, vpc: vpc, from: attributes)
            }
            func groups(_ field: String) -> [String] {
                guard let vpc else { return [] }
                return (stringList(attributes, field) ?? []).map { groupReference($0, vpc: vpc, from: attributes) }
            }
            let primary = group("EmrManagedMasterSecurityGroup")
            let core = group("EmrManagedSlaveSecurityGroup")
            let additionalPrimary = groups("AdditionalMasterSecurityGroups")
            let additionalCore = groups("AdditionalSlaveSecurityGroups")
            var nodes: [JSONValue] = []
            for instance in records.instances.sorted(by: { (string($0.cursor, "Ec2InstanceId") ?? "") < (string($1.cursor, "Ec2InstanceId") ?? "") }) {
                let node = instance.cursor
                guard let ec2 = string(node, "Ec2InstanceId") else { continue }
                let nodeState = node.value["Status"]?["State"]?.stringValue ?? "RUNNING"
                guard nodeState == "RUNNING" || nodeState == "BOOTSTRAPPING" || nodeState == "PROVISIONING" else {
                    diagnostics.append(node.warning("node \(ec2) of \(id) is \(nodeState.lowercased()), not running; it is skipped"))
                    builder.skip(ec2, kind: .instance, reason: "node of \(id), \(nodeState.lowercased())", isIncomplete: false)
                    continue
                }
                guard let role = nodeRole(node, records) else {
                    diagnostics.append(node.warning("the role of node \(ec2) is unknown (add `aws emr list-instance-groups` or `list-instance-fleets`); it is skipped"))
                    builder.skip(ec2, kind: .instance, reason: "node of \(id) whose role is not in the input (add `aws emr list-instance-groups` or `list-instance-fleets`)", isIncomplete: true)
                    continue
                }
                var interface = interfacesByInstance[ec2]
                if interface == nil {
                    interface = synthesizeNode(ec2, cluster: id, node: node, subnets: placed, groups: role == .primary ? [primary].compactMap { $0 } + additionalPrimary : [core].compactMap { $0 } + additionalCore)
                }
                guard let interface else { continue }
                nodes.append(.object([("role", .string(role.rawValue)), ("networkInterface", .string(interface)), ("instance", .string(ec2))]))
            }
            if nodes.isEmpty {
                diagnostics.append(cursor.warning("no running node of cluster \(id) is in the input; it is analysed as planned (add `aws emr list-instances --cluster-id \(id)` and `list-instance-groups` for its real nodes)"))
            }
            emit(.emrClusters, id: id, .object([
                ("id", .string(id)), ("name", string(cursor, "Name").map(JSONValue.string)),
                ("releaseLabel", string(cursor, "ReleaseLabel").map(JSONValue.string)),
                ("subnets", .strings(placed)),
                ("primarySecurityGroup", primary.map(JSONValue.string)), ("coreSecurityGroup", core.map(JSONValue.string)),
                ("serviceAccessSecurityGroup", group("ServiceAccessSecurityGroup").map(JSONValue.string)),
                ("additionalPrimarySecurityGroups", additionalPrimary.isEmpty ? nil : .strings(additionalPrimary)),
                ("additionalCoreSecurityGroups", additionalCore.isEmpty ? nil : .strings(additionalCore)),
                ("nodes", nodes.isEmpty ? nil : .array(nodes)),
                // A running cluster whose nodes the export lacks is analysed with planned
                // nodes, but is still running (EMR revokes rules; it does not refuse to launch).
                ("launched", nodes.isEmpty && !["STARTING", "PROVISIONING"].contains(state) ? .bool(true) : nil),
            ]), origin: cursor)
        }
    }

    /// The written interface of each instance (its first, by id).
    private func interfacesOfInstances() -> [String: String] {
        var result: [String: String] = [:]
        for value in builder.values(of: .networkInterfaces) {
            guard let instance = value["instance"]?.stringValue, let id = value["id"]?.stringValue else { continue }
            if result[instance].map({ id < $0 }) ?? true { result[instance] = id }
        }
        return result
    }

    /// An interface for a node whose EC2 outputs are not in the bundle, from what
    /// `list-instances` says: its addresses, and the groups EMR gives its role.
    private mutating func synthesizeNode(_ ec2: String, cluster: String, node: JSONCursor, subnets: [String], groups: [String]) -> String? {
        guard let ip = string(node, "PrivateIpAddress"), let address = IPAddress(ip) else {
            diagnostics.append(node.warning("node \(ec2) of \(cluster) has no private address; it is skipped"))
            builder.skip(ec2, kind: .instance, reason: "node of \(cluster) with no private address in the input", isIncomplete: true)
            return nil
        }
        guard let subnet = subnets.first(where: { subnetBlocks[$0]?.contains(address) ?? false }) else {
            diagnostics.append(node.warning("node \(ec2) of \(cluster) has address \(ip), outside the cluster's subnets; it is skipped"))
            builder.skip(ec2, kind: .instance, reason: "node of \(cluster) at \(ip), outside the cluster's subnets in the input", isIncomplete: true)
            return nil
        }
        guard !groups.isEmpty else {
            diagnostics.append(node.warning("node \(ec2) of \(cluster) has no security group in the input; it is skipped"))
            builder.skip(ec2, kind: .instance, reason: "node of \(cluster) whose security groups are not in the input", isIncomplete: true)
            return nil
        }
        let id = "\(cluster)/\(ec2)"
        emit(.networkInterfaces, id: id, .object([
            ("id", .string(id)), ("subnet", .string(subnet)), ("role", .string("emr-node")),
            ("privateIps", .strings([ip])), ("publicIp", string(node, "PublicIpAddress").flatMap { $0.isEmpty ? nil : JSONValue.string($0) }),
            ("securityGroups", .strings(Array(Set(groups)).sorted())), ("instance", .string(ec2)),
        ]), origin: node)
        return id
    }

    mutating func translateBlockPublicAccess() {
        guard let record = bundle.records(.blockPublicAccess).first else { return }
        let cursor = record.cursor
        let enabled = cursor.value["BlockPublicSecurityGroupRules"]?.boolValue == true
        let ranges = list(cursor, "PermittedPublicSecurityGroupRuleRanges").compactMap { range -> String? in
            range.value["MinRange"]?.intValue.map { NativeTraffic.portRange($0, range.value["MaxRange"]?.intValue) }
        }
        builder.blockPublicAccess = (.object([("enabled", .bool(enabled)), ("permittedPorts", .strings(ranges))]), cursor)
    }
}
