/// How a generated region is sized: the default is issue 10's quota-sized region; the
/// others are the corners issue 12 asks to answer in seconds.
public struct RegionShape: Sendable, Equatable {
    /// The name the benchmark's `--shape` takes.
    public private(set) var name: String
    /// VPCs per unit of scale.
    public private(set) var vpcsPerScale: Int
    /// Subnets per VPC, the first two in five public.
    public private(set) var subnetsPerVPC = 10
    /// Security groups per VPC, the clusters' own groups included.
    public private(set) var groupsPerVPC: Int
    /// Network interfaces per VPC, the clusters' nodes included (7 per cluster).
    public private(set) var interfacesPerVPC: Int
    /// EMR clusters per VPC.
    public private(set) var clustersPerVPC: Int
    /// Ingress rules of each ordinary group.
    public private(set) var rulesPerGroup: ClosedRange<Int>
    /// The rules of the first group of every `hugeGroupEvery`-th VPC.
    public private(set) var hugeGroupRules: Int
    public private(set) var hugeGroupEvery: Int

    /// Issue 10's region: 20 VPCs per scale of 125 groups (about 27,500 rules, two groups of
    /// 1,400) and 250 interfaces each.
    public static let quota = RegionShape(
        name: "quota", vpcsPerScale: 20, groupsPerVPC: 125, interfacesPerVPC: 250, clustersPerVPC: 2,
        rulesPerGroup: 4...14, hugeGroupRules: 1_400, hugeGroupEvery: 10)
    /// The quota region with groups of 2,000 rules where it has groups of 1,400 (the first
    /// group of every tenth VPC, which most of its interfaces carry).
    public static let wideGroup = quota.variant("wide-group") { $0.hugeGroupRules = 2_000 }
    /// About 200,000 rules per scale: 20 VPCs of 125 groups of 60-100 rules.
    public static let manyRules = quota.variant("many-rules") { $0.rulesPerGroup = 60...100 }
    /// 100 VPCs per scale with 12 interfaces each (1,200 in all), one cluster per VPC.
    public static let manyVPCs = quota.variant("many-vpcs") { shape in
        (shape.vpcsPerScale, shape.groupsPerVPC, shape.interfacesPerVPC, shape.clustersPerVPC) = (100, 20, 12, 1)
        (shape.hugeGroupRules, shape.hugeGroupEvery) = (14, 1_000)
    }

    /// 20 VPCs of 5 subnets (100 in all) with 30 interfaces each: a region to draw.
    public static let hundredSubnets = quota.variant("hundred-subnets") { shape in
        (shape.subnetsPerVPC, shape.groupsPerVPC, shape.interfacesPerVPC) = (5, 20, 30)
        (shape.hugeGroupRules, shape.hugeGroupEvery) = (14, 1_000)
    }

    /// The public subnets of each VPC: the first two in five.
    var publicSubnets: Int { subnetsPerVPC * 2 / 5 }

    /// This shape under another name, changed by `change`.
    private func variant(_ name: String, _ change: (inout RegionShape) -> Void) -> RegionShape {
        var shape = self
        shape.name = name
        change(&shape)
        return shape
    }

    public static let all = [quota, wideGroup, manyRules, manyVPCs, hundredSubnets]
}
