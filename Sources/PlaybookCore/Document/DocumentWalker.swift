/// A read-only walk over a document tree in document order. Implement `visit(_:)` for the
/// nodes a pass cares about and call `visitChildren(of:)` where it should go on inside them;
/// the default `visit` of a block or an inline only goes inside. Children are: a paragraph's
/// or heading's inlines, a quote's blocks, each list item's blocks, each table cell's inlines
/// (header first) and then a table's caption, each branch's blocks of a block condition, a callout's title then its blocks, a
/// figure's image, a footnote's blocks, the content of emphasis, strong emphasis and links, and an image's alternative text.
public protocol DocumentVisitor {
    /// The stage of the trees it walks.
    associatedtype Stage: DocumentStage
    /// Visits a block (by default, its children).
    mutating func visit(_ block: BlockOf<Stage>)
    /// Visits an inline (by default, its children).
    mutating func visit(_ inline: InlineOf<Stage>)
}

extension DocumentVisitor {
    /// Goes inside the block only.
    @inlinable
    public mutating func visit(_ block: BlockOf<Stage>) {
        visitChildren(of: block)
    }

    /// Goes inside the inline only.
    @inlinable
    public mutating func visit(_ inline: InlineOf<Stage>) {
        visitChildren(of: inline)
    }

    /// Visits every block of a document.
    @inlinable
    public mutating func visit(_ document: DocumentOf<Stage>) {
        visit(document.blocks)
    }

    /// Visits blocks in order.
    @inlinable
    public mutating func visit(_ blocks: [BlockOf<Stage>]) {
        for block in blocks { visit(block) }
    }

    /// Visits inlines in order.
    @inlinable
    public mutating func visit(_ inlines: [InlineOf<Stage>]) {
        for inline in inlines { visit(inline) }
    }

    /// Visits the children of a block.
    @inlinable
    public mutating func visitChildren(of block: BlockOf<Stage>) {
        switch block {
        case .paragraph(let inlines): visit(inlines)
        case .heading(let heading): visit(heading.content)
        case .blockQuote(let children): visit(children)
        case .list(let list): for item in list.items { visit(item) }
        case .table(let table):
            for cell in table.header { visit(cell) }
            for row in table.rows { for cell in row { visit(cell) } }
            if let caption = table.caption { visit(caption.content) }
        case .conditional(let conditional): for branch in conditional.branches { visit(branch.blocks) }
        case .callout(let callout):
            visit(callout.title)
            visit(callout.blocks)
        case .figure(let figure): visit(.image(figure.image))
        case .footnote(let footnote): visit(footnote.blocks)
        case .codeBlock, .html, .thematicBreak, .computed: break
        }
    }

    /// Visits the children of an inline.
    @inlinable
    public mutating func visitChildren(of inline: InlineOf<Stage>) {
        switch inline {
        case .emphasis(let children), .strong(let children): visit(children)
        case .link(let link): visit(link.content)
        case .image(let image): visit(image.alt)
        case .text, .softBreak, .lineBreak, .code, .html, .footnoteReference, .crossReference: break
        }
    }
}

/// A pass that changes some nodes of a document tree and keeps its stage. Implement
/// `rewrite(_:)` for the nodes it changes and call `rewriteChildren(of:)` where it should go on
/// inside them; the default `rewrite` of a block or an inline rewrites its children only
/// (the same children as ``DocumentVisitor``), and `rewrite(_ inlines:)` rewrites each inline.
public protocol DocumentRewriter {
    /// The stage of the trees it rewrites.
    associatedtype Stage: DocumentStage
    /// The block rewritten (by default, with its children rewritten).
    mutating func rewrite(_ block: BlockOf<Stage>) -> BlockOf<Stage>
    /// The inline rewritten (by default, with its children rewritten).
    mutating func rewrite(_ inline: InlineOf<Stage>) -> InlineOf<Stage>
    /// A run of inlines rewritten (by default, each one); a pass that works on runs (joining
    /// text, skipping runs that hold nothing for it) implements this.
    mutating func rewrite(_ inlines: [InlineOf<Stage>]) -> [InlineOf<Stage>]
}

extension DocumentRewriter {
    /// Rewrites the block's children.
    @inlinable
    public mutating func rewrite(_ block: BlockOf<Stage>) -> BlockOf<Stage> {
        rewriteChildren(of: block)
    }

    /// Rewrites the inline's children.
    @inlinable
    public mutating func rewrite(_ inline: InlineOf<Stage>) -> InlineOf<Stage> {
        rewriteChildren(of: inline)
    }

    /// Rewrites each inline.
    @inlinable
    public mutating func rewrite(_ inlines: [InlineOf<Stage>]) -> [InlineOf<Stage>] {
        var result: [InlineOf<Stage>] = []
        result.reserveCapacity(inlines.count)
        for inline in inlines { result.append(rewrite(inline)) }
        return result
    }

    /// Rewrites each block.
    @inlinable
    public mutating func rewrite(_ blocks: [BlockOf<Stage>]) -> [BlockOf<Stage>] {
        var result: [BlockOf<Stage>] = []
        result.reserveCapacity(blocks.count)
        for block in blocks { result.append(rewrite(block)) }
        return result
    }

    /// Rewrites every block of a document.
    @inlinable
    public mutating func rewrite(_ document: DocumentOf<Stage>) -> DocumentOf<Stage> {
        DocumentOf(blocks: rewrite(document.blocks))
    }

    /// The block with its children rewritten; code, HTML, breaks and computed blocks as they are.
    @inlinable
    public mutating func rewriteChildren(of block: BlockOf<Stage>) -> BlockOf<Stage> {
        switch block {
        case .paragraph(let inlines):
            return .paragraph(rewrite(inlines))
        case .heading(var heading):
            heading.content = rewrite(heading.content)
            return .heading(heading)
        case .blockQuote(let children):
            return .blockQuote(rewrite(children))
        case .list(var list):
            for index in list.items.indices { list.items[index] = rewrite(list.items[index]) }
            return .list(list)
        case .table(var table):
            for index in table.header.indices { table.header[index] = rewrite(table.header[index]) }
            for row in table.rows.indices {
                for cell in table.rows[row].indices { table.rows[row][cell] = rewrite(table.rows[row][cell]) }
            }
            if var caption = table.caption {
                caption.content = rewrite(caption.content)
                table.caption = caption
            }
            return .table(table)
        case .conditional(var conditional):
            for index in conditional.branches.indices {
                conditional.branches[index].blocks = rewrite(conditional.branches[index].blocks)
            }
            return .conditional(conditional)
        case .callout(var callout):
            callout.title = rewrite(callout.title)
            callout.blocks = rewrite(callout.blocks)
            return .callout(callout)
        case .figure(var figure):
            figure.image.alt = rewrite(figure.image.alt)
            return .figure(figure)
        case .footnote(var footnote):
            footnote.blocks = rewrite(footnote.blocks)
            return .footnote(footnote)
        case .codeBlock, .html, .thematicBreak, .computed:
            return block
        }
    }

    /// The inline with its children rewritten; text, breaks, code and HTML as they are.
    @inlinable
    public mutating func rewriteChildren(of inline: InlineOf<Stage>) -> InlineOf<Stage> {
        switch inline {
        case .emphasis(let children): return .emphasis(rewrite(children))
        case .strong(let children): return .strong(rewrite(children))
        case .link(var link):
            link.content = rewrite(link.content)
            return .link(link)
        case .image(var image):
            image.alt = rewrite(image.alt)
            return .image(image)
        case .text, .softBreak, .lineBreak, .code, .html, .footnoteReference, .crossReference:
            return inline
        }
    }
}

/// A pass that takes a tree from one stage to a later one (``Resolved`` or ``Prepared`` from
/// ``Parsed``): it must say how the nodes whose slots change are made —
/// headings, raw HTML, links and images, and (to a stage that numbers them) footnotes, their
/// references, captions, figures and cross-references — and the rest is copied, its children converted.
/// A link or an image is converted *into* a run of inlines, so that a pass can leave its
/// content in its place (a link it cannot resolve) or nothing (an image it cannot show).
/// Override `convert(_:)` of a block, of an inline or of a run for what happens around
/// children (the raw HTML pass opens and closes scopes there), and call `convertChildren`.
public protocol DocumentConverter {
    /// The stage of the trees it reads.
    associatedtype Input: DocumentStage
    /// The stage of the trees it makes.
    associatedtype Output: DocumentStage
    /// The heading of the output stage.
    mutating func convert(_ heading: HeadingOf<Input>) -> HeadingOf<Output>
    /// The raw HTML of the output stage.
    mutating func convert(_ raw: RawHTMLOf<Input>) -> RawHTMLOf<Output>
    /// Appends what the link becomes to `output`.
    mutating func convert(_ link: LinkOf<Input>, into output: inout [InlineOf<Output>])
    /// Appends what the image becomes to `output`.
    mutating func convert(_ image: ImageOf<Input>, into output: inout [InlineOf<Output>])
    /// Appends what a footnote reference becomes to `output`.
    mutating func convert(_ reference: FootnoteReferenceOf<Input>, into output: inout [InlineOf<Output>])
    /// Appends what a cross-reference becomes to `output`.
    mutating func convert(_ reference: CrossReference, into output: inout [InlineOf<Output>])
    /// The footnote of the output stage.
    mutating func convert(_ footnote: FootnoteOf<Input>) -> FootnoteOf<Output>
    /// The table caption of the output stage.
    mutating func convert(_ caption: CaptionOf<Input>) -> CaptionOf<Output>
    /// What a figure becomes (a paragraph of what its image became, when that is not an image).
    mutating func convert(_ figure: FigureOf<Input>) -> BlockOf<Output>
    /// The block converted (by default, `convertChildren(of:)`).
    mutating func convert(_ block: BlockOf<Input>) -> BlockOf<Output>
    /// Appends what the inline becomes (by default, `convertChildren(of:into:)`).
    mutating func convert(_ inline: InlineOf<Input>, into output: inout [InlineOf<Output>])
    /// A run of inlines converted (by default, each in turn).
    mutating func convert(_ inlines: [InlineOf<Input>]) -> [InlineOf<Output>]
    /// Blocks converted (by default, each in turn).
    mutating func convert(_ blocks: [BlockOf<Input>]) -> [BlockOf<Output>]
}

extension DocumentConverter where Output.NoteNumber == Pending {
    /// Keeps the reference, unnumbered.
    @inlinable
    public mutating func convert(_ reference: FootnoteReferenceOf<Input>, into output: inout [InlineOf<Output>]) {
        output.append(.footnoteReference(FootnoteReferenceOf(label: reference.label, position: reference.position)))
    }

    /// Keeps the footnote, unnumbered, its blocks converted.
    @inlinable
    public mutating func convert(_ footnote: FootnoteOf<Input>) -> FootnoteOf<Output> {
        FootnoteOf(label: footnote.label, blocks: convert(footnote.blocks), position: footnote.position)
    }
}

extension DocumentConverter where Output.ItemNumber == Pending {
    /// Keeps the cross-reference as written.
    @inlinable
    public mutating func convert(_ reference: CrossReference, into output: inout [InlineOf<Output>]) {
        output.append(.crossReference(reference))
    }

    /// Keeps the caption, unnumbered, its content converted.
    @inlinable
    public mutating func convert(_ caption: CaptionOf<Input>) -> CaptionOf<Output> {
        CaptionOf(content: convert(caption.content), label: caption.label, position: caption.position)
    }

    /// Keeps the figure, unnumbered, when its image stays an image.
    @inlinable
    public mutating func convert(_ figure: FigureOf<Input>) -> BlockOf<Output> {
        var image: [InlineOf<Output>] = []
        convert(figure.image, into: &image)
        guard image.count == 1, case .image(let converted) = image[0] else { return .paragraph(image) }
        return .figure(FigureOf(image: converted, label: figure.label))
    }
}

extension DocumentConverter {
    /// Converts the block's children.
    @inlinable
    public mutating func convert(_ block: BlockOf<Input>) -> BlockOf<Output> {
        convertChildren(of: block)
    }

    /// Converts the inline's children.
    @inlinable
    public mutating func convert(_ inline: InlineOf<Input>, into output: inout [InlineOf<Output>]) {
        convertChildren(of: inline, into: &output)
    }

    /// Converts each inline.
    @inlinable
    public mutating func convert(_ inlines: [InlineOf<Input>]) -> [InlineOf<Output>] {
        var result: [InlineOf<Output>] = []
        result.reserveCapacity(inlines.count)
        for inline in inlines { convert(inline, into: &result) }
        return result
    }

    /// Converts each block.
    @inlinable
    public mutating func convert(_ blocks: [BlockOf<Input>]) -> [BlockOf<Output>] {
        var result: [BlockOf<Output>] = []
        result.reserveCapacity(blocks.count)
        for block in blocks { result.append(convert(block)) }
        return result
    }

    /// Converts a whole document.
    @inlinable
    public mutating func convert(_ document: DocumentOf<Input>) -> DocumentOf<Output> {
        DocumentOf(blocks: convert(document.blocks))
    }

    /// The block of the output stage: a heading or raw HTML through its own `convert`, the
    /// children of the others converted; code, breaks and computed blocks as they are.
    @inlinable
    public mutating func convertChildren(of block: BlockOf<Input>) -> BlockOf<Output> {
        switch block {
        case .paragraph(let inlines): return .paragraph(convert(inlines))
        case .heading(let heading): return .heading(convert(heading))
        case .blockQuote(let children): return .blockQuote(convert(children))
        case .list(let list):
            var items: [[BlockOf<Output>]] = []
            items.reserveCapacity(list.items.count)
            for item in list.items { items.append(convert(item)) }
            return .list(ListOf(kind: list.kind, isTight: list.isTight, items: items))
        case .table(let table):
            var header: [[InlineOf<Output>]] = []
            header.reserveCapacity(table.header.count)
            for cell in table.header { header.append(convert(cell)) }
            var rows: [[[InlineOf<Output>]]] = []
            rows.reserveCapacity(table.rows.count)
            for row in table.rows {
                var cells: [[InlineOf<Output>]] = []
                cells.reserveCapacity(row.count)
                for cell in row { cells.append(convert(cell)) }
                rows.append(cells)
            }
            return .table(TableOf(alignments: table.alignments, header: header, rows: rows, position: table.position,
                                  caption: table.caption.map { convert($0) }))
        case .html(let raw): return .html(convert(raw))
        case .codeBlock(let code): return .codeBlock(code)
        case .thematicBreak: return .thematicBreak
        case .computed(let computed): return .computed(computed)
        case .conditional(let conditional):
            var branches: [ConditionalBranchOf<Output>] = []
            branches.reserveCapacity(conditional.branches.count)
            for branch in conditional.branches {
                branches.append(ConditionalBranchOf(condition: branch.condition, blocks: convert(branch.blocks),
                                                    firstLine: branch.firstLine, lastLine: branch.lastLine))
            }
            return .conditional(ConditionalOf(branches: branches, position: conditional.position))
        case .callout(let callout):
            return .callout(CalloutOf(kind: callout.kind, title: convert(callout.title), blocks: convert(callout.blocks),
                                      position: callout.position))
        case .figure(let figure): return convert(figure)
        case .footnote(let footnote): return .footnote(convert(footnote))
        }
    }

    /// Appends the inline of the output stage: raw HTML, a link or an image through its own
    /// `convert`, emphasis with its children converted, text, breaks and code as they are.
    @inlinable
    public mutating func convertChildren(of inline: InlineOf<Input>, into output: inout [InlineOf<Output>]) {
        switch inline {
        case .text(let text): output.append(.text(text))
        case .softBreak: output.append(.softBreak)
        case .lineBreak: output.append(.lineBreak)
        case .code(let code): output.append(.code(code))
        case .html(let raw): output.append(.html(convert(raw)))
        case .emphasis(let children): output.append(.emphasis(convert(children)))
        case .strong(let children): output.append(.strong(convert(children)))
        case .link(let link): convert(link, into: &output)
        case .image(let image): convert(image, into: &output)
        case .footnoteReference(let reference): convert(reference, into: &output)
        case .crossReference(let reference): convert(reference, into: &output)
        }
    }
}
