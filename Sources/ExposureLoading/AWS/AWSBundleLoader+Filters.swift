import ExposureModel

/// Security groups, from `describe-security-groups` and `describe-security-group-rules`.
extension AWSBundleLoader {
    /// The id to write for a group an interface or endpoint carries. A group the bundle
    /// does not describe gets a stand-in whose rules are `unknown` both ways: dropping it
    /// could hide an exposure, and assuming it open would invent one.
    mutating func groupReference(_ id: String, vpc: String, from cursor: JSONCursor) -> String {
        if !describedGroups.contains(id), stubGroups[id] == nil {
            stubGroups[id] = vpc
            diagnostics.append(cursor.warning("security group \(id) is not in the input; what it allows is `unknown` (export it with `aws ec2 describe-security-groups --group-ids \(id)`)"))
        }
        return id
    }

    mutating func translateSecurityGroups() {
        var extraRules: [String: (ingress: [JSONValue], egress: [JSONValue])] = [:]
        for (_, record) in unique(.securityGroupRules) {
            let rule = record.cursor
            guard let group = string(rule, "GroupId") else { continue }
            let isEgress = rule.value["IsEgress"]?.boolValue == true
            var peers: [Peer] = []
            if let cidr = string(rule, "CidrIpv4") ?? string(rule, "CidrIpv6") { peers.append(Peer(kind: .cidr, id: cidr)) }
            if let list = string(rule, "PrefixListId") { peers.append(Peer(kind: .prefixList, id: list)) }
            if let referenced = rule.field("ReferencedGroupInfo"), let group = string(referenced, "GroupId") {
                peers.append(Peer(kind: .securityGroup, id: group, vpc: string(referenced, "VpcId"), account: string(referenced, "UserId")))
            }
            let values = ruleValues(rule, peers: peers, descriptions: [string(rule, "Description")])
            if isEgress { extraRules[group, default: ([], [])].egress += values } else { extraRules[group, default: ([], [])].ingress += values }
        }
        for (id, record) in unique(.securityGroups) {
            let cursor = record.cursor
            guard let vpc = emittedVPC(of: cursor, "security group \(id)") else { continue }
            let ingress = list(cursor, "IpPermissions").flatMap { permissionValues($0) } + (extraRules[id]?.ingress ?? [])
            let egress = list(cursor, "IpPermissionsEgress").flatMap { permissionValues($0) } + (extraRules[id]?.egress ?? [])
            emit(.securityGroups, id: id, .object([
                ("id", .string(id)), ("vpc", .string(vpc)), ("name", string(cursor, "GroupName").map(JSONValue.string)),
                ("ingress", .array(NativeDocumentBuilder.deduplicated(ingress))), ("egress", .array(NativeDocumentBuilder.deduplicated(egress))),
            ]), origin: cursor)
        }
        for (id, vpc) in stubGroups.sorted(by: { $0.key < $1.key }) {
            referencedPrefixLists[NativeDocumentBuilder.unknownRulesList(of: id)] = nil
            builder.addGroupWithUnknownRules(id, vpc: vpc, standIn: .rulesOf(SecurityGroupID(id)), source: "input", origin: nil)
        }
    }

    /// One peer of a rule, as the export names it; for a group, where it lives when known.
    private struct Peer {
        /// Which native peer field the rule gets.
        enum Kind: String { case cidr, prefixList, securityGroup }

        let kind: Kind
        let id: String
        var vpc: String? = nil
        var account: String? = nil
    }

    /// One native rule per peer of an `IpPermissions` entry.
    private mutating func permissionValues(_ permission: JSONCursor) -> [JSONValue] {
        var peers: [Peer] = []
        var descriptions: [String?] = []
        for range in list(permission, "IpRanges") {
            if let cidr = string(range, "CidrIp") { peers.append(Peer(kind: .cidr, id: cidr)); descriptions.append(string(range, "Description")) }
        }
        for range in list(permission, "Ipv6Ranges") {
            if let cidr = string(range, "CidrIpv6") { peers.append(Peer(kind: .cidr, id: cidr)); descriptions.append(string(range, "Description")) }
        }
        for entry in list(permission, "PrefixListIds") {
            if let id = string(entry, "PrefixListId") { peers.append(Peer(kind: .prefixList, id: id)); descriptions.append(string(entry, "Description")) }
        }
        for pair in list(permission, "UserIdGroupPairs") {
            guard let group = string(pair, "GroupId") else { continue }
            peers.append(Peer(kind: .securityGroup, id: group, vpc: string(pair, "VpcId"), account: string(pair, "UserId")))
            descriptions.append(string(pair, "Description"))
        }
        return ruleValues(permission, peers: peers, descriptions: descriptions)
    }

    /// Native rules for `peers`, sharing the permission's protocol and ports. A group peer
    /// the input does not describe is kept, naming an outside group: its members are not in
    /// the input, so traffic from them is `unknown`, never dropped.
    private mutating func ruleValues(_ cursor: JSONCursor, peers: [Peer], descriptions: [String?]) -> [JSONValue] {
        // For ICMP, AWS puts the type in FromPort and the code in ToPort.
        let from = cursor.value["FromPort"]?.intValue
        let to = cursor.value["ToPort"]?.intValue
        if let problem = AWSBundleLoader.portProblem(protocol: string(cursor, "IpProtocol"), from: from, to: to, fields: ("FromPort", "ToPort")) {
            diagnostics.append(cursor.error(problem))
            return []
        }
        let traffic = NativeTraffic.members(protocol: string(cursor, "IpProtocol") ?? "-1", fromPort: from, toPort: to, icmpType: from, icmpCode: to)
        var values: [JSONValue] = []
        for (index, peer) in peers.enumerated() {
            if peer.kind == .securityGroup, !describedGroups.contains(peer.id), stubGroups[peer.id] == nil {
                declareOutsideGroup(peer.id, vpc: peer.vpc, account: peer.account, from: cursor)
            }
            if peer.kind == .prefixList { referencedPrefixLists[peer.id] = referencedPrefixLists[peer.id] ?? cursor }
            let description = index < descriptions.count ? descriptions[index] : nil
            values.append(.object(traffic + [(peer.kind.rawValue, .string(peer.id)), ("description", description.map(JSONValue.string))]))
        }
        return values
    }

    /// Why a TCP or UDP rule's ports cannot be read, if they cannot: both bounds must be
    /// given, and in order. A missing bound must not widen the rule to every port.
    static func portProblem(protocol text: String?, from: Int?, to: Int?, fields: (String, String)) -> String? {
        guard let text, let ipProtocol = IPProtocol(parsing: text), ipProtocol.hasPorts else { return nil }
        guard let from, let to else {
            return "a \(ipProtocol) rule needs both \"\(fields.0)\" and \"\(fields.1)\""
        }
        guard (0...65535).contains(from), (0...65535).contains(to), from <= to else {
            return "ports \(from) to \(to) are not a range of 0-65535"
        }
        return nil
    }
}
