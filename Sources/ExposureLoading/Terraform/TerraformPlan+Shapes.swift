/// The shape of the planned values the Terraform importer reads, per resource type,
/// limited to the members that decide verdicts. Values known only after apply are absent
/// from `planned_values`, so every member is optional here; their absence is handled by
/// the importer, which never reads it as "closed".
extension TerraformPlan {
    /// What a resource of `type` must look like, or `nil` for types the importer ignores.
    static func shape(of type: String) -> JSONShape? { shapes[type] }

    /// The types whose values are checked.
    private static let checkedTypes = [
        "aws_vpc", "aws_vpc_ipv4_cidr_block_association", "aws_vpc_ipv6_cidr_block_association", "aws_subnet",
        "aws_security_group", "aws_default_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule",
        "aws_vpc_security_group_egress_rule", "aws_network_acl", "aws_default_network_acl", "aws_network_acl_rule",
        "aws_route_table", "aws_default_route_table", "aws_route", "aws_instance", "aws_network_interface",
        "aws_ec2_managed_prefix_list", "aws_ec2_managed_prefix_list_entry", "aws_emr_block_public_access_configuration",
        "aws_vpc_endpoint",
    ]

    /// Each checked type's shape, built once.
    private static let shapes = Dictionary(uniqueKeysWithValues: checkedTypes.compactMap { type in makeShape(of: type).map { (type, $0) } })

    private static func makeShape(of type: String) -> JSONShape? {
        switch type {
        case "aws_vpc", "aws_vpc_ipv4_cidr_block_association", "aws_vpc_ipv6_cidr_block_association":
            .object(["cidr_block": .cidr, "ipv6_cidr_block": .cidr, "vpc_id": .string])
        case "aws_subnet":
            .object([
                "cidr_block": .cidr, "ipv6_cidr_block": .cidr, "vpc_id": .string, "availability_zone": .string,
                "map_public_ip_on_launch": .boolean, "assign_ipv6_address_on_creation": .boolean,
            ])
        case "aws_security_group", "aws_default_security_group":
            .object(["vpc_id": .string, "ingress": .array(groupRule), "egress": .array(groupRule)])
        case "aws_security_group_rule":
            .object(groupRuleMembers.merging([
                "type": .oneOf(["ingress", "egress"]), "security_group_id": .string, "source_security_group_id": .string,
            ]) { first, _ in first })
        case "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule":
            .object([
                "security_group_id": .string, "ip_protocol": .ipProtocol, "from_port": port, "to_port": port,
                "cidr_ipv4": .cidr, "cidr_ipv6": .cidr, "prefix_list_id": .string, "referenced_security_group_id": .string,
            ])
        case "aws_network_acl", "aws_default_network_acl":
            .object(["vpc_id": .string, "subnet_ids": .strings, "ingress": .array(aclEntry), "egress": .array(aclEntry)])
        case "aws_network_acl_rule":
            .object([
                "network_acl_id": .string, "rule_number": .integer(1...32766), "rule_action": .oneOf(["allow", "deny"]),
                "egress": .boolean, "protocol": .ipProtocol, "from_port": .integer(0...65535), "to_port": .integer(0...65535),
                "cidr_block": .cidr, "ipv6_cidr_block": .cidr, "icmp_type": icmp, "icmp_code": icmp,
            ])
        case "aws_route_table", "aws_default_route_table":
            .object(["vpc_id": .string, "propagating_vgws": .strings, "route": .array(.object(["cidr_block": .cidr, "ipv6_cidr_block": .cidr]))])
        case "aws_route":
            .object(["route_table_id": .string, "destination_cidr_block": .cidr, "destination_ipv6_cidr_block": .cidr])
        case "aws_instance":
            .object([
                "subnet_id": .string, "vpc_security_group_ids": .strings, "security_groups": .strings,
                "associate_public_ip_address": .boolean, "private_ip": .string,
            ])
        case "aws_network_interface":
            .object(["subnet_id": .string, "security_groups": .strings, "private_ips": .strings])
        case "aws_ec2_managed_prefix_list":
            .object(["entry": .array(.object(["cidr": .cidr]))])
        case "aws_ec2_managed_prefix_list_entry":
            .object(["cidr": .cidr, "prefix_list_id": .string])
        case "aws_emr_block_public_access_configuration":
            .object([
                "block_public_security_group_rules": .boolean,
                "permitted_public_security_group_rule_range": .array(.object(["min_range": .integer(0...65535), "max_range": .integer(0...65535)])),
            ])
        case "aws_vpc_endpoint":
            .object(["vpc_id": .string, "route_table_ids": .strings, "subnet_ids": .strings, "security_group_ids": .strings, "policy": .string])
        default:
            nil
        }
    }

    /// `resource_changes`: which values of each instance are known only after apply.
    static let resourceChanges = JSONShape.array(.object(["address": .string, "change": .object([:])], required: ["address"]))

    /// A group port, or for ICMP the type or code; `-1` means all.
    private static let port = JSONShape.integer(-1...65535)
    private static let icmp = JSONShape.integer(-1...255)

    private static let groupRuleMembers: [String: JSONShape] = [
        "from_port": port, "to_port": port, "protocol": .ipProtocol, "cidr_blocks": .array(.cidr),
        "ipv6_cidr_blocks": .array(.cidr), "prefix_list_ids": .strings, "security_groups": .strings, "self": .boolean,
    ]
    private static let groupRule = JSONShape.object(groupRuleMembers)

    private static let aclEntry = JSONShape.object([
        "rule_no": .integer(1...32766), "action": .oneOf(["allow", "deny"]), "protocol": .ipProtocol,
        "from_port": .integer(0...65535), "to_port": .integer(0...65535), "cidr_block": .cidr, "ipv6_cidr_block": .cidr,
        "icmp_type": icmp, "icmp_code": icmp,
    ])
}
