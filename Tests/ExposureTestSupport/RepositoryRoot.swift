import Foundation

/// The repository's folder, found from this file's place in it, so that tests read
/// `topologies/` and fixtures wherever the clone is.
public enum RepositoryRoot {
    public static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
}
