import PlaybookCore
import Testing

/// Exact outputs of the byte-level escaping functions over hostile text, and agreement with
/// plain reference implementations (written scalar by scalar, as simply as possible) over
/// thousands of generated strings.
@Suite struct EscapingTests {
    /// Quotes, `&`, `<`, controls, U+2028/2029, U+FFFE/FFFF, combining marks, astral characters.
    static let hostile = "a\"b'c&d<e>f\u{0}g\u{1}h\u{8}i\t\n\r\u{B}\u{C}\u{1F}\u{7F}j\u{2028}k\u{2029}l\u{FFFE}m\u{FFFF}n\u{FFFD}o\"\u{301}p😀q𝄞r\\s/t%u é 社"

    @Test func xmlEscapingOfHostileText() {
        #expect(XMLEscaping.text(Self.hostile) == "a\"b'c&amp;d&lt;e&gt;f\u{FFFD}g\u{FFFD}h\u{FFFD}i\t\n\r\u{FFFD}\u{FFFD}\u{FFFD}\u{7F}j\u{2028}k\u{2029}l\u{FFFD}m\u{FFFD}n\u{FFFD}o\"\u{301}p😀q𝄞r\\s/t%u é 社")
        #expect(XMLEscaping.attribute(Self.hostile) == "a&quot;b&#39;c&amp;d&lt;e&gt;f\u{FFFD}g\u{FFFD}h\u{FFFD}i\t\n\r\u{FFFD}\u{FFFD}\u{FFFD}\u{7F}j\u{2028}k\u{2029}l\u{FFFD}m\u{FFFD}n\u{FFFD}o&quot;\u{301}p😀q𝄞r\\s/t%u é 社")
        #expect(XMLEscaping.needsEscaping(Self.hostile) && XMLEscaping.needsEscaping("\"", quotes: true))
        #expect(!XMLEscaping.needsEscaping("\"'😀\u{FFFD}\u{EFFF}\u{FEFF}é\t\n\r") && !XMLEscaping.needsEscaping(""))
        // Characters whose UTF-8 starts with 0xEF but are not U+FFFE/FFFF stay.
        #expect(XMLEscaping.text("\u{F000}\u{FEFF}\u{FF01}\u{FFFD}\u{FFEF}") == "\u{F000}\u{FEFF}\u{FF01}\u{FFFD}\u{FFEF}")
        // A U+FFFF at the very end, and an escape at either end.
        #expect(XMLEscaping.text("x\u{FFFF}") == "x\u{FFFD}" && XMLEscaping.text("&") == "&amp;" && XMLEscaping.attribute("'x'") == "&#39;x&#39;")
        var out = "start:"
        XMLEscaping.append("<😀>", to: &out)
        XMLEscaping.append("'", to: &out, quotes: true)
        #expect(out == "start:&lt;😀&gt;&#39;")
        // The same into UTF-8 bytes (the chapter renderer's output).
        var bytes = Array("start:".utf8)
        XMLEscaping.append("<😀>", to: &bytes)
        XMLEscaping.append("'", to: &bytes, quotes: true)
        XMLEscaping.append("", to: &bytes)
        XMLEscaping.append("x\u{FFFF}", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "start:&lt;😀&gt;&#39;x\u{FFFD}")
    }

    @Test func jsonEscapingOfHostileText() {
        #expect(JSONEscaping.quoted(Self.hostile) == #""a\"b'c&d<e>f\u0000g\u0001h\u0008i\t\n\r\u000b\u000c\u001f"# + "\u{7F}" + #"j\u2028k\u2029l"# + "\u{FFFE}m\u{FFFF}n\u{FFFD}o\\\"\u{301}p😀q𝄞r\\\\s/t%u é 社\"")
        #expect(JSONEscaping.quoted("") == "\"\"" && JSONEscaping.quoted("\u{2028}") == #""\u2028""#)
        // 0xE2 starts other characters too (U+2013, U+2027, U+202A): those stay.
        #expect(JSONEscaping.quoted("\u{2013}\u{2027}\u{202A}\u{2030}") == "\"\u{2013}\u{2027}\u{202A}\u{2030}\"")
        var out = "x"
        JSONEscaping.append("plain", to: &out)
        JSONEscaping.append("\"\\\n", to: &out)
        #expect(out == #"xplain\"\\\n"#)
    }

    @Test func urlPathEncodingOfHostilePaths() {
        #expect(URLPath.encode("a-b_c.d~e/f") == "a-b_c.d~e/f")
        #expect(URLPath.encode("Ölçüm ve 社 #1?&%.html") == "%C3%96l%C3%A7%C3%BCm%20ve%20%E7%A4%BE%20%231%3F%26%25.html")
        #expect(URLPath.encode("😀\"'<>\u{0}\u{7F}") == "%F0%9F%98%80%22%27%3C%3E%00%7F")
        #expect(URLPath.encode("") == "")
        #expect(URLPath.escapeHref("https://x.org/a b?q=1&r=é#frag") == "https://x.org/a%20b?q=1&r=%C3%A9#frag")
        #expect(URLPath.escapeHref("a%20b(c),*!'$@~+;:=") == "a%20b(c),*!'$@~+;:=")
        #expect(URLPath.escapeHref("<\"x\">\\^`{|}[]") == "%3C%22x%22%3E%5C%5E%60%7B%7C%7D%5B%5D")
        #expect(URLPath.decode(URLPath.encode(Self.hostile)) == Self.hostile)
    }

    /// The fast paths agree with the references over many strings mixing every kind of byte
    /// the escapers treat specially with ordinary text.
    @Test func fastPathsAgreeWithReferences() {
        let pieces: [String] = ["a", "Z", "0", " ", "-", "_", ".", "~", "/", "%", "\"", "'", "&", "<", ">", "\\", "\u{0}", "\u{9}", "\n",
                                "\r", "\u{B}", "\u{1F}", "\u{7F}", "é", "\u{301}", "\u{2013}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{FEFF}",
                                "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{FF01}", "社", "😀", "𝄞", "#", "?", "=", "+", "(", "@", "[", "`", "{"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<3000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let count = Int(state >> 59)  // 0...31 pieces
            for _ in 0..<count {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            #expect(XMLEscaping.text(text) == Self.referenceXML(text, quotes: false))
            #expect(XMLEscaping.attribute(text) == Self.referenceXML(text, quotes: true))
            var bytes = Array("x".utf8)
            XMLEscaping.append(text, to: &bytes, quotes: true)
            #expect(bytes == Array(("x" + Self.referenceXML(text, quotes: true)).utf8))
            #expect(XMLEscaping.needsEscaping(text) == (Self.referenceXML(text, quotes: false) != text))
            #expect(JSONEscaping.quoted(text) == Self.referenceJSON(text))
            #expect(URLPath.encode(text) == Self.referencePercent(text, keep: "-_.~/"))
            #expect(URLPath.escapeHref(text) == Self.referencePercent(text, keep: "-_.+!*'(),%#@?=;:/&$~"))
        }
    }

    static func referenceXML(_ text: String, quotes: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&#39;"
            default: out.unicodeScalars.append(XMLEscaping.isForbidden(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }

    static func referenceJSON(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func referencePercent(_ text: String, keep: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 128, ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || ("0"..."9").contains(scalar) || keep.unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
