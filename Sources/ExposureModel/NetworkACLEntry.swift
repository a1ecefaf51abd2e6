/// One numbered entry of a network ACL.
public struct NetworkACLEntry: Hashable, Sendable, CustomStringConvertible {
    public enum Action: String, Hashable, Sendable { case allow, deny }

    public let ruleNumber: Int
    public let action: Action
    public let traffic: TrafficSelector
    public let cidr: CIDR

    public init(ruleNumber: Int, action: Action, traffic: TrafficSelector, cidr: CIDR) {
        self.ruleNumber = ruleNumber
        self.action = action
        self.traffic = traffic
        self.cidr = cidr
    }

    public var description: String { "#\(ruleNumber) \(action.rawValue) \(traffic) \(cidr)" }
}
