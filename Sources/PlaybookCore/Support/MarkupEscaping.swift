/// Escaping text for HTML and XML output. It works on UTF-8 bytes, so that no combining mark
/// or other grapheme cluster can hide a `<`, `&` or `"` from it (escaping by `Character`
/// would miss `"` followed by U+0301).
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
        if needsEscaping(text, quotes: quotes) { out += escape(text, quotes: quotes) } else { out += text }
    }

    /// Whether `text` holds a character that escaping would change.
    public static func needsEscaping(_ text: String, quotes: Bool = false) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where byte == 38 || byte == 60 || byte == 62 || (quotes && (byte == 34 || byte == 39)) {
                return true
            }
            return false
        } ?? true
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        var start = text.utf8.startIndex
        var index = start
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let replacement: String?
            switch utf8[index] {
            case 38: replacement = "&amp;"
            case 60: replacement = "&lt;"
            case 62: replacement = "&gt;"
            case 34 where quotes: replacement = "&quot;"
            case 39 where quotes: replacement = "&#39;"
            default: replacement = nil
            }
            if let replacement {
                out += text[start..<index]
                out += replacement
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        out += text[start..<utf8.endIndex]
        return out
    }
}
