import ExposureModel

/// What one question has already evaluated, so that paths that share stages share the
/// work: the requests surviving each prefix of compiled request stages from one origin, and
/// what each sequence of compiled reply stages answers.
///
/// Paths to the classes of one subnet share every request stage but the classes' own
/// ingress rules, and paths between two subnets share their whole return leg, so most of
/// a question's intersections and reply projections are found here. Only stages built by
/// the solver's `StageCache` (which have a `cacheID`) take part: a key names stages by that
/// id, which stands for their whole content within one solver. The memo lives for one
/// question and is never shared between threads.
final class EvaluationMemo {
    /// An origin and the ids of the request stages applied to it, in order.
    struct ForwardKey: Hashable {
        let destinations: AddressSet
        let sources: AddressSet
        let stages: [Int]
    }

    /// The requests after a prefix of request stages.
    struct ForwardState {
        let forward: TrafficSet
        let possible: TrafficSet
        let uncertain: [(stage: Stage, missing: [MissingInput])]
    }

    /// A sequence of reply stages and the client ports their replies must reach.
    struct ReplyKey: Hashable {
        let stages: [Int]
        let clientPorts: PortRange
    }

    /// What a return leg lets through, and the requests it answers.
    final class ReplyState {
        let replies: TrafficSet
        let natReplies: TrafficSet
        let crossesNAT: Bool
        /// Requests answered for sure, and possibly.
        let answered: TrafficSet
        let possiblyAnswered: TrafficSet
        /// Requests answered on every client port, computed on first need.
        var answeredOnEveryPort: TrafficSet?

        init(replies: TrafficSet, natReplies: TrafficSet, crossesNAT: Bool, answered: TrafficSet, possiblyAnswered: TrafficSet) {
            self.replies = replies
            self.natReplies = natReplies
            self.crossesNAT = crossesNAT
            self.answered = answered
            self.possiblyAnswered = possiblyAnswered
        }
    }

    var forward: [ForwardKey: ForwardState] = [:]
    var replies: [ReplyKey: ReplyState] = [:]
}
