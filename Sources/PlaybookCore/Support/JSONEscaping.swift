/// Escaping text for JSON output (and for JSON read as JavaScript).
public enum JSONEscaping {
    /// `text` as a JSON string literal, quotes included. Control characters are escaped, and
    /// so are U+2028 and U+2029, which older JavaScript engines do not accept inside strings.
    public static func quoted(_ text: String) -> String {
        UTF8Bytes.with(text) { bytes in
            let length = escapedLength(bytes) + 2
            return String(unsafeUninitializedCapacity: length) { out in
                guard let target = out.baseAddress else { return 0 }
                target.initialize(to: UInt8(ascii: "\""))
                let written = 1 + write(bytes, to: target + 1)
                (target + written).initialize(to: UInt8(ascii: "\""))
                return written + 1
            }
        }
    }

    /// Appends `text` escaped, without quotes, to `out`. It works on UTF-8 bytes and copies
    /// the runs that need no escaping whole (the search index escapes megabytes of text).
    public static func append(_ text: String, to out: inout String) {
        let escaped: String? = UTF8Bytes.with(text) { bytes in
            let length = escapedLength(bytes)
            guard length != bytes.count else { return nil }
            return String(unsafeUninitializedCapacity: length) { out in
                guard let target = out.baseAddress else { return 0 }
                return write(bytes, to: target)
            }
        }
        out += escaped ?? text
    }

    /// Appends the UTF-8 `bytes` escaped, without quotes, to `out` (for output built as bytes).
    package static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let length = escapedLength(bytes)
        guard length != bytes.count else {
            out.append(contentsOf: bytes)
            return
        }
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: length))
        out.withUnsafeMutableBufferPointer { buffer in
            guard let target = buffer.baseAddress else { return }
            _ = write(bytes, to: target + start)
        }
    }

    // MARK: - Internals

    /// The bytes below 64 that are escaped: C0 controls and `"`. Above, `\` is, and 0xE2
    /// may start U+2028 or U+2029.
    private static let lowMask: UInt64 = 0x0000_0004_FFFF_FFFF

    /// How many bytes the escape of the character at `index` takes, and how many bytes of
    /// the input it replaces; `nil` when the byte is copied.
    @inline(__always)
    private static func escapeWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (length: Int, width: Int)? {
        let byte = bytes[index]
        if byte < 64 {
            guard lowMask &>> UInt64(byte) & 1 != 0 else { return nil }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): return (2, 1)
            default: return (6, 1)  // \u00XX
            }
        }
        if byte == UInt8(ascii: "\\") { return (2, 1) }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
            return (6, 3)
        }
        return nil
    }

    /// The first byte at or after `start` that is escaped, with the escape's length and the
    /// input bytes it replaces. Eight bytes at a time: a word with no byte below 0x20, no `"`,
    /// no `\` and no 0xE2 is skipped whole.
    @inline(__always)
    private static func nextEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (index: Int, length: Int, width: Int)? {
        var index = start
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                let word = ByteWords.load(base, at: index)
                let hits = ByteWords.below(word, 0x20) | ByteWords.equal(word, UInt8(ascii: "\"")) | ByteWords.equal(word, UInt8(ascii: "\\"))
                    | ByteWords.equal(word, 0xE2)
                if hits != 0 {
                    for offset in index..<(index + 8) {
                        if let (length, width) = escapeWidth(bytes, at: offset) { return (offset, length, width) }
                    }
                }
                index += 8
            }
        }
        while index < bytes.count {
            if let (length, width) = escapeWidth(bytes, at: index) { return (index, length, width) }
            index += 1
        }
        return nil
    }

    /// The length of the escaped form of `bytes`.
    private static func escapedLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var length = bytes.count
        var index = 0
        while let (found, escaped, width) = nextEscape(in: bytes, from: index) {
            length += escaped - width
            index = found + width
        }
        return length
    }

    /// Writes `bytes` escaped at `target` (room for ``escapedLength(_:)`` bytes) and returns
    /// how many bytes it wrote.
    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, to target: UnsafeMutablePointer<UInt8>) -> Int {
        guard let source = bytes.baseAddress else { return 0 }
        var written = 0
        var start = 0
        while let (index, _, width) = nextEscape(in: bytes, from: start) {
            (target + written).initialize(from: source + start, count: index - start)
            written += index - start
            written += writeEscape(of: bytes, at: index, to: target + written)
            start = index + width
        }
        (target + written).initialize(from: source + start, count: bytes.count - start)
        return written + bytes.count - start
    }

    /// Writes the escape of the character at `index` and returns its length.
    @inline(__always)
    private static func writeEscape(of bytes: UnsafeBufferPointer<UInt8>, at index: Int, to target: UnsafeMutablePointer<UInt8>) -> Int {
        let byte = bytes[index]
        target[0] = UInt8(ascii: "\\")
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
            target[1] = byte
            return 2
        case UInt8(ascii: "\n"):
            target[1] = UInt8(ascii: "n")
            return 2
        case UInt8(ascii: "\r"):
            target[1] = UInt8(ascii: "r")
            return 2
        case UInt8(ascii: "\t"):
            target[1] = UInt8(ascii: "t")
            return 2
        case 0xE2:
            // U+2028 or U+2029.
            for (offset, digit) in "u202".utf8.enumerated() { target[1 + offset] = digit }
            target[5] = bytes[index + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9")
            return 6
        default:
            // \u00XX, lowercase hexadecimal digits.
            let digits: StaticString = "0123456789abcdef"
            target[1] = UInt8(ascii: "u")
            target[2] = UInt8(ascii: "0")
            target[3] = UInt8(ascii: "0")
            target[4] = digits.utf8Start[Int(byte >> 4)]
            target[5] = digits.utf8Start[Int(byte & 0x0F)]
            return 6
        }
    }
}
