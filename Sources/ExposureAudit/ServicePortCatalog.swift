import ExposureModel
import ExposureSolver

/// Well-known services on interfaces that are not EMR nodes, for grading and naming their
/// exposures: remote administration and databases are high, the web minimal, the rest
/// medium.
public enum ServicePortCatalog {
    /// The services, by protocol and port range.
    public static let services: [(protocolNumber: UInt8, ports: ClosedRange<UInt16>, service: String, sensitivity: PortSensitivity)] = [
        (6, 20...21, "FTP", .high), (6, 22...22, "SSH", .high), (6, 23...23, "Telnet", .high),
        (6, 80...80, "HTTP", .minimal), (6, 111...111, "RPC portmapper", .high), (17, 111...111, "RPC portmapper", .high),
        (6, 135...135, "MS RPC", .high), (6, 139...139, "NetBIOS", .high), (17, 161...161, "SNMP", .high),
        (6, 389...389, "LDAP", .high), (6, 443...443, "HTTPS", .minimal), (6, 445...445, "SMB", .high),
        (6, 636...636, "LDAPS", .high), (6, 1433...1434, "SQL Server", .high), (6, 1521...1521, "Oracle", .high),
        (6, 2049...2049, "NFS", .high), (6, 2181...2181, "ZooKeeper", .high), (6, 2375...2376, "Docker API", .high),
        (6, 2379...2380, "etcd", .high), (6, 3306...3306, "MySQL", .high), (6, 3389...3389, "RDP", .high),
        (6, 5432...5432, "PostgreSQL", .high), (6, 5601...5601, "Kibana", .high), (6, 5900...5903, "VNC", .high),
        (6, 5984...5984, "CouchDB", .high), (6, 5985...5986, "WinRM", .high), (6, 6379...6379, "Redis", .high),
        (6, 6443...6443, "Kubernetes API", .high), (6, 7474...7474, "Neo4j", .high), (6, 8086...8086, "InfluxDB", .high),
        (6, 9042...9042, "Cassandra", .high), (6, 9092...9092, "Kafka", .high), (6, 9200...9200, "Elasticsearch", .high),
        (6, 9300...9300, "Elasticsearch transport", .high), (6, 10250...10250, "kubelet", .high),
        (6, 11211...11211, "memcached", .high), (17, 11211...11211, "memcached", .high),
        (6, 27017...27019, "MongoDB", .high), (6, 50000...50000, "Db2", .high),
    ]

    /// The most sensitive service in `services`; ports outside the catalog, and protocols
    /// without ports, count as medium.
    public static func sensitivity(of services: ServiceSet) -> PortSensitivity {
        var worst: PortSensitivity = .minimal
        for (protocols, keys) in services.segments where !keys.isEmpty {
            for number in [UInt8(6), 17] where protocols.contains(number) {
                var uncovered = keys.intersection(IntervalSet(ranges: [PortRange.nonZero.closedRange]))
                for entry in self.services where entry.protocolNumber == number && uncovered.intersects(.indicator(of: entry.ports)) {
                    worst = max(worst, entry.sensitivity)
                    uncovered = uncovered.subtracting(.indicator(of: entry.ports))
                }
                if !uncovered.isEmpty { worst = max(worst, .medium) }
            }
            if !IntervalSet(ranges: [protocols]).subtracting(IntervalSet(ranges: [6...6, 17...17])).isEmpty {
                worst = max(worst, .medium)
            }
        }
        return worst
    }

    /// The catalog's services inside `range` of protocol `protocolNumber`: the bare name
    /// for a single port (`SSH`), else `port name` entries (`20-21 FTP`, `22 SSH`).
    public static func services(in range: ClosedRange<UInt16>, protocolNumber: UInt8) -> [String] {
        let inside = services.filter { $0.protocolNumber == protocolNumber && range.overlaps($0.ports) }
        if range.lowerBound == range.upperBound { return inside.map(\.service) }
        // A protocol open on every port is named as such, not service by service.
        if range == PortRange.nonZero.closedRange { return [] }
        return inside.map { entry in
            let ports = entry.ports.count == 1 ? "\(entry.ports.lowerBound)" : "\(entry.ports.lowerBound)-\(entry.ports.upperBound)"
            return "\(ports) \(entry.service)"
        }
    }
}
