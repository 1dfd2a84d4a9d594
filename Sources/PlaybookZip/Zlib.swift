// The only file that imports CZlib (zlib, Debian's zlib1g-dev).
import Foundation
internal import CZlib

/// What zlib does for zip archives: CRC-32, raw deflate and raw inflate, each over a whole
/// buffer in one call.
enum Zlib {
    /// The deflate level of every compressed entry, chosen by measurement (notes of issue 20):
    /// level 1 deflates the 1,000-chapter book's entries in about 60% of level 6's time
    /// (callgrind, N=100 build: 34 M instructions fewer) for an EPUB 11% larger (3.24 MB
    /// instead of 2.92 MB; chapters are small XHTML files, pictures are stored compressed
    /// already); levels 7–9 cost more time for the same size as 6.
    static let level: Int32 = 1

    /// zlib's `memLevel` (8, its default: a 32 K-entry hash and 16 K-symbol blocks).
    static let memoryLevel: Int32 = 8

    /// The CRC-32 of `bytes` (zlib's, table-driven and word-at-a-time).
    static func crc32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard var base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
        var remaining = bytes.count
        var checksum = CZlib.crc32(0, nil, 0)
        // `uInt` is 32 bits: feed larger buffers in pieces.
        while remaining > 0 {
            let piece = min(remaining, 1 << 30)
            checksum = CZlib.crc32(checksum, base, uInt(piece))
            base += piece
            remaining -= piece
        }
        return UInt32(truncatingIfNeeded: checksum)
    }

    /// `bytes` deflated raw (no zlib header or trailer) at `level`, in one `deflate(Z_FINISH)`
    /// into a buffer of `deflateBound` bytes.
    static func deflate(_ bytes: UnsafeRawBufferPointer, level: Int32 = level) throws(ZlibError) -> Data {
        // `avail_in` and `avail_out` are 32 bits; zip entries (without ZIP64) are smaller still.
        guard bytes.count < Int(UInt32.max) / 2 else { throw ZlibError(operation: "deflate (entry over 2 GB)", code: Z_BUF_ERROR) }
        var stream = z_stream()
        let started = playbook_deflate_init_raw(&stream, level, memoryLevel)
        guard started == Z_OK else { throw ZlibError(operation: "deflateInit2", code: started) }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(bytes.count)))
        var code = Z_OK
        // Deflated into scratch room of `deflateBound` bytes (never zero-filled), then copied
        // to a buffer of the exact size, so that a kept entry holds no slack.
        let deflated = [UInt8](unsafeUninitializedCapacity: bound) { buffer, initialized in
            stream.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(bytes.count)
            stream.next_out = buffer.baseAddress
            stream.avail_out = uInt(buffer.count)
            code = CZlib.deflate(&stream, Z_FINISH)
            initialized = Int(stream.total_out)
        }
        // With `deflateBound` bytes of room, one call finishes the stream.
        guard code == Z_STREAM_END else { throw ZlibError(operation: "deflate", code: code) }
        return Data(deflated)
    }

    /// Raw deflate data inflated to exactly `size` bytes.
    static func inflate(_ bytes: UnsafeRawBufferPointer, size: Int) throws(ZlibError) -> Data {
        var stream = z_stream()
        let started = playbook_inflate_init_raw(&stream)
        guard started == Z_OK else { throw ZlibError(operation: "inflateInit2", code: started) }
        defer { inflateEnd(&stream) }
        // One byte of room more than announced, so that data longer than its size shows.
        var out = Data(count: size + 1)
        let (code, written) = out.withUnsafeMutableBytes { buffer -> (Int32, Int) in
            stream.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(bytes.count)
            stream.next_out = buffer.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(buffer.count)
            let code = CZlib.inflate(&stream, Z_FINISH)
            return (code, Int(stream.total_out))
        }
        guard code == Z_STREAM_END, written == size else { throw ZlibError(operation: "inflate", code: code) }
        out.count = written
        return out
    }
}

/// zlib refused a stream (a failed allocation, or data that is not deflate).
public struct ZlibError: Error, CustomStringConvertible, Sendable {
    /// The zlib function that failed.
    public var operation: String
    /// Its return code (`Z_DATA_ERROR`, `Z_MEM_ERROR`, …, or `Z_OK` when the size was wrong).
    public var code: Int32

    /// What failed, for a diagnostic.
    public var description: String { "zlib's \(operation) failed (code \(code))" }
}
