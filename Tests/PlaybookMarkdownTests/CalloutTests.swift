import PlaybookCore
import PlaybookMarkdown
import Testing

@Suite struct CalloutTests {
    @Test func eachKindWithAndWithoutATitle() {
        let result = parse("""
        > [!TIP] Ask *finance* first
        > They know the rate.
        >
        > - and more

        > [!warning]
        > Lower case works too.

        > [!NOTE]

        > Just a quote.
        """)
        #expect(result.dump == """
        callout tip @1:1
          title
            text "Ask "
            emphasis
              text "finance"
            text " first"
          paragraph
            text "They know the rate."
          list bullet tight
            item
              paragraph
                text "and more"
        callout warning @6:1
          paragraph
            text "Lower case works too."
        callout note @9:1
        blockquote
          paragraph
            text "Just a quote."

        """)
        #expect(result.diagnostics == "")
    }

    @Test func anUnknownKindIsAnErrorAndStaysAQuote() {
        let result = parse("""
        Text.

        > [!DANGER] Mind the gap
        > Trains.
        """)
        #expect(result.dump.hasPrefix("paragraph\n  text \"Text.\"\nblockquote\n"))
        #expect(result.diagnostics == """
        c.md:3:3: error: '[!DANGER]' is not a kind of callout [callout-unknown]
          3 | > [!DANGER] Mind the gap
            |   ^~~~~~~~~
          hint: the callouts are [!NOTE], [!TIP], [!IMPORTANT], [!WARNING], [!CAUTION]

        """)
    }

    @Test func aQuoteStartingWithABracketIsNotACallout() {
        let result = parse("> [!] and [!NOTE]x and [link](y)\n")
        #expect(result.dump.hasPrefix("blockquote\n"))
        #expect(result.diagnostics == "")
    }
}
