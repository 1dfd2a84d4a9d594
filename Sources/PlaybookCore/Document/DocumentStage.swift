/// How far the transform stage has come with a document tree: what its stage-dependent slots
/// hold. The parser makes ``Parsed`` trees; the transform stage turns each into a ``Resolved``
/// one (every heading's anchor, every link's target, every image's file, every raw HTML node's
/// XHTML, every footnote's number and every numbered table's or figure's "Table 3.2"), which
/// is all the render stage accepts. ``Prepared`` (raw HTML made XHTML, nothing
/// else) is what the raw HTML pass makes on its own. A slot a stage has not filled holds
/// ``Pending``, so a tree cannot claim what its stage has not done.
public protocol DocumentStage: Sendable {
    /// A heading's anchor.
    associatedtype Anchor: Sendable & Equatable
    /// Raw HTML's well-formed XHTML form.
    associatedtype XHTML: Sendable & Equatable
    /// What a link points at.
    associatedtype Target: Sendable & Equatable
    /// The book file an image shows.
    associatedtype Asset: Sendable & Equatable
    /// A footnote's number in its chapter.
    associatedtype NoteNumber: Sendable & Equatable
    /// A numbered table's or figure's number as shown ("Table 3.2").
    associatedtype ItemNumber: Sendable & Equatable
}

/// A slot a stage has not filled yet: it holds nothing.
public struct Pending: Sendable, Hashable {
    /// The empty value.
    @inlinable
    public init() {}
}

/// The tree as the Markdown parser makes it (and as the computed-content pass leaves it).
public enum Parsed: DocumentStage {
    public typealias NoteNumber = Pending
    public typealias ItemNumber = Pending
    public typealias Anchor = Pending
    public typealias XHTML = Pending
    public typealias Target = Pending
    public typealias Asset = Pending
}

/// The tree with its raw HTML made XHTML and nothing else resolved (the raw HTML pass's output).
public enum Prepared: DocumentStage {
    public typealias NoteNumber = Pending
    public typealias ItemNumber = Pending
    public typealias Anchor = Pending
    public typealias XHTML = String
    public typealias Target = Pending
    public typealias Asset = Pending
}

/// The tree that leaves the transform stage: every heading has its anchor, every link its
/// target, every image its book file, every raw HTML node its XHTML, every footnote and
/// reference its number, and every captioned table and figure its number.
public enum Resolved: DocumentStage {
    public typealias Anchor = String
    public typealias XHTML = String
    public typealias Target = LinkTarget
    /// The image's path relative to the book folder (`images/funnel.png`).
    public typealias Asset = String
    /// The footnote's number, from 1 in each chapter.
    public typealias NoteNumber = Int
    /// "Table 3.2", "Figure 1.4".
    public typealias ItemNumber = String
}

/// A parsed document (the parser's output).
public typealias Document = DocumentOf<Parsed>
/// A parsed block.
public typealias Block = BlockOf<Parsed>
/// A parsed inline.
public typealias Inline = InlineOf<Parsed>
/// A parsed heading.
public typealias Heading = HeadingOf<Parsed>
/// A parsed link.
public typealias Link = LinkOf<Parsed>
/// A parsed image.
public typealias Image = ImageOf<Parsed>
/// Parsed raw HTML.
public typealias RawHTML = RawHTMLOf<Parsed>
/// A parsed list.
public typealias ListBlock = ListOf<Parsed>
/// A parsed pipe table.
public typealias Table = TableOf<Parsed>
/// A parsed footnote definition.
public typealias Footnote = FootnoteOf<Parsed>
/// A parsed footnote reference.
public typealias FootnoteReference = FootnoteReferenceOf<Parsed>
/// A parsed callout.
public typealias Callout = CalloutOf<Parsed>
/// A parsed table caption.
public typealias Caption = CaptionOf<Parsed>
/// A parsed numbered figure.
public typealias Figure = FigureOf<Parsed>

/// A document as the render stage takes it.
public typealias ResolvedDocument = DocumentOf<Resolved>
/// A resolved block.
public typealias ResolvedBlock = BlockOf<Resolved>
/// A resolved inline.
public typealias ResolvedInline = InlineOf<Resolved>
/// A heading with its anchor.
public typealias ResolvedHeading = HeadingOf<Resolved>
/// A link with its target.
public typealias ResolvedLink = LinkOf<Resolved>
/// An image with its book file.
public typealias ResolvedImage = ImageOf<Resolved>
/// Raw HTML with its XHTML form.
public typealias ResolvedRawHTML = RawHTMLOf<Resolved>
