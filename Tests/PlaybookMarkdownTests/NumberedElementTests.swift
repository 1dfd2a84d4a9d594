import PlaybookCore
import PlaybookMarkdown
import Testing

@Suite struct NumberedElementTests {
    @Test func aCaptionedTableAFigureAndCrossReferences() {
        let result = parse("""
        | Item | Cost |
        | --- | ---: |
        | Tools | $10 |

        : What it *costs* {#tbl-costs}

        ![The funnel](images/funnel.png){#fig-funnel}

        See @tbl-costs and (@fig-funnel), @tbl-costs-.
        """)
        #expect(result.dump == """
        table @1:1 align=none,right
          header
            cell
              text "Item"
            cell
              text "Cost"
          row
            cell
              text "Tools"
            cell
              text "$10"
          caption @5:1 {#tbl-costs}
            text "What it "
            emphasis
              text "costs"
        figure {#fig-funnel}
          image @7:1 "images/funnel.png"
            text "The funnel"
        paragraph
          text "See "
          cross-ref @9:5 "tbl-costs"
          text " and ("
          cross-ref @9:21 "fig-funnel"
          text "), "
          cross-ref @9:35 "tbl-costs"
          text "-."

        """)
        #expect(result.diagnostics == "")
    }

    @Test func aCaptionWithoutALabelAndAnImageWithoutOne() {
        let result = parse("""
        a | b
        --|--
        1 | 2

        : Unlabelled

        ![Alone](x.png)
        """)
        #expect(result.dump.contains("  caption @5:1\n    text \"Unlabelled\"\n"))
        #expect(result.dump.hasSuffix("paragraph\n  image @7:1 \"x.png\"\n    text \"Alone\"\n"))
    }

    @Test func aBackslashKeepsAReferenceOrANoteAsText() {
        let result = parse("Write \\@tbl-costs and \\[^1] as text, but @tbl-costs[^1] is a reference.\n\n[^1]: A note.\n")
        #expect(result.dump == """
        paragraph
          text "Write @tbl-costs and [^1] as text, but "
          cross-ref @1:42 "tbl-costs"
          footnote-ref @1:52 "1"
          text " is a reference."
        footnote "1" @3:1
          paragraph
            text "A note."

        """)
    }

    @Test func anOrdinaryAtSignIsText() {
        let result = parse("Mail ops@tbl-example.com, follow @handle, @tbl- alone, x@fig-y, `@tbl-code`.\n")
        #expect(result.dump == """
        paragraph
          text "Mail ops@tbl-example.com, follow @handle, @tbl- alone, x@fig-y, "
          code "@tbl-code"
          text "."

        """)
    }

    @Test func aLabelOfTheWrongKindIsAnError() {
        let result = parse("""
        a | b
        --|--
        1 | 2

        : Costs {#fig-costs}

        ![Chart](x.png){#tbl-chart}
        """)
        #expect(result.diagnostics == """
        c.md:5:9: error: a table's label starts with 'tbl-' [label-kind]
          5 | : Costs {#fig-costs}
            |         ^~~~~~~~~~~~
          hint: write {#tbl-costs}
        c.md:7:16: error: a figure's label starts with 'fig-' [label-kind]
          7 | ![Chart](x.png){#tbl-chart}
            |                ^~~~~~~~~~~~
          hint: write {#fig-chart}

        """)
    }
}
