/// Something a verdict needs that the input names or implies but does not describe, with
/// the export that would settle it.
///
/// The solver attaches these to `unknown` verdicts; reports and findings print them, so a
/// reader learns both what is missing and the command that fetches it.
public struct MissingInput: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The missing component's id (or Terraform address), or the missing call or value.
    public let component: String
    /// What the component is and why it counts as missing, in words that follow its id:
    /// `a peering connection the input does not describe`.
    public let what: String
    /// The command that exports it, when there is one.
    public let exportCommand: String?
    /// What settles it.
    public let settlement: Settlement

    /// What settles a missing input.
    public enum Settlement: Hashable, Sendable {
        /// Running `exportCommand` (or, without one, describing the component in the input).
        case export
        /// Applying the Terraform plan: the value exists only then.
        case apply
        /// Reading an appliance's own configuration, which no AWS export holds.
        case applianceConfiguration
    }

    public init(component: String, what: String, exportCommand: String?, settlement: Settlement = .export) {
        self.component = component
        self.what = what
        self.exportCommand = exportCommand
        self.settlement = settlement
    }

    /// A component known only by the id a reference gives, described by its AWS id prefix.
    public static func component(_ id: String) -> MissingInput {
        if let standIn = standIn(id) { return standIn }
        for (prefix, what, command) in MissingInput.awsKinds where id.hasPrefix(prefix) {
            return MissingInput(
                component: id, what: "\(article(what)) \(what) the input does not describe",
                exportCommand: command.map { "aws ec2 \($0) \(id)" })
        }
        if id.contains("aws_") || id.hasPrefix("module.") {
            return MissingInput(component: id, what: "a resource outside the plan", exportCommand: nil)
        }
        return MissingInput(component: id, what: "a component the input does not describe", exportCommand: nil)
    }

    /// A stand-in the AWS loader declares for part of a transit gateway the export leaves
    /// out (`tgw-1/attachments-not-in-input`, `tgw-1/association-not-in-input`).
    private static func standIn(_ id: String) -> MissingInput? {
        guard id.hasPrefix("tgw-"), let slash = id.firstIndex(of: "/") else { return nil }
        let gateway = id[..<slash]
        let command = "aws ec2 describe-transit-gateway-attachments --filters Name=transit-gateway-id,Values=\(gateway)"
        switch id[id.index(after: slash)...] {
        case "attachments-not-in-input":
            return MissingInput(component: id, what: "the attachments of \(gateway) that the export does not list", exportCommand: command)
        case "association-not-in-input":
            return MissingInput(component: id, what: "the route table that attachments of \(gateway) are associated with, which the export does not give", exportCommand: command)
        default:
            return nil
        }
    }

    /// The entries of a prefix list the input names without them.
    public static func prefixListEntries(_ id: PrefixListID) -> MissingInput {
        MissingInput(
            component: id.rawValue, what: "a prefix list whose entries are not in the input",
            exportCommand: id.rawValue.hasPrefix("pl-") ? "aws ec2 get-managed-prefix-list-entries --prefix-list-id \(id)" : nil)
    }

    /// The rules of a security group that an interface carries but the input does not describe.
    public static func securityGroupRules(_ id: SecurityGroupID) -> MissingInput {
        MissingInput(
            component: id.rawValue, what: "a security group whose rules are not in the input",
            exportCommand: id.rawValue.hasPrefix("sg-") ? "aws ec2 describe-security-groups --group-ids \(id)" : nil)
    }

    /// An appliance (an interface or instance a route sends traffic to), whose forwarding
    /// the input cannot describe.
    public static func appliance(_ id: String) -> MissingInput {
        MissingInput(component: id, what: "an appliance: where it forwards traffic is not in the input", exportCommand: nil, settlement: .applianceConfiguration)
    }

    /// A value a Terraform plan knows only after apply.
    public static func afterApply(_ value: String) -> MissingInput {
        MissingInput(component: value, what: "known only after apply", exportCommand: nil, settlement: .apply)
    }

    /// The subnets, and so the route tables, ACLs and interfaces, of a VPC the input declares
    /// without any.
    public static func subnets(of vpc: VPCID) -> MissingInput {
        MissingInput(
            component: vpc.rawValue, what: "a VPC declared without subnets: its route tables, network ACLs and interfaces are not in the input",
            exportCommand: "aws ec2 describe-subnets --filters Name=vpc-id,Values=\(vpc)")
    }

    /// The subnets of a VPC that an export without describe-subnets does not list, which
    /// `standIn` stands for.
    public static func unlistedSubnets(of vpc: VPCID, standIn: SubnetID) -> MissingInput {
        MissingInput(
            component: standIn.rawValue, what: "the subnets of \(vpc) that the export does not list (describe-subnets is missing)",
            exportCommand: "aws ec2 describe-subnets --filters Name=vpc-id,Values=\(vpc)")
    }

    /// The routes of a transit gateway route table the input has without them.
    public static func routes(ofTransitGatewayTable table: TransitGatewayRouteTableID) -> MissingInput {
        if let standIn = standIn(table.rawValue) { return standIn }
        return MissingInput(
            component: table.rawValue, what: "a transit gateway route table whose routes are not in the input",
            exportCommand: table.rawValue.hasPrefix("tgw-rtb-")
                ? MissingExport.searchTransitGatewayRoutes(of: table.rawValue) : nil)
    }

    /// The subnets of a VPC attachment the input lists without them: which subnet carries
    /// the traffic, and so which ACLs apply, is unknown.
    public static func subnets(ofAttachment attachment: TransitGatewayAttachmentID) -> MissingInput {
        MissingInput(
            component: attachment.rawValue, what: "a VPC attachment whose subnets are not in the input",
            exportCommand: "aws ec2 describe-transit-gateway-vpc-attachments --transit-gateway-attachment-ids \(attachment)")
    }

    /// The Availability Zone of a subnet, unknown in the input (a plan before apply, a
    /// subnet known only from what names it).
    public static func availabilityZone(of subnet: SubnetID) -> MissingInput {
        MissingInput(
            component: subnet.rawValue, what: "a subnet whose Availability Zone is not in the input",
            exportCommand: subnet.rawValue.hasPrefix("subnet-") ? "aws ec2 describe-subnets --subnet-ids \(subnet)" : nil)
    }

    /// The main route table of a VPC the input has no table for: routing beyond the local
    /// routes is unknown.
    public static func mainRouteTable(of vpc: VPCID) -> MissingInput {
        MissingInput(
            component: "main route table of \(vpc)", what: "a route table the input does not describe: routing beyond the local routes is unknown",
            exportCommand: "aws ec2 describe-route-tables --filters Name=vpc-id,Values=\(vpc)")
    }

    /// Id prefixes of AWS resources, what they are, and the call that describes one.
    private static let awsKinds: [(prefix: String, what: String, call: String?)] = [
        ("pcx-", "peering connection", "describe-vpc-peering-connections --vpc-peering-connection-ids"),
        ("tgw-attach-", "transit gateway attachment", "describe-transit-gateway-attachments --transit-gateway-attachment-ids"),
        ("tgw-rtb-", "transit gateway route table", "describe-transit-gateway-route-tables --transit-gateway-route-table-ids"),
        ("tgw-", "transit gateway", "describe-transit-gateways --transit-gateway-ids"),
        ("vgw-", "virtual private gateway", "describe-vpn-gateways --vpn-gateway-ids"),
        ("vpn-", "VPN connection", "describe-vpn-connections --vpn-connection-ids"),
        ("eni-", "network interface", "describe-network-interfaces --network-interface-ids"),
        ("i-", "instance", "describe-instances --instance-ids"),
        ("nat-", "NAT gateway", "describe-nat-gateways --nat-gateway-ids"),
        ("igw-", "internet gateway", "describe-internet-gateways --internet-gateway-ids"),
        ("eigw-", "egress-only internet gateway", "describe-egress-only-internet-gateways --egress-only-internet-gateway-ids"),
        ("vpce-", "VPC endpoint", "describe-vpc-endpoints --vpc-endpoint-ids"),
        ("sg-", "security group", "describe-security-groups --group-ids"),
        ("vpc-", "VPC", "describe-vpcs --vpc-ids"),
        ("subnet-", "subnet", "describe-subnets --subnet-ids"),
        ("rtb-", "route table", "describe-route-tables --route-table-ids"),
        ("cagw-", "carrier gateway", "describe-carrier-gateways --carrier-gateway-ids"),
        ("lgw-", "local gateway", "describe-local-gateways --local-gateway-ids"),
        ("arn:", "core network", nil),
    ]

    /// `pcx-0gone, a peering connection the input does not describe (export it with `aws ec2 ...`)`.
    public var description: String {
        "\(component), \(what)" + (exportCommand.map { " (export it with `\($0)`)" } ?? "")
    }

    private static func article(_ noun: String) -> String {
        guard let first = noun.lowercased().first else { return "a" }
        if noun.hasPrefix("VPC") || noun.hasPrefix("VPN") { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.component, lhs.what, lhs.exportCommand ?? "") < (rhs.component, rhs.what, rhs.exportCommand ?? "")
    }
}
