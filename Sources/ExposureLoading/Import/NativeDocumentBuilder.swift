import ExposureModel

/// A native-format document being written by an importer, remembering where in the
/// original input each element came from.
///
/// Importers translate shapes; they never build a `Topology` themselves. The document goes
/// through `NativeLoader`, so an imported input is validated by exactly the rules a
/// hand-written one is, and `exposure convert` writes exactly what was analysed.
struct NativeDocumentBuilder {
    /// The native collections, in the order a converted document lists them.
    enum Collection: String, CaseIterable, Sendable {
        case tenants, prefixLists, vpcs, subnets, routeTables, networkAcls, outsideGroups, securityGroups
        case networkInterfaces, internetGateways, egressOnlyInternetGateways, natGateways
        case vpnGateways, customerGateways, vpnConnections, peeringConnections, transitGateways
        case transitGatewayAttachments, transitGatewayRouteTables, vpcEndpoints, emrClusters
    }

    private struct Element {
        let key: String
        let value: JSONValue
        let origin: JSONCursor?
    }

    private var elements: [Collection: [Element]] = [:]
    private var ids: [Collection: Set<String>] = [:]
    var blockPublicAccess: (value: JSONValue, origin: JSONCursor?)?
    /// AWS CLI calls the export lacks (`MissingExport` raw values), in call order.
    var missingExports: [MissingExport] = []
    /// Resources left out, and why.
    private var skipped: [SkippedResource] = []
    /// Whether `--tenant-tag` named the tenant of some resource.
    var tagMatched = false

    /// Records a resource the importer leaves out; `isIncomplete` when it is left out
    /// because something it needs is missing from the input.
    mutating func skip(_ resource: String, kind: ComponentKind, reason: String, isIncomplete: Bool) {
        skipped.append(SkippedResource(resource: resource, kind: kind, reason: reason, isIncomplete: isIncomplete))
    }

    /// Adds an element unless one with the same id is already there (the first wins, as
    /// pages of one call may repeat an item); `id` also orders the collection.
    mutating func add(_ collection: Collection, id: String, _ value: JSONValue, origin: JSONCursor?) {
        guard ids[collection, default: []].insert(id).inserted else { return }
        elements[collection, default: []].append(Element(key: id, value: value, origin: origin))
    }

    /// Names a tenant, declaring it on first use with what it stands for.
    mutating func tenant(_ name: String, description: String) -> String {
        add(.tenants, id: name, .object([("name", .string(name)), ("description", .string(description))]), origin: nil)
        return name
    }

    /// The ids added to a collection so far.
    func ids(of collection: Collection) -> Set<String> { ids[collection] ?? [] }

    /// Whether an element with this id was added.
    func contains(_ collection: Collection, _ id: String) -> Bool {
        ids[collection]?.contains(id) ?? false
    }

    /// Rules or routes written once each, however often the input lists them (AWS gives a
    /// group's rules in its permissions and again in its rule list).
    static func deduplicated(_ values: [JSONValue]) -> [JSONValue] {
        var seen = Set<String>()
        return values.filter { seen.insert(JSONWriter.compact($0)).inserted }
    }

    /// The elements added to a collection so far, in insertion order.
    func values(of collection: Collection) -> [JSONValue] {
        elements[collection]?.map(\.value) ?? []
    }

    /// The finished document and, for each element path such as `$.subnets[3]`, the input
    /// value it was written from.
    func build(description: String, region: String?) -> (document: JSONValue, origins: [String: JSONCursor]) {
        var members: [(String, JSONValue?)] = [
            ("formatVersion", .number(1)), ("description", .string(description)),
            ("region", region.map(JSONValue.string)),
        ]
        var origins: [String: JSONCursor] = [:]
        for collection in Collection.allCases {
            guard let list = elements[collection], !list.isEmpty else { continue }
            let sorted = list.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element)
            for (index, element) in sorted.enumerated() {
                if let origin = element.origin { origins["$.\(collection.rawValue)[\(index)]"] = origin }
            }
            members.append((collection.rawValue, .array(sorted.map(\.value))))
        }
        if let blockPublicAccess {
            members.append(("blockPublicAccess", blockPublicAccess.value))
            if let origin = blockPublicAccess.origin { origins["$.blockPublicAccess"] = origin }
        }
        if !missingExports.isEmpty {
            members.append(("missingExports", .strings(missingExports.sorted().map(\.rawValue))))
        }
        if !skipped.isEmpty {
            let sorted = skipped.sorted { ($0.resource, $0.reason) < ($1.resource, $1.reason) }
            members.append(("skipped", .array(sorted.map { item in
                .object([
                    ("resource", .string(item.resource)), ("kind", .string(item.kind.rawValue)), ("reason", .string(item.reason)),
                    ("incomplete", item.isIncomplete ? .bool(true) : nil),
                ])
            })))
        }
        return (.object(members), origins)
    }
}
