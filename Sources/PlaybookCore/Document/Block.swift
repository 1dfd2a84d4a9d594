/// A block-level element of a Markdown document.
public enum Block: Sendable, Equatable {
    /// A paragraph of inline content.
    case paragraph([Inline])
    /// A heading (`#` … `######`, or setext), with its anchor once the transform stage assigns it.
    case heading(Heading)
    /// A block quote holding blocks.
    case blockQuote([Block])
    /// A bullet or ordered list.
    case list(ListBlock)
    /// A fenced or indented code block.
    case codeBlock(CodeBlock)
    /// An HTML block written by the author, kept as written.
    case html(RawHTML)
    /// A thematic break (`***`, `---`).
    case thematicBreak
    /// A GFM pipe table.
    case table(Table)
    /// A block computed from a scenario (a metric table, a worked example, a chart …), made
    /// by the transform stage from a ```` ```playbook ```` fence and written through a template.
    case computed(ComputedBlock)
}

/// What a computed block shows, as the evaluate stage made it: typed data (tables of figures,
/// charts). The one conforming type, `BlockContent`, lives in PlaybookEvaluate; the render stage
/// (PlaybookRender, `Computed/`) makes its figures text and markup through the block's template.
public protocol ComputedContent: Sendable {
    /// Whether `other` is the same content.
    func isEqual(to other: any ComputedContent) -> Bool
}

extension ComputedContent where Self: Equatable {
    /// Equal when `other` is of the same type and equal.
    public func isEqual(to other: any ComputedContent) -> Bool {
        (other as? Self) == self
    }
}

/// A computed block: what kind of block it is and what it shows.
public struct ComputedBlock: Sendable, Equatable {
    /// The kind, such as `metrics`.
    public var kind: String
    /// What it shows.
    public var content: any ComputedContent
    /// Where the fence starts.
    public var position: SourcePosition

    /// The template that writes it: `blocks/<kind>`.
    public var template: String { "blocks/\(kind)" }

    /// Creates a computed block.
    public init(kind: String, content: any ComputedContent, position: SourcePosition) {
        self.kind = kind
        self.content = content
        self.position = position
    }

    /// Equal when of the same kind, at the same position, with the same content.
    public static func == (lhs: ComputedBlock, rhs: ComputedBlock) -> Bool {
        lhs.kind == rhs.kind && lhs.position == rhs.position && lhs.content.isEqual(to: rhs.content)
    }
}

/// A heading and the anchor that links point at.
public struct Heading: Sendable, Equatable {
    /// 1 to 6.
    public var level: Int
    /// The heading's text and markup, without any `{#id}` attribute.
    public var content: [Inline]
    /// The id written by the author as `{#id}` at the end of the heading, if any.
    public var explicitAnchor: String?
    /// The id used in the output; set by the transform stage.
    public var anchor: String?
    /// Where the heading starts.
    public var position: SourcePosition

    /// Creates a heading.
    public init(level: Int, content: [Inline], explicitAnchor: String? = nil, anchor: String? = nil,
                position: SourcePosition) {
        self.level = level
        self.content = content
        self.explicitAnchor = explicitAnchor
        self.anchor = anchor
        self.position = position
    }
}

/// A bullet or ordered list.
public struct ListBlock: Sendable, Equatable {
    /// Bullet or ordered (with its first number).
    public enum Kind: Sendable, Equatable {
        /// `-`, `*` or `+` items.
        case bullet
        /// `1.` or `1)` items, starting at `start`.
        case ordered(start: Int)
    }

    /// Bullet or ordered.
    public var kind: Kind
    /// Whether items are tight (paragraphs rendered without `<p>`).
    public var isTight: Bool
    /// The items, each a list of blocks.
    public var items: [[Block]]

    /// Creates a list.
    public init(kind: Kind, isTight: Bool, items: [[Block]]) {
        self.kind = kind
        self.isTight = isTight
        self.items = items
    }
}

/// A code block with its info string (the language after the opening fence).
public struct CodeBlock: Sendable, Equatable {
    /// The info string, such as `swift` or `yaml title="x"`; empty for indented code.
    public var info: String
    /// The code, ending with a newline.
    public var code: String
    /// Where the block starts.
    public var position: SourcePosition

    /// Creates a code block.
    public init(info: String, code: String, position: SourcePosition) {
        self.info = info
        self.code = code
        self.position = position
    }

    /// The first word of the info string (the language), if any.
    public var language: String? {
        let word = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init)
        return word?.isEmpty == false ? word : nil
    }
}

/// HTML written by the author, as a block or inline.
public struct RawHTML: Sendable, Equatable {
    /// The HTML exactly as written.
    public var html: String
    /// The same HTML made well-formed XML for XHTML output; set by the transform stage.
    public var xhtml: String?
    /// Where it starts.
    public var position: SourcePosition

    /// Creates a raw HTML node.
    public init(html: String, xhtml: String? = nil, position: SourcePosition) {
        self.html = html
        self.xhtml = xhtml
        self.position = position
    }
}

/// A GFM pipe table.
public struct Table: Sendable, Equatable {
    /// How a column's cells are aligned, from the delimiter row (`:--`, `:-:`, `--:`).
    public enum Alignment: String, Sendable, Equatable {
        /// No colon: the reader's default.
        case none
        /// `:--`
        case left
        /// `:-:`
        case center
        /// `--:`
        case right
    }

    /// One alignment per column.
    public var alignments: [Alignment]
    /// The header row's cells.
    public var header: [[Inline]]
    /// The body rows; every row has exactly `alignments.count` cells.
    public var rows: [[[Inline]]]
    /// Where the header row starts.
    public var position: SourcePosition

    /// Creates a table.
    public init(alignments: [Alignment], header: [[Inline]], rows: [[[Inline]]], position: SourcePosition) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
        self.position = position
    }
}

extension Block {
    /// The block with `inlines` applied to the inline content it holds itself (a paragraph, a
    /// heading, each table cell) and `blocks` to each block it contains (in a quote or a list
    /// item). Code, HTML, breaks and computed blocks come back as they are. Passes over the
    /// document tree call it for the recursion they share.
    public func mappingContents(inlines: ([Inline]) throws -> [Inline], blocks: (Block) throws -> Block) rethrows -> Block {
        switch self {
        case .paragraph(let content):
            return .paragraph(try inlines(content))
        case .heading(var heading):
            heading.content = try inlines(heading.content)
            return .heading(heading)
        case .blockQuote(let children):
            return .blockQuote(try children.map(blocks))
        case .list(var list):
            list.items = try list.items.map { try $0.map(blocks) }
            return .list(list)
        case .table(var table):
            table.header = try table.header.map(inlines)
            table.rows = try table.rows.map { try $0.map(inlines) }
            return .table(table)
        case .codeBlock, .html, .thematicBreak, .computed:
            return self
        }
    }
}
