import PlaybookCore

/// Whether a chapter's text holds a marker (`[^`, `:::`), compared byte by byte. Foundation's
/// `String.contains(_:)` goes through CFString, which took 5% of a 1,000-chapter build for
/// these two questions alone.
enum ByteSearch {
    /// Whether `text` holds the bytes of `needle` (ASCII).
    static func contains(_ text: String, _ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first else { return true }
        return UTF8Bytes.with(text) { bytes in
            guard pattern.count <= bytes.count else { return false }
            let last = bytes.count - pattern.count
            var from = 0
            // memchr jumps to each occurrence of the first byte.
            while let index = UTF8Bytes.firstIndex(of: first, in: bytes, from: from), index <= last {
                var matched = 1
                while matched < pattern.count, bytes[index + matched] == pattern[matched] { matched += 1 }
                if matched == pattern.count { return true }
                from = index + 1
            }
            return false
        }
    }
}
