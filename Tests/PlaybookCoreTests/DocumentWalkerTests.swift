import PlaybookCore
import Testing

/// A parsed tree with every kind of container: a quote, a list, a table, emphasis, strong
/// emphasis, a link and an image (whose alternative text is a child too).
private let everyContainer = Document(blocks: [
    .heading(Heading(level: 2, content: [.text("h")], position: .unknown)),
    .blockQuote([.paragraph([.text("q"), .emphasis([.text("e"), .strong([.text("s")])])])]),
    .list(ListBlock(kind: .bullet, isTight: true, items: [[.paragraph([.text("i1")])], [.paragraph([.code("c")])]])),
    .table(Table(alignments: [.none], header: [[.text("th")]], rows: [[[.link(Link(destination: "x.md", title: "",
        content: [.text("l")], position: .unknown))]]], position: .unknown)),
    .paragraph([.image(Image(source: "a.png", title: "", alt: [.text("alt")], position: .unknown)), .softBreak, .text("end")]),
    .codeBlock(CodeBlock(info: "", code: "not text\n", position: .unknown)),
])

/// Collects text nodes only: everything else is the default recursion.
private struct TextCollector: DocumentVisitor {
    var texts: [String] = []

    mutating func visit(_ inline: Inline) {
        if case .text(let text) = inline { texts.append(text) }
        visitChildren(of: inline)
    }
}

/// Upper-cases text only: everything else is the default recursion.
private struct Shouter: DocumentRewriter {
    mutating func rewrite(_ inline: Inline) -> Inline {
        guard case .text(let text) = inline else { return rewriteChildren(of: inline) }
        return .text(text.uppercased())
    }
}

@Suite struct DocumentWalkerTests {
    @Test func theDefaultVisitReachesEveryInlineInDocumentOrder() {
        var collector = TextCollector()
        collector.visit(everyContainer)
        #expect(collector.texts == ["h", "q", "e", "s", "i1", "th", "l", "alt", "end"])
    }

    @Test func theDefaultRewriteKeepsTheShapeAndRewritesEveryInline() {
        var shouter = Shouter()
        let rewritten = shouter.rewrite(everyContainer)
        var collector = TextCollector()
        collector.visit(rewritten)
        #expect(collector.texts == ["H", "Q", "E", "S", "I1", "TH", "L", "ALT", "END"])
        // Only text changed: the tree has the same shape, and code stays as written.
        #expect(rewritten.dump() == #"""
        heading 2 @0:0
          text "H"
        blockquote
          paragraph
            text "Q"
            emphasis
              text "E"
              strong
                text "S"
        list bullet tight
          item
            paragraph
              text "I1"
          item
            paragraph
              code "c"
        table @0:0 align=none
          header
            cell
              text "TH"
          row
            cell
              link @0:0 "x.md"
                text "L"
        paragraph
          image @0:0 "a.png"
            text "ALT"
          softbreak
          text "END"
        code @0:0 info="" "not text\n"

        """#)
    }

    @Test func plainTextKeepsTextAndCodeAndDropsMarkup() {
        #expect(Inline.plainText([.emphasis([.text("a")]), .lineBreak, .html(RawHTML(html: "<b>", position: .unknown)), .code("b")]) == "a b")
    }
}
