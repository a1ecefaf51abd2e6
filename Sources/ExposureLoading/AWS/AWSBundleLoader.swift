import ExposureModel

/// Translates a bundle of AWS CLI `describe-*` outputs into a native topology document.
///
/// Real exports are never closed: a group rule names a group in another account, a route
/// points at a peering the export does not include. Such references become warnings and
/// are translated conservatively (a route to something absent is `unknown`, a group whose
/// rules are absent allows `unknown` traffic), never errors and never a silent `blocked`.
struct AWSBundleLoader {
    typealias Record = AWSBundle.Record
    typealias Collection = NativeDocumentBuilder.Collection

    let bundle: AWSBundle
    let tenantOptions: TenantOptions
    var builder = NativeDocumentBuilder()
    var diagnostics: [Diagnostic] = []
    /// Prefix lists referenced by rules and routes, declared (entries unknown) if absent.
    var referencedPrefixLists: [String: JSONCursor] = [:]
    /// Groups the bundle describes (`describe-security-groups`) in VPCs it describes.
    var describedGroups: Set<String> = []
    /// Groups referenced by interfaces but absent from the bundle, with their VPC.
    var stubGroups: [String: String] = [:]
    /// The blocks of each subnet in the document, for checking addresses placed in it.
    var subnetBlocks: [String: AddressSet] = [:]
    /// Instances with at least one interface in the document (route targets by instance).
    var instanceInterfaces: Set<String> = []
    /// EMR node role of each EC2 instance that belongs to a cluster.
    var emrRoles: [String: EMRCluster.Role] = [:]

    /// The records of each key with an id field, one per id in id order.
    private let uniqueRecords: [AWSKey: [(id: String, record: Record)]]
    /// The owning account of each VPC in the bundle.
    var vpcOwners: [String: String] = [:]
    /// The VPC of each subnet in the document.
    var subnetVPCs: [String: String] = [:]
    /// The blocks of each VPC in the document.
    var vpcBlocks: [String: [String]] = [:]
    /// The VPC each internet, egress-only and virtual private gateway of the document is
    /// attached to: a route in another VPC's table cannot use it.
    var gatewayVPCs: [String: String] = [:]
    /// The transit gateway of each attachment of the document: a table routes only to its
    /// own gateway's attachments.
    var transitAttachmentGateways: [String: String] = [:]

    init(bundle: AWSBundle, tenantOptions: TenantOptions) {
        self.bundle = bundle
        self.tenantOptions = tenantOptions
        var unique: [AWSKey: [(id: String, record: Record)]] = [:]
        for key in AWSKey.allCases {
            guard let field = key.idField else { continue }
            // The first copy wins: pages of one call may repeat an item.
            var seen: [String: Record] = [:]
            for record in bundle.records(key) {
                guard let id = record.cursor.value[field]?.stringValue, seen[id] == nil else { continue }
                seen[id] = record
            }
            unique[key] = seen.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        uniqueRecords = unique
    }

    /// Records of `key`, one per id, in id order.
    func unique(_ key: AWSKey) -> [(id: String, record: Record)] { uniqueRecords[key] ?? [] }

    /// Whether the resource's `VpcId` names a VPC the document has.
    func isInEmittedVPC(_ cursor: JSONCursor) -> Bool {
        string(cursor, "VpcId").map { isEmitted(.vpcs, $0) } ?? false
    }

    /// The VPC a resource names, if the document has it; otherwise a warning that `what`
    /// is ignored.
    mutating func emittedVPC(of cursor: JSONCursor, _ what: String) -> String? {
        if isInEmittedVPC(cursor), let vpc = string(cursor, "VpcId") { return vpc }
        diagnostics.append(cursor.warning("\(what) is in VPC \(string(cursor, "VpcId") ?? "?"), which is not in the input; it is ignored"))
        return nil
    }

    static func translate(_ bundle: AWSBundle, tenants: TenantOptions, name: String) -> ImportedDocument {
        var loader = AWSBundleLoader(bundle: bundle, tenantOptions: tenants)
        loader.diagnostics = bundle.diagnostics
        loader.warnAboutRecordsWithoutIDs()
        loader.translateAll()
        let accounts = Set(loader.vpcOwners.values).union(bundle.records.values.joined().compactMap(\.context.account))
        loader.diagnostics += tenants.unmatched(
            accounts: accounts, vpcs: loader.builder.ids(of: .vpcs), subnets: loader.builder.ids(of: .subnets),
            tagMatched: loader.builder.tagMatched, file: name)
        let regions = bundle.regions
        let description = "Converted from the AWS CLI outputs in \(name)"
            + (regions.isEmpty ? "" : " (\(regions.joined(separator: ", ")))")
        let (document, origins) = loader.builder.build(description: description, region: regions.count == 1 ? regions[0] : nil)
        let found = AWSKey.allCases.filter(bundle.has).map { "\($0.rawValue) (\(bundle.records($0).count) record\(bundle.records($0).count == 1 ? "" : "s"))" }
        return ImportedDocument(
            document: document, origins: origins, diagnostics: loader.diagnostics,
            recognised: found.isEmpty ? "no AWS CLI output the importer reads" : found.joined(separator: ", "))
    }

    private mutating func translateAll() {
        translateVPCs()
        synthesizeVPCs()
        describedGroups = Set(unique(.securityGroups).filter { isInEmittedVPC($0.record.cursor) }.map(\.id))
        translateSubnets()
        synthesizeSubnets()
        translateInternetGateways()
        translateEgressOnlyGateways()
        translateVPNGateways()
        synthesizeNamedGateways()
        translateCustomerGateways()
        translateTransitGateways()
        translateVPNConnections()
        translatePeerings()
        translateTransitGatewayAttachments()
        translateTransitGatewayRouteTables()
        translateNATGateways()
        translateNetworkACLs()
        collectEMRRoles()
        translateInterfaces()
        translateVPCEndpoints()
        translateRouteTables()
        // Clusters first: the groups they name but the export lacks become stand-ins too.
        translateEMRClusters()
        translateSecurityGroups()
        translateBlockPublicAccess()
        declarePrefixLists()
        recordMissingExports()
    }

    /// Elements that lack the id field cannot be referenced; say so once per element.
    private mutating func warnAboutRecordsWithoutIDs() {
        let keys: [AWSKey] = [.vpcs, .subnets, .routeTables, .networkACLs, .securityGroups, .networkInterfaces, .internetGateways]
        for key in keys {
            guard let field = key.idField else { continue }
            for record in bundle.records(key) where record.cursor.value[field]?.stringValue == nil {
                diagnostics.append(record.cursor.warning("no \"\(field)\"; the element is ignored"))
            }
        }
    }

    // MARK: Shared helpers

    mutating func emit(_ collection: Collection, id: String, _ value: JSONValue, origin: JSONCursor?) {
        builder.add(collection, id: id, value, origin: origin)
    }

    func isEmitted(_ collection: Collection, _ id: String) -> Bool { builder.contains(collection, id) }

    /// The owning account: the element's `OwnerId`, else the account folder it was found in.
    func owner(of record: Record) -> String? {
        record.cursor.value["OwnerId"]?.stringValue ?? record.context.account
    }

    /// `Tags` or `TagSet` as a dictionary.
    func tags(of cursor: JSONCursor) -> [String: String] {
        let list = cursor.value["Tags"] ?? cursor.value["TagSet"]
        guard case .array(let items)? = list?.kind else { return [:] }
        var result: [String: String] = [:]
        for item in items {
            if let key = item["Key"]?.stringValue, let value = item["Value"]?.stringValue { result[key] = value }
        }
        return result
    }

    /// A tenant named by the `--tenant-tag` tag, if set and present.
    mutating func taggedTenant(_ cursor: JSONCursor) -> String? {
        guard let key = tenantOptions.tag, let name = tags(of: cursor)[key], !name.isEmpty else { return nil }
        builder.tagMatched = true
        return use(tenant: name, description: "tag \(key)=\(name)")
    }

    /// The tenant of an account: its `--tenants` name, else the account id.
    mutating func accountTenant(_ account: String?) -> String? {
        guard let account else { return nil }
        if let name = tenantOptions.mapping.accounts[account] {
            return use(tenant: name, description: "account \(account)")
        }
        return use(tenant: account, description: "AWS account \(account)")
    }

    mutating func use(tenant name: String, description: String) -> String {
        builder.tenant(name, description: description)
    }


    /// The strings of `field`'s list of objects' `member` (`Groups[].GroupId`).
    func strings(_ cursor: JSONCursor, _ field: String, _ member: String) -> [String] {
        guard case .array(let items)? = cursor.value[field]?.kind else { return [] }
        return items.compactMap { $0[member]?.stringValue }
    }

    /// The strings of the list `field` (`SubnetIds`), `nil` when it is absent or not a list.
    func stringList(_ cursor: JSONCursor, _ field: String) -> [String]? {
        guard case .array(let items)? = cursor.value[field]?.kind else { return nil }
        return items.compactMap(\.stringValue)
    }

    /// The subnets of the list `field` that the document has.
    func emittedSubnets(_ cursor: JSONCursor, _ field: String) -> [String] {
        (stringList(cursor, field) ?? []).filter { isEmitted(.subnets, $0) }
    }

    /// The elements of the list `field`, empty when absent.
    func list(_ cursor: JSONCursor, _ field: String) -> [JSONCursor] {
        guard let member = cursor.field(field), let items = try? member.elements() else { return [] }
        return items
    }

    func string(_ cursor: JSONCursor, _ field: String) -> String? { cursor.value[field]?.stringValue }

    /// Whether a resource's `State` (or `State.Name`, `Status.Code`) is one of `states`;
    /// absent states count as live.
    func isLive(_ cursor: JSONCursor, _ states: Set<String>) -> Bool {
        let value = cursor.value["State"]
        let state = value?.stringValue ?? value?["Name"]?.stringValue ?? cursor.value["Status"]?["Code"]?.stringValue
        guard let state else { return true }
        return states.contains(state.lowercased())
    }
}
