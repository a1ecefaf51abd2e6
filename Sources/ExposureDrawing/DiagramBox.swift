import ExposureAudit

/// One box of the drawing before it is placed: what it stands for, its two lines of text,
/// how it is marked, and the boxes it holds.
public struct DiagramBox: Sendable {
    /// How a box is marked beside its text.
    public enum Marking: Hashable, Sendable {
        /// Nothing to say.
        case plain
        /// A subnet whose default route (IPv4, or IPv6) goes to an internet gateway.
        case publicSubnet
        /// A subnet whose default routes do not.
        case privateSubnet
        /// A subnet whose route table the input does not give (or that stands for subnets
        /// it does not list): public or private is unknown.
        case unknownSubnet
        /// Something drawn lines reach with reachable exposures, as bad as the worst of them
        /// (`nil` when no finding rates them).
        case exposed(Severity?)
        /// Nodes cut off from the repositories in S3, or reaching them only in part (and the
        /// repositories' box), as bad as the worst such finding, with no reachable exposure.
        case cutOff(Severity)
        /// Something lines reach only with unknown answers.
        case undecided
    }

    public let element: DiagramElement
    /// The first line: the id or name.
    public let title: String
    /// The second line: what it is, its addresses, what is open on it.
    public let subtitle: String?
    public let marking: Marking
    /// Everything the box stands for, for a tooltip: ids, addresses, services.
    public let detail: String
    /// What the box holds: a VPC's edge gateways and subnets, a subnet's chips.
    public var children: [DiagramBox]

    public init(
        _ element: DiagramElement, title: String, subtitle: String? = nil, marking: Marking = .plain, detail: String,
        children: [DiagramBox] = []
    ) {
        self.element = element
        self.title = title
        self.subtitle = subtitle
        self.marking = marking
        self.detail = detail
        self.children = children
    }
}
