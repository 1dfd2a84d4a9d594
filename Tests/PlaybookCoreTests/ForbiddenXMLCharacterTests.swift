import PlaybookCore
import Testing

@Suite struct ForbiddenXMLCharacterTests {
    @Test func charactersXMLForbidsBecomeTheReplacementCharacter() {
        let text = "a\u{C}b\u{1}c\u{8}d\u{B}e\u{FFFE}f\u{FFFF}g\u{0}h"
        #expect(XMLEscaping.needsEscaping(text))
        #expect(XMLEscaping.text(text) == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}g\u{FFFD}h")
        #expect(XMLEscaping.attribute("\"\u{C}'") == "&quot;\u{FFFD}&#39;")
        var out = "<p>"
        XMLEscaping.append("x\u{1F}<y", to: &out)
        #expect(out == "<p>x\u{FFFD}&lt;y")
    }

    @Test func tabsLineBreaksAndOtherCharactersStay() {
        let text = "a\tb\nc\rd é 漢 \u{FFFD} \u{FFFC} \u{EFFFF} \u{7F}"
        #expect(!XMLEscaping.needsEscaping(text))
        #expect(XMLEscaping.text(text) == text)
        #expect(XMLEscaping.isForbidden("\u{C}") && XMLEscaping.isForbidden("\u{FFFF}"))
        #expect(!XMLEscaping.isForbidden("\t") && !XMLEscaping.isForbidden("\u{FFFD}"))
    }
}
