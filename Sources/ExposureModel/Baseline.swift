/// Findings a team has looked at and accepted, each by its stable id, with why and until
/// when: what `exposure baseline` writes and `--baseline` reads.
public struct Baseline: Sendable, Equatable {
    /// One accepted finding.
    public struct Entry: Hashable, Sendable {
        /// The finding's stable id (16 hex digits).
        public let id: String
        /// The rule and resource, for people reading the file (the id alone decides).
        public let rule: String?
        public let resource: String?
        /// The finding's message when the entry was written, for people.
        public let message: String?
        /// Why the finding is accepted; empty until someone says.
        public let reason: String
        /// The last day the acceptance holds; `nil` for no end.
        public let expires: CalendarDay?
        /// Where the entry is written, for diagnostics about it.
        public let location: SourceLocation?

        public init(
            id: String, rule: String? = nil, resource: String? = nil, message: String? = nil, reason: String,
            expires: CalendarDay? = nil, location: SourceLocation? = nil
        ) {
            self.id = id
            self.rule = rule
            self.resource = resource
            self.message = message
            self.reason = reason
            self.expires = expires
            self.location = location
        }

        /// Whether the acceptance has lapsed on `today` (it holds through its `expires` day).
        public func isExpired(on today: CalendarDay) -> Bool {
            expires.map { $0 < today } ?? false
        }
    }

    /// The version of the file's shape, written as `baselineVersion`.
    public static let version = 1

    /// The entries in file order; ids are unique.
    public let entries: [Entry]
    private let positions: [String: Int]

    /// A baseline of `entries`; of entries with the same id, the first is kept.
    public init(entries: [Entry]) {
        var positions: [String: Int] = [:]
        var kept: [Entry] = []
        for entry in entries where positions[entry.id] == nil {
            positions[entry.id] = kept.count
            kept.append(entry)
        }
        self.entries = kept
        self.positions = positions
    }

    /// The entry accepting the finding with `id`.
    public func entry(for id: String) -> Entry? {
        positions[id].map { entries[$0] }
    }
}
