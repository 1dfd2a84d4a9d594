import Foundation

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

/// One entry made ready for an archive: its bytes deflated (or stored) and their checksum.
/// Entries are compressed one by one, so that a series of builds can keep those that did not
/// change and only assemble the archive again.
public struct CompressedEntry: Sendable, Equatable {
    /// The path inside the archive.
    public var path: String
    /// CRC-32 of the uncompressed bytes.
    public var checksum: UInt32
    /// The uncompressed size.
    public var size: Int
    /// 8 (deflate) or 0 (stored).
    public var method: UInt16
    /// The bytes as they go into the archive.
    public var data: Data
}

/// Builds zip archives in memory with every entry stamped with the same time, so that the
/// same entries always give the same bytes.
public enum ZipArchiveWriter {
    /// The archive holding `entries` in the given order, each dated `modified` (UTC).
    public static func archive(_ entries: [ZipEntry], modified: Date) throws -> Data {
        assemble(try entries.map(compress), modified: modified)
    }

    /// An entry deflated (or stored, when it asks not to be compressed, or is empty) with
    /// zlib: raw deflate at ``Zlib/level``, the same bytes for the same entry every time.
    public static func compress(_ entry: ZipEntry) throws -> CompressedEntry {
        let bytes = entry.bytes
        let (checksum, deflated) = try bytes.withUnsafeBytes { buffer -> (UInt32, Data?) in
            (Zlib.crc32(buffer), entry.compressed && !buffer.isEmpty ? try Zlib.deflate(buffer) : nil)
        }
        guard let deflated else {
            return CompressedEntry(path: entry.path, checksum: checksum, size: bytes.count, method: 0, data: bytes)
        }
        return CompressedEntry(path: entry.path, checksum: checksum, size: bytes.count, method: 8, data: deflated)
    }

    /// The archive of entries already compressed: local headers and data in order, then the
    /// central directory.
    public static func assemble(_ entries: [CompressedEntry], modified: Date) -> Data {
        let (time, date) = dosTime(modified)
        var archive: [UInt8] = []
        archive.reserveCapacity(entries.reduce(0) { $0 + $1.data.count + 30 + $1.path.utf8.count } + 22)
        var directory: [UInt8] = []
        for entry in entries {
            let name = Array(entry.path.utf8)
            let flags: UInt16 = name.contains { $0 >= 0x80 } ? 0x0800 : 0  // bit 11: the name is UTF-8
            let offset = UInt32(archive.count)
            archive.append(le32: 0x0403_4b50)
            archive.append(le16: 20)
            archive.append(le16: flags)
            archive.append(le16: entry.method)
            archive.append(le16: time)
            archive.append(le16: date)
            archive.append(le32: entry.checksum)
            archive.append(le32: UInt32(entry.data.count))
            archive.append(le32: UInt32(entry.size))
            archive.append(le16: UInt16(name.count))
            archive.append(le16: 0)
            archive.append(contentsOf: name)
            archive.append(contentsOf: entry.data)

            directory.append(le32: 0x0201_4b50)
            directory.append(le16: 0x0314)  // made by: Unix, zip 2.0
            directory.append(le16: 20)
            directory.append(le16: flags)
            directory.append(le16: entry.method)
            directory.append(le16: time)
            directory.append(le16: date)
            directory.append(le32: entry.checksum)
            directory.append(le32: UInt32(entry.data.count))
            directory.append(le32: UInt32(entry.size))
            directory.append(le16: UInt16(name.count))
            directory.append(le16: 0)  // extra field
            directory.append(le16: 0)  // comment
            directory.append(le16: 0)  // disk
            directory.append(le16: 0)  // internal attributes
            directory.append(le32: UInt32(0o100644) << 16)  // a regular file, rw-r--r--
            directory.append(le32: offset)
            directory.append(contentsOf: name)
        }
        let directoryOffset = UInt32(archive.count)
        archive.append(contentsOf: directory)
        archive.append(le32: 0x0605_4b50)
        archive.append(le16: 0)
        archive.append(le16: 0)
        archive.append(le16: UInt16(entries.count))
        archive.append(le16: UInt16(entries.count))
        archive.append(le32: UInt32(directory.count))
        archive.append(le32: directoryOffset)
        archive.append(le16: 0)
        return Data(archive)
    }

    /// MS-DOS time and date of `date` in UTC (two-second steps, years from 1980).
    private static func dosTime(_ date: Date) -> (time: UInt16, date: UInt16) {
        var seconds = time_t(max(date.timeIntervalSince1970, 315_532_800))  // 1980-01-01
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let time = UInt16(parts.tm_hour) << 11 | UInt16(parts.tm_min) << 5 | UInt16(parts.tm_sec / 2)
        let day = UInt16(parts.tm_year - 80) << 9 | UInt16(parts.tm_mon + 1) << 5 | UInt16(parts.tm_mday)
        return (time, day)
    }
}

extension Array where Element == UInt8 {
    fileprivate mutating func append(le16 value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    fileprivate mutating func append(le32 value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
