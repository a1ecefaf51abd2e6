import ExposureLoading
import ExposureModel
import ExposureSolver
import Foundation

/// A Terraform plan (`terraform show -json`) built in a test from only the resources it is
/// about: planned values, the values known only after apply, and configuration references.
package struct PlanBuilder {
    private var resources: [[String: Any]] = []
    private var changes: [[String: Any]] = []
    private var configuration: [[String: Any]] = []

    package init() {}

    /// Adds `type.name` with its planned `values`; `unknown` attributes are known only after
    /// apply; `references` link attributes to other resources (`["vpc_id": "aws_vpc.main"]`).
    package mutating func add(_ type: String, _ name: String, _ values: [String: Any], unknown: [String] = [], references: [String: [String]] = [:]) {
        let address = "\(type).\(name)"
        resources.append(["address": address, "mode": "managed", "type": type, "name": name, "values": values])
        var afterUnknown: [String: Any] = ["id": true]
        for attribute in unknown { afterUnknown[attribute] = true }
        changes.append(["address": address, "change": ["actions": ["create"], "after_unknown": afterUnknown]])
        var expressions: [String: Any] = [:]
        for (path, targets) in references {
            let reference: [String: Any] = ["references": targets.flatMap { ["\($0).id", $0] }]
            PlanBuilder.insert(reference, at: path.split(separator: ".").map(String.init), into: &expressions)
        }
        configuration.append(["address": address, "mode": "managed", "type": type, "name": name, "expressions": expressions])
    }

    /// Writes `value` at a dotted path (`route.0.gateway_id`): a number step is an element of
    /// a nested block's list, as `terraform show -json` writes blocks.
    private static func insert(_ value: [String: Any], at path: [String], into object: inout [String: Any]) {
        guard let key = path.first else { return }
        let rest = Array(path.dropFirst())
        guard let step = rest.first else {
            object[key] = value
            return
        }
        if Int(step) != nil {
            var list = object[key] as? [[String: Any]] ?? [[:]]
            var element = list[0]
            insert(value, at: Array(rest.dropFirst()), into: &element)
            list[0] = element
            object[key] = list
        } else {
            var child = object[key] as? [String: Any] ?? [:]
            insert(value, at: rest, into: &child)
            object[key] = child
        }
    }

    var json: [UInt8] {
        let plan: [String: Any] = [
            "format_version": "1.2",
            "planned_values": ["root_module": ["resources": resources]],
            "resource_changes": changes,
            "configuration": ["root_module": ["resources": configuration]],
        ]
        return Array((try? JSONSerialization.data(withJSONObject: plan, options: [.sortedKeys])) ?? Data())
    }

    package func load() throws -> InputLoader.Loaded {
        try InputLoader.load(file: InputFile(path: "plan.json", relativePath: "plan.json", bytes: json))
    }

    /// A VPC, a public subnet routing to an internet gateway, and an EMR cluster in it whose
    /// primary group opens `ingress`; `change` edits the resources before they are added.
    package static func cluster(
        ingress: [[String: Any]], subnet: [String: Any] = ["cidr_block": "10.1.1.0/24", "availability_zone": "us-east-1a"],
        subnetUnknown: [String] = [], vpc: [String: Any] = ["cidr_block": "10.1.0.0/16"], vpcUnknown: [String] = [],
        clusterGroups: Bool = true
    ) -> PlanBuilder {
        var plan = PlanBuilder()
        plan.add("aws_vpc", "main", vpc, unknown: vpcUnknown)
        plan.add("aws_subnet", "public", subnet, unknown: subnetUnknown, references: ["vpc_id": ["aws_vpc.main"]])
        plan.add("aws_internet_gateway", "igw", [:], references: ["vpc_id": ["aws_vpc.main"]])
        plan.add("aws_route_table", "public", ["route": [["cidr_block": "0.0.0.0/0"]]], references: ["vpc_id": ["aws_vpc.main"], "route.0.gateway_id": ["aws_internet_gateway.igw"]])
        plan.add("aws_route_table_association", "public", [:], references: ["subnet_id": ["aws_subnet.public"], "route_table_id": ["aws_route_table.public"]])
        plan.add("aws_security_group", "primary", ["ingress": ingress, "egress": [["protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]]]], references: ["vpc_id": ["aws_vpc.main"]])
        plan.add(
            "aws_emr_cluster", "etl", ["name": "etl", "release_label": "emr-7.1.0", "ec2_attributes": [[:] as [String: Any]]],
            unknown: clusterGroups ? [] : ["ec2_attributes"],
            references: clusterGroups
                ? ["ec2_attributes.0.subnet_id": ["aws_subnet.public"], "ec2_attributes.0.emr_managed_master_security_group": ["aws_security_group.primary"], "ec2_attributes.0.emr_managed_slave_security_group": ["aws_security_group.primary"]]
                : ["ec2_attributes.0.subnet_id": ["aws_subnet.public"]])
        return plan
    }
}
