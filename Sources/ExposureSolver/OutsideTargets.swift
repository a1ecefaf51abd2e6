import ExposureModel

/// Which route targets lead to networks the input does not describe, and what is missing
/// behind each: a target the input names but does not describe, a target outside the model,
/// an appliance, a VGW with no VPN (Direct Connect), or a transit gateway the route's VPC
/// has no attachment to in the input.
struct OutsideTargets: Sendable {
    /// A VPC attached to a transit gateway.
    private struct Attachment: Hashable, Sendable {
        let vpc: VPCID
        let transitGateway: TransitGatewayID
    }

    private let gatewaysWithVPN: Set<VPNGatewayID>
    private let attached: Set<Attachment>

    /// The VGWs of `topology` that have a VPN, and its VPCs' transit gateway attachments.
    init(topology: Topology) {
        gatewaysWithVPN = Set(topology.vpnConnections.values.compactMap { connection -> VPNGatewayID? in
            if case .vpnGateway(let id) = connection.gateway { return id }
            return nil
        })
        attached = Set(topology.transitGatewayAttachments.values.compactMap { attachment -> Attachment? in
            guard case .vpc(let vpc, _) = attachment.resource else { return nil }
            return Attachment(vpc: vpc, transitGateway: attachment.transitGateway)
        })
    }

    /// Whether traffic through `target` may be delivered by a transit gateway attachment,
    /// where the ACLs of the attachment's own subnet are skipped (AWS, "How network ACLs work
    /// with transit gateways"): then no ACL at the far end is assumed. True for a transit
    /// gateway, a target named like one, and a target of unknown type (a Terraform address,
    /// a core network).
    func mayBypassACLs(_ target: Route.Target) -> Bool {
        switch target {
        case .transitGateway: return true
        case .unsupported(Route.Target.outsideInputKind, let id):
            let typed = ["pcx-", "vgw-", "eni-", "i-", "nat-", "igw-", "eigw-", "vpce-"].contains { id.hasPrefix($0) }
            return !typed
        case .unsupported: return true
        default: return false
        }
    }

    /// What the input lacks behind `target` when a table of `vpc` routes to it; `nil` when
    /// the target is fully described.
    func missing(behind target: Route.Target, in vpc: VPCID) -> MissingInput? {
        switch target {
        case .unsupported(Route.Target.outsideInputKind, let id):
            return .component(id)
        case .unsupported(let kind, let id):
            return MissingInput(component: id, what: "a \(kind), whose networks are outside the model", exportCommand: nil)
        case .networkInterface, .instance:
            return .appliance(target.description)
        case .vpnGateway(let id) where !gatewaysWithVPN.contains(id):
            return MissingInput(
                component: id.rawValue, what: "a virtual private gateway with no VPN connection in the input (Direct Connect, or a VPN not exported)",
                exportCommand: "aws ec2 describe-vpn-connections --filters Name=vpn-gateway-id,Values=\(id); aws directconnect describe-virtual-interfaces")
        case .transitGateway(let id) where !attached.contains(Attachment(vpc: vpc, transitGateway: id)):
            return MissingInput(
                component: id.rawValue, what: "a transit gateway with no attachment of \(vpc) in the input",
                exportCommand: "aws ec2 describe-transit-gateway-attachments --filters Name=resource-id,Values=\(vpc)")
        default:
            return nil
        }
    }
}

/// A route to what the input does not describe: its target, the addresses it wins in its
/// table, and what is missing behind it.
struct OutsideRoute: Sendable {
    let target: Route.Target
    let addresses: AddressSet
    let missing: MissingInput
}
