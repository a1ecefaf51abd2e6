import ExposureModel

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
