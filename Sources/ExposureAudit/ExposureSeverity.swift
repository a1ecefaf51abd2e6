import ExposureModel
import ExposureSolver

/// How bad it is that a zone can open a service, one scale for every exposure rule: by
/// breadth for the internet (and for outside zones that hold public addresses), by port
/// for tenants, VPCs and the members of groups the input lacks (instances wherever their
/// addresses are), one step lower for on-premises networks.
enum ExposureSeverity {
    /// The severity of a reachable exposure of a service of `sensitivity` to `sources` of `zone`.
    static func of(_ zone: Zone, sources: AddressSet, sensitivity: PortSensitivity, solver: Solver) -> Severity {
        switch zone {
        case .internet:
            return InternetBreadth.of(sources, within: solver.internetIPv4, ipv6: false).0.severity(for: sensitivity)
        case .internet6:
            return InternetBreadth.of(sources, within: solver.internetIPv6, ipv6: true).0.severity(for: sensitivity)
        case .outside(let id) where solver.topology.outsideGroups[SecurityGroupID(id)] != nil:
            return byPort(sensitivity)
        case .outside:
            // Networks behind a missing component may be the internet itself.
            let ipv4 = InternetBreadth.of(sources, within: solver.internetIPv4, ipv6: false).0
            let ipv6 = InternetBreadth.of(sources, within: solver.internetIPv6, ipv6: true).0
            let public_ = sources.intersects(solver.internetIPv4) || sources.intersects(solver.internetIPv6)
            return public_ ? max(ipv4, ipv6).severity(for: sensitivity) : byPort(sensitivity)
        case .tenant, .vpc:
            return byPort(sensitivity)
        case .onprem:
            return byPort(sensitivity).lowered
        }
    }

    /// A neighbour's reach: high, medium, low or info with the port's sensitivity.
    static func byPort(_ sensitivity: PortSensitivity) -> Severity {
        switch sensitivity {
        case .high: .high
        case .medium: .medium
        case .low: .low
        case .minimal: .info
        }
    }
}
