/// A seeded, quota-sized AWS region written as AWS CLI `describe-*` outputs, for the
/// benchmark and for tests that need a large realistic input.
///
/// Scale 1 is the shape of issue 10: 5 accounts as tenants, 20 VPCs of 10 subnets (4
/// public, 6 private; every fourth VPC dual-stack), one route table of about 50 routes and
/// one network ACL per subnet, 125 security groups per VPC (about 27,500 rules in all, two
/// of them groups of 1,400 rules, with CIDR, group, prefix-list and IPv6 peers), 250
/// interfaces per VPC sharing a dozen group sets, 2 EMR clusters per VPC (one in a public
/// subnet), 40 peerings, a transit gateway with 15 VPC attachments and a VPN, a VPN on a
/// virtual private gateway, S3 gateway endpoints and prefix lists. Scale *n* has *n* times
/// the VPCs and everything in them.
public struct Region: Sendable {
    /// One output file: its path inside the bundle folder and its document.
    public struct File: Sendable {
        public let path: String
        public let document: GeneratedJSON
    }

    /// The largest scale of the quota shape: VPC blocks are the /16s of 10.0.0.0/8, so a
    /// region holds at most 240 VPCs.
    public static let maximumScale = 12
    /// The most VPCs of any shape and scale.
    public static let maximumVPCs = 240

    public let scale: Int
    public let seed: UInt64
    public let shape: RegionShape
    /// The outputs, in path order.
    public let files: [File]
    /// How many of each resource the region holds, for the benchmark's header.
    public let counts: [(name: String, count: Int)]

    /// Generates the region; the same shape, scale and seed always give the same files.
    ///
    /// - Precondition: the shape at this scale has at most `maximumVPCs` VPCs.
    public init(scale: Int, seed: UInt64, shape: RegionShape = .quota) {
        precondition(scale >= 1 && shape.vpcsPerScale * scale <= Region.maximumVPCs, "at most \(Region.maximumVPCs) VPCs")
        self.scale = scale
        self.seed = seed
        self.shape = shape
        var builder = RegionBuilder(shape: shape, vpcCount: shape.vpcsPerScale * scale, random: SplitMix64(seed: seed))
        builder.build()
        files = builder.files().sorted { $0.path < $1.path }
        counts = builder.counts
    }
}
