@testable import PlaybookMarkdown
import Testing

@Suite struct ByteSearchTests {
    @Test func findsAMarkerAnywhereAndOnlyWhole() {
        #expect(ByteSearch.contains("a note[^1] here", "[^"))
        #expect(ByteSearch.contains("[^", "[^"))
        #expect(ByteSearch.contains("line\n::: if has_risk\n", ":::"))
        #expect(!ByteSearch.contains("[ ^ and :: but not together", "[^"))
        #expect(!ByteSearch.contains("::", ":::"))
        #expect(!ByteSearch.contains("", "[^"))
        #expect(ByteSearch.contains("é, then [^x]", "[^"))
    }
}
