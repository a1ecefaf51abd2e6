import ExposureModel
import ExposureSolver

/// The EMR service ports of the semantics page (section 7), by node role.
public enum EMRPortCatalog {
    /// Ports of services on the primary node.
    public static let primary: [(port: UInt16, service: String)] = [
        (22, "SSH"), (80, "Ganglia"), (8020, "NameNode RPC"), (8080, "Tez UI"),
        (8082, "Flink history"), (8088, "YARN ResourceManager"), (8888, "Hue"), (8890, "Zeppelin"),
        (8998, "Livy"), (9083, "Hive metastore"), (9443, "JupyterHub"), (9600, "Hadoop KMS"),
        (9870, "NameNode UI"), (9871, "NameNode HTTPS"), (10000, "HiveServer2"),
        (10001, "HiveServer2 HTTP"), (10002, "HiveServer2 UI"), (16010, "HBase UI"),
        (18080, "Spark history"), (20888, "YARN web proxy"), (50070, "NameNode UI (Hadoop 2)"),
        (50470, "NameNode HTTPS (Hadoop 2)"),
    ]

    /// Ports of services on core and task nodes.
    public static let worker: [(port: UInt16, service: String)] = [
        (22, "SSH"), (8042, "NodeManager"), (9864, "DataNode UI"), (9865, "DataNode HTTPS"),
        (9866, "DataNode transfer"), (9867, "DataNode IPC"), (50075, "DataNode UI (Hadoop 2)"),
        (50475, "DataNode HTTPS (Hadoop 2)"),
    ]

    /// Ports whose services run code or hand out data to whoever connects.
    static let highSensitivityPorts: Set<UInt16> = [
        8020, 8042, 8088, 8888, 8890, 8998, 9083, 9443, 9600, 9864, 9866, 9867, 9870, 9871,
        10000, 10001, 16010, 50070, 50075, 50470,
    ]

    /// The most sensitive service in `range` of protocol `protocolNumber` on a node of
    /// `role`; a port outside the catalog counts as medium.
    public static func sensitivity(of range: ClosedRange<UInt16>, protocolNumber: UInt8, role: EMRCluster.Role?) -> PortSensitivity {
        guard protocolNumber == 6 else { return .medium }
        let catalog = role.map { $0 == .primary ? primary : worker } ?? []
        var worst: PortSensitivity = .low
        var cataloged = 0
        for entry in catalog where range.contains(entry.port) {
            cataloged += 1
            worst = max(worst, highSensitivityPorts.contains(entry.port) ? .high : (entry.port == 22 ? .low : .medium))
        }
        if range.count > cataloged { worst = max(worst, .medium) }
        return worst
    }

    /// The catalog entries of `role` inside `range` (both catalogs for a non-EMR target).
    public static func services(in range: ClosedRange<UInt16>, role: EMRCluster.Role?) -> [String] {
        let catalog: [(port: UInt16, service: String)]
        switch role {
        case .primary: catalog = primary
        case .core, .task: catalog = worker
        case nil: catalog = []
        }
        let inside = catalog.filter { range.contains($0.port) }
        if range.lowerBound == range.upperBound { return inside.map(\.service) }
        return inside.map { "\($0.port) \($0.service)" }
    }
}
