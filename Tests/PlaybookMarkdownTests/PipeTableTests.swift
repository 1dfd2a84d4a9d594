import PlaybookCore
import PlaybookMarkdown
import Testing

/// Parses `body` as a chapter whose body starts on line 1 and returns the tree dump and the
/// printed diagnostics.
func parse(_ body: String, firstLine: Int = 1) -> (dump: String, diagnostics: String) {
    let prefix = String(repeating: "\n", count: firstLine - 1)
    let file = SourceFile(path: "c.md", text: prefix + body)
    let (document, diagnostics) = MarkdownParser(smartPunctuation: false).parse(body, in: file, firstLine: firstLine)
    return (document.dump(), diagnostics.map(DiagnosticPrinter().format).joined())
}

@Suite struct PipeTableTests {
    @Test func aTableWithAlignmentsEscapedPipesAndInlineMarkup() {
        let result = parse("""
        | Metric | Baseline | Target |
        |:-------|---------:|:------:|
        | *Cost* per call | $6.50 | `a\\|b` |
        | Escaped \\| pipe | [link](x.md) |
        """)
        #expect(result.dump == """
        table @1:1 align=left,right,center
          header
            cell
              text "Metric"
            cell
              text "Baseline"
            cell
              text "Target"
          row
            cell
              emphasis
                text "Cost"
              text " per call"
            cell
              text "$6.50"
            cell
              code "a|b"
          row
            cell
              text "Escaped | pipe"
            cell
              link @4:21 "x.md"
                text "link"
            cell

        """)
        #expect(result.diagnostics == "")
    }

    @Test func extraCellsAreLeftOutWithAWarning() {
        let result = parse("""
        a | b
        --|--
        1 | 2 | 3
        """, firstLine: 5)
        #expect(result.dump.contains("table @5:1 align=none,none"))
        #expect(result.diagnostics == """
        c.md:7:9: warning: this row has 3 cells but the table has 2 columns; the extra cells are left out [table-extra-cells]
          7 | 1 | 2 | 3
            |         ^
          hint: add a column to the header and delimiter rows, or escape a '|' that belongs to the text as '\\|'

        """)
    }

    @Test func linesBeforeTheHeaderStayAParagraph() {
        let result = parse("""
        Some *text* first
        and more.
        | x |
        |---|
        | 1 |
        """)
        #expect(result.dump == """
        paragraph
          text "Some "
          emphasis
            text "text"
          text " first"
          softbreak
          text "and more."
        table @3:1 align=none
          header
            cell
              text "x"
          row
            cell
              text "1"

        """)
    }

    @Test func tablesInsideQuotesAndListItemsKeepTheirColumns() {
        let result = parse("""
        > | q | r |
        > |---|---|
        > | 1 | **2** |

        - item

          | a | b |
          |---|---|
          | [r][ref] | # not a heading |

        [ref]: https://example.com/r
        """)
        #expect(result.dump == """
        blockquote
          table @1:3 align=none,none
            header
              cell
                text "q"
              cell
                text "r"
            row
              cell
                text "1"
              cell
                strong
                  text "2"
        list bullet
          item
            paragraph
              text "item"
            table @7:3 align=none,none
              header
                cell
                  text "a"
                cell
                  text "b"
              row
                cell
                  link @9:5 "https://example.com/r"
                    text "r"
                cell
                  text "# not a heading"

        """)
    }

    @Test func aHeaderThatDoesNotMatchTheDelimiterRowIsNotATable() {
        let result = parse("""
        | a | b | c |
        |---|---|
        | 1 | 2 |
        """)
        #expect(result.dump == """
        paragraph
          text "| a | b | c |"
          softbreak
          text "|---|---|"
          softbreak
          text "| 1 | 2 |"

        """)
    }

    @Test func rowsMayBeShortAndTheTableEndsAtABlankLine() {
        let result = parse("""
        | a | b |
        | - | - |
        | 1 |

        After.
        """)
        #expect(result.dump == """
        table @1:1 align=none,none
          header
            cell
              text "a"
            cell
              text "b"
          row
            cell
              text "1"
            cell
        paragraph
          text "After."

        """)
    }

    @Test func codeBlocksAreNeverTables() {
        let result = parse("""
        ```
        | a | b |
        |---|---|
        ```
        """)
        #expect(result.dump == "code @1:1 info=\"\" \"| a | b |\\n|---|---|\\n\"\n")
    }
}

@Suite struct MarkdownParserTests {
    @Test func positionsCountLinesOfTheWholeFile() {
        let result = parse("""
        # Title {#my-title}

        Text with [a link](other.md#x) and <span>html</span>.
        """, firstLine: 4)
        #expect(result.dump == """
        heading 1 @4:1 {#my-title}
          text "Title"
        paragraph
          text "Text with "
          link @6:11 "other.md#x"
            text "a link"
          text " and "
          html @6:36 "<span>"
          text "html"
          html @6:46 "</span>"
          text "."

        """)
    }

    @Test func headingAttributesNeedABraceHashAndNoSpaces() {
        #expect(parse("## A {#a-1}").dump == "heading 2 @1:1 {#a-1}\n  text \"A\"\n")
        #expect(parse("## A {#two words}").dump == "heading 2 @1:1\n  text \"A {#two words}\"\n")
        #expect(parse("## Cost {not an id}").dump == "heading 2 @1:1\n  text \"Cost {not an id}\"\n")
    }

    @Test func smartPunctuationIsOnByDefault() {
        let file = SourceFile(path: "c.md", text: "\"Quotes\" -- and...")
        let (document, _) = MarkdownParser().parse(file.text, in: file)
        #expect(document.dump() == "paragraph\n  text \"“Quotes” – and…\"\n")
    }

    @Test func runawayNestingIsCutWithOneDiagnostic() {
        let body = String(repeating: ">", count: 500) + " deep"
        let result = parse(body)
        let window = "…" + String(repeating: ">", count: 100) + "…"
        #expect(result.diagnostics == """
        c.md:1:97: error: content is nested more than 96 levels deep; the deeper content is left out [nesting-too-deep]
          1 | \(window)
            |                                   ^

        """)
    }
}
