/// A JSON value the generator writes: objects keep no order of their own and are always
/// written with sorted keys, so the same region gives the same bytes.
public enum GeneratedJSON: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([GeneratedJSON])
    case object([String: GeneratedJSON])

    /// The value as the AWS CLI prints it: four-space indentation, one member per line,
    /// keys sorted, a final newline.
    public func written() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(into: &out, indent: 0)
        out.append(0x0A)
        return out
    }

    private func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .string(let text): GeneratedJSON.quote(text, into: &out)
        case .int(let value): out.append(contentsOf: Array(String(value).utf8))
        case .bool(let value): out.append(contentsOf: Array((value ? "true" : "false").utf8))
        case .array(let elements):
            guard !elements.isEmpty else { return out.append(contentsOf: Array("[]".utf8)) }
            out.append(0x5B)
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(0x2C) }
                GeneratedJSON.newline(into: &out, indent: indent + 1)
                element.write(into: &out, indent: indent + 1)
            }
            GeneratedJSON.newline(into: &out, indent: indent)
            out.append(0x5D)
        case .object(let members):
            guard !members.isEmpty else { return out.append(contentsOf: Array("{}".utf8)) }
            out.append(0x7B)
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out.append(0x2C) }
                GeneratedJSON.newline(into: &out, indent: indent + 1)
                GeneratedJSON.quote(key, into: &out)
                out.append(contentsOf: [0x3A, 0x20])
                members[key]?.write(into: &out, indent: indent + 1)
            }
            GeneratedJSON.newline(into: &out, indent: indent)
            out.append(0x7D)
        }
    }

    private static func newline(into out: inout [UInt8], indent: Int) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: indent * 4))
    }

    /// The generator's strings are ids, CIDRs and names: only quotes and backslashes need
    /// escaping, and they are escaped all the same.
    private static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        for byte in text.utf8 {
            if byte == 0x22 || byte == 0x5C { out.append(0x5C) }
            out.append(byte)
        }
        out.append(0x22)
    }
}

extension GeneratedJSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: GeneratedJSON...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, GeneratedJSON)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { first, _ in first }))
    }
}
