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
