/// The account's EMR block-public-access setting for one region.
public struct BlockPublicAccess: Hashable, Sendable {
    public let isEnabled: Bool
    /// Ports that may stay open to 0.0.0.0/0 or ::/0 (EMR's default is 22).
    public let permittedPorts: [PortRange]

    public init(isEnabled: Bool, permittedPorts: [PortRange]) {
        self.isEnabled = isEnabled
        self.permittedPorts = permittedPorts.sorted()
    }

    /// The setting of a new account: enabled, port 22 permitted.
    public static let awsDefault = BlockPublicAccess(isEnabled: true, permittedPorts: [PortRange(22)])
}
