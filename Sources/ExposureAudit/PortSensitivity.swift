import ExposureModel
import ExposureSolver

/// How much an open port gives away, for grading findings.
public enum PortSensitivity: Int, Hashable, Sendable, Comparable {
    /// Services meant for anyone (HTTP, HTTPS on a plain interface).
    case minimal
    /// Authenticated remote access (SSH with keys, on an EMR node).
    case low
    /// Status pages and services of unknown purpose.
    case medium
    /// Job submission, notebooks, SQL, metadata, HDFS data, key management, remote
    /// administration and databases: code execution or data access for whoever connects.
    case high

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
