import ExposureModel
import ExposureSolver

/// Turns what blocks a node's connection to S3 into the concrete change that opens it.
struct Remediation: Sendable {
    /// The destination port of the connection.
    let port: UInt16
    /// The node's ephemeral ports, where replies must arrive.
    let clientPorts: PortRange
    /// S3 as a security group rule or route names it: its prefix list, else 0.0.0.0/0.
    let s3ForGroups: String
    /// S3 as an ACL entry names it (ACLs take no prefix lists): CIDRs, else 0.0.0.0/0.
    let s3ForACLs: String
    /// The nodes' addresses, as CIDRs.
    let clients: String

    /// The change that lets the blocker's packet through.
    func text(for blocker: Blocker) -> String {
        guard case .filter(let hop, let fix, let leg, let denial) = blocker else { return blocker.hop.explanation }
        guard let fix else { return "change \(hop.component): \(hop.explanation)" }
        switch fix {
        case .allowInACL(let acl, let inbound, let side):
            let ports: String
            switch leg {
            case .request: ports = "\(port)"
            case .reply: ports = "\(clientPorts.lowerBound)-\(clientPorts.upperBound)"
            case .natReply: ports = "\(PortRange.natGatewayEphemeral.lowerBound)-\(PortRange.natGatewayEphemeral.upperBound)"
            }
            let peer = side == .destination ? s3ForACLs : clients
            var text = "add an \(inbound ? "inbound" : "outbound") rule to \(acl) allowing tcp \(ports) \(inbound ? "from" : "to") \(peer)"
            if let denial { text += ", numbered below its \(denial)" }
            return text
        case .allowInGroups(let groups, let ingress):
            let group = groups.first?.rawValue ?? "the node's security group"
            return ingress
                ? "add ingress tcp \(port) from \(clients) in \(group)"
                : "add egress tcp \(port) to \(s3ForGroups) in \(group)"
        case .addRoute(let table, let target):
            let destination = leg == .request ? s3ForGroups : clients
            return "add a route from \(destination) to \(target) in \(table)"
        case .change(let text):
            return text
        }
    }
}
