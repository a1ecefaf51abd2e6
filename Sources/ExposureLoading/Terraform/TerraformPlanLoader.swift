import ExposureModel

/// Translates a Terraform plan (`terraform show -json`, format 0.1 to 1.x) into a native
/// topology document.
///
/// Ids do not exist before apply, so every resource is named by its address
/// (`module.net.aws_subnet.private[0]`) and links are followed through the configuration's
/// references. A value that stays unknown makes the verdicts that depend on it `unknown`
/// (it becomes a prefix list with unknown entries), never silently `blocked`.
struct TerraformPlanLoader {
    typealias Resource = TerraformPlan.Resource
    typealias Step = TerraformPlan.Step

    let plan: TerraformPlan
    let tenantOptions: TenantOptions
    var builder = NativeDocumentBuilder()
    var diagnostics: [Diagnostic] = []
    /// Address of each resource by the id it already has (resources that exist).
    let addressByID: [String: String]
    /// Resources by type, in address order.
    let byType: [String: [Resource]]
    /// Resources by address.
    let byAddress: [String: Resource]
    /// Groups that will be written: those whose VPC is in the plan (set once VPCs are).
    var groupAddresses: Set<String> = []
    /// Instances that will have an interface (route targets by instance; set once subnets are).
    var instancesWithInterfaces: Set<String> = []
    /// Address families whose VPC block is known only after apply, by VPC.
    var vpcUnknownFamilies: [String: Set<String>] = [:]
    /// Subnets whose IPv4 block is known only after apply: their interfaces' addresses are planned.
    var subnetsWithUnknownIPv4: Set<String> = []

    static func translate(_ root: JSONCursor, tenants: TenantOptions) -> ImportedDocument {
        let plan = TerraformPlan(root)
        var loader = TerraformPlanLoader(plan: plan, tenantOptions: tenants)
        loader.diagnostics = plan.diagnostics
        loader.translateAll()
        // Terraform inputs map VPCs and subnets by address; there are no accounts before apply.
        loader.diagnostics += tenants.unmatched(
            accounts: [], vpcs: loader.builder.ids(of: .vpcs), subnets: loader.builder.ids(of: .subnets),
            tagMatched: loader.builder.tagMatched, file: root.file)
        let (document, origins) = loader.builder.build(description: "Converted from the Terraform plan \(root.file)", region: nil)
        let types = loader.byType.keys.sorted().map { "\($0) (\(loader.byType[$0]?.count ?? 0))" }
        return ImportedDocument(
            document: document, origins: origins, diagnostics: loader.diagnostics,
            recognised: types.isEmpty ? "no managed resource" : types.joined(separator: ", "),
            addresses: Dictionary(plan.resources.map { ($0.values.path.description, $0.address) }, uniquingKeysWith: { first, _ in first }))
    }

    init(plan: TerraformPlan, tenantOptions: TenantOptions) {
        self.plan = plan
        self.tenantOptions = tenantOptions
        var ids: [String: String] = [:]
        for resource in plan.resources {
            if let id = resource.values.value["id"]?.stringValue, ids[id] == nil { ids[id] = resource.address }
        }
        addressByID = ids
        byType = Dictionary(grouping: plan.resources.sorted { $0.address < $1.address }, by: \.type)
        byAddress = Dictionary(plan.resources.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private mutating func translateAll() {
        translateVPCs()
        groupAddresses = Set(["aws_security_group", "aws_default_security_group"].flatMap { resources($0) }
            .filter { has(.vpcs, reference($0, [.key("vpc_id")])) }.map(\.address))
        translateSubnets()
        instancesWithInterfaces = Set(resources("aws_instance").filter { has(.subnets, reference($0, [.key("subnet_id")])) }.map(\.address))
        translateGateways()
        translateTransit()
        translateNATGateways()
        translatePrefixLists()
        translateVPCEndpoints()
        translateRouteTables()
        translateNetworkACLs()
        translateSecurityGroups()
        translateInterfaces()
        translateEMR()
    }

    func resources(_ type: String) -> [Resource] { byType[type] ?? [] }

    // MARK: Values

    func value(_ resource: Resource, _ path: [Step]) -> JSONValue? { TerraformPlan.value(resource.values.value, at: path) }

    func string(_ resource: Resource, _ path: [Step]) -> String? {
        guard let value = value(resource, path) else { return nil }
        switch value.kind {
        case .string(let text): return text.isEmpty ? nil : text
        case .number(let text): return text
        default: return nil
        }
    }

    func string(_ resource: Resource, _ key: String) -> String? { string(resource, [.key(key)]) }

    func bool(_ resource: Resource, _ key: String) -> Bool? {
        value(resource, [.key(key)])?.boolValue
    }

    func strings(_ resource: Resource, _ path: [Step]) -> [String] {
        guard case .array(let items)? = value(resource, path)?.kind else { return [] }
        return items.compactMap(\.stringValue).filter { !$0.isEmpty }
    }

    func cursor(_ resource: Resource, _ path: [Step]) -> JSONCursor {
        var cursor = resource.values
        for step in path {
            switch step {
            case .key(let key): if let next = cursor.field(key) { cursor = next } else { return cursor }
            case .index(let index):
                guard let items = try? cursor.elements(), index < items.count else { return cursor }
                cursor = items[index]
            }
        }
        return cursor
    }

    /// The address (or, for something outside the plan, the id) one attribute names.
    func reference(_ resource: Resource, _ path: [Step]) -> String? {
        references(resource, path).first
    }

    /// The addresses (or ids) a list or single attribute names: known ids map to the
    /// resource that has them; unknown ones follow the configuration's references.
    func references(_ resource: Resource, _ path: [Step]) -> [String] {
        var known: [String] = []
        if let value = value(resource, path) {
            switch value.kind {
            case .string(let text) where !text.isEmpty: known = [text]
            case .array(let items): known = items.compactMap(\.stringValue).filter { !$0.isEmpty }
            default: break
            }
        }
        if !known.isEmpty { return known.map { addressByID[$0] ?? $0 } }
        return plan.addresses(referencedBy: resource, path)
    }

    // MARK: Tenants

    mutating func tenant(of resource: Resource, mapping: [String: String]) -> String? {
        if let name = mapping[resource.address] { return use(tenant: name, description: resource.address) }
        guard let key = tenantOptions.tag, let name = value(resource, [.key("tags"), .key(key)])?.stringValue, !name.isEmpty else { return nil }
        builder.tagMatched = true
        return use(tenant: name, description: "tag \(key)=\(name)")
    }

    mutating func use(tenant name: String, description: String) -> String {
        builder.tenant(name, description: description)
    }


    // MARK: Unknown values

    /// A prefix list standing for a value known only after apply.
    mutating func unknownList(_ resource: Resource, _ attribute: String) -> String {
        let id = "\(resource.address).\(attribute) (known after apply)"
        if !builder.contains(.prefixLists, id) {
            diagnostics.append(resource.values.warning("\(attribute) of \(resource.address) is known only after apply; verdicts that depend on it are `unknown`"))
            builder.add(.prefixLists, id: id, .object([
                ("id", .string(id)), ("name", .string("unknown until apply")),
                ("standsFor", .object([("valueAfterApply", .string("\(resource.address).\(attribute)"))])),
            ]), origin: resource.values)
        }
        return id
    }

    mutating func emit(_ collection: NativeDocumentBuilder.Collection, _ resource: Resource, _ members: [(String, JSONValue?)], id: String? = nil) {
        let id = id ?? resource.address
        builder.add(collection, id: id, .object([("id", .string(id))] + members), origin: resource.values)
    }

    func has(_ collection: NativeDocumentBuilder.Collection, _ id: String?) -> Bool {
        guard let id else { return false }
        return builder.contains(collection, id)
    }

    /// Warns that `resource` is left out because what it needs is not in the plan.
    mutating func skip(_ resource: Resource, _ reason: String) {
        diagnostics.append(resource.values.warning("\(resource.address) is left out: \(reason)"))
    }

    /// The same for a resource whose exposure the report would show (an instance, an
    /// interface, a cluster): it is also listed as not analysed, which fails the gate.
    mutating func skipTarget(_ resource: Resource, kind: ComponentKind, _ reason: String) {
        skip(resource, reason)
        builder.skip(resource.address, kind: kind, reason: reason, isIncomplete: true)
    }
}
