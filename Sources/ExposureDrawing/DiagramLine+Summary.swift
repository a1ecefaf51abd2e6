import ExposureAudit
import ExposureModel
import ExposureSolver

extension DiagramLine {
    /// What the line shows, in words, for tooltips: `high: internet opens tcp 22 (SSH) on
    /// j-1 primary nodes in subnet-1 through igw-1; let in by sg-1: ingress rule 0: allow
    /// tcp 22 from 0.0.0.0/0`.
    public var summary: String {
        let services = ServiceRow.rows(of: self.services).map { $0.text(naming: role) }.joined(separator: "; ")
        switch kind {
        case .exposure(let verdict, let severity):
            var text = "\(severity?.rawValue ?? "unrated"): \(zone?.description ?? "") \(verdict == .reachable ? "opens" : "may open (unknown)") \(services) on \(stops.last?.name ?? "")"
            if let gateway { text += " through \(gateway.id)" }
            if !admissionTexts.isEmpty { text += "; let in by " + admissionTexts.joined(separator: "; ") }
            return text
        case .egressGap(let severity, let egress):
            let verb: String
            switch egress {
            case .gap: verb = "cannot reach"
            case .partialReturn: verb = "reaches only intermittently (replies return to part of the client ports)"
            case .unverified: verb = "may not reach (unknown)"
            }
            return "\(severity.rawValue): \(stops.first?.name ?? "") \(verb) the repositories in S3 on \(services)"
        case .link:
            return "link: " + stops.map(\.name).joined(separator: " ↔ ")
        }
    }
}
