// The only file that imports ZIPFoundation.
import Foundation
internal import ZIPFoundation

/// One file to put into a zip archive.
public struct ZipEntry: Sendable {
    /// The path inside the archive, with `/` separators.
    public var path: String
    /// The bytes.
    public var bytes: Data
    /// Whether to deflate the entry (`false` stores it, as EPUB requires for `mimetype`).
    public var compressed: Bool

    /// Creates an entry.
    public init(path: String, bytes: Data, compressed: Bool) {
        self.path = path
        self.bytes = bytes
        self.compressed = compressed
    }
}

/// Builds zip archives in memory with every entry stamped with the same time, so that the
/// same entries always give the same bytes.
public enum ZipArchiveWriter {
    /// The archive holding `entries` in the given order, each dated `modified` (UTC).
    public static func archive(_ entries: [ZipEntry], modified: Date) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for entry in entries {
            let bytes = entry.bytes
            try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(bytes.count),
                                 modificationDate: modified, permissions: 0o644,
                                 compressionMethod: entry.compressed ? .deflate : .none,
                                 bufferSize: max(min(bytes.count, 1 << 20), 1024)) { position, size in
                let start = Int(position)
                if start == 0, size >= bytes.count { return bytes }  // the whole entry in one chunk: no copy
                return bytes.subdata(in: start..<min(start + size, bytes.count))
            }
        }
        guard let data = archive.data else { throw ZipWriterError.noData }
        return data
    }

    /// The paths and stored contents of an archive, in order (for tests and `playbook dump`).
    public static func entries(of data: Data) throws -> [(path: String, compressed: Bool, bytes: Data)] {
        let archive = try Archive(data: data, accessMode: .read)
        var result: [(String, Bool, Data)] = []
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
            result.append((entry.path, entry.isCompressed, bytes))
        }
        return result
    }
}

/// Why an archive could not be made.
public enum ZipWriterError: Error {
    /// ZIPFoundation returned no data for the in-memory archive.
    case noData
}
