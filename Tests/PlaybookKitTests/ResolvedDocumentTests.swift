import PlaybookCore
@testable import PlaybookKit
import Testing
@testable import PlaybookLoad
@testable import PlaybookTransform

/// What the resolved tree holds in its stage slots, one line per node that has one.
private struct SlotLister: DocumentVisitor {
    var lines: [String] = []

    mutating func visit(_ block: ResolvedBlock) {
        switch block {
        case .heading(let heading): lines.append("heading \(heading.anchor)")
        case .html(let raw): lines.append("html \(raw.xhtml.debugDescription)")
        case .footnote(let note): lines.append("footnote \(note.number) \(note.label)")
        case .figure(let figure): lines.append("figure \(figure.number) \(figure.label)")
        case .table(let table): if let caption = table.caption { lines.append("caption \(caption.number) \(caption.label ?? "-")") }
        default: break
        }
        visitChildren(of: block)
    }

    mutating func visit(_ inline: ResolvedInline) {
        switch inline {
        case .link(let link): lines.append("link \(link.target)")
        case .image(let image): lines.append("image \(image.asset) alt=\(ResolvedInline.plainText(image.alt).debugDescription)")
        case .html(let raw): lines.append("html \(raw.xhtml.debugDescription)")
        case .text(let text): lines.append("text \(text.debugDescription)")
        case .footnoteReference(let reference): lines.append("footnote-ref \(reference.number) \(reference.label)")
        default: break
        }
        visitChildren(of: inline)
    }
}

@Suite struct ResolvedDocumentTests {
    /// Runs the transform's passes over one chapter of the book `guide` (which also has the
    /// chapter `02-next` with the anchor `later`, and the image `images/a.png`).
    private func resolve(_ body: String) -> (slots: [String], diagnostics: [Diagnostic]) {
        let file = SourceFile(path: "content/guide/01-a.md", text: body)
        let (document, _) = MarkdownParserFixture.parse(body, file: file)
        let (_, ids, _, htmlDiagnostics) = RawHTMLPass.run(document, file: file)
        let numbered = NumberedItem.collect(document, file: file)
        let labels = numbered.compactMap { item in item.label.flatMap { label in item.labelLocation.map { (label, $0) } } }
        let (anchors, anchorDiagnostics) = HeadingAnchors.assign(document, rawIDs: ids, labels: labels, file: file)
        // The chapter is chapter 1 of the book; 02-next has the table tbl-later.
        let later = NumberedItem(kind: .table, label: "tbl-later", position: SourcePosition(line: 3, column: 1), labelLocation: nil)
        let (numbers, _) = BookNumbers.number([("01-a", numbered), ("02-next", [later])])
        let index = ProjectIndex(books: ["guide": .init(chapters: ["01-a": anchors.all, "02-next": ["later", "tbl-later"]], drafts: [],
                                                        assets: ["images/a.png"], numbers: numbers)], baseURL: nil)
        var resolver = LinkResolver(index: index, book: "guide", chapter: "01-a", anchors: anchors.all, file: file)
        let resolved = resolver.resolve(document, anchors: anchors)
        var lister = SlotLister()
        lister.visit(resolved)
        return (lister.lines, htmlDiagnostics + anchorDiagnostics + resolver.diagnostics)
    }

    @Test func everySlotIsFilledAndDuplicateHeadingsAreNumbered() {
        let result = resolve("""
        # Costs

        > ## Costs

        - ### Custom {#mine}

        See [later](02-next.md#later), [here](#costs-1) and ![A chart](images/a.png).

        <div id="costs-2">x</div>

        ## Costs
        """)
        #expect(result.diagnostics.isEmpty)
        #expect(result.slots == [
            "heading costs", "text \"Costs\"",
            "heading costs-1", "text \"Costs\"",
            "heading mine", "text \"Custom\"",
            "text \"See \"", "link chapter(book: \"guide\", chapter: \"02-next\", fragment: Optional(\"later\"))", "text \"later\"",
            "text \", \"", "link fragment(\"costs-1\")", "text \"here\"", "text \" and \"",
            "image images/a.png alt=\"A chart\"", "text \"A chart\"", "text \".\"",
            "html \"<div id=\\\"costs-2\\\">x</div>\\n\"",
            "heading costs-3", "text \"Costs\"",
        ])
    }

    @Test func aBrokenLinkLeavesItsTextAndABrokenImageNothing() {
        let result = resolve("Read [the missing one](03-gone.md) before ![a chart](images/gone.png) ends.\n")
        #expect(result.slots == ["text \"Read \"", "text \"the missing one\"", "text \" before \"", "text \" ends.\""])
        #expect(result.diagnostics.map(\.message) == [
            "there is no chapter '03-gone.md' in content/guide/",
            "there is no image 'images/gone.png' in content/guide/",
        ])
        #expect(result.diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func footnotesAreNumberedByFirstReferenceAndCrossReferencesBecomeLinks() {
        let result = resolve("""
        B[^b], A[^a], B again[^b]; @tbl-here and @tbl-later; [in @tbl-here[^a]](#tbl-here).

        | x | y |
        | - | - |
        | 1 | 2 |

        : Here {#tbl-here}

        ![A](images/a.png){#fig-a}

        [^a]: Note a.

        [^unused]: Never referenced.

        [^b]: Note b.
        """)
        #expect(result.slots == [
            "text \"B\"", "footnote-ref 1 b", "text \", A\"", "footnote-ref 2 a", "text \", B again\"", "footnote-ref 1 b", "text \"; \"",
            "link fragment(\"tbl-here\")", "text \"Table\u{00A0}1.1\"", "text \" and \"",
            "link chapter(book: \"guide\", chapter: \"02-next\", fragment: Optional(\"tbl-later\"))", "text \"Table\u{00A0}2.1\"",
            "text \"; \"", "link fragment(\"tbl-here\")", "text \"in \"", "text \"Table\u{00A0}1.1\"", "footnote-ref 2 a", "text \".\"", "caption Table\u{00A0}1.1 tbl-here", "text \"x\"", "text \"y\"", "text \"1\"", "text \"2\"", "text \"Here\"",
            "figure Figure\u{00A0}1.1 fig-a", "image images/a.png alt=\"A\"", "text \"A\"",
            "footnote 1 b", "text \"Note b.\"", "footnote 2 a", "text \"Note a.\"",
        ])
        #expect(result.diagnostics.map(\.id) == [.footnoteUnused])
    }
}

@Suite struct MdBookLinkTests {
    /// A chapter of the book `guide` beside `02-next.md` (anchor `later`), the draft `03-draft.md`,
    /// and the book files `images/a.png` and `page.html`, in a series with a base URL (a link to
    /// a book file leaves the EPUB).
    private func resolve(_ body: String) -> (slots: [String], printed: String) {
        let file = SourceFile(path: "content/guide/01-a.md", text: body)
        let (document, _) = MarkdownParserFixture.parse(body, file: file)
        let (anchors, _) = HeadingAnchors.assign(document, rawIDs: [], file: file)
        let index = ProjectIndex(books: ["guide": .init(chapters: ["01-a": anchors.all, "02-next": ["later"]], drafts: ["03-draft"],
                                                        assets: ["images/a.png", "page.html"])], baseURL: "https://example.org/")
        var resolver = LinkResolver(index: index, book: "guide", chapter: "01-a", anchors: anchors.all, file: file)
        var lister = SlotLister()
        lister.visit(resolver.resolve(document, anchors: anchors))
        return (lister.lines.filter { $0.hasPrefix("link") }, DiagnosticPrinter().format(resolver.diagnostics))
    }

    @Test func linksToAChaptersPageResolveToTheChapterWhenItsFileExists() {
        let result = resolve("""
        [a](02-next.html), [b](02-next.html#later), [c](./02-next.html), [d](page.html), [e](02-next.md#later).

        [f](04-gone.html), [g](02-next.html#nowhere), [h](03-draft.html).
        """)
        #expect(result.slots == [
            "link chapter(book: \"guide\", chapter: \"02-next\", fragment: nil)",
            "link chapter(book: \"guide\", chapter: \"02-next\", fragment: Optional(\"later\"))",
            "link chapter(book: \"guide\", chapter: \"02-next\", fragment: nil)",
            "link asset(book: \"guide\", path: \"page.html\")",
            "link chapter(book: \"guide\", chapter: \"02-next\", fragment: Optional(\"later\"))",
            "link chapter(book: \"guide\", chapter: \"02-next\", fragment: Optional(\"nowhere\"))",
        ])
        #expect(result.printed == """
            content/guide/01-a.md:3:5: error: there is no file '04-gone.html' in content/guide/ [broken-link]
              3 | [f](04-gone.html), [g](02-next.html#nowhere), [h](03-draft.html).
                |     ^~~~~~~~~~~~
            content/guide/01-a.md:3:24: error: content/guide/02-next.md has no heading with the anchor '#nowhere' [broken-anchor]
              3 | [f](04-gone.html), [g](02-next.html#nowhere), [h](03-draft.html).
                |                        ^~~~~~~~~~~~~~~~~~~~
              hint: the anchors there are: #later
            content/guide/01-a.md:3:51: error: '03-draft.html' links to a draft, which this build leaves out [broken-link]
              3 | [f](04-gone.html), [g](02-next.html#nowhere), [h](03-draft.html).
                |                                                   ^~~~~~~~~~~~~
              hint: publish the chapter (remove 'draft: true') or build with --drafts
            3 errors

            """)
    }
}
