/// A security group: stateful, allow-only rules attached to network interfaces.
public struct SecurityGroup: Hashable, Sendable, Identifiable {
    public let id: SecurityGroupID
    public let vpc: VPCID
    public let name: String?
    public let ingress: [SecurityGroupRule]
    public let egress: [SecurityGroupRule]

    public init(
        id: SecurityGroupID, vpc: VPCID, name: String? = nil,
        ingress: [SecurityGroupRule], egress: [SecurityGroupRule]
    ) {
        self.id = id
        self.vpc = vpc
        self.name = name
        self.ingress = ingress
        self.egress = egress
    }
}
