import ExposureModel
import ExposureSolver

/// Whether EMR nodes can download security updates: tcp 80 and 443 to the Amazon Linux
/// repository buckets of their release's generation and to the EMR repository, in the
/// region's S3 (semantics, section 7).
struct RepositoryEgress: Sendable {
    /// Nodes of one cluster checked together: same subnet, groups, public IPv4 status and
    /// ephemeral ports.
    struct NodeClass: Sendable {
        let cluster: EMRCluster
        let roles: [EMRCluster.Role]
        let interfaces: [NetworkInterface]
        let buckets: [String]
        /// Port outcomes per bucket, in bucket order.
        let outcomes: [(bucket: String, ports: [PortOutcome])]
    }

    /// The outcome of one port to one bucket.
    struct PortOutcome: Sendable {
        enum Status: Sendable {
            case reachable
            /// Only part of the ephemeral range returns (the caveat says which).
            case partialReturn(Caveat)
            case unverified(Uncertainty)
            case gap(Gap)
        }

        /// Why an outcome cannot be decided.
        enum Uncertainty: Hashable, Sendable, CustomStringConvertible {
            /// The traffic depends on what the input lacks, for the reasons given.
            case dependsOnInput(String)
            /// Some public addresses are reachable and others not, and which are S3's the
            /// input does not say.
            case s3AddressesUnknown

            var description: String {
                switch self {
                case .dependsOnInput(let reasons): reasons
                case .s3AddressesUnknown:
                    "some public IPv4 addresses are reachable and others are not, and S3's addresses are not in the input"
                }
            }
        }

        let port: UInt16
        let status: Status
    }

    /// Why a port is not reachable: every blocking component, and the smallest fix.
    struct Gap: Hashable, Sendable {
        /// The first blocker of the way that needs the fewest changes: what a finding
        /// names as the cause.
        let cause: Hop?
        let evidence: [String]
        let fixes: [String]
        let path: [Hop]
        /// Whether some of S3's addresses are reachable and others not.
        let isPartial: Bool
    }

    /// The region, from the topology or its S3 endpoint or prefix list names.
    let region: String?
    /// `com.amazonaws.<region>.s3`.
    let service: String
    /// The S3 prefix list of the region, if the input holds it.
    let prefixList: PrefixListID?
    /// Whether S3's addresses come from the input; otherwise any public IPv4 address
    /// stands for them and only answers that hold for every such address are given.
    let addressesKnown: Bool
    /// S3's addresses (IPv4), or all public IPv4 addresses when not known.
    let addresses: AddressSet
    /// The solver the checks run on: the topology's own, or one whose S3 prefix list is
    /// filled with `addresses` when its entries are missing.
    let solver: Solver
    private(set) var classes: [NodeClass] = []

    init(topology: Topology, solver: Solver) {
        let s3Names = Topology.sortedValues(topology.vpcEndpoints).map(\.service).filter(RepositoryEgress.isS3Service)
            + Topology.sortedValues(topology.prefixLists).compactMap(\.name).filter(RepositoryEgress.isS3Service)
        let region = topology.region ?? s3Names.first.map { String($0.dropFirst("com.amazonaws.".count).dropLast(".s3".count)) }
        self.region = region
        let service = "com.amazonaws.\(region ?? "<region>").s3"
        self.service = service
        let list = RepositoryEgress.s3PrefixList(in: topology, service: service)
        prefixList = list?.id
        if let entries = list?.entries {
            addressesKnown = true
            addresses = AddressSet(cidrs: entries).intersection(.allIPv4)
            self.solver = solver
        } else {
            addressesKnown = false
            addresses = solver.internetIPv4
            if let list {
                var filled = topology
                filled.prefixLists[list.id] = PrefixList(id: list.id, name: list.name, entries: solver.internetIPv4.cidrs)
                self.solver = Solver(topology: filled)
            } else {
                self.solver = solver
            }
        }
        classes = Topology.sortedValues(topology.emrClusters).flatMap { nodeClasses(of: $0, in: topology) }
    }

    static func isS3Service(_ name: String) -> Bool {
        name.hasPrefix("com.amazonaws.") && name.hasSuffix(".s3")
    }

    /// The region's S3 prefix list: by name, else the list routed to an S3 gateway endpoint.
    private static func s3PrefixList(in topology: Topology, service: String) -> PrefixList? {
        if let named = Topology.sortedValues(topology.prefixLists).first(where: { $0.name == service }) { return named }
        for table in Topology.sortedValues(topology.routeTables) {
            for route in table.routes {
                guard case .prefixList(let id) = route.destination, case .gatewayEndpoint(let endpoint) = route.target,
                    let service = topology.vpcEndpoints[endpoint]?.service, isS3Service(service)
                else { continue }
                return topology.prefixLists[id] ?? PrefixList(id: id, entries: nil)
            }
        }
        return nil
    }

    /// The repository buckets a cluster's nodes need, by release (AL2023 and the EMR
    /// repository when the release label is unknown).
    static func buckets(for release: EMRRelease?, region: String?) -> [String] {
        let region = region ?? "<region>"
        var buckets: [String]
        switch release?.amazonLinux ?? .al2023 {
        case .al1: buckets = ["packages.\(region).amazonaws.com", "repo.\(region).amazonaws.com"]
        case .al2: buckets = ["amazonlinux.\(region).amazonaws.com", "amazonlinux-2-repos-\(region)"]
        case .al2023: buckets = ["al2023-repos-\(region)-de612dc2"]
        }
        if release.map({ ($0.major, $0.minor, $0.patch) >= (5, 22, 0) }) ?? true {
            buckets.append("repo.\(region).emr.amazonaws.com")
        }
        return buckets
    }

    /// The AWS CLI commands that export the S3 prefix list's entries.
    var exportCommand: String {
        if let prefixList {
            return "aws ec2 get-managed-prefix-list-entries --prefix-list-id \(prefixList) > \(prefixList)-entries.json"
        }
        return "aws ec2 describe-managed-prefix-lists --filters Name=prefix-list-name,Values=\(service) > PrefixLists.json, then aws ec2 get-managed-prefix-list-entries --prefix-list-id <its id>"
    }

    /// How S3 is named in remediations: its prefix list when known.
    var s3Name: String { prefixList?.rawValue ?? "0.0.0.0/0" }

    private func nodeClasses(of cluster: EMRCluster, in topology: Topology) -> [NodeClass] {
        struct Key: Hashable {
            let subnet: SubnetID
            let groups: [SecurityGroupID]
            let isPublic: Bool
            let isPlanned: Bool
            let ephemeral: PortRange
        }
        var grouped: [Key: [(EMRCluster.Role, NetworkInterface)]] = [:]
        var order: [Key] = []
        for node in cluster.nodes {
            guard let interface = topology.networkInterfaces[node.networkInterface] else { continue }
            let key = Key(
                subnet: interface.subnet, groups: interface.securityGroups, isPublic: interface.hasPublicIPv4,
                isPlanned: interface.addressIsPlanned, ephemeral: interface.ephemeralPorts)
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append((node.role, interface))
        }
        let release = cluster.releaseLabel.flatMap(EMRRelease.init(label:))
        let buckets = RepositoryEgress.buckets(for: release, region: region)
        return order.compactMap { key in
            guard let members = grouped[key] else { return nil }
            let interfaces = members.map(\.1).sorted { $0.id < $1.id }
            let ways = solver.waysOut(from: interfaces, to: addresses, service: service)
            // Only an endpoint's policy tells the buckets apart: without one, each port's
            // outcome holds for every bucket and is found once.
            let ports: [UInt16] = [80, 443]
            let shared = ways.crossesEndpoint ? nil : ports.map { outcome(port: $0, bucket: buckets.first ?? "", over: ways) }
            let outcomes = buckets.map { bucket in
                (bucket, shared ?? ports.map { port in outcome(port: port, bucket: bucket, over: ways) })
            }
            return NodeClass(
                cluster: cluster, roles: Array(Set(members.map(\.0))).sorted(), interfaces: interfaces,
                buckets: buckets, outcomes: outcomes)
        }
    }

    /// What an endpoint's policy decides for `s3:GetObject` on the objects of `bucket`.
    private func policyDecision(_ endpoint: VPCEndpoint, bucket: String) -> EndpointPolicyDecision {
        let object = "arn:aws:s3:::\(bucket)/*"
        switch EndpointPolicy(document: endpoint.policy).decide(action: "s3:GetObject", bucket: bucket) {
        case .allowed(let statement):
            return .allows("policy \(statement) allows s3:GetObject on \(object)")
        case .denied(let statement):
            return .denies(
                "policy \(statement) denies s3:GetObject on \(object)",
                fix: "change \(statement) of the policy of \(endpoint.id) so that it no longer denies s3:GetObject on \(object)")
        case .implicitlyDenied:
            return .denies(
                "no statement of the policy allows s3:GetObject on \(object)",
                fix: "add a statement to the policy of \(endpoint.id) allowing s3:GetObject on \(object)")
        case .undecided(let why):
            return .undecided(
                "the policy of \(endpoint.id): \(why)",
                missing: MissingInput(component: endpoint.id.rawValue, what: "an endpoint policy the analyzer cannot decide (\(why))", exportCommand: nil))
        }
    }

    /// The outcome of tcp `port` to `bucket` over every way out.
    private func outcome(port: UInt16, bucket: String, over ways: EgressWays) -> PortOutcome {
        let services = ServiceSet.single(6, IntervalSet(ranges: [port...port]))
        let answer = solver.egress(over: ways, services: services) { policyDecision($0, bucket: bucket) }
        let missing = answer.blocked
        if missing.isEmpty {
            if !answer.partialReturn.isEmpty, let caveat = answer.caveats.first { return PortOutcome(port: port, status: .partialReturn(caveat)) }
            return PortOutcome(port: port, status: .reachable)
        }
        if missing.intersects(answer.unknown) {
            let lacking = answer.missingInputs.map(\.description)
            var text = answer.unknownReasons.isEmpty
                ? "part of the traffic depends on input the analyzer does not have" : answer.unknownReasons.joined(separator: "; ")
            if !lacking.isEmpty { text += "; missing from the input: " + lacking.joined(separator: "; ") }
            return PortOutcome(port: port, status: .unverified(.dependsOnInput(text)))
        }
        if !addressesKnown && !answer.reachable.isEmpty && !answer.usesInterfaceEndpoint {
            return PortOutcome(port: port, status: .unverified(.s3AddressesUnknown))
        }
        return PortOutcome(port: port, status: .gap(explain(missing, in: answer, port: port, ways: ways)))
    }

    /// Every component blocking `missing` on every way out, and the fixes of the way that
    /// needs the fewest changes.
    private func explain(_ missing: TrafficSet, in answer: EgressAnswer, port: UInt16, ways: EgressWays) -> Gap {
        var evidence: [String] = []
        var best: (fixes: [String], path: [Hop], cause: Hop?)?
        let context = Remediation(
            port: port, clientPorts: ways.ephemeralPorts, s3ForGroups: s3Name,
            s3ForACLs: addressesKnown && addresses.cidrs.count <= 6 ? addresses.cidrs.map(\.description).joined(separator: ", ") : "0.0.0.0/0",
            clients: ways.sources.cidrs.map(\.description).joined(separator: ", "))
        for way in solver.blockedWays(of: missing, in: answer) {
            evidence += way.blockers.map { "via \(way.via): \($0.hop)" }
            let fixes = way.blockers.map { context.text(for: $0) }
            if best == nil || fixes.count < best?.fixes.count ?? .max {
                best = (fixes, way.hops, way.blockers.first?.hop)
            }
        }
        var seen = Set<String>()
        return Gap(
            cause: best?.cause, evidence: evidence.filter { seen.insert($0).inserted },
            fixes: best?.fixes ?? [], path: best?.path ?? [], isPartial: !answer.reachable.isEmpty)
    }
}

extension RepositoryEgress {
    /// Node classes, buckets and ports of one cluster that share one outcome detail.
    struct OutcomeGroup<Detail: Hashable> {
        let cluster: EMRCluster
        let detail: Detail
        var roles: [EMRCluster.Role]
        var interfaces: [NetworkInterfaceID]
        var buckets: [String]
        var portNumbers: [UInt16]
        var ephemeral: String

        /// `primary/core nodes of j-1 (eni-1, eni-2)`.
        var nodes: String {
            "\(roles.sorted().map(\.rawValue).joined(separator: "/")) nodes of \(cluster.id) (\(interfaces.sorted().map(\.rawValue).joined(separator: ", ")))"
        }

        /// `80, 443`.
        var ports: String { portNumbers.sorted().map(String.init).joined(separator: ", ") }

        /// The group's nodes and ports as what a finding affects.
        func affected(severity: Severity, detail: String) -> AffectedTarget {
            AffectedTarget(
                cluster: cluster.id, roles: roles.sorted(), interfaces: interfaces.sorted(),
                services: ServiceSet.single(6, IntervalSet(ranges: portNumbers.sorted().map { $0...$0 })), severity: severity, detail: detail)
        }
    }

    /// Groups the outcomes that `detail` picks out (a caveat or a reason) by cluster and
    /// detail, so one finding covers every node, bucket and port that shares it.
    static func grouped<Detail: Hashable>(
        _ classes: [NodeClass], detail: (PortOutcome.Status) -> Detail?
    ) -> [OutcomeGroup<Detail>] {
        var groups: [OutcomeGroup<Detail>] = []
        for nodeClass in classes {
            for (bucket, outcomes) in nodeClass.outcomes {
                for outcome in outcomes {
                    guard let text = detail(outcome.status) else { continue }
                    let index = groups.firstIndex { $0.cluster.id == nodeClass.cluster.id && $0.detail == text } ?? {
                        let first = nodeClass.interfaces.first?.ephemeralPorts ?? .linuxEphemeral
                        groups.append(OutcomeGroup(
                            cluster: nodeClass.cluster, detail: text, roles: [], interfaces: [], buckets: [], portNumbers: [],
                            ephemeral: "\(first.lowerBound)-\(first.upperBound)"))
                        return groups.count - 1
                    }()
                    for role in nodeClass.roles where !groups[index].roles.contains(role) { groups[index].roles.append(role) }
                    for interface in nodeClass.interfaces where !groups[index].interfaces.contains(interface.id) {
                        groups[index].interfaces.append(interface.id)
                    }
                    if !groups[index].buckets.contains(bucket) { groups[index].buckets.append(bucket) }
                    if !groups[index].portNumbers.contains(outcome.port) { groups[index].portNumbers.append(outcome.port) }
                }
            }
        }
        return groups
    }
}
