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

    /// Whether `text` holds a character that escaping would change.
    public static func needsEscaping(_ text: String, quotes: Bool = false) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            for index in bytes.indices where replacement(in: bytes, at: index, quotes: quotes) != nil {
                return true
            }
            return false
        } ?? true
    }

    /// Whether XML 1.0 forbids the character `scalar` in a document.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF
    }

    /// What replaces the character starting at byte `index`, and how many bytes it spans.
    @inline(__always)
    private static func replacement(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, quotes: Bool) -> (String, Int)? {
        switch bytes[index] {
        case 38: return ("&amp;", 1)
        case 60: return ("&lt;", 1)
        case 62: return ("&gt;", 1)
        case 34 where quotes: return ("&quot;", 1)
        case 39 where quotes: return ("&#39;", 1)
        case 0..<0x20, 0xEF: return forbiddenLength(in: bytes, at: index).map { ("\u{FFFD}", $0) }
        default: return nil
        }
    }

    /// How many bytes the character XML forbids at byte `index` of UTF-8 `bytes` spans, or
    /// `nil` when there is none: the byte-level form of ``isForbidden(_:)``, for scans that
    /// do not decode scalars.
    @inline(__always)
    public static func forbiddenLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let byte = bytes[index]
        if byte < 0x20 { return byte == 0x09 || byte == 0x0A || byte == 0x0D ? nil : 1 }
        // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
        if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF {
            return 3
        }
        return nil
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        // Most values need nothing: hand them back without copying them.
        guard needsEscaping(text, quotes: quotes) else { return text }
        var text = text
        return text.withUTF8 { bytes in
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + 8)
            var start = 0
            var index = 0
            while index < bytes.count {
                if let (replacement, width) = replacement(in: bytes, at: index, quotes: quotes) {
                    out.append(contentsOf: bytes[start..<index])
                    out.append(contentsOf: replacement.utf8)
                    index += width
                    start = index
                } else {
                    index += 1
                }
            }
            out.append(contentsOf: bytes[start..<bytes.count])
            return String(decoding: out, as: UTF8.self)
        }
    }
}
