/// How a generated region is sized: the default is issue 10's quota-sized region; the
/// others are the corners issue 12 asks to answer in seconds.
public struct RegionShape: Sendable, Equatable {
    /// The name the benchmark's `--shape` takes.
    public let name: String
    /// VPCs per unit of scale.
    public let vpcsPerScale: Int
    /// Security groups per VPC, the clusters' own groups included.
    public let groupsPerVPC: Int
    /// Network interfaces per VPC, the clusters' nodes included (7 per cluster).
    public let interfacesPerVPC: Int
    /// EMR clusters per VPC.
    public let clustersPerVPC: Int
    /// Ingress rules of each ordinary group.
    public let rulesPerGroup: ClosedRange<Int>
    /// The rules of the first group of every `hugeGroupEvery`-th VPC.
    public let hugeGroupRules: Int
    public let hugeGroupEvery: Int

    /// Issue 10's region: 20 VPCs per scale of 125 groups (about 27,500 rules, two groups of
    /// 1,400) and 250 interfaces each.
    public static let quota = RegionShape(
        name: "quota", vpcsPerScale: 20, groupsPerVPC: 125, interfacesPerVPC: 250, clustersPerVPC: 2,
        rulesPerGroup: 4...14, hugeGroupRules: 1_400, hugeGroupEvery: 10)
    /// The quota region with groups of 2,000 rules where it has groups of 1,400 (the first
    /// group of every tenth VPC, which most of its interfaces carry).
    public static let wideGroup = RegionShape(
        name: "wide-group", vpcsPerScale: 20, groupsPerVPC: 125, interfacesPerVPC: 250, clustersPerVPC: 2,
        rulesPerGroup: 4...14, hugeGroupRules: 2_000, hugeGroupEvery: 10)
    /// About 200,000 rules per scale: 20 VPCs of 125 groups of 60-100 rules.
    public static let manyRules = RegionShape(
        name: "many-rules", vpcsPerScale: 20, groupsPerVPC: 125, interfacesPerVPC: 250, clustersPerVPC: 2,
        rulesPerGroup: 60...100, hugeGroupRules: 1_400, hugeGroupEvery: 10)
    /// 100 VPCs per scale with 12 interfaces each (1,200 in all), one cluster per VPC.
    public static let manyVPCs = RegionShape(
        name: "many-vpcs", vpcsPerScale: 100, groupsPerVPC: 20, interfacesPerVPC: 12, clustersPerVPC: 1,
        rulesPerGroup: 4...14, hugeGroupRules: 14, hugeGroupEvery: 1_000)

    public static let all = [quota, wideGroup, manyRules, manyVPCs]
}
