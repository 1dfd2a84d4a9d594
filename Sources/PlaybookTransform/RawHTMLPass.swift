import PlaybookCore
import PlaybookXHTML

/// A conversion from the parsed stage that gives every raw HTML node its XHTML form as it goes,
/// telling the ``RawHTMLRewriter`` where generated elements start and end: each container with
/// raw HTML inside (the body, a quote, a list item, a paragraph, a heading, a table cell, an
/// emphasis, a link) is a scope, and the end tags of what is left open in it go at the end of
/// its last raw HTML node. Content without raw HTML is converted without a scope.
///
/// A conforming converter calls ``convertScoped(_:)`` and ``convertScoped(_:into:)`` from its
/// `convert`, ``scopedContent(_:_:)`` for a heading's and a link's content, and
/// ``rewritten(_:)`` for raw HTML; ``RawHTMLPass`` (to the prepared stage) and the
/// ``LinkResolver``'s converter (to the resolved stage) do.
protocol RawHTMLConverting: DocumentConverter where Input == Parsed, Output.XHTML == String {
    /// The rewriter, which keeps the open elements, the ids and the diagnostics.
    var rewriter: RawHTMLRewriter { get set }
}

extension RawHTMLConverting {
    /// The document converted, with the end tags of what the body leaves open.
    mutating func convertWithScopes(_ document: Document) -> DocumentOf<Output> {
        var blocks = convert(document.blocks)
        Self.appendClosing(rewriter.finish(), to: &blocks)
        return DocumentOf(blocks: blocks)
    }

    /// A block converted, its content in a scope.
    mutating func convertScoped(_ block: Block) -> BlockOf<Output> {
        switch block {
        case .paragraph(let inlines):
            return .paragraph(scopedContent(.inline("a paragraph"), inlines))
        case .blockQuote(let children):
            return .blockQuote(scopedBlocks(children))
        case .list(let list):
            var items: [[BlockOf<Output>]] = []
            items.reserveCapacity(list.items.count)
            for item in list.items { items.append(scopedBlocks(item)) }
            return .list(ListOf(kind: list.kind, isTight: list.isTight, items: items))
        case .table(let table):
            var header: [[InlineOf<Output>]] = []
            for cell in table.header { header.append(scopedContent(.inline("a table cell"), cell)) }
            var rows: [[[InlineOf<Output>]]] = []
            rows.reserveCapacity(table.rows.count)
            for row in table.rows {
                var cells: [[InlineOf<Output>]] = []
                for cell in row { cells.append(scopedContent(.inline("a table cell"), cell)) }
                rows.append(cells)
            }
            return .table(TableOf(alignments: table.alignments, header: header, rows: rows, position: table.position,
                                  caption: table.caption.map { convert($0) }))
        case .callout(let callout):
            return .callout(CalloutOf(kind: callout.kind, title: scopedContent(.inline("a callout's title"), callout.title),
                                      blocks: scopedBlocks(callout.blocks), position: callout.position))
        case .heading, .html, .codeBlock, .thematicBreak, .computed, .conditional, .figure, .footnote:
            return convertChildren(of: block)
        }
    }

    /// An inline converted, the content of an emphasis in a scope.
    mutating func convertScoped(_ inline: Inline, into output: inout [InlineOf<Output>]) {
        switch inline {
        case .emphasis(let children): output.append(.emphasis(scopedContent(.inline("an emphasis"), children)))
        case .strong(let children): output.append(.strong(scopedContent(.inline("a strong emphasis"), children)))
        default: convertChildren(of: inline, into: &output)
        }
    }

    /// The XHTML of a raw HTML node.
    mutating func rewritten(_ raw: RawHTML) -> String {
        rewriter.rewrite(raw)
    }

    /// Inline content converted in a scope of `kind` when it holds raw HTML.
    mutating func scopedContent(_ kind: RawHTMLRewriter.ScopeKind, _ inlines: [Inline]) -> [InlineOf<Output>] {
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

    private mutating func scopedBlocks(_ children: [Block]) -> [BlockOf<Output>] {
        // Nothing can open or close inside blocks without raw HTML.
        guard RawHTMLFinder.contains(children) else { return convert(children) }
        rewriter.beginScope(.block)
        var result = convert(children)
        Self.appendClosing(rewriter.endScope(), to: &result)
        return result
    }

    /// Appends end tags to the last raw HTML block of a list of blocks.
    private static func appendClosing(_ closing: String, to blocks: inout [BlockOf<Output>]) {
        guard !closing.isEmpty,
              let index = blocks.lastIndex(where: { if case .html = $0 { return true } else { return false } }),
              case .html(var raw) = blocks[index] else { return }
        raw.xhtml += closing
        blocks[index] = .html(raw)
    }
}

/// Makes a chapter's ``Document`` a ``Prepared`` one (raw HTML made XHTML, nothing else), and
/// collects the ids and resource URLs written in raw HTML and its diagnostics. The transform
/// runs it on chapters that hold raw HTML, for those; the ``LinkResolver`` rewrites the same
/// raw HTML the same way as it makes the resolved tree.
struct RawHTMLPass: RawHTMLConverting {
    typealias Input = Parsed
    typealias Output = Prepared

    var rewriter: RawHTMLRewriter

    init(file: SourceFile) {
        rewriter = RawHTMLRewriter(file: file)
    }

    /// The prepared document (the XHTML of every raw node), the ids written in raw HTML, the
    /// resource URLs written in raw HTML, and diagnostics.
    static func run(_ document: Document, file: SourceFile)
        -> (DocumentOf<Prepared>, [RawHTMLRewriter.WrittenID], [RawHTMLRewriter.WrittenResource], [Diagnostic]) {
        var pass = RawHTMLPass(file: file)
        let prepared = pass.convertWithScopes(document)
        return (prepared, pass.rewriter.ids, pass.rewriter.resources, pass.rewriter.diagnostics)
    }

    /// Whether the document holds raw HTML anywhere the pass rewrites it (most chapters have none).
    static func applies(to document: Document) -> Bool {
        RawHTMLFinder.contains(document.blocks)
    }

    mutating func convert(_ block: Block) -> BlockOf<Prepared> {
        convertScoped(block)
    }

    mutating func convert(_ inline: Inline, into output: inout [InlineOf<Prepared>]) {
        convertScoped(inline, into: &output)
    }

    mutating func convert(_ heading: Heading) -> HeadingOf<Prepared> {
        HeadingOf(level: heading.level, content: scopedContent(.inline("a heading"), heading.content),
                  explicitAnchor: heading.explicitAnchor, position: heading.position)
    }

    mutating func convert(_ raw: RawHTML) -> RawHTMLOf<Prepared> {
        RawHTMLOf(html: raw.html, xhtml: rewritten(raw), position: raw.position)
    }

    mutating func convert(_ link: Link, into output: inout [InlineOf<Prepared>]) {
        output.append(.link(LinkOf(destination: link.destination, title: link.title,
                                   content: scopedContent(.inline("a link"), link.content), position: link.position)))
    }

    /// An image's alternative text is shown as plain text: it becomes one text node, and raw
    /// HTML in it is left out (as the renderers always did).
    mutating func convert(_ image: Image, into output: inout [InlineOf<Prepared>]) {
        output.append(.image(ImageOf(source: image.source, title: image.title, alt: [.text(Inline.plainText(image.alt))],
                                     position: image.position)))
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
