import ExposureModel

/// Where traffic enters from: an attacker's or a neighbour's vantage point.
public enum Zone: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Public IPv4, entering through an internet gateway.
    case internet
    /// Global unicast IPv6, entering through an internet gateway.
    case internet6
    /// The interfaces (or empty subnets) of a declared tenant.
    case tenant(String)
    /// The networks behind a VPN connection.
    case onprem(VPNConnectionID)
    /// A VPC that belongs to no declared tenant.
    case vpc(VPCID)
    /// The networks behind a component the input does not fully describe (a peering or
    /// transit gateway left out of an export, a Direct Connect gateway, an appliance, a
    /// security group of another account): everything from here is at best `unknown`.
    case outside(String)

    /// `internet`, `internet6`, `tenant:NAME`, `onprem:ID`, `vpc:ID`, `outside:ID`.
    public var description: String {
        switch self {
        case .internet: "internet"
        case .internet6: "internet6"
        case .tenant(let name): "tenant:\(name)"
        case .onprem(let id): "onprem:\(id)"
        case .vpc(let id): "vpc:\(id)"
        case .outside(let id): "outside:\(id)"
        }
    }

    /// Parses the printed form.
    public init?(parsing text: String) {
        if text == "internet" { self = .internet; return }
        if text == "internet6" { self = .internet6; return }
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty else { return nil }
        switch parts[0] {
        case "tenant": self = .tenant(parts[1])
        case "onprem": self = .onprem(VPNConnectionID(parts[1]))
        case "vpc": self = .vpc(VPCID(parts[1]))
        case "outside": self = .outside(parts[1])
        default: return nil
        }
    }

    private var rank: Int {
        switch self {
        case .internet: 0
        case .internet6: 1
        case .onprem: 2
        case .tenant: 3
        case .vpc: 4
        case .outside: 5
        }
    }

    public static func < (lhs: Zone, rhs: Zone) -> Bool {
        (lhs.rank, lhs.description) < (rhs.rank, rhs.description)
    }

    /// Whether traffic from this zone can only ever be `unknown`.
    public var isOutside: Bool {
        if case .outside = self { return true }
        return false
    }

    /// Public IPv4 as the semantics page defines it, less the modelled VPCs' blocks.
    static func internetIPv4(excluding vpcAddresses: AddressSet) -> AddressSet {
        let reserved = [
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
            "172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4",
            "240.0.0.0/4",
        ].compactMap { CIDR($0) }
        return AddressSet.allIPv4.subtracting(AddressSet(cidrs: reserved)).subtracting(vpcAddresses)
    }

    /// Global unicast IPv6 (2000::/3), less the modelled VPCs' blocks.
    static func internetIPv6(excluding vpcAddresses: AddressSet) -> AddressSet {
        let global = CIDR("2000::/3").map { $0.addresses } ?? .empty
        return global.subtracting(vpcAddresses)
    }
}
