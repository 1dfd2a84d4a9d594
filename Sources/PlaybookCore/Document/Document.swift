/// A parsed Markdown chapter body: CommonMark blocks plus the pipe tables Playbook adds.
///
/// The tree is made of plain Swift values copied out of cmark by `PlaybookMarkdown`; no C
/// object outlives the parse. Later stages (the transform stage) fill in heading anchors,
/// resolved link targets and well-formed XHTML for raw HTML, and renderers only read it.
public struct Document: Sendable, Equatable {
    /// The top-level blocks in reading order.
    public var blocks: [Block]

    /// Creates a document from its blocks.
    public init(blocks: [Block]) {
        self.blocks = blocks
    }
}

extension Document {
    /// Every computed block, in document order, nested ones (in quotes and lists) included.
    public var computedBlocks: [ComputedBlock] {
        var result: [ComputedBlock] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .computed(let computed): result.append(computed)
                case .blockQuote(let children): visit(children)
                case .list(let list): list.items.forEach(visit)
                case .paragraph, .heading, .codeBlock, .html, .thematicBreak, .table: break
                }
            }
        }
        visit(blocks)
        return result
    }
}

extension Document {
    /// Calls `body` for every heading, in document order, however deeply nested.
    public func forEachHeading(_ body: (Heading) -> Void) {
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .heading(let heading): body(heading)
                case .blockQuote(let children): visit(children)
                case .list(let list): list.items.forEach(visit)
                default: break
                }
            }
        }
        visit(blocks)
    }
}
