/// Whether a chapter's text holds a marker (`[^`, `:::`), compared byte by byte. Foundation's
/// `String.contains(_:)` goes through CFString, which took 5% of a 1,000-chapter build for
/// these two questions alone.
enum ByteSearch {
    /// Whether `text` holds the bytes of `needle` (ASCII).
    static func contains(_ text: String, _ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first else { return true }
        var text = text
        return text.withUTF8 { bytes in
            guard pattern.count <= bytes.count else { return false }
            var index = 0
            let last = bytes.count - pattern.count
            while index <= last {
                if bytes[index] == first {
                    var matched = 1
                    while matched < pattern.count, bytes[index + matched] == pattern[matched] { matched += 1 }
                    if matched == pattern.count { return true }
                }
                index += 1
            }
            return false
        }
    }
}
