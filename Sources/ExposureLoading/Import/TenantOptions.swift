import ExposureModel

/// How an importer names tenants (`--tenant-tag`, `--tenants`).
///
/// Without options, the owning account of each VPC, subnet and interface is its tenant.
public struct TenantOptions: Sendable {
    /// A tag whose value names the tenant of the resource carrying it.
    public var tag: String?
    /// Explicit names for accounts, VPCs and subnets.
    public var mapping: TenantMapping

    public init(tag: String? = nil, mapping: TenantMapping = TenantMapping()) {
        self.tag = tag
        self.mapping = mapping
    }

    /// Warnings for options that name nothing in the input: a mapped account, VPC or subnet
    /// it does not hold, or a tag no resource carries (each would silently map nothing).
    func unmatched(accounts: Set<String>, vpcs: Set<String>, subnets: Set<String>, tagMatched: Bool, file: String) -> [Diagnostic] {
        var notes: [String] = []
        for (section, keys, known) in [("accounts", mapping.accounts.keys, accounts), ("vpcs", mapping.vpcs.keys, vpcs), ("subnets", mapping.subnets.keys, subnets)] {
            for key in keys.sorted() where !known.contains(key) {
                let hint = EditDistance.closest(to: key, among: known.sorted()).map { "; did you mean \"\($0)\"?" } ?? ""
                notes.append("--tenants maps \(section) \"\(key)\", which the input does not hold\(hint)")
            }
        }
        if let tag, !tagMatched {
            notes.append("--tenant-tag \(tag): no resource of the input carries the tag \"\(tag)\", so tenants are the owning accounts")
        }
        return notes.map { Diagnostic(severity: .warning, file: file, message: $0) }
    }
}

/// The `--tenants FILE` mapping: `{"accounts": {"111122223333": "analytics"}, "vpcs":
/// {...}, "subnets": {...}}`, keyed by account id, VPC id or Terraform address.
public struct TenantMapping: Sendable {
    public var accounts: [String: String] = [:]
    public var vpcs: [String: String] = [:]
    public var subnets: [String: String] = [:]

    public init() {}

    /// Whether the mapping names nothing.
    public var isEmpty: Bool { accounts.isEmpty && vpcs.isEmpty && subnets.isEmpty }

    /// Reads a mapping file, with located errors.
    public static func load(_ bytes: [UInt8], file: String) throws(LoadFailure) -> TenantMapping {
        let cursor = try JSONCursor.document(bytes, file: file)
        var mapping = TenantMapping()
        // A misspelt section would silently map nothing, so it is an error here.
        var diagnostics = cursor.unknownKeyErrors(known: ["accounts", "vpcs", "subnets"])
        func names(_ key: String) -> [String: String] {
            guard let section = cursor.field(key) else { return [:] }
            guard case .object(let members) = section.value.kind else {
                diagnostics.append(section.error("expected an object mapping ids to tenant names, found \(section.value.kindName)"))
                return [:]
            }
            var result: [String: String] = [:]
            for member in members {
                let entry = JSONCursor(value: member.value, path: section.path.appending(member.key), file: file)
                do throws(Diagnostic) {
                    let name = try entry.string()
                    guard !name.isEmpty else { throw entry.error("a tenant name cannot be empty") }
                    result[member.key] = name
                } catch {
                    diagnostics.append(error)
                }
            }
            return result
        }
        if case .object = cursor.value.kind {
            mapping.accounts = names("accounts")
            mapping.vpcs = names("vpcs")
            mapping.subnets = names("subnets")
        } else {
            diagnostics.append(cursor.error("expected an object with \"accounts\", \"vpcs\" and \"subnets\", found \(cursor.value.kindName)"))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw LoadFailure(diagnostics: diagnostics) }
        return mapping
    }
}
