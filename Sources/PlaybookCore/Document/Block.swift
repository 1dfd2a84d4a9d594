/// A block-level element of a Markdown document, at a stage of the transform (``DocumentStage``).
///
/// Every case whose payload is bigger than one reference is `indirect` (boxed): an array of
/// blocks then takes 8 bytes per block (one pointer) instead of 112 (the biggest payload, a
/// resolved figure's), and copying or freeing a block moves one pointer. With inlines boxed the
/// same way, a 5,000-chapter build held 284 MB after the transform instead of 438.
public enum BlockOf<Stage: DocumentStage>: Sendable, Equatable {
    /// A paragraph of inline content.
    case paragraph([InlineOf<Stage>])
    /// A heading (`#` … `######`, or setext), with its anchor once resolved.
    indirect case heading(HeadingOf<Stage>)
    /// A block quote holding blocks.
    case blockQuote([BlockOf<Stage>])
    /// A bullet or ordered list.
    indirect case list(ListOf<Stage>)
    /// A fenced or indented code block.
    indirect case codeBlock(CodeBlock)
    /// An HTML block written by the author, kept as written.
    indirect case html(RawHTMLOf<Stage>)
    /// A thematic break (`***`, `---`).
    case thematicBreak
    /// A GFM pipe table.
    indirect case table(TableOf<Stage>)
    /// A block computed from a scenario (a metric table, a worked example, a chart …), made
    /// by the transform stage from a ```` ```playbook ```` fence and written through a template.
    /// Its content is an existential: held inline, it would make every copy of every block go
    /// through the type's runtime metadata.
    indirect case computed(ComputedBlock)
    /// A block condition (`::: if …` … `:::`) with its branches; only parsed trees hold one,
    /// as the evaluate stage puts the chosen branch's blocks in its place.
    indirect case conditional(ConditionalOf<Stage>)
    /// A callout (`> [!NOTE]` …): a block quote with a kind and a visible label.
    indirect case callout(CalloutOf<Stage>)
    /// A numbered figure: an image with a caption and a `{#fig-…}` label, alone in its paragraph.
    indirect case figure(FigureOf<Stage>)
    /// A footnote's text (`[^label]: …`); the parser puts them at the end of the document.
    indirect case footnote(FootnoteOf<Stage>)
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
    /// The `label:` argument (`tbl-…` or `fig-…`), the block's id and what `@tbl-…` names.
    public var label: String?
    /// "Table 3.2", once the transform numbered the block (only labelled blocks are numbered).
    public var number: String?

    /// The template that writes it: `blocks/<kind>`.
    public var template: String { "blocks/\(kind)" }

    /// Creates a computed block.
    public init(kind: String, content: any ComputedContent, position: SourcePosition, label: String? = nil, number: String? = nil) {
        self.kind = kind
        self.content = content
        self.position = position
        self.label = label
        self.number = number
    }

    /// Equal when of the same kind, at the same position, with the same content.
    public static func == (lhs: ComputedBlock, rhs: ComputedBlock) -> Bool {
        lhs.kind == rhs.kind && lhs.position == rhs.position && lhs.label == rhs.label && lhs.number == rhs.number
            && lhs.content.isEqual(to: rhs.content)
    }
}

/// A heading and the anchor that links point at.
public struct HeadingOf<Stage: DocumentStage>: Sendable, Equatable {
    /// 1 to 6.
    public var level: Int
    /// The heading's text and markup, without any `{#id}` attribute.
    public var content: [InlineOf<Stage>]
    /// The id written by the author as `{#id}` at the end of the heading, if any.
    public var explicitAnchor: String?
    /// The id used in the output, once resolved.
    public var anchor: Stage.Anchor
    /// Where the heading starts.
    public var position: SourcePosition

    /// Creates a heading.
    @inlinable
    public init(level: Int, content: [InlineOf<Stage>], explicitAnchor: String? = nil, anchor: Stage.Anchor,
                position: SourcePosition) {
        self.level = level
        self.content = content
        self.explicitAnchor = explicitAnchor
        self.anchor = anchor
        self.position = position
    }
}

extension HeadingOf where Stage.Anchor == Pending {
    /// Creates a heading whose anchor is not assigned yet.
    @inlinable
    public init(level: Int, content: [InlineOf<Stage>], explicitAnchor: String? = nil, position: SourcePosition) {
        self.init(level: level, content: content, explicitAnchor: explicitAnchor, anchor: Pending(), position: position)
    }
}

/// How a list marks its items: bullets, or numbers from a start.
public enum ListKind: Sendable, Equatable {
    /// `-`, `*` or `+` items.
    case bullet
    /// `1.` or `1)` items, starting at `start`.
    case ordered(start: Int)
}

/// A bullet or ordered list.
public struct ListOf<Stage: DocumentStage>: Sendable, Equatable {
    /// Bullet or ordered (with its first number).
    public typealias Kind = ListKind

    /// Bullet or ordered.
    public var kind: ListKind
    /// Whether items are tight (paragraphs rendered without `<p>`).
    public var isTight: Bool
    /// The items, each a list of blocks.
    public var items: [[BlockOf<Stage>]]

    /// Creates a list.
    @inlinable
    public init(kind: ListKind, isTight: Bool, items: [[BlockOf<Stage>]]) {
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
public struct RawHTMLOf<Stage: DocumentStage>: Sendable, Equatable {
    /// The HTML exactly as written.
    public var html: String
    /// The same HTML made well-formed XML for XHTML output, once rewritten (``Prepared``, ``Resolved``).
    public var xhtml: Stage.XHTML
    /// Where it starts.
    public var position: SourcePosition

    /// Creates a raw HTML node.
    @inlinable
    public init(html: String, xhtml: Stage.XHTML, position: SourcePosition) {
        self.html = html
        self.xhtml = xhtml
        self.position = position
    }
}

extension RawHTMLOf where Stage.XHTML == Pending {
    /// Creates a raw HTML node not yet made XHTML.
    @inlinable
    public init(html: String, position: SourcePosition) {
        self.init(html: html, xhtml: Pending(), position: position)
    }
}

/// How a table column's cells are aligned, from the delimiter row (`:--`, `:-:`, `--:`).
public enum TableAlignment: String, Sendable, Equatable {
    /// No colon: the reader's default.
    case none
    /// `:--`
    case left
    /// `:-:`
    case center
    /// `--:`
    case right
}

/// A GFM pipe table.
public struct TableOf<Stage: DocumentStage>: Sendable, Equatable {
    /// How a column's cells are aligned.
    public typealias Alignment = TableAlignment

    /// One alignment per column.
    public var alignments: [TableAlignment]
    /// The header row's cells.
    public var header: [[InlineOf<Stage>]]
    /// The body rows; every row has exactly `alignments.count` cells.
    public var rows: [[[InlineOf<Stage>]]]
    /// Where the header row starts.
    public var position: SourcePosition
    /// The caption paragraph written after it (`: Caption {#tbl-label}`), which numbers it.
    public var caption: CaptionOf<Stage>?

    /// Creates a table.
    @inlinable
    public init(alignments: [TableAlignment], header: [[InlineOf<Stage>]], rows: [[[InlineOf<Stage>]]], position: SourcePosition,
                caption: CaptionOf<Stage>? = nil) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
        self.position = position
        self.caption = caption
    }
}
