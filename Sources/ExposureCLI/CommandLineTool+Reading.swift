import ExposureLoading
import Foundation

extension CommandLineTool {
    /// A file larger than `InputLimits.fileBytes`, refused before it is read.
    struct OversizedFile: Error, CustomStringConvertible {
        let bytes: Int

        var description: String {
            "the file is over \(InputLimits.fileBytes >> 20) MiB (\(bytes >> 20) MiB or more); at most \(InputLimits.fileBytes >> 20) MiB are read"
        }
    }

    /// Reads a file's bytes from disk, refusing files over `InputLimits.fileBytes`: a
    /// regular file by its size before reading, a pipe or device (`/dev/stdin`, `<(...)`)
    /// as soon as it has given more.
    public static func readFromDisk(_ path: String) throws -> [UInt8] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if attributes?[.type] as? FileAttributeType == .typeRegular {
            if let size = (attributes?[.size] as? NSNumber)?.intValue, size > InputLimits.fileBytes {
                throw OversizedFile(bytes: size)
            }
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var bytes: [UInt8] = []
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            bytes += chunk
            if bytes.count > InputLimits.fileBytes { throw OversizedFile(bytes: bytes.count) }
        }
        return bytes
    }
}
