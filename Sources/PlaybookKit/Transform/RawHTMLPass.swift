import PlaybookCore

/// Makes a chapter's ``Document`` a ``Prepared`` one: walks the tree in document order and
/// gives every raw HTML node its XHTML form, telling the ``RawHTMLRewriter`` where generated
/// elements start and end (each container with raw HTML inside is a scope; content without
/// raw HTML is copied without one).
struct RawHTMLPass: DocumentConverter {
    typealias Input = Parsed
    typealias Output = Prepared

    private var rewriter: RawHTMLRewriter

    init(file: SourceFile) {
        rewriter = RawHTMLRewriter(file: file)
    }

    /// The prepared document (the XHTML of every raw node), the ids written in raw HTML, the
    /// resource URLs written in raw HTML, and diagnostics.
    static func run(_ document: Document, file: SourceFile)
        -> (DocumentOf<Prepared>, [RawHTMLRewriter.WrittenID], [RawHTMLRewriter.WrittenResource], [Diagnostic]) {
        var pass = RawHTMLPass(file: file)
        var blocks = pass.convert(document.blocks)
        Self.appendClosing(pass.rewriter.finish(), to: &blocks)
        return (DocumentOf(blocks: blocks), pass.rewriter.ids, pass.rewriter.resources, pass.rewriter.diagnostics)
    }

    // MARK: - Scopes

    mutating func convert(_ block: Block) -> BlockOf<Prepared> {
        switch block {
        case .paragraph(let inlines):
            return .paragraph(scoped(.inline("a paragraph"), inlines))
        case .blockQuote(let children):
            return .blockQuote(scopedBlocks(children))
        case .list(let list):
            return .list(ListOf(kind: list.kind, isTight: list.isTight, items: list.items.map { scopedBlocks($0) }))
        case .table(let table):
            return .table(TableOf(alignments: table.alignments,
                                  header: table.header.map { scoped(.inline("a table cell"), $0) },
                                  rows: table.rows.map { row in row.map { scoped(.inline("a table cell"), $0) } },
                                  position: table.position))
        case .heading, .html, .codeBlock, .thematicBreak, .computed:
            return convertChildren(of: block)
        }
    }

    mutating func convert(_ inline: Inline, into output: inout [InlineOf<Prepared>]) {
        switch inline {
        case .emphasis(let children): output.append(.emphasis(scoped(.inline("an emphasis"), children)))
        case .strong(let children): output.append(.strong(scoped(.inline("a strong emphasis"), children)))
        default: convertChildren(of: inline, into: &output)
        }
    }

    private mutating func scopedBlocks(_ children: [Block]) -> [BlockOf<Prepared>] {
        // Nothing can open or close inside blocks without raw HTML.
        guard RawHTMLFinder.contains(children) else { return convert(children) }
        rewriter.beginScope(.block)
        var result = convert(children)
        Self.appendClosing(rewriter.endScope(), to: &result)
        return result
    }

    private mutating func scoped(_ kind: RawHTMLRewriter.ScopeKind, _ inlines: [Inline]) -> [InlineOf<Prepared>] {
        // Nothing can open or close inside inline content without raw HTML.
        guard RawHTMLFinder.contains(inlines) else { return convert(inlines) }
        rewriter.beginScope(kind)
        var result = convert(inlines)
        let closing = rewriter.endScope()
        if !closing.isEmpty, let index = result.lastIndex(where: { if case .html = $0 { return true } else { return false } }),
           case .html(var raw) = result[index] {
            raw.xhtml += closing
            result[index] = .html(raw)
        }
        return result
    }

    // MARK: - The nodes whose slots change

    mutating func convert(_ heading: Heading) -> HeadingOf<Prepared> {
        HeadingOf(level: heading.level, content: scoped(.inline("a heading"), heading.content),
                  explicitAnchor: heading.explicitAnchor, position: heading.position)
    }

    mutating func convert(_ raw: RawHTML) -> RawHTMLOf<Prepared> {
        RawHTMLOf(html: raw.html, xhtml: rewriter.rewrite(raw), position: raw.position)
    }

    mutating func convert(_ link: Link, into output: inout [InlineOf<Prepared>]) {
        output.append(.link(LinkOf(destination: link.destination, title: link.title,
                                   content: scoped(.inline("a link"), link.content), position: link.position)))
    }

    /// An image's alternative text is shown as plain text: it becomes one text node, and raw
    /// HTML in it is left out (as the renderers always did).
    mutating func convert(_ image: Image, into output: inout [InlineOf<Prepared>]) {
        output.append(.image(ImageOf(source: image.source, title: image.title, alt: [.text(Inline.plainText(image.alt))],
                                     position: image.position)))
    }

    /// Appends end tags to the last raw HTML block of a list of blocks.
    private static func appendClosing(_ closing: String, to blocks: inout [BlockOf<Prepared>]) {
        guard !closing.isEmpty,
              let index = blocks.lastIndex(where: { if case .html = $0 { return true } else { return false } }),
              case .html(var raw) = blocks[index] else { return }
        raw.xhtml += closing
        blocks[index] = .html(raw)
    }
}

/// Whether raw HTML appears anywhere (most chapters have none). It looks where the pass
/// rewrites HTML: not in an image's alternative text.
private struct RawHTMLFinder: DocumentVisitor {
    typealias Stage = Parsed
    var found = false

    static func contains(_ blocks: [Block]) -> Bool {
        var finder = RawHTMLFinder()
        for block in blocks where !finder.found { finder.visit(block) }
        return finder.found
    }

    static func contains(_ inlines: [Inline]) -> Bool {
        var finder = RawHTMLFinder()
        for inline in inlines where !finder.found { finder.visit(inline) }
        return finder.found
    }

    mutating func visit(_ block: Block) {
        if case .html = block { found = true } else if !found { visitChildren(of: block) }
    }

    mutating func visit(_ inline: Inline) {
        switch inline {
        case .html: found = true
        case .image: break
        default: if !found { visitChildren(of: inline) }
        }
    }
}
