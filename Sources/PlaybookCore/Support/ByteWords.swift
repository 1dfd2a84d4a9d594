/// Tests on eight UTF-8 bytes at once (SWAR), for scans that look for a few byte values in
/// long text: a word with none of them is skipped whole, and only a word that may hold one is
/// looked at byte by byte. Each test is exact for the question "does the word hold such a
/// byte" (which byte it is comes from the byte loop).
package enum ByteWords {
    /// 0x01 in every byte.
    package static let ones: UInt64 = 0x0101_0101_0101_0101
    /// 0x80 in every byte.
    package static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Nonzero when a byte of `word` equals `byte`.
    @inline(__always)
    package static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & highs
    }

    /// Nonzero when a byte of `word` is below `limit` (at most 128).
    @inline(__always)
    package static func below(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highs
    }

    /// The word of the eight bytes from `offset` of `base` (read unaligned; byte order does
    /// not matter to the tests above).
    @inline(__always)
    package static func load(_ base: UnsafePointer<UInt8>, at offset: Int) -> UInt64 {
        UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
    }
}
