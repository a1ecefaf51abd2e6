import ExposureModel

/// Decoding of EMR clusters and the account's block-public-access setting.
extension NativeLoader {
    mutating func decodeEMRCluster(_ element: JSONCursor) throws(Diagnostic) {
        diagnostics += element.unknownKeyWarnings(known: [
            "id", "name", "releaseLabel", "subnets", "primarySecurityGroup", "coreSecurityGroup",
            "serviceAccessSecurityGroup", "additionalPrimarySecurityGroups",
            "additionalCoreSecurityGroups", "nodes", "launched",
        ])
        let id = try declare(.emrCluster, in: element)
        let subnetsCursor = try element.requiredField("subnets")
        let subnets = try referAll(.subnet, subnetsCursor)
        guard !subnets.isEmpty else { throw subnetsCursor.error("a cluster needs at least one subnet") }
        func group(_ key: String, _ loader: inout NativeLoader) throws(Diagnostic) -> SecurityGroupID? {
            try element.field(key).map { cursor throws(Diagnostic) in
                SecurityGroupID(try loader.refer(.securityGroup, cursor))
            }
        }
        let release = try element.field("releaseLabel")?.string()
        if let release, let cursor = element.field("releaseLabel"), EMRRelease(label: release) == nil {
            throw cursor.error("expected a release label such as \"emr-7.1.0\", found \"\(release)\"")
        }
        var nodes: [EMRCluster.Node] = []
        for node in try element.field("nodes")?.elements() ?? [] {
            diagnostics += node.unknownKeyWarnings(known: ["role", "networkInterface", "instance"])
            let role = try choice(node.requiredField("role"), default: EMRCluster.Role.primary)
            let interface = try refer(.networkInterface, try node.requiredField("networkInterface"))
            nodes.append(EMRCluster.Node(
                role: role, networkInterface: NetworkInterfaceID(interface),
                instance: (try node.field("instance")?.string()).map { InstanceID($0) }))
        }
        topology.emrClusters[EMRClusterID(id)] = EMRCluster(
            id: EMRClusterID(id), name: try element.field("name")?.string(), releaseLabel: release,
            subnets: subnets.map { SubnetID($0) },
            primaryGroup: try group("primarySecurityGroup", &self),
            coreGroup: try group("coreSecurityGroup", &self),
            serviceAccessGroup: try group("serviceAccessSecurityGroup", &self),
            additionalPrimaryGroups: try referAll(.securityGroup, element.field("additionalPrimarySecurityGroups"))
                .map { SecurityGroupID($0) },
            additionalCoreGroups: try referAll(.securityGroup, element.field("additionalCoreSecurityGroups"))
                .map { SecurityGroupID($0) },
            nodes: nodes, isLaunched: try element.field("launched")?.bool() ?? !nodes.isEmpty)
    }

    /// What an importer left out: AWS CLI calls the export lacks, and resources it could
    /// not analyse.
    mutating func decodeImportRecord(_ root: JSONCursor) throws(Diagnostic) {
        for cursor in try root.field("missingExports")?.elements() ?? [] {
            let call = try cursor.string()
            guard let missing = MissingExport(rawValue: call) else {
                let valid = MissingExport.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                throw cursor.error("expected one of \(valid), found \"\(call)\"")
            }
            if !topology.missingExports.contains(missing) { topology.missingExports.append(missing) }
        }
        topology.missingExports.sort()
        let resourceKinds = ComponentKind.allCases.filter { ![.zone, .address, .outside, .accountSetting].contains($0) }
        for cursor in try root.field("skipped")?.elements() ?? [] {
            diagnostics += cursor.unknownKeyWarnings(known: ["resource", "kind", "reason", "incomplete"])
            let kindCursor = try cursor.requiredField("kind")
            let kindText = try kindCursor.string()
            guard let kind = resourceKinds.first(where: { $0.rawValue == kindText }) else {
                throw kindCursor.error(
                    "expected a resource kind (\(resourceKinds.map(\.rawValue).joined(separator: ", "))), found \"\(kindText)\"")
            }
            topology.skipped.append(SkippedResource(
                resource: try cursor.requiredField("resource").string(), kind: kind,
                reason: try cursor.requiredField("reason").string(), isIncomplete: try cursor.field("incomplete")?.bool() ?? false))
        }
    }

    mutating func decodeBlockPublicAccess(_ element: JSONCursor) throws(Diagnostic) {
        diagnostics += element.unknownKeyWarnings(known: ["enabled", "permittedPorts"])
        let enabled = try element.requiredField("enabled").bool()
        var ports: [PortRange] = []
        if let list = element.field("permittedPorts") {
            for cursor in try list.elements() { ports.append(try portRange(cursor)) }
        } else {
            ports = BlockPublicAccess.awsDefault.permittedPorts
        }
        topology.blockPublicAccess = BlockPublicAccess(isEnabled: enabled, permittedPorts: ports)
    }
}
