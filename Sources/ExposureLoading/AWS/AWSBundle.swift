import ExposureModel

/// Every resource of a folder of AWS CLI outputs, grouped by the key that listed it.
///
/// Files are recognised by their top-level keys, never by their names. The folder layout
/// gives each file's account and region: `accounts/<id>/<region>/`, CloudMapper's
/// `account-data/<account>/<region>/`, or simply a folder named after a region.
struct AWSBundle {
    /// Where a record was found.
    struct Context: Hashable, Sendable {
        let account: String?
        let region: String?
        /// The folder holding the file, which groups EMR outputs with their cluster.
        let folder: String
        /// For lists that do not say their owner (prefix list entries, route table
        /// propagations, EMR instances): the id given beside the list or in the file name.
        let owner: String?
    }

    /// One element of a recognised list.
    struct Record {
        let cursor: JSONCursor
        let context: Context
    }

    private(set) var records: [AWSKey: [Record]] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    /// The keys some document had at its top level.
    private(set) var presentKeys: Set<AWSKey> = []

    func records(_ key: AWSKey) -> [Record] { records[key] ?? [] }

    /// The regions the files come from, sorted.
    var regions: [String] {
        Array(Set(records.values.joined().compactMap(\.context.region))).sorted()
    }

    /// Reads every document of every file.
    static func collect(_ files: [InputFile]) -> AWSBundle {
        collect(parsed: files.map { file in (file, Result { () throws(JSONReader.SyntaxError) in try JSONReader.parseSequence(file.bytes) }) })
    }

    /// Collects documents already parsed, in path order; files that are not JSON are errors.
    static func collect(parsed files: [(file: InputFile, documents: Result<[JSONValue], JSONReader.SyntaxError>)]) -> AWSBundle {
        var bundle = AWSBundle()
        for (file, parsed) in files.sorted(by: { $0.file.relativePath < $1.file.relativePath }) {
            switch parsed {
            case .failure(let error):
                bundle.diagnostics.append(Diagnostic(severity: .error, file: file.path, location: error.location, message: "invalid JSON: \(error.message)"))
            case .success(let documents):
                if documents.isEmpty {
                    // An interrupted capture leaves an empty file; its call then counts as not made.
                    bundle.diagnostics.append(Diagnostic(severity: .warning, file: file.path, message: "the file is empty; it is read as no output (was its capture interrupted?)"))
                }
                for document in documents {
                    bundle.add(JSONCursor(value: document, file: file.path), relativePath: file.relativePath)
                }
            }
        }
        return bundle
    }

    /// Whether some file held a top-level key of this call (an empty list counts: the call
    /// was made and found nothing).
    func has(_ key: AWSKey) -> Bool { presentKeys.contains(key) }

    private mutating func add(_ document: JSONCursor, relativePath: String) {
        guard case .object(let members) = document.value.kind else {
            diagnostics.append(document.warning("expected an AWS CLI output object, found \(document.value.kindName); the document is ignored"))
            return
        }
        let layout = AWSBundle.layout(of: relativePath)
        for member in members {
            let cursor = JSONCursor(value: member.value, path: document.path.appending(member.key), file: document.file)
            guard let key = AWSKey(rawValue: member.key) else {
                if AWSKey.bookkeeping.contains(member.key) { continue }
                if let what = AWSKey.outsideModel[member.key] {
                    diagnostics.append(cursor.warning("\(what) are outside the model and ignored"))
                } else {
                    var message = "unknown key \"\(DiagnosticText.shortened(member.key))\" is ignored"
                    if let suggestion = EditDistance.closest(to: member.key, among: AWSKey.allCases.map(\.rawValue)) {
                        message += "; did you mean \"\(suggestion)\"?"
                    }
                    diagnostics.append(cursor.warning(message))
                }
                continue
            }
            presentKeys.insert(key)
            let owner = AWSBundle.owner(of: key, in: document, relativePath: relativePath)
            let context = Context(account: layout.account, region: layout.region, folder: layout.folder, owner: owner)
            if key.isSingleObject {
                guard case .object = cursor.value.kind else {
                    diagnostics.append(cursor.error("expected an object, found \(cursor.value.kindName)"))
                    continue
                }
                diagnostics += key.shape.mismatches(in: cursor)
                records[key, default: []].append(Record(cursor: cursor, context: context))
                continue
            }
            do throws(Diagnostic) {
                for element in try cursor.elements() {
                    guard case .object = element.value.kind else {
                        throw element.error("expected an object, found \(element.value.kindName)")
                    }
                    diagnostics += key.shape.mismatches(in: element)
                    records[key, default: []].append(Record(cursor: element, context: context))
                }
            } catch {
                diagnostics.append(error)
            }
        }
    }

    /// The id a list belongs to when its elements do not say: beside it in the document,
    /// else in the file name (`entries-pl-0abc.json`).
    private static func owner(of key: AWSKey, in document: JSONCursor, relativePath: String) -> String? {
        let (field, prefix): (String, String)
        switch key {
        case .prefixListEntries: (field, prefix) = ("PrefixListId", "pl-")
        case .transitGatewayRouteTablePropagations, .associations, .routes: (field, prefix) = ("TransitGatewayRouteTableId", "tgw-rtb-")
        case .instances, .instanceGroups, .instanceFleets: (field, prefix) = ("ClusterId", "j-")
        default: return nil
        }
        if let id = document.value[field]?.stringValue { return id }
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        guard let start = name.range(of: prefix) else { return nil }
        let tail = name[start.upperBound...].prefix { $0.isLetter || $0.isNumber }
        return tail.isEmpty ? nil : prefix + tail
    }

    /// The account, region and folder that a file's place in the bundle implies.
    static func layout(of relativePath: String) -> (account: String?, region: String?, folder: String) {
        let folders = relativePath.split(separator: "/").dropLast().map(String.init)
        var account: String?
        var region: String?
        for (index, name) in folders.enumerated() {
            if ["accounts", "account-data"].contains(name), index + 1 < folders.count { account = folders[index + 1] }
            if isRegion(name) { region = name }
        }
        return (account, region, folders.joined(separator: "/"))
    }

    /// `us-east-1`, `eu-central-2`, `us-gov-west-1`, `ap-southeast-4`.
    static func isRegion(_ name: String) -> Bool {
        let parts = name.split(separator: "-")
        guard parts.count >= 3, parts[0].count == 2, parts[0].allSatisfy(\.isLowercase),
            let last = parts.last, !last.isEmpty, last.allSatisfy(\.isNumber)
        else { return false }
        return parts.dropFirst().dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isLowercase) }
    }
}
