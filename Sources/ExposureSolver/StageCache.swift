import ExposureModel
import Synchronization

/// The stages a solver has built, kept for every later question that meets the same
/// filter: a network ACL direction, a group set, a route table looking for one target, a
/// transit gateway table toward one attachment.
///
/// A stage depends only on its key and the topology, which never changes under a solver,
/// so sharing one is invisible to the answers. The cache belongs to one solver (copies of a
/// solver share it) and is filled on first use: a question compiles only the filters it
/// crosses, and never compiles one twice.
final class StageCache: Sendable {
    /// What a stage is built from, beside the topology.
    enum Key: Hashable, Sendable {
        case acl(NetworkACLID, inbound: Bool, side: Solver.Side, coordinates: Leg, direction: Hop.Direction)
        case groups([SecurityGroupID]?, ingress: Bool, scope: [VPCID], direction: Hop.Direction, admitting: SecurityGroupID?)
        /// `table` is the route table's id, or the VPC's when its main table is missing.
        case route(table: String, side: Solver.Side, coordinates: Leg, direction: Hop.Direction, target: Route.Target)
        /// The egress groups of a merged source class, named by its subnet and first interface.
        case mergedEgress(subnet: SubnetID, firstInterface: NetworkInterfaceID, scope: [VPCID])
        case transit(from: TransitGatewayAttachmentID, to: TransitGatewayAttachmentID, side: Solver.Side, coordinates: Leg, direction: Hop.Direction)
    }

    /// The stages by key; a stage's `cacheID` is its number in order of building.
    private let stages = Mutex<[Key: Stage]>([:])
    private let reaches = Mutex<[Key: AddressSet]>([:])

    /// The stage for `key`, built with `build` the first time it is asked for.
    ///
    /// - Complexity: O(1) expected after the first call for `key`.
    func stage(_ key: Key, build: () -> Stage) -> Stage {
        if let found = stages.withLock({ $0[key] }) { return found }
        var built = build()
        return stages.withLock { stages in
            // Another thread may have built it meanwhile: keep one, so ids stay unique.
            if let found = stages[key] { return found }
            built.cacheID = stages.count
            stages[key] = built
            return built
        }
    }

    /// The source addresses from which the stage for `key` lets anything through, or may:
    /// what a path through it can start from.
    func sourceReach(_ key: Key, build: () -> Stage) -> AddressSet {
        if let found = reaches.withLock({ $0[key] }) { return found }
        let built = stage(key, build: build)
        let reach = built.possible.sources
        reaches.withLock { $0[key] = reach }
        return reach
    }
}
