/// The shape of the planned values the Terraform importer reads, per resource type,
/// limited to the members that decide verdicts. Values known only after apply are absent
/// from `planned_values`, so every member is optional here; their absence is handled by
/// the importer, which never reads it as "closed". Terraform writes `""` for an unset
/// string, which a CIDR member may therefore be.
extension TerraformPlan {
    /// What a resource of `type` must look like, or `nil` for types the importer ignores.
    static func shape(of type: String) -> JSONShape? { shapes[type] }

    /// `resource_changes`: which values of each instance are known only after apply.
    static let resourceChanges = JSONShape.array(.object(["address": .string, "change": .object([:])], required: ["address"]))

    /// A group port, or for ICMP the type or code; `-1` means all.
    private static let port = JSONShape.integer(-1...65535)
    private static let icmp = JSONShape.integer(-1...255)
    private static let vpcBlocks = JSONShape.object(["cidr_block": .cidrOrUnset, "ipv6_cidr_block": .cidrOrUnset, "vpc_id": .string])

    private static let groupRuleMembers: [String: JSONShape] = [
        "from_port": port, "to_port": port, "protocol": .ipProtocol, "cidr_blocks": .array(.cidrOrUnset),
        "ipv6_cidr_blocks": .array(.cidrOrUnset), "prefix_list_ids": .strings, "security_groups": .strings, "self": .boolean,
    ]
    private static let group = JSONShape.object(["vpc_id": .string, "ingress": .array(.object(groupRuleMembers)), "egress": .array(.object(groupRuleMembers))])
    private static let separateGroupRule = JSONShape.object([
        "security_group_id": .string, "ip_protocol": .ipProtocol, "from_port": port, "to_port": port,
        "cidr_ipv4": .cidrOrUnset, "cidr_ipv6": .cidrOrUnset, "prefix_list_id": .string, "referenced_security_group_id": .string,
    ])

    private static let aclEntry = JSONShape.object([
        "rule_no": .integer(1...32766), "action": .oneOf(["allow", "deny"]), "protocol": .ipProtocol,
        "from_port": .integer(0...65535), "to_port": .integer(0...65535), "cidr_block": .cidrOrUnset, "ipv6_cidr_block": .cidrOrUnset,
        "icmp_type": icmp, "icmp_code": icmp,
    ])
    private static let acl = JSONShape.object(["vpc_id": .string, "subnet_ids": .strings, "ingress": .array(aclEntry), "egress": .array(aclEntry)])
    private static let routeTable = JSONShape.object([
        "vpc_id": .string, "propagating_vgws": .strings,
        "route": .array(.object(["cidr_block": .cidrOrUnset, "ipv6_cidr_block": .cidrOrUnset])),
    ])

    /// Every checked type's shape.
    private static let shapes: [String: JSONShape] = [
        "aws_vpc": vpcBlocks, "aws_vpc_ipv4_cidr_block_association": vpcBlocks, "aws_vpc_ipv6_cidr_block_association": vpcBlocks,
        "aws_subnet": .object([
            "cidr_block": .cidrOrUnset, "ipv6_cidr_block": .cidrOrUnset, "vpc_id": .string, "availability_zone": .string,
            "map_public_ip_on_launch": .boolean, "assign_ipv6_address_on_creation": .boolean,
        ]),
        "aws_security_group": group, "aws_default_security_group": group,
        "aws_security_group_rule": .object(groupRuleMembers.merging([
            "type": .oneOf(["ingress", "egress"]), "security_group_id": .string, "source_security_group_id": .string,
        ]) { first, _ in first }),
        "aws_vpc_security_group_ingress_rule": separateGroupRule, "aws_vpc_security_group_egress_rule": separateGroupRule,
        "aws_network_acl": acl, "aws_default_network_acl": acl,
        "aws_network_acl_rule": .object([
            "network_acl_id": .string, "rule_number": .integer(1...32766), "rule_action": .oneOf(["allow", "deny"]),
            "egress": .boolean, "protocol": .ipProtocol, "from_port": .integer(0...65535), "to_port": .integer(0...65535),
            "cidr_block": .cidrOrUnset, "ipv6_cidr_block": .cidrOrUnset, "icmp_type": icmp, "icmp_code": icmp,
        ]),
        "aws_route_table": routeTable, "aws_default_route_table": routeTable,
        "aws_route": .object(["route_table_id": .string, "destination_cidr_block": .cidrOrUnset, "destination_ipv6_cidr_block": .cidrOrUnset]),
        "aws_instance": .object([
            "subnet_id": .string, "vpc_security_group_ids": .strings, "security_groups": .strings,
            "associate_public_ip_address": .boolean, "private_ip": .string,
        ]),
        "aws_network_interface": .object(["subnet_id": .string, "security_groups": .strings, "private_ips": .strings]),
        "aws_ec2_managed_prefix_list": .object(["entry": .array(.object(["cidr": .cidrOrUnset]))]),
        "aws_ec2_managed_prefix_list_entry": .object(["cidr": .cidrOrUnset, "prefix_list_id": .string]),
        "aws_emr_block_public_access_configuration": .object([
            "block_public_security_group_rules": .boolean,
            "permitted_public_security_group_rule_range": .array(.object(["min_range": .integer(0...65535), "max_range": .integer(0...65535)])),
        ]),
        "aws_vpc_endpoint": .object(["vpc_id": .string, "route_table_ids": .strings, "subnet_ids": .strings, "security_group_ids": .strings, "policy": .string]),
    ]
}
