/// An EMR release label such as `emr-6.15.0`, and what it decides.
public struct EMRRelease: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The Amazon Linux generation a release runs on.
    public enum AmazonLinux: String, Sendable { case al1 = "AL1", al2 = "AL2", al2023 = "AL2023" }

    public let major: Int
    public let minor: Int
    public let patch: Int

    /// Parses `emr-X.Y.Z` (also `X.Y.Z`); `nil` otherwise.
    public init?(label: String) {
        let text = label.hasPrefix("emr-") ? String(label.dropFirst(4)) : label
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 3, let major = parts[0], let minor = parts[1], let patch = parts[2] else {
            return nil
        }
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Releases up to 5.29.0 use AL1, 5.30.0-6.15.0 AL2, 7.0.0 and later AL2023.
    public var amazonLinux: AmazonLinux {
        if (major, minor, patch) < (5, 30, 0) { return .al1 }
        if major < 7 { return .al2 }
        return .al2023
    }

    public var description: String { "emr-\(major).\(minor).\(patch)" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }
}
