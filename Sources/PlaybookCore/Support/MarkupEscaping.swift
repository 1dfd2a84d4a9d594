/// Escaping text for HTML and XML output: the one filter every string Playbook writes into a
/// page, an XHTML chapter, the navigation documents, the package document or an SVG chart
/// goes through. It works on UTF-8 bytes, so that no combining mark or other grapheme cluster
/// can hide a `<`, `&` or `"` from it (escaping by `Character` would miss `"` followed by
/// U+0301).
///
/// Characters that XML 1.0 forbids (C0 controls other than tab, line feed and carriage return,
/// and U+FFFE, U+FFFF) become U+FFFD REPLACEMENT CHARACTER: the load stage refuses them written
/// raw in a file, but a character reference such as `&#12;` reaches the text decoded, and one
/// such character would make an EPUB reader refuse the whole chapter.
public enum XMLEscaping {
    /// Text content: `&`, `<`, `>` escaped.
    public static func text(_ text: String) -> String {
        escape(text, quotes: false)
    }

    /// Attribute values in double quotes: also `"` and `'` escaped.
    public static func attribute(_ text: String) -> String {
        escape(text, quotes: true)
    }

    /// Appends escaped text to `out` without building a temporary string when nothing needs escaping.
    public static func append(_ text: String, to out: inout String, quotes: Bool = false) {
        out += escape(text, quotes: quotes)
    }

    /// Appends the UTF-8 of escaped `text` to `out`, replacement by replacement, without an
    /// escaped string in between.
    public static func append(_ text: String, to out: inout [UInt8], quotes: Bool = false) {
        UTF8Bytes.with(text) { bytes in
            var start = 0
            while let (index, replacement) = nextReplacement(in: bytes, from: start, quotes: quotes) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                let markup = replacement.bytes
                out.append(contentsOf: UnsafeBufferPointer(start: markup.utf8Start, count: markup.utf8CodeUnitCount))
                start = index + replacement.width
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    /// Whether `text` holds a character that escaping would change.
    public static func needsEscaping(_ text: String, quotes: Bool = false) -> Bool {
        UTF8Bytes.with(text) { nextReplacement(in: $0, from: 0, quotes: quotes) != nil }
    }

    /// Whether XML 1.0 forbids the character `scalar` in a document.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF
    }

    /// How many bytes the character XML forbids at byte `index` of UTF-8 `bytes` spans, or
    /// `nil` when there is none: the byte-level form of ``isForbidden(_:)``, for scans that
    /// do not decode scalars. (Inlinable, so that a scan in another module does not call it
    /// for every byte.)
    @inlinable @inline(__always)
    public static func forbiddenLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let byte = bytes[index]
        if byte < 0x20 { return byte == 0x09 || byte == 0x0A || byte == 0x0D ? nil : 1 }
        // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
        if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF {
            return 3
        }
        return nil
    }

    /// Whether UTF-8 `bytes` hold a character XML forbids: one pass, eight bytes at a time
    /// (a word with no byte below 0x20 and no 0xEF is skipped whole).
    public static func holdsForbidden(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                let word = ByteWords.load(base, at: index)
                if ByteWords.below(word, 0x20) | ByteWords.equal(word, 0xEF) != 0 {
                    for offset in index..<(index + 8) where forbiddenLength(in: bytes, at: offset) != nil { return true }
                }
                index += 8
            }
        }
        while index < bytes.count {
            if forbiddenLength(in: bytes, at: index) != nil { return true }
            index += 1
        }
        return false
    }

    // MARK: - Internals

    /// The bytes below 64 that may start a replacement in text: C0 controls other than tab,
    /// line feed and carriage return (all forbidden), `&`, `<`, `>`. Above 63 only 0xEF may
    /// (U+FFFE, U+FFFF).
    private static let textMask: UInt64 = 0x5000_0040_FFFF_D9FF
    /// The same for attribute values: also `"` and `'`.
    private static let attributeMask: UInt64 = textMask | 1 << 34 | 1 << 39

    /// What replaces the character starting at byte `index` (its length in bytes is its
    /// `width`), or `nil` when the character stays.
    @inline(__always)
    private static func replacement(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, mask: UInt64) -> Replacement? {
        let byte = bytes[index]
        if byte < 64 {
            guard mask &>> UInt64(byte) & 1 != 0 else { return nil }
            switch byte {
            case 38: return .ampersand
            case 60: return .less
            case 62: return .greater
            case 34: return .quote
            case 39: return .apostrophe
            default: return .forbiddenControl
            }
        }
        guard byte == 0xEF, forbiddenLength(in: bytes, at: index) != nil else { return nil }
        return .forbiddenNonCharacter
    }

    /// The first replacement at or after byte `start`, and where it starts. Eight bytes at a
    /// time: a word with no byte below 0x20, no `&'<>` (nor `"` with quotes) and no 0xEF is
    /// skipped whole.
    @inline(__always)
    private static func nextReplacement(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, quotes: Bool) -> (index: Int, replacement: Replacement)? {
        let mask = quotes ? attributeMask : textMask
        var index = start
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                let word = ByteWords.load(base, at: index)
                // `| 0x02` makes `<` and `>` both 0x3E; `| 0x01` makes `&` and `'` both 0x27.
                var hits = ByteWords.below(word, 0x20) | ByteWords.equal(word | ByteWords.ones &* 0x02, 0x3E)
                    | ByteWords.equal(word | ByteWords.ones, 0x27) | ByteWords.equal(word, 0xEF)
                if quotes { hits |= ByteWords.equal(word, 0x22) }
                if hits != 0 {
                    for offset in index..<(index + 8) {
                        if let replacement = replacement(in: bytes, at: offset, mask: mask) { return (offset, replacement) }
                    }
                }
                index += 8
            }
        }
        while index < bytes.count {
            if let replacement = replacement(in: bytes, at: index, mask: mask) { return (index, replacement) }
            index += 1
        }
        return nil
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        UTF8Bytes.with(text) { bytes in
            // Most values need nothing: hand them back without copying them.
            guard let first = nextReplacement(in: bytes, from: 0, quotes: quotes) else { return text }
            // One pass to size the result, one to write it.
            var length = bytes.count
            var found: (index: Int, replacement: Replacement)? = first
            while let (index, replacement) = found {
                length += replacement.bytes.utf8CodeUnitCount - replacement.width
                found = nextReplacement(in: bytes, from: index + replacement.width, quotes: quotes)
            }
            return String(unsafeUninitializedCapacity: length) { out in
                guard let target = out.baseAddress, let source = bytes.baseAddress else { return 0 }
                var written = 0
                var start = 0
                found = first
                while let (index, replacement) = found {
                    (target + written).initialize(from: source + start, count: index - start)
                    written += index - start
                    let markup = replacement.bytes
                    (target + written).initialize(from: markup.utf8Start, count: markup.utf8CodeUnitCount)
                    written += markup.utf8CodeUnitCount
                    start = index + replacement.width
                    found = nextReplacement(in: bytes, from: start, quotes: quotes)
                }
                (target + written).initialize(from: source + start, count: bytes.count - start)
                return written + bytes.count - start
            }
        }
    }

    /// A replacement and the bytes it replaces.
    private enum Replacement {
        case ampersand, less, greater, quote, apostrophe
        /// A C0 control XML forbids (one byte).
        case forbiddenControl
        /// U+FFFE or U+FFFF (three bytes).
        case forbiddenNonCharacter

        /// How many bytes of the input it replaces.
        var width: Int { self == .forbiddenNonCharacter ? 3 : 1 }

        /// The UTF-8 that replaces them.
        var bytes: StaticString {
            switch self {
            case .ampersand: "&amp;"
            case .less: "&lt;"
            case .greater: "&gt;"
            case .quote: "&quot;"
            case .apostrophe: "&#39;"
            case .forbiddenControl, .forbiddenNonCharacter: "\u{FFFD}"
            }
        }
    }
}
