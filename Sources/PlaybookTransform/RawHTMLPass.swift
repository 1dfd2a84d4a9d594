import PlaybookCore
import PlaybookXHTML

/// Walks a chapter's tree in document order and gives every raw HTML node its XHTML form,
/// telling the ``RawHTMLRewriter`` where generated elements start and end.
struct RawHTMLPass {
    private var rewriter: RawHTMLRewriter

    init(file: SourceFile) {
        rewriter = RawHTMLRewriter(file: file)
    }

    /// The document with `xhtml` filled in on every raw node, the ids written in raw HTML, the
    /// resource URLs written in raw HTML, and diagnostics.
    static func run(_ document: Document, file: SourceFile)
        -> (Document, [RawHTMLRewriter.WrittenID], [RawHTMLRewriter.WrittenResource], [Diagnostic]) {
        guard document.containsRawHTML else { return (document, [], [], []) }
        var pass = RawHTMLPass(file: file)
        var blocks = pass.blocks(document.blocks)
        Self.appendClosing(pass.rewriter.finish(), to: &blocks)
        return (Document(blocks: blocks), pass.rewriter.ids, pass.rewriter.resources, pass.rewriter.diagnostics)
    }

    // MARK: - Walking

    private mutating func blocks(_ blocks: [Block]) -> [Block] {
        var result: [Block] = []
        result.reserveCapacity(blocks.count)
        for child in blocks { result.append(block(child)) }
        return result
    }

    private mutating func block(_ block: Block) -> Block {
        switch block {
        case .paragraph(let inlines):
            return .paragraph(scoped(.inline("a paragraph"), inlines))
        case .heading(var heading):
            heading.content = scoped(.inline("a heading"), heading.content)
            return .heading(heading)
        case .blockQuote(let children):
            return .blockQuote(scopedBlocks(children))
        case .list(var list):
            list.items = list.items.map { scopedBlocks($0) }
            return .list(list)
        case .html(var raw):
            raw.xhtml = rewriter.rewrite(raw)
            return .html(raw)
        case .table(var table):
            table.header = table.header.map { scoped(.inline("a table cell"), $0) }
            table.rows = table.rows.map { row in row.map { scoped(.inline("a table cell"), $0) } }
            return .table(table)
        case .codeBlock, .thematicBreak, .computed:
            return block
        }
    }

    private mutating func scopedBlocks(_ children: [Block]) -> [Block] {
        // Nothing can open or close inside blocks without raw HTML.
        guard Document(blocks: children).containsRawHTML else { return children }
        rewriter.beginScope(.block)
        var result = blocks(children)
        Self.appendClosing(rewriter.endScope(), to: &result)
        return result
    }

    private mutating func scoped(_ kind: RawHTMLRewriter.ScopeKind, _ inlines: [Inline]) -> [Inline] {
        // Nothing can open or close inside inline content without raw HTML.
        guard Document.containsRawHTML(inlines) else { return inlines }
        rewriter.beginScope(kind)
        var result: [Inline] = []
        result.reserveCapacity(inlines.count)
        for child in inlines { result.append(inline(child)) }
        let closing = rewriter.endScope()
        if !closing.isEmpty, let index = result.lastIndex(where: { if case .html = $0 { return true } else { return false } }),
           case .html(var raw) = result[index] {
            raw.xhtml = (raw.xhtml ?? "") + closing
            result[index] = .html(raw)
        }
        return result
    }

    private mutating func inline(_ inline: Inline) -> Inline {
        switch inline {
        case .html(var raw):
            raw.xhtml = rewriter.rewrite(raw)
            return .html(raw)
        case .emphasis(let children): return .emphasis(scoped(.inline("an emphasis"), children))
        case .strong(let children): return .strong(scoped(.inline("a strong emphasis"), children))
        case .link(var link):
            link.content = scoped(.inline("a link"), link.content)
            return .link(link)
        case .text, .softBreak, .lineBreak, .code, .image:
            return inline
        }
    }

    /// Appends end tags to the last raw HTML block of a list of blocks.
    private static func appendClosing(_ closing: String, to blocks: inout [Block]) {
        guard !closing.isEmpty,
              let index = blocks.lastIndex(where: { if case .html = $0 { return true } else { return false } }),
              case .html(var raw) = blocks[index] else { return }
        raw.xhtml = (raw.xhtml ?? "") + closing
        blocks[index] = .html(raw)
    }
}

extension Document {
    /// Whether any raw HTML appears anywhere (most chapters have none, and skip the pass).
    var containsRawHTML: Bool {
        func inBlocks(_ blocks: [Block]) -> Bool {
            blocks.contains { block in
                switch block {
                case .html: return true
                case .paragraph(let inlines): return inInlines(inlines)
                case .heading(let heading): return inInlines(heading.content)
                case .blockQuote(let children): return inBlocks(children)
                case .list(let list): return list.items.contains(where: inBlocks)
                case .table(let table): return table.header.contains(where: inInlines) || table.rows.contains { $0.contains(where: inInlines) }
                case .codeBlock, .thematicBreak, .computed: return false
                }
            }
        }
        func inInlines(_ inlines: [Inline]) -> Bool { Document.containsRawHTML(inlines) }
        return inBlocks(blocks)
    }

    /// Whether raw HTML appears anywhere in inline content.
    static func containsRawHTML(_ inlines: [Inline]) -> Bool {
        inlines.contains { inline in
            switch inline {
            case .html: return true
            case .emphasis(let children), .strong(let children): return containsRawHTML(children)
            case .link(let link): return containsRawHTML(link.content)
            default: return false
            }
        }
    }
}
