import Foundation

extension ZipArchiveWriter {
    /// The paths and stored contents of an archive, in the order of its central directory
    /// (for tests and `playbook dump`): stored and deflated entries, each checked against its
    /// CRC-32. ZIP64, encryption and multi-disk archives are not read.
    public static func entries(of data: Data) throws -> [(path: String, compressed: Bool, bytes: Data)] {
        let bytes = [UInt8](data)
        return try bytes.withUnsafeBytes { buffer in try ZipReader(bytes: buffer).entries() }
    }
}

/// Why an archive could not be read.
public struct ZipReadError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, in words.
    public var description: String
}

/// Reads an archive through its central directory.
private struct ZipReader {
    let bytes: UnsafeRawBufferPointer

    func entries() throws -> [(path: String, compressed: Bool, bytes: Data)] {
        let end = try endOfCentralDirectory()
        let count = Int(try le16(at: end + 10))
        var position = Int(try le32(at: end + 16))
        var result: [(String, Bool, Data)] = []
        for _ in 0..<count {
            guard try le32(at: position) == 0x0201_4b50 else { throw ZipReadError(description: "no central directory header at byte \(position)") }
            let flags = try le16(at: position + 8)
            let method = try le16(at: position + 10)
            let checksum = try le32(at: position + 16)
            let compressedSize = Int(try le32(at: position + 20))
            let size = Int(try le32(at: position + 24))
            let nameLength = Int(try le16(at: position + 28))
            let extraLength = Int(try le16(at: position + 30))
            let commentLength = Int(try le16(at: position + 32))
            let offset = Int(try le32(at: position + 42))
            let path = String(decoding: try slice(position + 46, nameLength), as: UTF8.self)
            position += 46 + nameLength + extraLength + commentLength
            guard flags & 1 == 0 else { throw ZipReadError(description: "\(path): encrypted") }

            guard try le32(at: offset) == 0x0403_4b50 else { throw ZipReadError(description: "\(path): no local header at byte \(offset)") }
            let start = offset + 30 + Int(try le16(at: offset + 26)) + Int(try le16(at: offset + 28))
            let stored = try slice(start, compressedSize)
            let content: Data
            switch method {
            case 0:
                guard compressedSize == size else { throw ZipReadError(description: "\(path): stored with two sizes") }
                content = Data(stored)
            case 8:
                do { content = try Zlib.inflate(stored, size: size) } catch { throw ZipReadError(description: "\(path): \(error)") }
            default:
                throw ZipReadError(description: "\(path): compression method \(method) is not read")
            }
            let actual = content.withUnsafeBytes { Zlib.crc32($0) }
            guard actual == checksum else { throw ZipReadError(description: "\(path): CRC-32 mismatch") }
            result.append((path, method == 8, content))
        }
        return result
    }

    /// The offset of the end-of-central-directory record (searched from the end, past a comment).
    private func endOfCentralDirectory() throws -> Int {
        var position = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while position >= lowest {
            if try le32(at: position) == 0x0605_4b50 { return position }
            position -= 1
        }
        throw ZipReadError(description: "not a zip archive (no end of central directory)")
    }

    private func slice(_ start: Int, _ count: Int) throws -> UnsafeRawBufferPointer {
        guard start >= 0, count >= 0, start + count <= bytes.count else {
            throw ZipReadError(description: "truncated: \(count) bytes at \(start) of \(bytes.count)")
        }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<(start + count)])
    }

    private func le16(at position: Int) throws -> UInt16 {
        let field = try slice(position, 2)
        return UInt16(field[0]) | UInt16(field[1]) << 8
    }

    private func le32(at position: Int) throws -> UInt32 {
        let field = try slice(position, 4)
        return UInt32(field[0]) | UInt32(field[1]) << 8 | UInt32(field[2]) << 16 | UInt32(field[3]) << 24
    }
}
