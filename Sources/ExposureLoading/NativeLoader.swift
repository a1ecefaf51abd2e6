import ExposureModel
import Foundation

/// Loads the native topology format (version 1) into a validated `Topology`.
///
/// Decoding records every reference with its location; `NativeLoader+Validation` then
/// resolves them all in one place, so one run reports every dangling id.
public struct NativeLoader {
    /// The format versions this loader reads.
    public static let supportedVersions = [1]

    let file: String
    var topology = Topology()
    var diagnostics: [Diagnostic] = []
    var references: [PendingReference] = []
    /// Where each id was declared, for duplicate and "unused" diagnostics.
    var declarations: [ReferenceCollection: [String: JSONCursor]] = [:]
    /// The `target` of each route, in route order, resolved during validation.
    var routeTargetCursors: [RouteTableID: [JSONCursor]] = [:]

    /// Set for documents an importer wrote, where unused declarations are normal.
    let isImported: Bool
    /// Placeholder blocks handed out so far, per family.
    var placeholderCount: [AddressFamily: Int] = [:]

    init(file: String, isImported: Bool = false) {
        self.file = file
        self.isImported = isImported
    }

    /// Loads a native topology from JSON text.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - file: the name to print in diagnostics, as the user gave it.
    ///   - isImported: whether an importer wrote the document (no warnings about unused
    ///     groups, overlapping subnets or tenants, which exports always have).
    /// - Returns: the topology and the warnings found.
    /// - Throws: `LoadFailure` with every error (and warning) when the input is invalid.
    public static func load(_ bytes: [UInt8], file: String, isImported: Bool = false) throws(LoadFailure) -> (Topology, [Diagnostic]) {
        let root: JSONValue
        do {
            root = try JSONReader.parse(bytes)
        } catch {
            throw LoadFailure(diagnostics: [
                Diagnostic(
                    severity: .error, file: file, location: error.location,
                    message: "invalid JSON: \(error.message)")
            ])
        }
        return try load(root, file: file, isImported: isImported)
    }

    /// Loads a native topology already parsed.
    static func load(_ root: JSONValue, file: String, isImported: Bool = false) throws(LoadFailure) -> (Topology, [Diagnostic]) {
        var loader = NativeLoader(file: file, isImported: isImported)
        loader.decodeDocument(JSONCursor(value: root, file: file))
        loader.validate()
        let sorted = loader.diagnostics.sorted(by: Diagnostic.inReadingOrder)
        if sorted.contains(where: { $0.severity == .error }) {
            throw LoadFailure(diagnostics: sorted)
        }
        return (loader.topology, sorted)
    }

    /// Records `body`'s thrown diagnostic instead of stopping, so loading goes on.
    mutating func attempt(_ body: (inout NativeLoader) throws(Diagnostic) -> Void) {
        do {
            try body(&self)
        } catch {
            diagnostics.append(error)
        }
    }

    mutating func warn(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    static let topLevelKeys: Set<String> = [
        "formatVersion", "description", "region", "tenants", "vpcs", "subnets", "routeTables",
        "networkAcls", "securityGroups", "prefixLists", "networkInterfaces", "internetGateways",
        "egressOnlyInternetGateways", "natGateways", "vpnGateways", "customerGateways",
        "vpnConnections", "peeringConnections", "transitGateways", "transitGatewayAttachments",
        "transitGatewayRouteTables", "vpcEndpoints", "emrClusters", "blockPublicAccess",
        "outsideGroups", "missingExports", "skipped",
    ]

    mutating func decodeDocument(_ root: JSONCursor) {
        guard case .object = root.value.kind else {
            diagnostics.append(root.error("expected a topology object at the top level, found \(root.value.kindName)"))
            return
        }
        do {
            let version = try root.requiredField("formatVersion")
            let number = try version.int()
            guard NativeLoader.supportedVersions.contains(number) else {
                diagnostics.append(version.error(
                    "unsupported formatVersion \(number); this exposure reads version 1"))
                return
            }
        } catch {
            diagnostics.append(error)
            return
        }
        diagnostics += root.unknownKeyWarnings(known: NativeLoader.topLevelKeys)
        attempt { loader throws(Diagnostic) in
            loader.topology.region = try root.field("region")?.string()
            _ = try root.field("description")?.string()
        }
        // Declarations first, in dependency order; references are checked afterwards.
        each(root, "tenants") { loader, element throws(Diagnostic) in try loader.decodeTenant(element) }
        each(root, "prefixLists") { loader, element throws(Diagnostic) in try loader.decodePrefixList(element) }
        each(root, "vpcs") { loader, element throws(Diagnostic) in try loader.decodeVPC(element) }
        each(root, "internetGateways") { loader, element throws(Diagnostic) in try loader.decodeInternetGateway(element) }
        each(root, "egressOnlyInternetGateways") { loader, element throws(Diagnostic) in try loader.decodeEgressOnlyGateway(element) }
        each(root, "vpnGateways") { loader, element throws(Diagnostic) in try loader.decodeVPNGateway(element) }
        each(root, "customerGateways") { loader, element throws(Diagnostic) in try loader.decodeCustomerGateway(element) }
        each(root, "vpnConnections") { loader, element throws(Diagnostic) in try loader.decodeVPNConnection(element) }
        each(root, "peeringConnections") { loader, element throws(Diagnostic) in try loader.decodePeering(element) }
        each(root, "transitGateways") { loader, element throws(Diagnostic) in try loader.decodeTransitGateway(element) }
        each(root, "transitGatewayAttachments") { loader, element throws(Diagnostic) in try loader.decodeTransitGatewayAttachment(element) }
        each(root, "transitGatewayRouteTables") { loader, element throws(Diagnostic) in try loader.decodeTransitGatewayRouteTable(element) }
        each(root, "vpcEndpoints") { loader, element throws(Diagnostic) in try loader.decodeVPCEndpoint(element) }
        each(root, "natGateways") { loader, element throws(Diagnostic) in try loader.decodeNATGateway(element) }
        each(root, "routeTables") { loader, element throws(Diagnostic) in try loader.decodeRouteTable(element) }
        each(root, "networkAcls") { loader, element throws(Diagnostic) in try loader.decodeNetworkACL(element) }
        each(root, "subnets") { loader, element throws(Diagnostic) in try loader.decodeSubnet(element) }
        each(root, "outsideGroups") { loader, element throws(Diagnostic) in try loader.decodeOutsideGroup(element) }
        each(root, "securityGroups") { loader, element throws(Diagnostic) in try loader.decodeSecurityGroup(element) }
        each(root, "networkInterfaces") { loader, element throws(Diagnostic) in try loader.decodeNetworkInterface(element) }
        each(root, "emrClusters") { loader, element throws(Diagnostic) in try loader.decodeEMRCluster(element) }
        if let bpa = root.field("blockPublicAccess") {
            attempt { loader throws(Diagnostic) in try loader.decodeBlockPublicAccess(bpa) }
        }
        attempt { loader throws(Diagnostic) in try loader.decodeImportRecord(root) }
    }

    /// Decodes every element of the array `key`, one failure not stopping the others.
    mutating func each(
        _ root: JSONCursor, _ key: String,
        _ decode: (inout NativeLoader, JSONCursor) throws(Diagnostic) -> Void
    ) {
        guard let array = root.field(key) else { return }
        let elements: [JSONCursor]
        do throws(Diagnostic) {
            elements = try array.elements()
            guard elements.count <= InputLimits.collectionElements else {
                throw array.error("\(elements.count) elements; at most \(InputLimits.collectionElements) are read")
            }
        } catch {
            diagnostics.append(error)
            return
        }
        for element in elements {
            do throws(Diagnostic) {
                guard case .object = element.value.kind else {
                    throw element.error("expected an object, found \(element.value.kindName)")
                }
                try decode(&self, element)
            } catch {
                diagnostics.append(error)
            }
        }
    }

    /// Reads the required `id` and records its declaration, rejecting duplicates.
    mutating func declare(_ collection: ReferenceCollection, in element: JSONCursor) throws(Diagnostic) -> String {
        let cursor = try element.requiredField("id")
        let id = try identifier(cursor)
        if let first = declarations[collection]?[id] {
            throw cursor.error(
                "duplicate \(collection.noun) id \"\(DiagnosticText.shortened(id))\" (first declared at line \(first.value.location.line))")
        }
        declarations[collection, default: [:]][id] = cursor
        return id
    }

    /// An id: a non-empty string of at most `InputLimits.identifierLength` bytes with
    /// no control characters, which reports print as written.
    func identifier(_ cursor: JSONCursor) throws(Diagnostic) -> String {
        let id = try cursor.string()
        guard !id.isEmpty else { throw cursor.error("expected a non-empty id") }
        guard id.utf8.count <= InputLimits.identifierLength else {
            throw cursor.error("an id of \(id.utf8.count) bytes; ids are at most \(InputLimits.identifierLength)")
        }
        guard DiagnosticText.isPrintable(id) else {
            throw cursor.error("id \"\(DiagnosticText.shortened(id))\" holds control characters")
        }
        return id
    }

    /// Records a reference to be resolved once everything is declared.
    mutating func refer(_ collection: ReferenceCollection, _ cursor: JSONCursor) throws(Diagnostic) -> String {
        let id = try identifier(cursor)
        references.append(PendingReference(collection: collection, id: id, cursor: cursor))
        return id
    }

    /// Records every reference of an optional array of ids.
    mutating func referAll(_ collection: ReferenceCollection, _ cursor: JSONCursor?) throws(Diagnostic) -> [String] {
        guard let cursor else { return [] }
        var ids: [String] = []
        for element in try cursor.elements() { ids.append(try refer(collection, element)) }
        return ids
    }

    /// Parses a CIDR, warning about host bits and rejecting malformed text.
    mutating func cidr(_ cursor: JSONCursor) throws(Diagnostic) -> CIDR {
        let text = try cursor.string()
        switch CIDR.parse(text) {
        case .valid(let cidr):
            return cidr
        case .hostBitsSet(let cidr):
            warn(cursor.warning("\"\(text)\" has host bits set; read as \(cidr)"))
            return cidr
        case .malformed:
            throw cursor.error("expected an IPv4 or IPv6 CIDR such as 10.0.0.0/16 or 2600:1f18::/56, found \"\(text)\"")
        }
    }

    /// Parses an array of CIDRs.
    mutating func cidrs(_ cursor: JSONCursor?) throws(Diagnostic) -> [CIDR] {
        guard let cursor else { return [] }
        var result: [CIDR] = []
        for element in try cursor.elements() { result.append(try cidr(element)) }
        return result
    }

    /// Parses a single IP address.
    func address(_ cursor: JSONCursor) throws(Diagnostic) -> IPAddress {
        let text = try cursor.string()
        guard let address = IPAddress(text) else {
            throw cursor.error("expected an IPv4 or IPv6 address, found \"\(text)\"")
        }
        return address
    }

    /// Parses a port range written `22`, `"22"`, `"80-443"` or `"all"`.
    func portRange(_ cursor: JSONCursor) throws(Diagnostic) -> PortRange {
        let text: String
        if case .number = cursor.value.kind {
            let number = try cursor.int()
            guard (0...65535).contains(number) else {
                throw cursor.error("port \(number) is out of range; expected 0-65535")
            }
            return PortRange(UInt16(number))
        }
        text = try cursor.string()
        for part in text.split(separator: "-") where Int(part).map({ $0 > 65535 }) ?? false {
            throw cursor.error("port \(part) is out of range; expected 0-65535")
        }
        guard let range = PortRange(parsing: text) else {
            throw cursor.error("expected a port or port range such as 22, \"80-443\" or \"all\", found \"\(text)\"")
        }
        return range
    }

    /// Reads an optional string-valued enum, listing the valid choices on a bad value.
    func choice<T: RawRepresentable>(_ cursor: JSONCursor?, default value: T) throws(Diagnostic) -> T
    where T.RawValue == String, T: CaseIterable {
        guard let cursor else { return value }
        let text = try cursor.string()
        guard let parsed = T(rawValue: text) else {
            let valid = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw cursor.error("expected one of \(valid), found \"\(text)\"")
        }
        return parsed
    }
}

/// A reference written in the input, resolved after every declaration is read.
struct PendingReference {
    let collection: ReferenceCollection
    let id: String
    let cursor: JSONCursor
}

/// The kinds of declaration a reference can name.
enum ReferenceCollection: String, Hashable, CaseIterable {
    case tenant, vpc, subnet, routeTable, networkACL, securityGroup, prefixList
    case networkInterface, internetGateway, egressOnlyGateway, natGateway, vpnGateway
    case customerGateway, vpnConnection, peeringConnection, transitGateway
    case transitGatewayAttachment, transitGatewayRouteTable, vpcEndpoint, emrCluster

    /// How the collection reads in a message.
    var noun: String {
        switch self {
        case .tenant: "tenant"
        case .vpc: "VPC"
        case .subnet: "subnet"
        case .routeTable: "route table"
        case .networkACL: "network ACL"
        case .securityGroup: "security group"
        case .prefixList: "prefix list"
        case .networkInterface: "network interface"
        case .internetGateway: "internet gateway"
        case .egressOnlyGateway: "egress-only internet gateway"
        case .natGateway: "NAT gateway"
        case .vpnGateway: "VPN gateway"
        case .customerGateway: "customer gateway"
        case .vpnConnection: "VPN connection"
        case .peeringConnection: "peering connection"
        case .transitGateway: "transit gateway"
        case .transitGatewayAttachment: "transit gateway attachment"
        case .transitGatewayRouteTable: "transit gateway route table"
        case .vpcEndpoint: "VPC endpoint"
        case .emrCluster: "EMR cluster"
        }
    }
}

