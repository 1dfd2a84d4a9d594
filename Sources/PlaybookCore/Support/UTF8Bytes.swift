/// A string's UTF-8 as a buffer, for the byte scans of escaping and encoding.
package enum UTF8Bytes {
    /// Calls `body` with the UTF-8 of `text`: its own storage when the string is native (no
    /// copy), else a copy.
    @inline(__always)
    package static func with<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return try copy.withUTF8(body)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension UTF8Bytes {
    /// The index of the first `byte` in `bytes` at or after `start`, or `nil`: libc's `memchr`,
    /// which reads many bytes at a time, for scans that look for a rare byte in long text.
    @inline(__always)
    package static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard start >= 0, start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
}
