import ExposureModel

/// Turns what the return path lets through into what it means for requests.
///
/// Return stages are evaluated on replies written in request coordinates with the port
/// dimension holding the client's port (the reply's destination port): (server, client,
/// protocol, client port). A request succeeds when its reply passes for some client port
/// (or, for the "every port" check, for all of them).
enum ReplyProjection {
    /// ICMP requests that expect a reply, and the reply's type (same code).
    static let icmpReplies: [(protocolNumber: UInt8, request: UInt8, reply: UInt8)] = [
        (1, 8, 0), (1, 13, 14), (1, 15, 16), (1, 17, 18), (58, 128, 129),
    ]

    /// Requests whose reply passes `replies` on some client port of `clientPorts`
    /// (`requireEvery`: on every port of it).
    static func requests(
        answeredBy replies: TrafficSet, clientPorts: PortRange, requireEvery: Bool = false
    ) -> TrafficSet {
        let window = IntervalSet<UInt16>(ranges: [clientPorts.closedRange])
        // A reply set repeats few service sets across its address segments: each distinct
        // one is projected once. (No reply at all still answers ICMP requests that expect
        // none, so even the empty set is projected.)
        var projected: [ServiceSet: ServiceSet] = [.universe: .universe]
        return replies.mapServices { services in
            if let known = projected[services] { return known }
            let result = requests(answeredBy: services, window: window, requireEvery: requireEvery)
            projected[services] = result
            return result
        }
    }

    /// The request services whose replies `services` lets through on the client ports of
    /// `window`.
    private static func requests(answeredBy services: ServiceSet, window: IntervalSet<UInt16>, requireEvery: Bool) -> ServiceSet {
        var result = ServiceSet.empty
        for (protocols, keys) in services.segments {
            // Protocols without ports or ICMP keys need only some reply to pass.
            result = result.updating(protocols) { _ in keys.isEmpty ? .empty : .universe }
            for number in [UInt8(6), 17] where protocols.contains(number) {
                let answered = requireEvery ? window.isSubset(of: keys) : keys.intersects(window)
                result = result.updating(number...number) { _ in answered ? .universe : .empty }
            }
            // ICMP requests that expect no reply pass whatever the return path does.
            for number in [UInt8(1), 58] where protocols.contains(number) {
                let answered = requestKeys(answeredBy: keys, protocolNumber: number)
                result = result.updating(number...number) { _ in answered }
            }
        }
        return result
    }

    /// ICMP request keys whose reply key is in `replyKeys`; requests that expect no reply
    /// are answered whenever the protocol gets through at all.
    static func requestKeys(answeredBy replyKeys: IntervalSet<UInt16>, protocolNumber: UInt8) -> IntervalSet<UInt16> {
        let pairs = icmpReplies.filter { $0.protocolNumber == protocolNumber }
        var result = IntervalSet<UInt16>.universe
        for pair in pairs {
            let requestBlock = UInt16(pair.request) << 8...(UInt16(pair.request) << 8 | 0xff)
            let replyBlock = UInt16(pair.reply) << 8...(UInt16(pair.reply) << 8 | 0xff)
            let answered = replyKeys.intersection(.indicator(of: replyBlock)).ranges.map { range in
                let low = Int(range.lowerBound) - Int(replyBlock.lowerBound) + Int(requestBlock.lowerBound)
                let high = Int(range.upperBound) - Int(replyBlock.lowerBound) + Int(requestBlock.lowerBound)
                return UInt16(low)...UInt16(high)
            }
            result = result.subtracting(.indicator(of: requestBlock)).union(IntervalSet(ranges: answered))
        }
        return result
    }

    /// The reply key of an ICMP request key, or `nil` when the request expects no reply.
    static func replyKey(ofRequest key: UInt16, protocolNumber: UInt8) -> UInt16? {
        let type = UInt8(key >> 8)
        guard let pair = icmpReplies.first(where: { $0.protocolNumber == protocolNumber && $0.request == type })
        else { return nil }
        return UInt16(pair.reply) << 8 | (key & 0xff)
    }
}
