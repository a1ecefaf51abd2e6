import ExposureModel

/// The traffic members (`protocol`, `ports`, `icmpType`, `icmpCode`) of a native rule or
/// ACL entry, from the protocol names or numbers and `-1` wildcards that AWS and
/// Terraform both use.
enum NativeTraffic {
    private static let names = [
        "-1": "all", "all": "all", "6": "tcp", "tcp": "tcp", "17": "udp", "udp": "udp",
        "1": "icmp", "icmp": "icmp", "58": "icmpv6", "icmpv6": "icmpv6",
    ]

    /// - Parameters:
    ///   - fromPort: the first port; absent or negative means every port.
    ///   - icmpType: the ICMP type; absent or `-1` means any type (and then any code).
    static func members(protocol raw: String, fromPort: Int?, toPort: Int?, icmpType: Int?, icmpCode: Int?) -> [(String, JSONValue?)] {
        let name = names[raw.lowercased()] ?? raw
        switch name {
        case "tcp", "udp":
            let low = fromPort ?? -1
            let high = toPort ?? low
            let ports = low < 0 || (low == 0 && high == 65535) ? "all" : portRange(low, high)
            return [("protocol", .string(name)), ("ports", .string(ports))]
        case "icmp", "icmpv6":
            let type = icmpType.flatMap { $0 < 0 ? nil : $0 }
            let code = type == nil ? nil : icmpCode.flatMap { $0 < 0 ? nil : $0 }
            return [("protocol", .string(name)), ("icmpType", type.map(JSONValue.number)), ("icmpCode", code.map(JSONValue.number))]
        default:
            return [("protocol", .string(name))]
        }
    }

    /// `"22"` or `"8000-8100"`; a missing upper bound is the lower one.
    static func portRange(_ low: Int, _ high: Int?) -> String {
        let high = high ?? low
        return low == high ? "\(low)" : "\(low)-\(high)"
    }
}
