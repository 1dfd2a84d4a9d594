import PlaybookCore
import Testing

@Suite struct DiagnosticPrinterTests {
    let file = SourceFile(path: "content/one/01-intro.md", text: "---\ntitle: Café: “quoted”\n\tordr: 1\n---\n")

    @Test func printsLocationSnippetCaretHintAndNotes() {
        let diagnostic = Diagnostic.error(
            .unknownKey, "unknown key 'ordr' in the front matter", at: file.location(line: 3, column: 2, length: 4),
            hint: "did you mean 'order'?", notes: [.init("the front matter starts here", at: file.location(line: 1, column: 1, length: 3))])
        #expect(DiagnosticPrinter().format(diagnostic) == """
        content/one/01-intro.md:3:2: error: unknown key 'ordr' in the front matter [unknown-key]
          3 |  ordr: 1
            |  ^~~~
          hint: did you mean 'order'?
          note: content/one/01-intro.md:1:1: the front matter starts here

        """)
    }

    @Test func countsColumnsInCharactersNotBytes() {
        // "Café: “" is 7 characters but 11 bytes; the caret must sit under the second colon's value.
        let line = file.line(2)
        let byteColumn = line.utf8.distance(from: line.startIndex, to: line.firstRange(of: "“")!.lowerBound) + 1
        let diagnostic = Diagnostic.warning(.controlCharacter, "curly quotes", at: file.location(line: 2, column: byteColumn, spanning: "“quoted”"))
        #expect(diagnostic.location?.description == "content/one/01-intro.md:2:14")
        #expect(DiagnosticPrinter().format(diagnostic) == """
        content/one/01-intro.md:2:14: warning: curly quotes [control-character]
          2 | title: Café: “quoted”
            |              ^~~~~~~~

        """)
    }

    @Test func aCaretNeverRunsPastItsLine() {
        // A location 1,800 bytes long on a 31-character line (once made by a folded YAML scalar).
        let short = SourceLocation(file: "book.yaml", line: 1, column: 1, length: 1_800, lineText: "This is a settings file written")
        #expect(DiagnosticPrinter().format(Diagnostic.error(.notAMapping, "not a mapping", at: short)) == """
        book.yaml:1:1: error: not a mapping [not-a-mapping]
          1 | This is a settings file written
            | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~

        """)
        // The location itself is made to end with its line.
        let file = SourceFile(path: "book.yaml", text: "This is a settings file written\nand goes on\n")
        #expect(file.location(line: 1, scalarColumn: 9, scalarLength: 1_800).length == 23)
    }

    @Test func controlCharactersShowAsTheirPictures() {
        let location = SourceLocation(file: "a.md", line: 1, column: 5, length: 1, lineText: "Form\u{0C}feed \u{1}\tand \u{FFFF}")
        #expect(DiagnosticPrinter().format(Diagnostic.error(.controlCharacter, "a control character", at: location)) == """
        a.md:1:5: error: a control character [control-character]
          1 | Form␌feed ␁ and �
            |     ^

        """)
    }

    @Test func indentsMultiLineHintsAndSummarisesARun() {
        let diagnostics: [Diagnostic] = [
            .warning(.unlistedBook, "second", at: file.location(line: 2, column: 1, length: 5)),
            .error(.unknownKey, "first", at: file.location(line: 1, column: 1, length: 3), hint: "line one\nline two"),
            .error(.noProject, "no file", at: nil),
        ]
        #expect(DiagnosticPrinter().format(diagnostics) == """
        error: no file [no-project]
        content/one/01-intro.md:1:1: error: first [unknown-key]
          1 | ---
            | ^~~
          hint: line one
                line two
        content/one/01-intro.md:2:1: warning: second [unlisted-book]
          2 | title: Café: “quoted”
            | ^~~~~
        2 errors, 1 warning

        """)
        #expect(DiagnosticPrinter.summary(errors: 1, warnings: 0) == "1 error")
        #expect(DiagnosticPrinter.summary(errors: 0, warnings: 2) == "2 warnings")
        #expect(DiagnosticPrinter.summary(errors: 0, warnings: 0) == "no problems")
    }

    @Test func longLinesShowAWindowAroundTheProblem() {
        let text = String(repeating: "word ", count: 60) + "[link](target.md#anchor)" + String(repeating: " tail", count: 40)
        let file = SourceFile(path: "long.md", text: text)
        let column = text.utf8.count - String(repeating: " tail", count: 40).utf8.count - "target.md#anchor)".utf8.count + 1
        let diagnostic = Diagnostic.error(.brokenAnchor, "no such anchor", at: file.location(line: 1, column: column, spanning: "target.md#anchor"))
        #expect(DiagnosticPrinter().format(diagnostic) == """
        long.md:1:308: error: no such anchor [broken-anchor]
          1 | … word word word word word [link](target.md#anchor) tail tail tail tail tail tail tail tail tail tail…
            |                                   ^~~~~~~~~~~~~~~~

        """)
    }

    @Test func coloursOnlyWhenAsked() {
        let diagnostic = Diagnostic.error(.unknownKey, "bad", at: nil)
        #expect(DiagnosticPrinter(colors: true).format(diagnostic) == "\u{1B}[31;1merror:\u{1B}[0m bad [unknown-key]\n")
    }

    @Test func sourceFileLinesHandleCRLFAndTheEnd() {
        let crlf = SourceFile(path: "a.md", text: "one\r\ntwo\r\n")
        #expect(crlf.line(1) == "one")
        #expect(crlf.line(2) == "two")
        #expect(crlf.line(3) == "")
        #expect(crlf.line(9) == "")
        #expect(crlf.line(0) == "")
    }
}

@Suite struct NearestNameTests {
    @Test func suggestsTyposAndTranspositions() {
        let keys = ["title", "order", "summary", "draft"]
        #expect(NearestName.suggestion(for: "titel", among: keys) == "title")
        #expect(NearestName.suggestion(for: "ordr", among: keys) == "order")
        #expect(NearestName.suggestion(for: "Summery", among: keys) == "summary")
        #expect(NearestName.hint(for: "drfat", among: keys) == "did you mean 'draft'?")
    }

    @Test func staysQuietWhenNothingIsClose() {
        #expect(NearestName.suggestion(for: "colour", among: ["title", "order"]) == nil)
        #expect(NearestName.suggestion(for: "x", among: [String]()) == nil)
    }
}
