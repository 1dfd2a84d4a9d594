/// Escaping text for JSON output (and for JSON read as JavaScript).
public enum JSONEscaping {
    /// `text` as a JSON string literal, quotes included. Control characters are escaped, and
    /// so are U+2028 and U+2029, which older JavaScript engines do not accept inside strings.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        append(text, to: &out)
        return out + "\""
    }

    /// Appends `text` escaped, without quotes, to `out`. It works on UTF-8 bytes and copies
    /// the runs that need no escaping whole (the search index escapes megabytes of text).
    public static func append(_ text: String, to out: inout String) {
        var text = text
        text.withUTF8 { bytes in
            var escaped: [UInt8] = []
            var runStart = 0
            var index = 0
            func flush(upTo end: Int) {
                if end > runStart { escaped.append(contentsOf: bytes[runStart..<end]) }
            }
            while index < bytes.count {
                let byte = bytes[index]
                var replacement: String? = nil
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): replacement = "\\\""
                case UInt8(ascii: "\\"): replacement = "\\\\"
                case UInt8(ascii: "\n"): replacement = "\\n"
                case UInt8(ascii: "\r"): replacement = "\\r"
                case UInt8(ascii: "\t"): replacement = "\\t"
                case 0..<0x20:
                    let hex = String(byte, radix: 16)
                    replacement = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    replacement = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                default:
                    break
                }
                if let replacement {
                    flush(upTo: index)
                    escaped.append(contentsOf: replacement.utf8)
                    index += width
                    runStart = index
                } else {
                    index += 1
                }
            }
            if runStart == 0 {
                out += String(decoding: bytes, as: UTF8.self)
            } else {
                flush(upTo: bytes.count)
                out += String(decoding: escaped, as: UTF8.self)
            }
        }
    }
}
