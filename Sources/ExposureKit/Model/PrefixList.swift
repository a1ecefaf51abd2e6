/// A managed or AWS prefix list.
public struct PrefixList: Hashable, Sendable, Identifiable {
    public let id: PrefixListID
    public let name: String?
    /// The entries; `nil` when the input does not give them, which makes verdicts that
    /// depend on the list `unknown`.
    public let entries: [CIDR]?

    public init(id: PrefixListID, name: String? = nil, entries: [CIDR]?) {
        self.id = id
        self.name = name
        self.entries = entries?.sorted()
    }
}
