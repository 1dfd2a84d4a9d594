#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// Appends the UTF-8 of `text` to `out`: one copy of its bytes. Output written as bytes and
    /// made a string once costs a fraction of the same output appended string by string (each
    /// `String` append checks its storage, its flags and its capacity first).
    @inline(__always)
    package static func append(_ text: String, to out: inout [UInt8]) {
        with(text) { out.append(contentsOf: $0) }
    }
}

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

extension UTF8Bytes {
    /// Whether the bytes of `needle` occur in `text`'s, compared byte by byte (no Unicode
    /// equivalence). Foundation's `String.contains(_:)` goes through CFString: it took 5% of a
    /// 1,000-chapter build for two markers, and 1% again for `{{` and `/`.
    package static func contains(_ text: String, _ needle: StaticString) -> Bool {
        contains(text, UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount))
    }

    /// The same for a needle known only at run time.
    package static func contains(_ text: String, _ needle: String) -> Bool {
        with(needle) { contains(text, $0) }
    }

    private static func contains(_ text: String, _ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = pattern.first else { return true }
        return with(text) { bytes in
            guard pattern.count <= bytes.count else { return false }
            let last = bytes.count - pattern.count
            var from = 0
            // memchr jumps to each occurrence of the first byte.
            while let index = firstIndex(of: first, in: bytes, from: from), index <= last {
                var matched = 1
                while matched < pattern.count, bytes[index + matched] == pattern[matched] { matched += 1 }
                if matched == pattern.count { return true }
                from = index + 1
            }
            return false
        }
    }
}
