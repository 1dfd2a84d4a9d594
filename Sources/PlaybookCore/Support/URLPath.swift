/// Percent-encoding of paths in links, for file names with spaces or non-ASCII letters.
package enum URLPath {
    /// Encodes every byte of `path` outside the unreserved set, keeping `/`. A path that
    /// needs nothing (most slugs and anchors) comes back as it is, without a copy.
    package static func encode(_ path: String) -> String {
        percentEncoding(path, keeping: isUnreserved)
    }

    /// `text` with every byte `keeps` refuses written `%XX`; `text` itself when it keeps them all.
    @inline(__always)
    private static func percentEncoding(_ text: String, keeping keeps: (UInt8) -> Bool) -> String {
        UTF8Bytes.with(text) { bytes in
            var length = bytes.count
            for byte in bytes where !keeps(byte) { length += 2 }
            guard length != bytes.count else { return text }
            return String(unsafeUninitializedCapacity: length) { out in
                var written = 0
                for byte in bytes {
                    if keeps(byte) {
                        out[written] = byte
                        written += 1
                    } else {
                        percentEncode(byte, into: out, at: written)
                        written += 3
                    }
                }
                return written
            }
        }
    }

    /// Letters, digits, `-`, `_`, `.`, `~` and `/`.
    @inline(__always)
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        byte < 128 && asciiMask(low: 0x03FF_E000_0000_0000, high: 0x47FF_FFFE_87FF_FFFE, byte)
    }

    /// Whether bit `byte` (below 128) of the 128-bit mask `high:low` is set.
    @inline(__always)
    private static func asciiMask(low: UInt64, high: UInt64, _ byte: UInt8) -> Bool {
        (byte < 64 ? low &>> UInt64(byte) : high &>> UInt64(byte - 64)) & 1 != 0
    }

    /// Writes `%XX` (uppercase) for `byte` at `index`.
    @inline(__always)
    private static func percentEncode(_ byte: UInt8, into out: UnsafeMutableBufferPointer<UInt8>, at index: Int) {
        let digits: StaticString = "0123456789ABCDEF"
        out[index] = UInt8(ascii: "%")
        out[index + 1] = digits.utf8Start[Int(byte >> 4)]
        out[index + 2] = digits.utf8Start[Int(byte & 0x0F)]
    }

    /// Decodes `%XX` escapes; a malformed escape is kept as written.
    package static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.first {
            iterator = iterator.dropFirst()
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
               let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension URLPath {
    /// A URL made safe for an `href`: bytes outside the characters URLs allow are
    /// percent-encoded, existing escapes are kept (as cmark's own renderer does).
    package static func escapeHref(_ url: String) -> String {
        percentEncoding(url, keeping: isHrefSafe)
    }

    /// Letters, digits and `-_.+!*'(),%#@?=;:/&$~`.
    @inline(__always)
    private static func isHrefSafe(_ byte: UInt8) -> Bool {
        byte < 128 && asciiMask(low: 0xAFFF_FFFA_0000_0000, high: 0x47FF_FFFE_87FF_FFFF, byte)
    }
}
