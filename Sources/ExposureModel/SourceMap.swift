/// Where each component, and each rule of a group or ACL, is written in the input: the
/// file, the JSON path, the line and column, and for Terraform the resource address.
///
/// Loaders fill it; reports that point at code (SARIF) read it. A component the input does
/// not write down (a stand-in for what is missing, a main route table AWS creates) has no
/// place.
public struct SourceMap: Sendable, Equatable {
    /// Where one thing is written.
    public struct Place: Hashable, Sendable {
        /// The file as the user named it (a file of the bundle for AWS CLI outputs).
        public let file: String
        /// The JSON path of the value in that file, such as `$.SecurityGroups[2]`.
        public let path: String
        /// `nil` when the value was built by an importer and has no place in any file.
        public let location: SourceLocation?
        /// The Terraform resource address (`module.emr.aws_security_group.primary`).
        public let address: String?

        public init(file: String, path: String, location: SourceLocation?, address: String? = nil) {
            self.file = file
            self.path = path
            self.location = location
            self.address = address
        }
    }

    /// A rule of a component, by the place the input lists it.
    public enum Anchor: Hashable, Sendable {
        /// Rule `index` (from 0) of a security group's ingress or egress list.
        case groupRule(ingress: Bool, index: Int)
        /// The entry with `number` of a network ACL's inbound or outbound list.
        case aclEntry(inbound: Bool, number: Int)
    }

    /// A component by id, and optionally one of its rules.
    public struct Key: Hashable, Sendable {
        public let component: String
        public let anchor: Anchor?

        public init(component: String, anchor: Anchor? = nil) {
            self.component = component
            self.anchor = anchor
        }
    }

    /// The component key under which the input's block-public-access setting is placed.
    public static let blockPublicAccess = "blockPublicAccess"

    private var places: [Key: Place] = [:]

    public init() {}

    /// Records where `key` is written; the first place recorded for a key stays.
    public mutating func record(_ place: Place, for key: Key) {
        if places[key] == nil { places[key] = place }
    }

    /// Where the rule is written, else where its component is; `nil` when neither is.
    public func place(of component: String, anchor: Anchor? = nil) -> Place? {
        if let anchor, let place = places[Key(component: component, anchor: anchor)] { return place }
        return places[Key(component: component)]
    }
}
