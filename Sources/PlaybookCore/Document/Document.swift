/// A Markdown chapter body: CommonMark blocks plus what Playbook adds (pipe tables and their
/// captions, figures, callouts, footnotes, cross-references, computed blocks and block
/// conditions), at a stage of the transform (``DocumentStage``).
///
/// The tree is made of plain Swift values copied out of cmark by `PlaybookMarkdown`, which
/// makes a ``Document`` (``Parsed``); no C object outlives the parse. The transform stage makes
/// a ``ResolvedDocument`` of it (heading anchors, link targets, image files and XHTML for raw
/// HTML, none of them optional), and renderers only read that.
public struct DocumentOf<Stage: DocumentStage>: Sendable, Equatable {
    /// The top-level blocks in reading order.
    public var blocks: [BlockOf<Stage>]

    /// Creates a document from its blocks.
    @inlinable
    public init(blocks: [BlockOf<Stage>]) {
        self.blocks = blocks
    }
}

extension DocumentOf {
    /// Every computed block, in document order, nested ones (in quotes and lists) included.
    @inlinable
    public var computedBlocks: [ComputedBlock] {
        var finder = ComputedBlockFinder<Stage>()
        finder.visit(self)
        return finder.found
    }

    /// Calls `body` for every heading, in document order, however deeply nested.
    @inlinable
    public func forEachHeading(_ body: (HeadingOf<Stage>) -> Void) {
        var finder = HeadingFinder<Stage>()
        finder.visit(self)
        finder.found.forEach(body)
    }
}

/// Collects computed blocks (which hold no inline content).
@usableFromInline
struct ComputedBlockFinder<Stage: DocumentStage>: DocumentVisitor {
    @usableFromInline var found: [ComputedBlock] = []

    @inlinable init() {}

    @inlinable
    mutating func visit(_ block: BlockOf<Stage>) {
        switch block {
        case .computed(let computed): found.append(computed)
        case .blockQuote, .list, .conditional, .callout, .footnote: visitChildren(of: block)
        case .paragraph, .heading, .codeBlock, .html, .thematicBreak, .table, .figure: break
        }
    }
}

/// Collects headings (which are never inside inline content).
@usableFromInline
struct HeadingFinder<Stage: DocumentStage>: DocumentVisitor {
    @usableFromInline var found: [HeadingOf<Stage>] = []

    @inlinable init() {}

    @inlinable
    mutating func visit(_ block: BlockOf<Stage>) {
        switch block {
        case .heading(let heading): found.append(heading)
        case .blockQuote, .list, .conditional, .callout: visitChildren(of: block)
        case .paragraph, .codeBlock, .html, .thematicBreak, .table, .computed, .figure, .footnote: break
        }
    }
}
