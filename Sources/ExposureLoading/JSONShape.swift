import ExposureModel

/// What an importer requires of the JSON values that decide verdicts, checked before it
/// reads them.
///
/// AWS and Terraform inputs are read leniently where they describe things outside the
/// model, but a port, CIDR, rule number or rule list of the wrong kind must not quietly
/// become "every port" or "no rules". A shape names the members that matter; a member
/// that is present (and not `null`) with the wrong kind, an out-of-range number or a
/// malformed CIDR is an error at its JSON path, line and column. Members a shape does not
/// name are not checked. Checking is linear in the size of the value.
indirect enum JSONShape: Sendable {
    /// Any string.
    case string
    /// An IPv4 or IPv6 CIDR with its prefix length (`10.0.0.0/16`).
    case cidr
    /// A CIDR, or the empty string Terraform writes for an unset one.
    case cidrOrUnset
    /// An IP protocol as AWS and Terraform write it, always a string: `-1`, `all`, `tcp`,
    /// `udp`, `icmp`, `icmpv6` or a number 0-255 (`"6"`).
    case ipProtocol
    /// One of the given strings, exactly.
    case oneOf([String])
    /// A whole number in `range`, written as a number or a string of digits.
    case integer(ClosedRange<Int>)
    /// `true` or `false`.
    case boolean
    /// An array whose elements have the shape.
    case array(JSONShape)
    /// An object; `members` are checked where present, `required` must be present.
    case object([String: JSONShape], required: [String] = [])

    /// An array of strings.
    static let strings = JSONShape.array(.string)

    /// Every mismatch in `cursor`'s value, in document order.
    func mismatches(in cursor: JSONCursor) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var trail: [JSONPath.Component] = []
        check(cursor.value, at: &trail, below: cursor, into: &found)
        return found
    }

    /// Checks `value`, found by following `trail` from `base`; paths are built only for
    /// the values that are reported, so a large export is checked without allocating one
    /// path per value.
    private func check(_ value: JSONValue, at trail: inout [JSONPath.Component], below base: JSONCursor, into found: inout [Diagnostic]) {
        func cursor() -> JSONCursor {
            JSONCursor(value: value, path: base.path.appending(contentsOf: trail), file: base.file)
        }
        func mismatch(_ expected: String) {
            found.append(cursor().error("expected \(expected), found \(value.kindName)"))
        }
        switch self {
        case .string:
            if value.stringValue == nil { mismatch("a string") }
        case .cidr, .cidrOrUnset:
            guard let text = value.stringValue else { return mismatch("a CIDR string") }
            if case .cidrOrUnset = self, text.isEmpty { return }
            if case .malformed = CIDR.parse(text) {
                found.append(cursor().error("expected a CIDR such as 10.0.0.0/16 or 2600:1f18::/56, found \"\(DiagnosticText.shortened(text))\""))
            }
        case .ipProtocol:
            // A bare number would be read as "all" by importers that read protocols as text.
            guard let text = value.stringValue else { return mismatch("a protocol string such as \"tcp\" or \"6\"") }
            if IPProtocol(parsing: text) == nil {
                found.append(cursor().error("expected a protocol (-1, tcp, udp, icmp, icmpv6 or a number 0-255), found \"\(DiagnosticText.shortened(text))\""))
            }
        case .oneOf(let choices):
            guard let text = value.stringValue else { return mismatch("a string") }
            if !choices.contains(text) {
                found.append(cursor().error("expected \(choices.map { "\"\($0)\"" }.joined(separator: " or ")), found \"\(DiagnosticText.shortened(text))\""))
            }
        case .integer(let range):
            let text: String
            switch value.kind {
            case .number(let number): text = number
            case .string(let string): text = string
            default: return mismatch("an integer")
            }
            guard let number = IntegerText.parse(text) else {
                return found.append(cursor().error("expected an integer from \(range.lowerBound) to \(range.upperBound), found \(DiagnosticText.shortened(text))"))
            }
            if !range.contains(number) {
                found.append(cursor().error("\(number) is out of range; expected \(range.lowerBound) to \(range.upperBound)"))
            }
        case .boolean:
            if value.boolValue == nil { mismatch("true or false") }
        case .array(let element):
            guard case .array(let items) = value.kind else { return mismatch("an array") }
            for (index, item) in items.enumerated() {
                trail.append(.index(index))
                defer { trail.removeLast() }
                if case .null = item.kind {
                    found.append(JSONCursor(value: item, path: base.path.appending(contentsOf: trail), file: base.file).error("expected an element, found null"))
                    continue
                }
                element.check(item, at: &trail, below: base, into: &found)
            }
        case .object(let members, let required):
            guard case .object(let present) = value.kind else { return mismatch("an object") }
            for name in required where !present.contains(where: { $0.key == name && !Self.isNull($0.value) }) {
                found.append(cursor().error("missing required field \"\(name)\""))
            }
            for member in present {
                guard let shape = members[member.key], !Self.isNull(member.value) else { continue }
                trail.append(.key(member.key))
                shape.check(member.value, at: &trail, below: base, into: &found)
                trail.removeLast()
            }
        }
    }

    private static func isNull(_ value: JSONValue) -> Bool {
        if case .null = value.kind { return true }
        return false
    }
}
