/// How a subnet reaches the internet, as the drawing marks it.
enum SubnetRouting {
    /// The route that wins for 0.0.0.0/0 is an internet gateway: public as EMR counts it.
    case `public`
    /// Only ::/0 goes to an internet gateway: private for EMR, public for IPv6.
    case ipv6Public
    /// Neither default route goes to an internet gateway.
    case `private`
    /// The input does not give the subnet's route table (or its VPC), or the subnet stands
    /// for subnets the input does not list.
    case unknown

    /// The word on the subnet's box.
    var word: String {
        switch self {
        case .public: "public"
        case .ipv6Public: "IPv6 public"
        case .private: "private"
        case .unknown: "public or private: unknown"
        }
    }

    /// What the word means, for the tooltip.
    var explanation: String {
        switch self {
        case .public: "public for EMR (0.0.0.0/0 goes to an internet gateway)"
        case .ipv6Public: "private for EMR, but ::/0 goes to an internet gateway (public for IPv6)"
        case .private: "private (neither 0.0.0.0/0 nor ::/0 goes to an internet gateway)"
        case .unknown: "public or private is unknown: the input does not give its route table"
        }
    }

    /// How the subnet's box is marked.
    var marking: DiagramBox.Marking {
        switch self {
        case .public, .ipv6Public: .publicSubnet
        case .private: .privateSubnet
        case .unknown: .unknownSubnet
        }
    }
}
