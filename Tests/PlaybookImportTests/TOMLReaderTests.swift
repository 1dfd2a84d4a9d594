import PlaybookCore
@testable import PlaybookImport
import Testing

/// The TOML subset `book.toml` files use, read whole, and its mistakes printed whole.
@Suite struct TOMLReaderTests {
    private func read(_ text: String) -> Result<TOMLTable, Diagnostic> {
        TOMLReader.read(SourceFile(path: "book/book.toml", text: text))
    }

    @Test func aRealBookTomlReadsIntoItsTables() throws {
        let table = try read(#"""
        # The mdBook guide's settings
        [book]
        title = "mdBook Documentation"
        authors = ["Mathieu David", 'Michael-F-Bryan',]   # two
        description = """
        Create books \
            from Markdown."""
        language = "en"
        multilingual = false

        [rust]
        edition = 2021

        [output.html]
        mathjax-support = true
        site-url = "/mdBook/"
        "quoted key" = { enable = true, level = 0, ratio = 1.5e2 }

        [output.html.search]
        limit-results = 20

        [[output.html.redirect-list]]
        from = "a.html"
        [[output.html.redirect-list]]
        from = "b.html"

        [preprocessor.admonish]
        command = "mdbook-admonish"
        after = [
          "links", # comment in an array
        ]
        """#).get()
        #expect(table.value(at: ["book", "title"])?.string == "mdBook Documentation")
        #expect(table.value(at: ["book", "authors"])?.kind == .array([
            TOMLValue(kind: .string("Mathieu David"), line: 4, column: 12), TOMLValue(kind: .string("Michael-F-Bryan"), line: 4, column: 29),
        ]))
        #expect(table.value(at: ["book", "description"])?.string == "Create books from Markdown.")
        #expect(table.value(at: ["book", "multilingual"])?.kind == .boolean(false))
        #expect(table.value(at: ["rust", "edition"])?.kind == .integer(2021))
        #expect(table.value(at: ["output", "html", "mathjax-support"])?.kind == .boolean(true))
        #expect(table.value(at: ["output", "html", "quoted key", "ratio"])?.kind == .float(150))
        #expect(table.value(at: ["output", "html", "search", "limit-results"])?.kind == .integer(20))
        if case .array(let list)? = table.value(at: ["output", "html", "redirect-list"])?.kind {
            #expect(list.compactMap { $0.table?["from"]?.string } == ["a.html", "b.html"])
        } else {
            Issue.record("redirect-list is not an array")
        }
        #expect(table.value(at: ["preprocessor", "admonish", "after"])?.kind == .array([TOMLValue(kind: .string("links"), line: 30, column: 3)]))
        #expect(table["book"]?.table?.entries.map(\.key) == ["title", "authors", "description", "language", "multilingual"])
    }

    @Test(arguments: [
        ("[book]\ntitle = \"Unclosed\n", "this string is not closed on its line", 2, 9),
        ("[book]\ntitle = Bare words\n", "'Bare' is not a TOML value this reader knows", 2, 9),
        ("[book]\ntitle = \"a\"\ntitle = \"b\"\n", "the key 'title' is defined twice", 3, 1),
        ("[book]\n[book]\n", "the table [book] is defined twice", 2, 1),
        ("[book]\nauthors = [\"a\" \"b\"]\n", "expected ',' or ']' in this array", 2, 16),
        ("[book]\ntitle = \"x\" extra\n", "expected the end of the line here, found 'e'", 2, 13),
        ("[book]\ntitle = \"\\q\"\n", "'\\q' is not an escape TOML knows", 2, 10),
        ("[book]\ndate = 2024-01-01\n", "'2024-01-01' is not a TOML value this reader knows", 2, 8),
        ("[book\n", "expected ']' here, found the end of the line", 1, 6),
        ("= 1\n", "'=' cannot start a key", 1, 1),
    ])
    func eachMistakeIsLocated(text: String, message: String, line: Int, column: Int) {
        guard case .failure(let diagnostic) = read(text) else {
            Issue.record("\(text.debugDescription) was read")
            return
        }
        #expect(diagnostic.id == .importToml)
        #expect(diagnostic.message == message)
        #expect(diagnostic.location?.line == line)
        #expect(diagnostic.location?.column == column)
    }

    @Test func nestingIsBounded() {
        let deep = "a = " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n"
        guard case .failure(let diagnostic) = read(deep) else {
            Issue.record("read")
            return
        }
        #expect(diagnostic.message == "arrays and inline tables nest deeper than 64 levels")
    }
}
