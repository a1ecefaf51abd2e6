import ExposureModel
import Foundation

/// One file of an input as read from disk.
public struct InputFile: Sendable {
    /// The path as the user would write it, for diagnostics.
    public let path: String
    /// The path below the input folder (`accounts/111/us-east-1/Vpcs.json`), which tells
    /// the account and region of an AWS bundle's files; the file name for a single file.
    public let relativePath: String
    public let bytes: [UInt8]

    public init(path: String, relativePath: String, bytes: [UInt8]) {
        self.path = path
        self.relativePath = relativePath
        self.bytes = bytes
    }
}

extension InputFile {
    /// Every `.json` file below `folder` (hidden files skipped), in relative-path order, each
    /// read with `read`: how a folder input is read, by the CLI and by the benchmark.
    public static func jsonFiles(below folder: String, read: (String) throws -> [UInt8]) throws -> [InputFile] {
        let root = URL(fileURLWithPath: folder)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            return []
        }
        var relativePaths: [String] = []
        let prefix = root.standardizedFileURL.path + "/"
        for case let url as URL in enumerator where url.pathExtension.lowercased() == "json" {
            let full = url.standardizedFileURL.path
            relativePaths.append(full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : url.lastPathComponent)
        }
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        return try relativePaths.sorted().map { relative in
            let path = base + "/" + relative
            return InputFile(path: path, relativePath: relative, bytes: try read(path))
        }
    }
}
