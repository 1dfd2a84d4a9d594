import PlaybookCore

/// Renders a chapter's ``Document`` as an HTML or XHTML fragment (the page body without
/// layout). Links are turned into hrefs by a function that knows which page is being written.
struct DocumentRenderer {
    let flavor: MarkupFlavor
    /// The href for a resolved link target, relative to the page being written.
    let href: (LinkTarget) -> String

    /// The fragment for the whole document.
    func render(_ document: Document) -> String {
        var out = ""
        out.reserveCapacity(document.blocks.count * 256)
        for block in document.blocks { render(block, into: &out, tight: false) }
        return out
    }

    /// The fragment for inline content (a heading's text in a table of contents).
    func render(_ inlines: [Inline]) -> String {
        var out = ""
        render(inlines, into: &out)
        return out
    }

    // MARK: - Blocks

    private func render(_ block: Block, into out: inout String, tight: Bool) {
        switch block {
        case .paragraph(let inlines):
            if tight {
                render(inlines, into: &out)
                out += "\n"
            } else {
                out += "<p>"
                render(inlines, into: &out)
                out += "</p>\n"
            }
        case .heading(let heading):
            out += "<h\(heading.level)"
            if let anchor = heading.anchor {
                out += " id=\""
                XMLEscaping.append(anchor, to: &out, quotes: true)
                out += "\""
            }
            out += ">"
            render(heading.content, into: &out)
            out += "</h\(heading.level)>\n"
        case .blockQuote(let children):
            out += "<blockquote>\n"
            for child in children { render(child, into: &out, tight: false) }
            out += "</blockquote>\n"
        case .list(let list):
            switch list.kind {
            case .bullet: out += "<ul>\n"
            case .ordered(let start): out += start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
            }
            for item in list.items {
                out += "<li>"
                if let first = item.first, case .paragraph = first, list.isTight {
                    // Tight items put their text right after <li>.
                } else if !item.isEmpty {
                    out += "\n"
                }
                for child in item { render(child, into: &out, tight: list.isTight) }
                if out.hasSuffix("\n"), list.isTight, let last = item.last, case .paragraph = last { out.removeLast() }
                out += "</li>\n"
            }
            if case .bullet = list.kind { out += "</ul>\n" } else { out += "</ol>\n" }
        case .codeBlock(let code):
            out += "<pre><code"
            if let language = code.language {
                out += " class=\"language-"
                XMLEscaping.append(language, to: &out, quotes: true)
                out += "\""
            }
            out += ">"
            XMLEscaping.append(code.code, to: &out)
            out += "</code></pre>\n"
        case .html(let raw):
            out += flavor == .html ? raw.html : (raw.xhtml ?? XMLEscaping.text(raw.html))
            if !out.hasSuffix("\n") { out += "\n" }
        case .thematicBreak:
            out += "<hr\(flavor.voidEnd)\n"
        case .table(let table):
            renderTable(table, into: &out)
        }
    }

    private func renderTable(_ table: Table, into out: inout String) {
        out += "<table>\n<thead>\n<tr>\n"
        for (column, cell) in table.header.enumerated() {
            out += "<th scope=\"col\"\(alignment(table, column))>"
            render(cell, into: &out)
            out += "</th>\n"
        }
        out += "</tr>\n</thead>\n"
        if !table.rows.isEmpty {
            out += "<tbody>\n"
            for row in table.rows {
                out += "<tr>\n"
                for (column, cell) in row.enumerated() {
                    out += "<td\(alignment(table, column))>"
                    render(cell, into: &out)
                    out += "</td>\n"
                }
                out += "</tr>\n"
            }
            out += "</tbody>\n"
        }
        out += "</table>\n"
    }

    private func alignment(_ table: Table, _ column: Int) -> String {
        guard column < table.alignments.count else { return "" }
        switch table.alignments[column] {
        case .none: return ""
        case .left: return " style=\"text-align: left\""
        case .center: return " style=\"text-align: center\""
        case .right: return " style=\"text-align: right\""
        }
    }

    // MARK: - Inlines

    private func render(_ inlines: [Inline], into out: inout String) {
        for inline in inlines {
            switch inline {
            case .text(let text):
                XMLEscaping.append(text, to: &out)
            case .softBreak:
                out += "\n"
            case .lineBreak:
                out += "<br\(flavor.voidEnd)\n"
            case .code(let code):
                out += "<code>"
                XMLEscaping.append(code, to: &out)
                out += "</code>"
            case .html(let raw):
                out += flavor == .html ? raw.html : (raw.xhtml ?? XMLEscaping.text(raw.html))
            case .emphasis(let children):
                out += "<em>"
                render(children, into: &out)
                out += "</em>"
            case .strong(let children):
                out += "<strong>"
                render(children, into: &out)
                out += "</strong>"
            case .link(let link):
                out += "<a href=\""
                let target = link.target.map(href) ?? URLPath.escapeHref(link.destination)
                XMLEscaping.append(target, to: &out, quotes: true)
                out += "\""
                if !link.title.isEmpty {
                    out += " title=\""
                    XMLEscaping.append(link.title, to: &out, quotes: true)
                    out += "\""
                }
                out += ">"
                render(link.content, into: &out)
                out += "</a>"
            case .image(let image):
                out += "<img src=\""
                XMLEscaping.append(image.asset.map(URLPath.encode) ?? URLPath.escapeHref(image.source), to: &out, quotes: true)
                out += "\" alt=\""
                XMLEscaping.append(Inline.plainText(image.alt), to: &out, quotes: true)
                out += "\""
                if !image.title.isEmpty {
                    out += " title=\""
                    XMLEscaping.append(image.title, to: &out, quotes: true)
                    out += "\""
                }
                out += flavor.voidEnd
            }
        }
    }
}
