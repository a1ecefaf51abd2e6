import ExposureModel
import ExposureSolver

/// One protocol's part of a service set, as reports print it.
public struct ServiceRow: Hashable, Sendable {
    /// `tcp`, `udp`, `icmp`, `icmpv6`, or `other` for the remaining protocol numbers.
    public let protocolName: String
    /// tcp/udp ports; for `other`, the protocol numbers.
    public let ranges: [ClosedRange<UInt16>]
    /// ICMP types and codes as text, for icmp and icmpv6.
    public let icmp: [String]

    /// Splits a service set into rows: tcp, udp, icmp, icmpv6, then every other protocol.
    public static func rows(of services: ServiceSet) -> [ServiceRow] {
        var rows: [ServiceRow] = []
        for (number, name) in [(UInt8(6), "tcp"), (17, "udp")] {
            let ports = services.value(at: number).intersection(IntervalSet(ranges: [PortRange.nonZero.closedRange]))
            if !ports.isEmpty { rows.append(ServiceRow(protocolName: name, ranges: ports.ranges, icmp: [])) }
        }
        for (number, name) in [(UInt8(1), "icmp"), (58, "icmpv6")] {
            let keys = services.value(at: number)
            if !keys.isEmpty { rows.append(ServiceRow(protocolName: name, ranges: [], icmp: describeICMP(keys))) }
        }
        let others = IntervalSet<UInt8>(ranges: services.segments.filter { !$0.value.isEmpty }.map(\.range))
            .subtracting(IntervalSet(ranges: [1...1, 6...6, 17...17, 58...58]))
        if !others.isEmpty {
            rows.append(ServiceRow(
                protocolName: "other", ranges: others.ranges.map { UInt16($0.lowerBound)...UInt16($0.upperBound) }, icmp: []))
        }
        return rows
    }

    /// `type 8 code 0`, `type 3`, `types 0-8`, `all types`.
    static func describeICMP(_ keys: IntervalSet<UInt16>) -> [String] {
        if keys.isUniverse { return ["all types"] }
        var parts: [String] = []
        var fullRun: ClosedRange<Int>?
        func flush() {
            if let run = fullRun { parts.append(run.count == 1 ? "type \(run.lowerBound)" : "types \(run.lowerBound)-\(run.upperBound)") }
            fullRun = nil
        }
        // At most 256 ICMP types: bounded by the type space, not by the traffic.
        let types = Set(keys.ranges.flatMap { Int($0.lowerBound >> 8)...Int($0.upperBound >> 8) }).sorted()
        for type in types {
            let block = UInt16(type) << 8...(UInt16(type) << 8 | 0xff)
            let codes = keys.intersection(.indicator(of: block))
            if codes == .indicator(of: block) {
                if let run = fullRun, run.upperBound == type - 1 { fullRun = run.lowerBound...type } else { flush(); fullRun = type...type }
                continue
            }
            flush()
            for range in codes.ranges {
                let low = range.lowerBound & 0xff
                let high = range.upperBound & 0xff
                parts.append(low == high ? "type \(type) code \(low)" : "type \(type) codes \(low)-\(high)")
            }
        }
        flush()
        return parts
    }

    /// The catalog names of the services in one range of this row: EMR's catalog for a
    /// node of `role` (tcp only), the general one for any other interface.
    public func serviceNames(in range: ClosedRange<UInt16>, role: EMRCluster.Role?) -> [String] {
        switch (protocolName, role) {
        case ("tcp", let role?): EMRPortCatalog.services(in: range, role: role)
        case ("tcp", nil): ServicePortCatalog.services(in: range, protocolNumber: 6)
        case ("udp", nil): ServicePortCatalog.services(in: range, protocolNumber: 17)
        default: []
        }
    }

    /// `tcp 22 (SSH), 8088 (YARN ResourceManager)`, `udp all`, `icmp type 8 code 0`,
    /// `other protocols 47, 50`; without the names (`tcp 22, 8088`) when
    /// `withServiceNames` is false.
    public func text(naming role: EMRCluster.Role?, withServiceNames: Bool = true) -> String {
        switch protocolName {
        case "tcp", "udp":
            if ranges == [1...65535] { return "\(protocolName) all ports" }
            let parts = ranges.map { range -> String in
                let text = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)-\(range.upperBound)"
                let names = withServiceNames ? serviceNames(in: range, role: role) : []
                return names.isEmpty ? text : "\(text) (\(names.joined(separator: ", ")))"
            }
            return "\(protocolName) \(parts.joined(separator: ", "))"
        case "icmp", "icmpv6":
            return "\(protocolName) \(icmp.joined(separator: ", "))"
        default:
            let numbers = ranges.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
            return ranges == [0...0, 2...5, 7...16, 18...57, 59...255] ? "all other protocols" : "protocols \(numbers.joined(separator: ", "))"
        }
    }
}
