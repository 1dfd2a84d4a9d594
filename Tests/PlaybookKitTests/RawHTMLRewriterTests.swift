import PlaybookCore
@testable import PlaybookKit
import Testing

/// Rewrites the raw HTML blocks of a one-chapter body and returns each node's XHTML and the
/// printed diagnostics.
private func rewrite(_ html: String) -> (xhtml: String, diagnostics: String) {
    let file = SourceFile(path: "c.md", text: html)
    let document = Document(blocks: [.html(RawHTML(html: html, position: SourcePosition(line: 1, column: 1)))])
    let (rewritten, _, _, diagnostics) = RawHTMLPass.run(document, file: file)
    guard case .html(let raw)? = rewritten.blocks.first else { return ("", "") }
    return (raw.xhtml, diagnostics.map(DiagnosticPrinter().format).joined())
}

@Suite struct RawHTMLRewriterTests {
    @Test func repairsWhatHTMLAllowsAndXMLDoesNot() {
        let result = rewrite("""
        <TABLE Class=wide><caption>Costs&nbsp;&amp;&#x2014;&mdash; AT&T</caption>
        <tr><th>A<th>B
        <tr><td>1<td>2
        </TABLE>
        <p>One<p>Two<br><img src="a.png" alt="A > B" hidden>
        <input type=checkbox checked disabled>
        """)
        #expect(result.diagnostics == "")
        #expect(result.xhtml == """
        <table class="wide"><caption>Costs&#160;&amp;&#8212;&#8212; AT&amp;T</caption>
        <tr><th>A</th><th>B
        </th></tr><tr><td>1</td><td>2
        </td></tr></table>
        <p>One</p><p>Two<br/><img src="a.png" alt="A &gt; B" hidden="hidden"/>
        <input type="checkbox" checked="checked" disabled="disabled"/></p>
        """)
    }

    @Test func keepsSVGCaseAndDeclaresItsNamespace() {
        let result = rewrite(##"<svg viewBox="0 0 10 10"><linearGradient id="g"/><path d="M0 0"/><use xlink:href="#g"/></svg>"##)
        #expect(result.diagnostics == "")
        #expect(result.xhtml == ##"<svg viewBox="0 0 10 10" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><linearGradient id="g"/><path d="M0 0"/><use xlink:href="#g"/></svg>"##)
    }

    @Test func escapesScriptAndStyleTextAndDropsComments() {
        let result = rewrite("<style>a > b { content: \"&\" }</style><!-- a -- note -->")
        #expect(result.xhtml == "<style>a &gt; b { content: \"&amp;\" }</style>")
    }

    @Test func reportsWhatCannotBeMadeWellFormed() {
        let result = rewrite("""
        <div><span>open
        </div>
        <p class=a class=b>&nbps; &copy</p>
        <font>old</font></section>
        <img src="x.png"><br></br>
        """)
        #expect(result.diagnostics == """
        c.md:2:1: error: </div> closes <div> while the <span> inside it is still open [raw-html]
          2 | </div>
            | ^~~~~~
          hint: close <span> first
          note: c.md:1:6: <span> opened here
        c.md:3:12: error: the attribute 'class' is written twice on <p> [raw-html]
          3 | <p class=a class=b>&nbps; &copy</p>
            |            ^~~~~
        c.md:3:20: error: '&nbps;' is not an HTML character reference [html-entity]
          3 | <p class=a class=b>&nbps; &copy</p>
            |                    ^~~~~~
          hint: did you mean '&nbsp;'?
        c.md:3:27: error: '&copy' needs a semicolon: '&copy;' [html-entity]
          3 | <p class=a class=b>&nbps; &copy</p>
            |                           ^~~~~
        c.md:4:1: error: <font> is obsolete in HTML5 [obsolete-html]
          4 | <font>old</font></section>
            | ^~~~~~
          hint: use CSS
        c.md:4:17: error: </section> closes nothing: no <section> is open here [raw-html]
          4 | <font>old</font></section>
            |                 ^~~~~~~~~~
          hint: remove it, or open the element before it
        c.md:5:1: error: <img> has no alt attribute [missing-alt-text]
          5 | <img src="x.png"><br></br>
            | ^~~~~~~~~~~~~~~~~
          hint: add alt="…" describing the image (alt="" only for a purely decorative one)
        c.md:5:22: error: </br> is not a closing tag: <br> has no content to close [raw-html]
          5 | <img src="x.png"><br></br>
            |                      ^~~~~
          hint: remove </br>

        """)
    }

    @Test func elementsMayWrapMarkdownAcrossBlocks() async throws {
        let body = "<details>\n<summary>More</summary>\n\nMarkdown *inside*.\n\n</details>\n"
        let file = SourceFile(path: "c.md", text: body)
        let (document, _) = MarkdownParserFixture.parse(body, file: file)
        let (rewritten, _, _, diagnostics) = RawHTMLPass.run(document, file: file)
        #expect(diagnostics.isEmpty)
        var xhtml: [String] = []
        for case .html(let raw) in rewritten.blocks { xhtml.append(raw.xhtml) }
        #expect(xhtml == ["<details>\n<summary>More</summary>\n", "</details>\n"])
    }

    @Test func anUnclosedElementInAParagraphIsReportedThere() {
        let body = "Text <span>never closed.\n"
        let file = SourceFile(path: "c.md", text: body)
        let (document, _) = MarkdownParserFixture.parse(body, file: file)
        let (_, _, _, diagnostics) = RawHTMLPass.run(document, file: file)
        #expect(diagnostics.map(DiagnosticPrinter().format).joined() == """
        c.md:1:6: error: <span> is never closed before the end of a paragraph [raw-html]
          1 | Text <span>never closed.
            |      ^~~~~~
          hint: add </span> where the element ends

        """)
    }
}

import PlaybookMarkdown
@testable import PlaybookTransform

enum MarkdownParserFixture {
    static func parse(_ body: String, file: SourceFile) -> (Document, [Diagnostic]) {
        MarkdownParser(smartPunctuation: false).parse(body, in: file)
    }
}
