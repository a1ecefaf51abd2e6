/// A network ACL: stateless, ordered allow/deny lists for each direction of a subnet.
public struct NetworkACL: Hashable, Sendable, Identifiable {
    public let id: NetworkACLID
    public let vpc: VPCID
    public let isDefault: Bool
    /// Entries sorted by rule number.
    public let inbound: [NetworkACLEntry]
    /// Entries sorted by rule number.
    public let outbound: [NetworkACLEntry]

    public init(
        id: NetworkACLID, vpc: VPCID, isDefault: Bool,
        inbound: [NetworkACLEntry], outbound: [NetworkACLEntry]
    ) {
        self.id = id
        self.vpc = vpc
        self.isDefault = isDefault
        self.inbound = inbound.sorted { $0.ruleNumber < $1.ruleNumber }
        self.outbound = outbound.sorted { $0.ruleNumber < $1.ruleNumber }
    }

    /// The ACL AWS would create: allow everything both ways, IPv4 and IPv6.
    public static func allowAll(id: NetworkACLID, vpc: VPCID) -> NetworkACL {
        let entries = [CIDR.anyIPv4, CIDR.anyIPv6].enumerated().map {
            NetworkACLEntry(
                ruleNumber: 100 + $0.offset, action: .allow, traffic: .all, cidr: $0.element)
        }
        return NetworkACL(id: id, vpc: vpc, isDefault: true, inbound: entries, outbound: entries)
    }
}
