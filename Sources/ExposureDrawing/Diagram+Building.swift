import ExposureAudit
import ExposureModel
import ExposureSolver

extension Diagram {
    /// The drawing of `topology` with `exposures` (each drawn from its zone, through the
    /// edge gateway its path crosses, to its target's box), the egress findings among
    /// `findings` (from the nodes to the repositories in S3), and the links of transit
    /// gateways and peerings. Exposures of the same zone, verdict, way in and box become one
    /// line.
    ///
    /// - Complexity: O(*c* log *c* + *e* · *h* + *f* · *a*) in the topology's components,
    ///   the exposures and their hops, and the findings and what they affect.
    public init(topology: Topology, exposures: [Exposure], findings: [Finding]) {
        self.init(topology: topology, shown: exposures.map { DiagramExposure($0) }, findings: findings)
    }

    /// The same, showing for each exposure only the services `shown` gives it (what a
    /// change opens, for a diff).
    ///
    /// - Complexity: as `init(topology:exposures:findings:)`.
    public init(topology: Topology, shown: [DiagramExposure], findings: [Finding]) {
        let builder = DiagramBuilder(topology: topology, targets: shown.map(\.exposure.target))
        let lines = Self.exposureLines(shown, findings: findings, builder: builder)
            + Self.egressLines(findings, builder: builder) + Self.links(of: topology, builder: builder)
        var worst: [DiagramElement: DiagramBox.Marking] = [:]
        for line in lines where line.kind != .link {
            for stop in [line.stops.first, line.stops.last].compactMap({ $0 }) {
                worst[stop] = Self.worse(worst[stop], Self.marking(of: line))
            }
        }
        var notes: [DiagramElement: String] = [:]
        for line in lines {
            guard case .egressGap(_, let egress) = line.kind, let chip = line.stops.first else { continue }
            let note: String
            switch egress {
            case .gap: note = "S3 cut off"
            case .partialReturn: note = "S3 partial"
            case .unverified: note = "S3 unknown"
            }
            notes[chip] = notes[chip].map { $0 == note ? $0 : "\($0), \(note)" } ?? note
        }
        let vpcBoxes = Self.vpcBoxes(topology: topology, builder: builder, lines: lines, marking: worst, notes: notes)
        self.init(origins: Self.origins(of: lines, topology: topology, marking: worst), vpcs: vpcBoxes, lines: lines)
    }

    /// One line per zone, verdict, way in and target box, rated by the findings that name
    /// the same zone and interface and share a service with it; worst first.
    static func exposureLines(_ shown: [DiagramExposure], findings: [Finding], builder: DiagramBuilder) -> [DiagramLine] {
        struct Target: Hashable {
            let zone: Zone
            let interface: NetworkInterfaceID
        }
        struct Rating {
            let id: FindingID
            let severity: Severity
            let services: ServiceSet
            let cause: Cause
        }
        var ratings: [Target: [Rating]] = [:]
        for finding in findings where finding.repositoryEgress == nil {
            for affected in finding.affected {
                guard let zone = affected.zone else { continue }
                for interface in affected.interfaces {
                    ratings[Target(zone: zone, interface: interface), default: []].append(
                        Rating(id: finding.id, severity: affected.severity, services: affected.services, cause: finding.cause))
                }
            }
        }
        struct Key: Hashable {
            let verdict: Verdict
            let stops: [DiagramElement]
        }
        struct Group {
            let exposure: Exposure
            var services: ServiceSet
            var interfaces: Set<NetworkInterfaceID>
            var findings: Set<FindingID>
            var severity: Severity?
            let gateway: ComponentRef?
            var admissions: [Hop]
            var admitted: Set<Hop>
            var causes: Set<Cause>
        }
        var groups: [Key: Group] = [:]
        var order: [Key] = []
        for item in shown where item.exposure.verdict != .blocked && !item.services.isEmpty {
            let exposure = item.exposure
            guard let chip = builder.chip(for: exposure.target), let vpc = builder.vpc(of: exposure.target) else { continue }
            let gateway = builder.entry(of: exposure.path, into: vpc)
            var stops: [DiagramElement] = [.zone(exposure.zone)]
            if let gateway { stops.append(.gateway(gateway, in: vpc)) }
            stops.append(chip)
            let key = Key(verdict: exposure.verdict, stops: stops)
            let rated = (ratings[Target(zone: exposure.zone, interface: exposure.target)] ?? []).filter { $0.services.overlaps(item.services) }
            let severity = rated.map(\.severity).max()
            let admission = DiagramBuilder.admission(of: exposure.path)
            var group = groups[key] ?? Group(
                exposure: exposure, services: .empty, interfaces: [], findings: [], severity: nil, gateway: gateway, admissions: [], admitted: [], causes: [])
            if groups[key] == nil { order.append(key) }
            group.services = group.services.union(item.services)
            group.interfaces.insert(exposure.target)
            group.findings.formUnion(rated.map(\.id))
            group.causes.formUnion(rated.map(\.cause))
            group.severity = [group.severity, severity].compactMap { $0 }.max()
            if let admission, group.admitted.insert(admission).inserted { group.admissions.append(admission) }
            groups[key] = group
        }
        let lines = order.compactMap { key in groups[key].map { (key, $0) } }.map { key, group in
            DiagramLine(
                kind: .exposure(key.verdict, group.severity), stops: key.stops, zone: group.exposure.zone,
                services: group.services, role: group.exposure.role, interfaces: group.interfaces.sorted(), gateway: group.gateway,
                admissions: group.admissions, causes: group.causes.sorted(), findings: group.findings.sorted())
        }
        // Worst first: by severity (unrated last), reachable before unknown, then by the boxes.
        return lines.sorted { lhs, rhs in
            let left = (lhs.severity.map { -$0.rank } ?? 1, lhs.verdict == .reachable ? 0 : 1)
            let right = (rhs.severity.map { -$0.rank } ?? 1, rhs.verdict == .reachable ? 0 : 1)
            if left != right { return left < right }
            return lhs.stops.map(\.key).lexicographicallyPrecedes(rhs.stops.map(\.key))
        }
    }

    /// One broken line from each box of nodes an egress finding affects to the repositories.
    static func egressLines(_ findings: [Finding], builder: DiagramBuilder) -> [DiagramLine] {
        var lines: [DiagramLine] = []
        for finding in findings {
            guard let egress = finding.repositoryEgress else { continue }
            for affected in finding.affected {
                var order: [DiagramElement] = []
                var members: [DiagramElement: [NetworkInterfaceID]] = [:]
                for interface in affected.interfaces {
                    guard let chip = builder.chip(for: interface) else { continue }
                    if members[chip] == nil { order.append(chip) }
                    members[chip, default: []].append(interface)
                }
                for chip in order {
                    let interfaces = members[chip] ?? []
                    lines.append(DiagramLine(
                        kind: .egressGap(affected.severity, egress), stops: [chip, .repositories],
                        services: affected.services, role: chip.role ?? affected.roles.first, interfaces: interfaces, findings: [finding.id]))
                }
            }
        }
        return lines
    }

    /// The links of each transit gateway to its VPC attachments, and of each peering
    /// between its two VPCs.
    static func links(of topology: Topology, builder: DiagramBuilder) -> [DiagramLine] {
        var lines: [DiagramLine] = []
        for attachment in Topology.sortedValues(topology.transitGatewayAttachments) {
            guard case .vpc(let vpc, _) = attachment.resource else { continue }
            lines.append(DiagramLine(kind: .link, stops: [.transitGateway(attachment.transitGateway), .gateway(attachment.id.component, in: vpc)]))
        }
        for peering in Topology.sortedValues(topology.peeringConnections) where peering.requesterVPC != peering.accepterVPC {
            lines.append(DiagramLine(
                kind: .link, stops: [.gateway(peering.id.component, in: peering.requesterVPC), .gateway(peering.id.component, in: peering.accepterVPC)]))
        }
        return lines
    }

    /// The zones lines start from, the transit gateways (declared or attached to), and the
    /// repositories when a gap line ends there.
    static func origins(of lines: [DiagramLine], topology: Topology, marking: [DiagramElement: DiagramBox.Marking]) -> [DiagramBox] {
        let zones = Set(lines.compactMap(\.zone)).sorted()
        var boxes = zones.map { zone in
            let text = zoneText(zone, topology: topology)
            return DiagramBox(.zone(zone), title: text.title, subtitle: text.subtitle, marking: marking[.zone(zone)] ?? .plain, detail: text.detail)
        }
        var attachments: [TransitGatewayID: Int] = [:]
        for attachment in topology.transitGatewayAttachments.values { attachments[attachment.transitGateway, default: 0] += 1 }
        for id in Set(topology.transitGateways.keys).union(attachments.keys).sorted() {
            let count = attachments[id] ?? 0
            let described = topology.transitGateways[id] == nil ? " (not described by the input)" : ""
            boxes.append(DiagramBox(
                .transitGateway(id), title: id.rawValue, subtitle: "transit gateway\(described)",
                detail: "\(id): transit gateway\(described), \(count) attachment\(count == 1 ? "" : "s")"))
        }
        if lines.contains(where: { $0.stops.last == .repositories }) {
            boxes.append(DiagramBox(
                .repositories, title: "Amazon S3", subtitle: "Amazon Linux and EMR repos", marking: marking[.repositories] ?? .plain,
                detail: "The Amazon Linux and EMR repositories in S3 that nodes take security updates from"))
        }
        return boxes
    }

    /// What a zone's box says.
    static func zoneText(_ zone: Zone, topology: Topology) -> (title: String, subtitle: String, detail: String) {
        switch zone {
        case .internet: return ("Internet (IPv4)", "public IPv4 addresses", "internet: public IPv4 addresses, entering through an internet gateway")
        case .internet6: return ("Internet (IPv6)", "global unicast IPv6", "internet6: global unicast IPv6 (2000::/3), entering through an internet gateway")
        case .tenant(let name): return ("tenant \(name)", "another tenant", "tenant:\(name): the interfaces and subnets of tenant \(name)")
        case .onprem(let id):
            let connection = topology.vpnConnections[id]
            let prefixes = connection?.knownPrefixes.map(\.description).joined(separator: ", ") ?? ""
            let customer = connection?.customerGateway.map { " behind \($0)" } ?? ""
            return ("on-prem via \(id)", prefixes.isEmpty ? "VPN connection" : prefixes, "onprem:\(id): the networks\(customer) reached over VPN connection \(id)\(prefixes.isEmpty ? "" : " (\(prefixes))")")
        case .vpc(let id): return ("VPC \(id)", "in no tenant", "vpc:\(id): a VPC that belongs to no declared tenant")
        case .outside(let id): return ("outside \(id)", "not in the input", "outside:\(id): networks behind a component the input does not describe; answers from here are unknown")
        }
    }

    /// The VPCs (and VPCs the input names only through subnets), the most exposed first.
    static func vpcBoxes(
        topology: Topology, builder: DiagramBuilder, lines: [DiagramLine], marking: [DiagramElement: DiagramBox.Marking],
        notes: [DiagramElement: String]
    ) -> [DiagramBox] {
        var subnetsByVPC: [VPCID: [Subnet]] = [:]
        for subnet in Topology.sortedValues(topology.subnets) { subnetsByVPC[subnet.vpc, default: []].append(subnet) }
        var services: [DiagramElement: (open: ServiceSet, unknown: ServiceSet, role: EMRCluster.Role?)] = [:]
        // What each box has open is what the exposure lines ending at it carry.
        for line in lines {
            guard let verdict = line.verdict, let chip = line.stops.last else { continue }
            var entry = services[chip] ?? (.empty, .empty, line.role)
            if verdict == .reachable { entry.open = entry.open.union(line.services) } else { entry.unknown = entry.unknown.union(line.services) }
            services[chip] = entry
        }
        let ids = Set(topology.vpcs.keys).union(subnetsByVPC.keys).sorted()
        let boxes = ids.map { id -> DiagramBox in
            let vpc = topology.vpcs[id]
            let subnets = (subnetsByVPC[id] ?? []).map { subnet in
                subnetBox(subnet, topology: topology, builder: builder, services: services, marking: marking, notes: notes)
            }
            let cidrs = vpc?.cidrs.map(\.description).joined(separator: ", ") ?? ""
            let owner = [vpc?.tenant.map { "tenant \($0)" }, vpc?.account.map { "account \($0)" }].compactMap { $0 }
            let title = ([id.rawValue] + (cidrs.isEmpty ? [] : [cidrs])).joined(separator: " · ")
            let subtitle = vpc == nil ? "not in the input" : (owner.isEmpty ? nil : owner.joined(separator: " · "))
            let marks = subnets.flatMap(\.children).map(\.marking) + subnets.map(\.marking)
            let detail = vpc == nil ? "\(id): named by subnets but not described by the input" : "\(id): VPC \(cidrs)\(owner.isEmpty ? "" : ", \(owner.joined(separator: ", "))")"
            return DiagramBox(
                .vpc(id), title: title, subtitle: subtitle,
                marking: marks.reduce(DiagramBox.Marking.plain) { worse($0, $1) }, detail: detail,
                children: (builder.edges[id] ?? []) + subnets)
        }
        return boxes.enumerated().sorted { lhs, rhs in
            let left = rank(lhs.element.marking)
            let right = rank(rhs.element.marking)
            return left != right ? left > right : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// A subnet with its node boxes, its interfaces drawn one by one or folded, and its NAT
    /// gateways.
    static func subnetBox(
        _ subnet: Subnet, topology: Topology, builder: DiagramBuilder,
        services: [DiagramElement: (open: ServiceSet, unknown: ServiceSet, role: EMRCluster.Role?)],
        marking: [DiagramElement: DiagramBox.Marking], notes: [DiagramElement: String]
    ) -> DiagramBox {
        let interfaces = builder.interfaces[subnet.id] ?? []
        var chips: [DiagramElement: [NetworkInterfaceID]] = [:]
        var order: [DiagramElement] = []
        for interface in interfaces {
            let chip = builder.chip(for: interface.id)
            guard let chip, builder.nodes[interface.id] != nil || builder.exposed.contains(interface.id) else { continue }
            if chips[chip] == nil { order.append(chip) }
            chips[chip, default: []].append(interface.id)
        }
        let folded = interfaces.count - chips.values.reduce(0) { $0 + $1.count }
        var children = order.sorted { $0.key < $1.key }.map { chip -> DiagramBox in
            let members = chips[chip] ?? []
            let title: String
            switch chip {
            case .nodes(let cluster, let role, _): title = "\(cluster) \(role.rawValue)\(members.count > 1 ? " ×\(members.count)" : "")"
            case .interface(let id): title = id.rawValue
            default: title = "\(members.count) other interface\(members.count == 1 ? "" : "s")"
            }
            let open = services[chip]
            let subtitle = chipSubtitle(open: open?.open ?? .empty, unknown: open?.unknown ?? .empty) + (notes[chip].map { " · \($0)" } ?? "")
            let detail = "\(title): \(members.map(\.rawValue).joined(separator: ", "))\n\(serviceDetail(open))"
            return DiagramBox(chip, title: title, subtitle: subtitle, marking: marking[chip] ?? .plain, detail: detail)
        }
        for gateway in builder.natGateways[subnet.id] ?? [] {
            children.append(DiagramBox(
                .natGateway(gateway.id), title: gateway.id.rawValue, subtitle: "\(gateway.connectivity.rawValue) NAT gateway",
                detail: "\(gateway.id): \(gateway.connectivity.rawValue) NAT gateway\(gateway.publicIPv4.map { ", public IPv4 \($0)" } ?? "")"))
        }
        let routing = builder.routing(of: subnet)
        let cidrs = subnet.cidrs.map(\.description).joined(separator: ", ")
        let first = subnet.cidrs.first.map { "\($0)\(subnet.cidrs.count > 1 ? " +\(subnet.cidrs.count - 1)" : "")" } ?? ""
        let subtitle = [routing.word, first].filter { !$0.isEmpty }.joined(separator: " · ")
        var detail = "\(subnet.id): \(routing.explanation), \(cidrs.isEmpty ? "no CIDR in the input" : cidrs)"
        if let zone = subnet.availabilityZone { detail += ", \(zone)" }
        if let tenant = topology.tenant(of: subnet) { detail += ", tenant \(tenant)" }
        detail += ", \(interfaces.count) interface\(interfaces.count == 1 ? "" : "s")"
        if folded > 0 { detail += " (\(folded) with nothing open, not drawn)" }
        return DiagramBox(.subnet(subnet.id), title: subnet.id.rawValue, subtitle: subtitle, marking: routing.marking, detail: detail, children: children)
    }

    /// `open tcp 22, 8443` or `unknown tcp 8088` or `nothing open`.
    static func chipSubtitle(open: ServiceSet, unknown: ServiceSet) -> String {
        if !open.isEmpty { return "open " + ServiceRow.rows(of: open).map { $0.text(naming: nil, withServiceNames: false) }.joined(separator: "; ") }
        if !unknown.isEmpty { return "unknown " + ServiceRow.rows(of: unknown).map { $0.text(naming: nil, withServiceNames: false) }.joined(separator: "; ") }
        return "nothing open"
    }

    /// The open and unknown services with their names, for a tooltip.
    static func serviceDetail(_ services: (open: ServiceSet, unknown: ServiceSet, role: EMRCluster.Role?)?) -> String {
        guard let services else { return "no zone outside its own opens any port" }
        var parts: [String] = []
        if !services.open.isEmpty { parts.append("open: " + ServiceRow.rows(of: services.open).map { $0.text(naming: services.role) }.joined(separator: "; ")) }
        if !services.unknown.isEmpty { parts.append("unknown: " + ServiceRow.rows(of: services.unknown).map { $0.text(naming: services.role) }.joined(separator: "; ")) }
        return parts.joined(separator: "\n")
    }

    /// How a line marks the boxes it starts and ends at.
    static func marking(of line: DiagramLine) -> DiagramBox.Marking {
        switch line.kind {
        case .exposure(.reachable, let severity): .exposed(severity)
        case .exposure(_, _): .undecided
        case .egressGap(_, .unverified): .undecided
        case .egressGap(let severity, _): .cutOff(severity)
        case .link: .plain
        }
    }

    /// The worse of two markings: a reachable exposure over an unknown one, the worse
    /// severity first.
    static func worse(_ lhs: DiagramBox.Marking?, _ rhs: DiagramBox.Marking) -> DiagramBox.Marking {
        guard let lhs else { return rhs }
        return rank(lhs) >= rank(rhs) ? lhs : rhs
    }

    /// How much a marking calls for attention, for ordering.
    static func rank(_ marking: DiagramBox.Marking) -> Int {
        switch marking {
        case .plain, .publicSubnet, .privateSubnet, .unknownSubnet: 0
        case .undecided: 1
        case .cutOff(let severity): 2 + severity.rank
        case .exposed(nil): 7
        case .exposed(let severity?): 8 + severity.rank
        }
    }
}
