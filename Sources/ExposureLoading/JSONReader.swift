import ExposureModel

/// A strict RFC 8259 JSON reader that records the line and column of every value.
///
/// Foundation's `JSONSerialization` and `JSONDecoder` say neither where a syntax error is
/// nor where a value came from; users need both to fix a hand-written topology.
///
/// Strings must be valid UTF-8 and member names unique within their object; nesting,
/// string and number lengths are bounded by `InputLimits`. A leading UTF-8 byte order
/// mark is skipped (RFC 8259 section 8.1 allows it; PowerShell's `Out-File` writes one).
/// Reading is linear in the input's size.
public struct JSONReader {
    /// A syntax error at a known position.
    public struct SyntaxError: Error, Sendable {
        public let location: SourceLocation
        public let message: String
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// Parses one JSON document; trailing whitespace only.
    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
        let values = try parseSequence(bytes, limit: 1)
        guard let value = values.first else {
            throw JSONReader(bytes: bytes).error("unexpected end of input, expected a value")
        }
        return value
    }

    /// Parses documents written one after another, as `aws ... >> file` produces.
    ///
    /// - Parameter limit: the most documents allowed; text after them is an error.
    public static func parseSequence(_ bytes: [UInt8], limit: Int = .max) throws(SyntaxError) -> [JSONValue] {
        var reader = JSONReader(bytes: bytes)
        // RFC 8259 lets a reader skip a UTF-8 byte order mark, and Windows tools write one.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3; reader.lineStart = 3 }
        var values: [JSONValue] = []
        reader.skipWhitespace()
        while reader.index < bytes.count {
            guard values.count < limit else { throw reader.error("unexpected text after the JSON value") }
            values.append(try reader.readValue())
            reader.skipWhitespace()
        }
        return values
    }

    private var location: SourceLocation {
        SourceLocation(line: line, column: index - lineStart + 1)
    }

    private func error(_ message: String) -> SyntaxError {
        SyntaxError(location: location, message: message)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private mutating func readValue() throws(SyntaxError) -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of input, expected a value") }
        let start = location
        switch bytes[index] {
        case UInt8(ascii: "{"): return JSONValue(kind: try readObject(), location: start)
        case UInt8(ascii: "["): return JSONValue(kind: try readArray(), location: start)
        case UInt8(ascii: "\""): return JSONValue(kind: .string(try readString()), location: start)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return JSONValue(kind: .bool(true), location: start)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return JSONValue(kind: .bool(false), location: start)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return JSONValue(kind: .null, location: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(kind: .number(try readNumber()), location: start)
        default:
            throw error("unexpected character '\(printable(bytes[index]))', expected a value")
        }
    }

    private func printable(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7f ? String(UnicodeScalar(byte)) : "\\u{" + String(byte, radix: 16) + "}"
    }

    private mutating func expectLiteral(_ literal: String) throws(SyntaxError) {
        for byte in literal.utf8 {
            guard index < bytes.count, bytes[index] == byte else {
                throw error("invalid literal, expected '\(literal)'")
            }
            index += 1
        }
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > InputLimits.depth { throw error("nesting deeper than \(InputLimits.depth) levels") }
    }

    /// Objects up to this many members are checked for repeated names by scanning them,
    /// larger ones by hashing (records of AWS outputs have 10 to 30 members).
    private static let scannedMembers = 32

    private mutating func readObject() throws(SyntaxError) -> JSONValue.Kind {
        try enter()
        defer { depth -= 1 }
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        // Where each name was written: scanned while the object is small, hashed after.
        var nameLocations: [SourceLocation] = []
        var names: [String: SourceLocation] = [:]
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("expected a quoted member name")
            }
            let nameLocation = location
            let key = try readString()
            if members.count == JSONReader.scannedMembers {
                for (member, place) in zip(members, nameLocations) { names[member.key] = place }
            }
            let earlier = members.count < JSONReader.scannedMembers ? members.indices.first { members[$0].key == key }.map { nameLocations[$0] } : names[key]
            if let earlier {
                throw SyntaxError(
                    location: nameLocation,
                    message: "duplicate member name \"\(DiagnosticText.shortened(key))\" (first at line \(earlier.line), column \(earlier.column))")
            }
            if members.count >= JSONReader.scannedMembers { names[key] = nameLocation } else { nameLocations.append(nameLocation) }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after member name \"\(DiagnosticText.shortened(key))\"")
            }
            index += 1
            skipWhitespace()
            members.append((key, try readValue()))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input in an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            throw error("expected ',' or '}' in an object")
        }
    }

    private mutating func readArray() throws(SyntaxError) -> JSONValue.Kind {
        try enter()
        defer { depth -= 1 }
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try readValue())
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input in an array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            throw error("expected ',' or ']' in an array")
        }
    }

    private mutating func readNumber() throws(SyntaxError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits(_ reader: inout JSONReader) -> Int {
            let begin = reader.index
            while reader.index < reader.bytes.count,
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(reader.bytes[reader.index])
            {
                reader.index += 1
            }
            return reader.index - begin
        }
        let integerStart = index
        let integerDigits = digits(&self)
        guard integerDigits > 0 else { throw error("invalid number") }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
            throw error("invalid number: leading zero")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw error("invalid number: digits expected after '.'") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits(&self) > 0 else { throw error("invalid number: digits expected in exponent") }
        }
        guard index - start <= InputLimits.numberLength else {
            throw SyntaxError(
                location: SourceLocation(line: line, column: start - lineStart + 1),
                message: "number of \(index - start) characters; at most \(InputLimits.numberLength) are read")
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func readString() throws(SyntaxError) -> String {
        let start = location
        index += 1
        var scalars: [UInt8] = []
        var isASCII = true
        while true {
            guard index < bytes.count else { throw error("unterminated string") }
            guard scalars.count <= InputLimits.stringBytes else {
                throw SyntaxError(location: start, message: "string longer than \(InputLimits.stringBytes >> 20) MiB")
            }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                // ASCII (most of any export) is valid UTF-8 as it stands.
                if isASCII { return String(decoding: scalars, as: UTF8.self) }
                guard let text = String(validating: scalars, as: UTF8.self) else {
                    throw SyntaxError(location: start, message: "string is not valid UTF-8; save the file as UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw error("unterminated string") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append(0x22)
                case UInt8(ascii: "\\"): scalars.append(0x5C)
                case UInt8(ascii: "/"): scalars.append(0x2F)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try readHex4()
                    if (0xD800...0xDBFF).contains(code) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                            bytes[index + 1] == UInt8(ascii: "u")
                        else { throw error("unpaired surrogate in \\u escape") }
                        index += 2
                        let low = try readHex4()
                        guard (0xDC00...0xDFFF).contains(low) else {
                            throw error("invalid low surrogate in \\u escape")
                        }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else {
                        throw error("invalid \\u escape")
                    }
                    scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw error("invalid escape '\\\(printable(escape))'")
                }
            case 0x00..<0x20:
                throw error("control character in string; escape it")
            default:
                if byte >= 0x80 { isASCII = false }
                scalars.append(byte)
                index += 1
            }
        }
    }

    private mutating func readHex4() throws(SyntaxError) -> UInt32 {
        // Four hex digits exactly: `UInt32(_:radix:)` alone would take a sign.
        guard index + 4 <= bytes.count, bytes[index..<index + 4].allSatisfy({ UnicodeScalar($0).properties.isASCIIHexDigit }),
            let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw error("expected four hex digits after \\u") }
        index += 4
        return value
    }
}
