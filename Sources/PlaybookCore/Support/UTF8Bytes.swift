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
