import ExposureModel

/// Where traffic from networks the input does not describe enters the modelled ones: one
/// origin of an `outside:` zone (or of a VPC declared without subnets), with the addresses
/// it can bring.
struct OutsideEntry: Sendable {
    /// How the traffic comes in.
    enum Door: Sendable {
        /// Into a VPC by its local route, from a route target the input names but does not
        /// describe (or a VGW with no modelled VPN); replies must be routed back to it.
        case vpc(VPCID, replyTarget: Route.Target)
        /// From an appliance interface of the input, in `subnet`; replies must be routed
        /// back to `replyTarget` (the interface or its instance).
        case appliance(SubnetID, replyTarget: Route.Target)
        /// Into a transit gateway over an attachment whose far side is not described (or the
        /// attachment of a VPC declared without subnets).
        case transit(TransitGatewayAttachmentID)
        /// From members of a security group the input does not describe, to interfaces
        /// whose rules name it.
        case groupMembers(SecurityGroupID)
        /// From future interfaces of a VPC declared without subnets, over an active peering.
        case subnetlessVPC(VPCID, peering: PeeringConnectionID)
        /// Into a VPC whose route tables the input lacks, through whichever gateway, peering
        /// or appliance it has: to targets in the subnets that table would route.
        case unknownRouting(VPCID)
    }

    let zone: Zone
    let door: Door
    /// The source addresses the entry can bring: those the modelled route tables send to
    /// the missing component.
    let sources: AddressSet
    /// What the input lacks, which makes everything from here at best `unknown`.
    let missing: MissingInput
    /// How the origin is named on a path.
    let origin: Hop
    /// The VPC whose future interfaces the entry stands for, if it does: a trace from the
    /// VPC includes it whatever the zone.
    var vpc: VPCID? = nil
}
