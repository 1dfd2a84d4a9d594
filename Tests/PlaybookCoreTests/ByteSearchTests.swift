import PlaybookCore
import Testing

/// `UTF8Bytes.contains`: the byte search that replaced Foundation's `String.contains` on
/// chapter texts (markers, `{{`, the scenario names a chapter holds).
@Suite struct ByteSearchTests {
    @Test func findsAMarkerAnywhereAndOnlyWhole() {
        #expect(UTF8Bytes.contains("a note[^1] here", "[^"))
        #expect(UTF8Bytes.contains("[^", "[^"))
        #expect(UTF8Bytes.contains("line\n::: if has_risk\n", ":::"))
        #expect(!UTF8Bytes.contains("[ ^ and :: but not together", "[^"))
        #expect(!UTF8Bytes.contains("::", ":::"))
        #expect(!UTF8Bytes.contains("", "[^"))
        #expect(UTF8Bytes.contains("é, then [^x]", "[^"))
        // A first byte met many times before the match, and the match at the very end.
        #expect(UTF8Bytes.contains("{ {x { {{", "{{"))
        #expect(!UTF8Bytes.contains("{ {x { {", "{{"))
    }

    @Test func aNeedleKnownAtRunTimeIsComparedByItsBytes() {
        let name: String = ["acme", "-", "pilot"].joined()
        #expect(UTF8Bytes.contains("the {{ acme-pilot.npv }} figure", name))
        #expect(!UTF8Bytes.contains("the {{ acme-pilo.npv }} figure", name))
        #expect(UTF8Bytes.contains("anything", ""))
        #expect(!UTF8Bytes.contains("acme", name))
        // No Unicode equivalence: é as one scalar is not e and a combining accent.
        #expect(!UTF8Bytes.contains("caf\u{E9}", "cafe\u{301}"))
        #expect(UTF8Bytes.contains("caf\u{E9} cr\u{E8}me", "f\u{E9} c"))
    }
}
