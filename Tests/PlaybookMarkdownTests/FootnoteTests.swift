import PlaybookCore
import PlaybookMarkdown
import Testing

@Suite struct FootnoteTests {
    @Test func referencesAndDefinitionsAnywhereWithContinuationLines() {
        let result = parse("""
        Payback[^pay] and risk.[^2]

        [^pay]: The time to *recover* the
            investment.

            A second paragraph.

        After the note.

          [^2]: Forrester, TEI.
        """, firstLine: 3)
        #expect(result.dump == """
        paragraph
          text "Payback"
          footnote-ref @3:8 "pay"
          text " and risk."
          footnote-ref @3:24 "2"
        paragraph
          text "After the note."
        footnote "pay" @5:1
          paragraph
            text "The time to "
            emphasis
              text "recover"
            text " the"
            softbreak
            text "investment."
          paragraph
            text "A second paragraph."
        footnote "2" @12:3
          paragraph
            text "Forrester, TEI."

        """)
        #expect(result.diagnostics == "")
    }

    /// As GitHub and mdBook read them: the lines right after a definition go on with its
    /// paragraph (lazy continuation), and a definition may stand in a block quote (the mdBook
    /// guide's own example), where its lines leave the quote's markers so the quote goes on.
    @Test func aDefinitionInABlockQuoteAndLazyContinuationLines() {
        let result = parse("""
        > This is an example of a footnote[^note].
        >
        > [^note]: This text is the contents of the footnote, which will be rendered
        > towards the bottom.
        >
        > And the quote goes on.

        Plain[^p].

        [^p]: First line
        second line of the same paragraph.
        # A heading ends it
        """)
        #expect(result.dump == """
        blockquote
          paragraph
            text "This is an example of a footnote"
            footnote-ref @1:35 "note"
            text "."
          paragraph
            text "And the quote goes on."
        paragraph
          text "Plain"
          footnote-ref @8:6 "p"
          text "."
        heading 1 @12:1
          text "A heading ends it"
        footnote "note" @3:3
          paragraph
            text "This text is the contents of the footnote, which will be rendered"
            softbreak
            text "towards the bottom."
        footnote "p" @10:1
          paragraph
            text "First line"
            softbreak
            text "second line of the same paragraph."

        """)
        #expect(result.diagnostics == "")
    }

    @Test func aNoteKeepsTheColumnsOfItsLinks() {
        let file = "See[^a].\n\n[^a]: As [the guide](x.md) says,\n    and [here](y.md).\n"
        let result = parse(file)
        #expect(result.dump == """
        paragraph
          text "See"
          footnote-ref @1:4 "a"
          text "."
        footnote "a" @3:1
          paragraph
            text "As "
            link @3:10 "x.md"
              text "the guide"
            text " says,"
            softbreak
            text "and "
            link @4:9 "y.md"
              text "here"
            text "."

        """)
    }

    @Test func referencesInATableCellAHeadingAListAndACallout() {
        let result = parse("""
        ## Costs[^a] {#costs}

        - an item[^a]

        > [!NOTE]
        > In a callout[^a].

        | Item | Cost[^a] |
        | --- | --- |
        | x | 1 |

        [^a]: The note.
        """)
        #expect(result.dump == """
        heading 2 @1:1 {#costs}
          text "Costs"
          footnote-ref @1:9 "a"
        list bullet tight
          item
            paragraph
              text "an item"
              footnote-ref @3:10 "a"
        callout note @5:1
          paragraph
            text "In a callout"
            footnote-ref @6:15 "a"
            text "."
        table @8:1 align=none,none
          header
            cell
              text "Item"
            cell
              text "Cost"
              footnote-ref @8:14 "a"
          row
            cell
              text "x"
            cell
              text "1"
        footnote "a" @12:1
          paragraph
            text "The note."

        """)
    }

    @Test func aDefinitionDefinedTwiceIsAnError() {
        let result = parse("""
        A[^a].

        [^a]: One.
        [^a]: Two.
        """)
        #expect(result.diagnostics == """
        c.md:4:1: error: the footnote '[^a]' is defined twice in this chapter [footnote-duplicate]
          4 | [^a]: Two.
            | ^~~~
          hint: give this note another label, or merge the two texts
          note: c.md:3:1: first defined here

        """)
    }

    @Test func definitionsInsideFencedCodeAndReferenceLinksStayAsWritten() {
        let result = parse("""
        ```
        [^a]: not a note
        ```

        [^b] is text, and [a link][ref].

        [ref]: https://example.com
        """)
        #expect(result.dump == """
        code @1:1 info="" "[^a]: not a note\\n"
        paragraph
          footnote-ref @5:1 "b"
          text " is text, and "
          link @5:19 "https://example.com"
            text "a link"
          text "."

        """)
        #expect(result.diagnostics == "")
    }
}
