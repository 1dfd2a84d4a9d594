import PlaybookCore

/// A chapter body rendered for both outputs: HTML for the site, XHTML for the EPUB.
public struct RenderedBody: Sendable, Equatable {
    /// HTML5 as served on the web: `<br>`, author HTML exactly as written, links to `.html` pages.
    public var html: String
    /// Well-formed XHTML for EPUB: `<br/>`, author HTML in its rewritten form, links to `.xhtml`
    /// files (and to the site for whatever is outside the book).
    public var xhtml: String
}

/// Renders a chapter's ``ResolvedDocument`` as HTML and XHTML fragments (page bodies without layout)
/// in one walk of the tree: the two differ only in void elements, author HTML and hrefs, so
/// text is escaped once and appended to both.
struct DocumentRenderer {
    /// The site href for a resolved link target, relative to the chapter's page.
    let siteHref: (LinkTarget) -> String
    /// The EPUB href for a resolved link target, relative to the chapter's XHTML file.
    let epubHref: (LinkTarget) -> String
    /// The markup of a computed block, for the site and for the EPUB.
    let computedMarkup: (ComputedBlock) -> (html: String, xhtml: String)
    /// A callout written through its template (`callout`), given its kind, its label and its
    /// content for the site and for the EPUB.
    var calloutMarkup: (CalloutOf<Resolved>, String, Output) -> (html: String, xhtml: String, diagnostics: [Diagnostic]) = {
        CalloutMarkup.plain(kind: $0.kind, label: $1, content: $2)
    }
    /// Put between `fn-`/`fnref-` and a footnote's number in ids: empty for a chapter's own
    /// page, the chapter's slug and `-` in a report, whose chapters share one page.
    var notePrefix = ""

    /// Both fragments for the whole document, its footnotes at the end.
    func render(_ document: ResolvedDocument) -> RenderedBody {
        renderWithDiagnostics(document).0
    }

    /// Both fragments, with what is wrong in the callout template's output.
    func renderWithDiagnostics(_ document: ResolvedDocument) -> (RenderedBody, [Diagnostic]) {
        var out = Output()
        out.reserveCapacity(document.blocks.count * 320)
        for block in document.blocks { render(block, into: &out, tight: false) }
        renderFootnotes(document.blocks, into: &out)
        // Strings of their own size (the buffers had room to grow).
        return (RenderedBody(html: out.html, xhtml: out.xhtml), out.diagnostics)
    }

    // MARK: - Output

    /// The two fragments being written, as UTF-8 bytes: appending bytes costs a fraction of
    /// appending strings, and the renderer appends a few thousand pieces per chapter.
    struct Output {
        /// The HTML's bytes.
        private(set) var htmlBytes: [UInt8] = []
        /// The XHTML's bytes.
        private(set) var xhtmlBytes: [UInt8] = []
        /// How many references to each footnote were written so far (ids of later ones get `-2` …).
        var noteReferences: [Int: Int]
        /// What is wrong in templates' output (callouts).
        var diagnostics: [Diagnostic] = []

        /// Empty fragments; footnote references counted from `noteReferences`.
        init(noteReferences: [Int: Int] = [:]) {
            self.noteReferences = noteReferences
        }

        /// The HTML as text (made from the bytes each time: for the few places that edit it).
        var html: String {
            get { String(decoding: htmlBytes, as: UTF8.self) }
            set { htmlBytes = Array(newValue.utf8) }
        }

        /// The XHTML as text.
        var xhtml: String {
            get { String(decoding: xhtmlBytes, as: UTF8.self) }
            set { xhtmlBytes = Array(newValue.utf8) }
        }

        /// Room for `count` bytes in each.
        mutating func reserveCapacity(_ count: Int) {
            htmlBytes.reserveCapacity(count)
            xhtmlBytes.reserveCapacity(count)
        }

        /// Markup that is the same in both.
        mutating func both(_ markup: String) {
            UTF8Bytes.append(markup, to: &htmlBytes)
            UTF8Bytes.append(markup, to: &xhtmlBytes)
        }

        /// Markup for the HTML only.
        mutating func appendHTML(_ markup: String) {
            UTF8Bytes.append(markup, to: &htmlBytes)
        }

        /// Markup for the XHTML only.
        mutating func appendXHTML(_ markup: String) {
            UTF8Bytes.append(markup, to: &xhtmlBytes)
        }

        /// Text, escaped once, appended to both.
        mutating func text(_ text: String, quotes: Bool = false) {
            let start = htmlBytes.count
            XMLEscaping.append(text, to: &htmlBytes, quotes: quotes)
            xhtmlBytes.append(contentsOf: htmlBytes[start...])
        }

        /// A void element's end: `>` in HTML, `/>` in XHTML.
        mutating func voidEnd() {
            htmlBytes.append(UInt8(ascii: ">"))
            xhtmlBytes.append(UInt8(ascii: "/"))
            xhtmlBytes.append(UInt8(ascii: ">"))
        }

        /// An attribute whose value differs between the two (an href).
        mutating func attribute(_ name: String, html htmlValue: String, xhtml xhtmlValue: String) {
            Self.write(name, htmlValue, to: &htmlBytes)
            Self.write(name, xhtmlValue, to: &xhtmlBytes)
        }

        /// ` name="value"`, the value escaped.
        private static func write(_ name: String, _ value: String, to bytes: inout [UInt8]) {
            bytes.append(UInt8(ascii: " "))
            UTF8Bytes.append(name, to: &bytes)
            bytes.append(UInt8(ascii: "="))
            bytes.append(UInt8(ascii: "\""))
            XMLEscaping.append(value, to: &bytes, quotes: true)
            bytes.append(UInt8(ascii: "\""))
        }

        /// Markup that differs between the two, each ending its line (a line break is added to
        /// one that does not).
        mutating func lines(html: String, xhtml: String) {
            UTF8Bytes.append(html, to: &htmlBytes)
            if htmlBytes.last != UInt8(ascii: "\n") { htmlBytes.append(UInt8(ascii: "\n")) }
            UTF8Bytes.append(xhtml, to: &xhtmlBytes)
            if xhtmlBytes.last != UInt8(ascii: "\n") { xhtmlBytes.append(UInt8(ascii: "\n")) }
        }

        /// Whether the HTML written so far ends a line.
        var endsWithNewline: Bool { htmlBytes.last == UInt8(ascii: "\n") }

        /// Takes the last byte off both (a tight list item's line break).
        mutating func removeLastByte() {
            htmlBytes.removeLast()
            xhtmlBytes.removeLast()
        }
    }

    // MARK: - Blocks

    private func render(_ block: ResolvedBlock, into out: inout Output, tight: Bool) {
        switch block {
        case .paragraph(let inlines):
            if tight {
                render(inlines, into: &out)
                out.both("\n")
            } else {
                out.both("<p>")
                render(inlines, into: &out)
                out.both("</p>\n")
            }
        case .heading(let heading):
            out.both(Self.headingOpen[heading.level] ?? "<h6")
            out.both(" id=\"")
            out.text(heading.anchor, quotes: true)
            out.both("\">")
            render(heading.content, into: &out)
            if heading.level == 2 || heading.level == 3 { out.appendHTML(Self.anchorLink(heading)) }
            out.both(Self.headingClose[heading.level] ?? "</h6>\n")
        case .blockQuote(let children):
            out.both("<blockquote>\n")
            for child in children { render(child, into: &out, tight: false) }
            out.both("</blockquote>\n")
        case .list(let list):
            renderList(list, into: &out)
        case .codeBlock(let code):
            out.both("<pre><code")
            if let language = code.language {
                out.both(" class=\"language-")
                out.text(language, quotes: true)
                out.both("\"")
            }
            out.both(">")
            out.text(code.code)
            out.both("</code></pre>\n")
        case .html(let raw):
            out.lines(html: raw.html, xhtml: raw.xhtml)
        case .thematicBreak:
            out.both("<hr")
            out.voidEnd()
            out.both("\n")
        case .table(let table):
            renderTable(table, into: &out)
        case .computed(let block):
            let markup = computedMarkup(block)
            out.lines(html: markup.html, xhtml: markup.xhtml)
        case .conditional:
            // Never met: the evaluate pass (ComputedContentPass) puts the chosen branch of every
            // block condition in its place before the transform resolves the tree.
            break
        case .callout(let callout):
            var content = Output(noteReferences: out.noteReferences)
            for child in callout.blocks { render(child, into: &content, tight: false) }
            out.noteReferences = content.noteReferences
            // The kind is always said in words (its colour alone would not tell every reader).
            let label = callout.title.isEmpty ? callout.kind.label : callout.kind.label + ": " + ResolvedInline.plainText(callout.title)
            let markup = calloutMarkup(callout, label, content)
            out.diagnostics += content.diagnostics + markup.diagnostics
            out.lines(html: markup.html, xhtml: markup.xhtml)
        case .figure(let figure):
            out.both("<figure class=\"figure\" id=\"")
            out.text(figure.label, quotes: true)
            out.both("\">\n")
            render([.image(figure.image)], into: &out)
            out.both("\n<figcaption>")
            out.text(figure.number + ": " + ResolvedInline.plainText(figure.image.alt))
            out.both("</figcaption>\n</figure>\n")
        case .footnote:
            // Written at the end of the chapter, by renderFootnotes.
            break
        }
    }

    /// The chapter's notes: a list under the heading "Notes" at the end of the page; in the
    /// EPUB each note is also an `aside` marked as a footnote, which reading systems show as a pop-up.
    private func renderFootnotes(_ blocks: [ResolvedBlock], into out: inout Output) {
        let notes = blocks.compactMap { block -> FootnoteOf<Resolved>? in
            if case .footnote(let note) = block { note } else { nil }
        }
        guard !notes.isEmpty else { return }
        out.both("<section class=\"footnotes\" role=\"doc-endnotes\">\n<h2 class=\"footnotes-title\">Notes</h2>\n<ol>\n")
        for note in notes {
            let number = String(note.number)
            out.appendHTML("<li id=\"fn-\(notePrefix)\(number)\">")
            out.appendXHTML("<li><aside epub:type=\"footnote\" role=\"doc-footnote\" id=\"fn-\(notePrefix)\(number)\">")
            var content = Output(noteReferences: out.noteReferences)
            for block in note.blocks { render(block, into: &content, tight: false) }
            out.noteReferences = content.noteReferences
            out.diagnostics += content.diagnostics
            let back = "<a href=\"#fnref-\(notePrefix)\(number)\" role=\"doc-backlink\" aria-label=\"Back to reference \(number)\">\u{21A9}</a>"
            // The back link ends the note's last paragraph, or follows its last block.
            for keyPath in [\Output.html, \Output.xhtml] {
                var text = content[keyPath: keyPath]
                if text.hasSuffix("</p>\n") {
                    text.removeLast("</p>\n".count)
                    text += " " + back + "</p>\n"
                } else {
                    text += "<p>" + back + "</p>\n"
                }
                content[keyPath: keyPath] = text
            }
            // In the EPUB the note says its number itself: reading systems that show notes as
            // pop-ups hide the asides from the list, and show the number in the pop-up.
            let mark = "<span class=\"footnote-number\">\(number).</span> "
            if content.xhtml.hasPrefix("<p>") {
                content.xhtml.insert(contentsOf: mark, at: content.xhtml.index(content.xhtml.startIndex, offsetBy: 3))
            } else {
                content.xhtml = "<p>" + mark + "</p>\n" + content.xhtml
            }
            out.appendHTML("\n" + content.html + "</li>\n")
            out.appendXHTML("\n" + content.xhtml + "</aside></li>\n")
        }
        out.both("</ol>\n</section>\n")
    }

    private func renderList(_ list: ListOf<Resolved>, into out: inout Output) {
        switch list.kind {
        case .bullet: out.both("<ul>\n")
        case .ordered(let start): out.both(start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n")
        }
        for item in list.items {
            out.both("<li>")
            let startsTight: Bool
            if list.isTight, let first = item.first, case .paragraph = first { startsTight = true } else { startsTight = false }
            if !startsTight, !item.isEmpty { out.both("\n") }
            for child in item { render(child, into: &out, tight: list.isTight) }
            // A tight item ending in text closes on the same line: <li>text</li>.
            if list.isTight, let last = item.last, case .paragraph = last, out.endsWithNewline {
                out.removeLastByte()
            }
            out.both("</li>\n")
        }
        if case .bullet = list.kind { out.both("</ul>\n") } else { out.both("</ol>\n") }
    }

    private func renderTable(_ table: TableOf<Resolved>, into out: inout Output) {
        if let caption = table.caption {
            out.both("<table")
            if let label = caption.label {
                out.both(" id=\"")
                out.text(label, quotes: true)
                out.both("\"")
            }
            out.both(">\n<caption>")
            out.text(caption.number + ": ")
            render(caption.content, into: &out)
            out.both("</caption>\n<thead>\n<tr>\n")
        } else {
            out.both("<table>\n<thead>\n<tr>\n")
        }
        for (column, cell) in table.header.enumerated() {
            out.both("<th scope=\"col\"")
            out.both(alignment(table, column))
            out.both(">")
            render(cell, into: &out)
            out.both("</th>\n")
        }
        out.both("</tr>\n</thead>\n")
        if !table.rows.isEmpty {
            out.both("<tbody>\n")
            for row in table.rows {
                out.both("<tr>\n")
                for (column, cell) in row.enumerated() {
                    out.both("<td")
                    out.both(alignment(table, column))
                    out.both(">")
                    render(cell, into: &out)
                    out.both("</td>\n")
                }
                out.both("</tr>\n")
            }
            out.both("</tbody>\n")
        }
        out.both("</table>\n")
    }

    private func alignment(_ table: TableOf<Resolved>, _ column: Int) -> String {
        guard column < table.alignments.count else { return "" }
        switch table.alignments[column] {
        case .none: return ""
        case .left: return " style=\"text-align: left\""
        case .center: return " style=\"text-align: center\""
        case .right: return " style=\"text-align: right\""
        }
    }

    /// The site's link to a `##` or `###` heading, inside it after its text: shown on hover and
    /// focus by the stylesheet (its mark is drawn by CSS, so the heading's text stays its own),
    /// named for screen readers. Not in the EPUB, where a reader has no use for it.
    private static func anchorLink(_ heading: ResolvedHeading) -> String {
        "<a class=\"heading-anchor\" href=\"#" + XMLEscaping.attribute(URLPath.encode(heading.anchor))
            + "\" aria-label=\"Link to this section: " + XMLEscaping.attribute(ResolvedInline.plainText(heading.content)) + "\"></a>"
    }

    private static let headingOpen = [1: "<h1", 2: "<h2", 3: "<h3", 4: "<h4", 5: "<h5", 6: "<h6"]
    private static let headingClose = [1: "</h1>\n", 2: "</h2>\n", 3: "</h3>\n", 4: "</h4>\n", 5: "</h5>\n", 6: "</h6>\n"]

    // MARK: - Inlines

    private func render(_ inlines: [ResolvedInline], into out: inout Output) {
        for inline in inlines {
            switch inline {
            case .text(let text):
                out.text(text)
            case .softBreak:
                out.both("\n")
            case .lineBreak:
                out.both("<br")
                out.voidEnd()
                out.both("\n")
            case .code(let code):
                out.both("<code>")
                out.text(code)
                out.both("</code>")
            case .html(let raw):
                out.appendHTML(raw.html)
                out.appendXHTML(raw.xhtml)
            case .emphasis(let children):
                out.both("<em>")
                render(children, into: &out)
                out.both("</em>")
            case .strong(let children):
                out.both("<strong>")
                render(children, into: &out)
                out.both("</strong>")
            case .link(let link):
                out.both("<a")
                out.attribute("href", html: siteHref(link.target), xhtml: epubHref(link.target))
                if !link.title.isEmpty {
                    out.both(" title=\"")
                    out.text(link.title, quotes: true)
                    out.both("\"")
                }
                out.both(">")
                render(link.content, into: &out)
                out.both("</a>")
            case .image(let image):
                out.both("<img src=\"")
                out.text(URLPath.encode(image.asset), quotes: true)
                out.both("\" alt=\"")
                out.text(ResolvedInline.plainText(image.alt), quotes: true)
                out.both("\"")
                if !image.title.isEmpty {
                    out.both(" title=\"")
                    out.text(image.title, quotes: true)
                    out.both("\"")
                }
                out.voidEnd()
            case .footnoteReference(let reference):
                let number = String(reference.number)
                // A second reference to the same note gets an id of its own; the back link
                // leads to the first.
                let repeated = out.noteReferences[reference.number, default: 0]
                out.noteReferences[reference.number] = repeated + 1
                let id = "fnref-\(notePrefix)\(number)" + (repeated > 0 ? "-\(repeated + 1)" : "")
                out.appendHTML("<sup class=\"footnote-ref\"><a id=\"\(id)\" href=\"#fn-\(notePrefix)\(number)\" role=\"doc-noteref\">\(number)</a></sup>")
                out.appendXHTML("<sup class=\"footnote-ref\"><a id=\"\(id)\" href=\"#fn-\(notePrefix)\(number)\" epub:type=\"noteref\" role=\"doc-noteref\">\(number)</a></sup>")
            case .crossReference(let reference):
                // Never met: the transform makes every cross-reference a link.
                out.text("@" + reference.label)
            }
        }
    }
}
