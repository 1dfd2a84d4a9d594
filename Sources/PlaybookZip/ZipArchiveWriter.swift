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
        Data(assemble(try entries.map(compress), modified: modified))
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
    public static func assemble(_ entries: [CompressedEntry], modified: Date) -> [UInt8] {
        let (time, date) = dosTime(modified)
        let names = entries.map { Array($0.path.utf8) }
        // The archive's exact size, so that its bytes are written once, into storage of that
        // size (an EPUB of 5,000 chapters is tens of megabytes).
        let directorySize = names.reduce(0) { $0 + 46 + $1.count }
        let dataSize = zip(entries, names).reduce(0) { $0 + 30 + $1.1.count + $1.0.data.count }
        let size = dataSize + directorySize + 22
        return [UInt8](unsafeUninitializedCapacity: size) { storage, initialized in
            let buffer = UnsafeMutableRawBufferPointer(storage)
            var local = ByteCursor(buffer, at: 0), directory = ByteCursor(buffer, at: dataSize)
            for (entry, name) in zip(entries, names) {
                let flags: UInt16 = name.contains { $0 >= 0x80 } ? 0x0800 : 0  // bit 11: the name is UTF-8
                let offset = UInt32(local.offset)
                local.put(le32: 0x0403_4b50)
                local.putEntryFields(entry, name: name, flags: flags, time: time, date: date)
                local.put(name)
                entry.data.withUnsafeBytes { local.put($0) }

                directory.put(le32: 0x0201_4b50)
                directory.put(le16: 0x0314)  // made by: Unix, zip 2.0
                directory.putEntryFields(entry, name: name, flags: flags, time: time, date: date)
                directory.put(le16: 0)  // comment
                directory.put(le16: 0)  // disk
                directory.put(le16: 0)  // internal attributes
                directory.put(le32: UInt32(0o100644) << 16)  // a regular file, rw-r--r--
                directory.put(le32: offset)
                directory.put(name)
            }
            directory.put(le32: 0x0605_4b50)
            directory.put(le16: 0)
            directory.put(le16: 0)
            directory.put(le16: UInt16(entries.count))
            directory.put(le16: UInt16(entries.count))
            directory.put(le32: UInt32(directorySize))
            directory.put(le32: UInt32(dataSize))
            directory.put(le16: 0)
            initialized = size
        }
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

/// Writes little-endian numbers and bytes into an archive's storage, from an offset on; the
/// archive's size is computed first, so every write fits.
private struct ByteCursor {
    let buffer: UnsafeMutableRawBufferPointer
    private(set) var offset: Int

    init(_ buffer: UnsafeMutableRawBufferPointer, at offset: Int) {
        self.buffer = buffer
        self.offset = offset
    }

    mutating func put(le16 value: UInt16) {
        buffer.storeBytes(of: value.littleEndian, toByteOffset: offset, as: UInt16.self)
        offset += 2
    }

    mutating func put(le32 value: UInt32) {
        buffer.storeBytes(of: value.littleEndian, toByteOffset: offset, as: UInt32.self)
        offset += 4
    }

    /// The fields a local header and its central directory entry share, in their order:
    /// version needed (2.0), flags, method, time, date, CRC-32, sizes, name length, no extra field.
    mutating func putEntryFields(_ entry: CompressedEntry, name: [UInt8], flags: UInt16, time: UInt16, date: UInt16) {
        put(le16: 20)
        put(le16: flags)
        put(le16: entry.method)
        put(le16: time)
        put(le16: date)
        put(le32: entry.checksum)
        put(le32: UInt32(entry.data.count))
        put(le32: UInt32(entry.size))
        put(le16: UInt16(name.count))
        put(le16: 0)
    }

    mutating func put(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { put($0) }
    }

    mutating func put(_ bytes: UnsafeRawBufferPointer) {
        UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<(offset + bytes.count)]).copyMemory(from: bytes)
        offset += bytes.count
    }
}
