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
    static var componentKind: ComponentKind { get }
}

extension ResourceKind {
    /// The kind's name as reports print it: `security-group`.
    public static var kindName: String { componentKind.rawValue }
}

public enum VPCKind: ResourceKind { public static let componentKind = ComponentKind.vpc }
public enum SubnetKind: ResourceKind { public static let componentKind = ComponentKind.subnet }
public enum RouteTableKind: ResourceKind { public static let componentKind = ComponentKind.routeTable }
public enum NetworkACLKind: ResourceKind { public static let componentKind = ComponentKind.networkACL }
public enum SecurityGroupKind: ResourceKind { public static let componentKind = ComponentKind.securityGroup }
public enum NetworkInterfaceKind: ResourceKind { public static let componentKind = ComponentKind.networkInterface }
public enum InternetGatewayKind: ResourceKind { public static let componentKind = ComponentKind.internetGateway }
public enum EgressOnlyGatewayKind: ResourceKind {
    public static let componentKind = ComponentKind.egressOnlyGateway
}
public enum NATGatewayKind: ResourceKind { public static let componentKind = ComponentKind.natGateway }
public enum VPNGatewayKind: ResourceKind { public static let componentKind = ComponentKind.vpnGateway }
public enum VPNConnectionKind: ResourceKind { public static let componentKind = ComponentKind.vpnConnection }
public enum CustomerGatewayKind: ResourceKind { public static let componentKind = ComponentKind.customerGateway }
public enum PeeringConnectionKind: ResourceKind { public static let componentKind = ComponentKind.peeringConnection }
public enum TransitGatewayKind: ResourceKind { public static let componentKind = ComponentKind.transitGateway }
public enum TransitGatewayAttachmentKind: ResourceKind {
    public static let componentKind = ComponentKind.transitGatewayAttachment
}
public enum TransitGatewayRouteTableKind: ResourceKind {
    public static let componentKind = ComponentKind.transitGatewayRouteTable
}
public enum VPCEndpointKind: ResourceKind { public static let componentKind = ComponentKind.vpcEndpoint }
public enum PrefixListKind: ResourceKind { public static let componentKind = ComponentKind.prefixList }
public enum EMRClusterKind: ResourceKind { public static let componentKind = ComponentKind.emrCluster }
public enum InstanceKind: ResourceKind { public static let componentKind = ComponentKind.instance }

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
