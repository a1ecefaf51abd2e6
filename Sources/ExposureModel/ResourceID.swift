/// A strongly typed AWS resource id such as `sg-0abc` or a Terraform address.
///
/// The phantom `Kind` keeps a subnet id from being passed where a security group id is
/// expected, at no run-time cost.
public struct ResourceID<Kind: ResourceKind>: Hashable, Comparable, Sendable,
    CustomStringConvertible, ExpressibleByStringLiteral
{
    /// The id as written in the input.
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The kind of resource an id names; also the `kind` printed on path hops.
public protocol ResourceKind: Sendable {
    static var kindName: String { get }
}

public enum VPCKind: ResourceKind { public static let kindName = "vpc" }
public enum SubnetKind: ResourceKind { public static let kindName = "subnet" }
public enum RouteTableKind: ResourceKind { public static let kindName = "route-table" }
public enum NetworkACLKind: ResourceKind { public static let kindName = "network-acl" }
public enum SecurityGroupKind: ResourceKind { public static let kindName = "security-group" }
public enum NetworkInterfaceKind: ResourceKind { public static let kindName = "network-interface" }
public enum InternetGatewayKind: ResourceKind { public static let kindName = "internet-gateway" }
public enum EgressOnlyGatewayKind: ResourceKind {
    public static let kindName = "egress-only-internet-gateway"
}
public enum NATGatewayKind: ResourceKind { public static let kindName = "nat-gateway" }
public enum VPNGatewayKind: ResourceKind { public static let kindName = "vpn-gateway" }
public enum VPNConnectionKind: ResourceKind { public static let kindName = "vpn-connection" }
public enum CustomerGatewayKind: ResourceKind { public static let kindName = "customer-gateway" }
public enum PeeringConnectionKind: ResourceKind { public static let kindName = "peering-connection" }
public enum TransitGatewayKind: ResourceKind { public static let kindName = "transit-gateway" }
public enum TransitGatewayAttachmentKind: ResourceKind {
    public static let kindName = "transit-gateway-attachment"
}
public enum TransitGatewayRouteTableKind: ResourceKind {
    public static let kindName = "transit-gateway-route-table"
}
public enum VPCEndpointKind: ResourceKind { public static let kindName = "vpc-endpoint" }
public enum PrefixListKind: ResourceKind { public static let kindName = "prefix-list" }
public enum EMRClusterKind: ResourceKind { public static let kindName = "emr-cluster" }
public enum InstanceKind: ResourceKind { public static let kindName = "instance" }

public typealias VPCID = ResourceID<VPCKind>
public typealias SubnetID = ResourceID<SubnetKind>
public typealias RouteTableID = ResourceID<RouteTableKind>
public typealias NetworkACLID = ResourceID<NetworkACLKind>
public typealias SecurityGroupID = ResourceID<SecurityGroupKind>
public typealias NetworkInterfaceID = ResourceID<NetworkInterfaceKind>
public typealias InternetGatewayID = ResourceID<InternetGatewayKind>
public typealias EgressOnlyGatewayID = ResourceID<EgressOnlyGatewayKind>
public typealias NATGatewayID = ResourceID<NATGatewayKind>
public typealias VPNGatewayID = ResourceID<VPNGatewayKind>
public typealias VPNConnectionID = ResourceID<VPNConnectionKind>
public typealias CustomerGatewayID = ResourceID<CustomerGatewayKind>
public typealias PeeringConnectionID = ResourceID<PeeringConnectionKind>
public typealias TransitGatewayID = ResourceID<TransitGatewayKind>
public typealias TransitGatewayAttachmentID = ResourceID<TransitGatewayAttachmentKind>
public typealias TransitGatewayRouteTableID = ResourceID<TransitGatewayRouteTableKind>
public typealias VPCEndpointID = ResourceID<VPCEndpointKind>
public typealias PrefixListID = ResourceID<PrefixListKind>
public typealias EMRClusterID = ResourceID<EMRClusterKind>
public typealias InstanceID = ResourceID<InstanceKind>
