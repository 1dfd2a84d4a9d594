/// An inline element of a Markdown document, at a stage of the transform (``DocumentStage``).
///
/// The cases whose payload is bigger than a string are `indirect` (boxed): text, the most
/// common inline by far, then takes 24 bytes in an array instead of the 120 a resolved link
/// needs.
public enum InlineOf<Stage: DocumentStage>: Sendable, Equatable {
    /// Plain text, entities already decoded.
    case text(String)
    /// A line ending inside a paragraph.
    case softBreak
    /// A hard line break (two spaces or a backslash before the line ending).
    case lineBreak
    /// A code span.
    case code(String)
    /// Inline HTML written by the author.
    indirect case html(RawHTMLOf<Stage>)
    /// `*emphasis*`
    case emphasis([InlineOf<Stage>])
    /// `**strong**`
    case strong([InlineOf<Stage>])
    /// A link.
    indirect case link(LinkOf<Stage>)
    /// An image.
    indirect case image(ImageOf<Stage>)
    /// A footnote reference, `[^label]`.
    indirect case footnoteReference(FootnoteReferenceOf<Stage>)
    /// A cross-reference, `@tbl-label` or `@fig-label`; only parsed trees hold one, as the
    /// transform makes it a link ("Table 3.2").
    indirect case crossReference(CrossReference)
}

/// A link, as written and, once resolved, with what it points at.
public struct LinkOf<Stage: DocumentStage>: Sendable, Equatable {
    /// The destination exactly as written (after reference resolution).
    public var destination: String
    /// The title attribute, if any.
    public var title: String
    /// The link text.
    public var content: [InlineOf<Stage>]
    /// What the destination points at, once resolved.
    public var target: Stage.Target
    /// Where the link starts.
    public var position: SourcePosition

    /// Creates a link.
    @inlinable
    public init(destination: String, title: String, content: [InlineOf<Stage>], target: Stage.Target,
                position: SourcePosition) {
        self.destination = destination
        self.title = title
        self.content = content
        self.target = target
        self.position = position
    }
}

extension LinkOf where Stage.Target == Pending {
    /// Creates a link not resolved yet.
    @inlinable
    public init(destination: String, title: String, content: [InlineOf<Stage>], position: SourcePosition) {
        self.init(destination: destination, title: title, content: content, target: Pending(), position: position)
    }
}

/// An image, as written and, once resolved, with the book file it shows.
public struct ImageOf<Stage: DocumentStage>: Sendable, Equatable {
    /// The source exactly as written.
    public var source: String
    /// The title attribute, if any.
    public var title: String
    /// The alternative text as inline content (rendered as plain text; a resolved image holds
    /// it as one text node).
    public var alt: [InlineOf<Stage>]
    /// The image file inside the book, relative to the book folder, once resolved.
    public var asset: Stage.Asset
    /// Where the image starts.
    public var position: SourcePosition

    /// Creates an image.
    @inlinable
    public init(source: String, title: String, alt: [InlineOf<Stage>], asset: Stage.Asset, position: SourcePosition) {
        self.source = source
        self.title = title
        self.alt = alt
        self.asset = asset
        self.position = position
    }
}

extension ImageOf where Stage.Asset == Pending {
    /// Creates an image not resolved yet.
    @inlinable
    public init(source: String, title: String, alt: [InlineOf<Stage>], position: SourcePosition) {
        self.init(source: source, title: title, alt: alt, asset: Pending(), position: position)
    }
}

/// What a link points at, independent of the output format.
///
/// Renderers turn a target into an `href` for the page they write: `02-kpis.html#x` on the
/// site, `02-kpis.xhtml#x` in the EPUB, an absolute site URL for a chapter of another book.
public enum LinkTarget: Sendable, Equatable {
    /// A URL outside the project (`https:`, `mailto:` …), used as written.
    case external(String)
    /// An anchor in the same chapter.
    case fragment(String)
    /// A chapter, optionally an anchor in it.
    case chapter(book: String, chapter: String, fragment: String?)
    /// A book's contents page.
    case book(String)
    /// A file in a book folder that is not a chapter (a PDF, a CSV), by its path relative to the book folder.
    case asset(book: String, path: String)
}

extension InlineOf {
    /// The text of inline content with all markup removed (for titles, alt text and ids).
    @inlinable
    public static func plainText(_ inlines: [InlineOf<Stage>]) -> String {
        var text = PlainText<Stage>()
        text.visit(inlines)
        return text.text
    }
}

/// Collects the text of inline content: text and code as written, a space for a line break,
/// nothing for raw HTML and footnote references, a cross-reference's label as written, the
/// content of links and the alternative text of images.
@usableFromInline
struct PlainText<Stage: DocumentStage>: DocumentVisitor {
    @usableFromInline var text = ""

    @inlinable init() {}

    @inlinable
    mutating func visit(_ inline: InlineOf<Stage>) {
        switch inline {
        case .text(let string), .code(let string): text += string
        case .softBreak, .lineBreak: text += " "
        case .html, .footnoteReference: break
        case .crossReference(let reference): text += "@" + reference.label
        case .emphasis, .strong, .link, .image: visitChildren(of: inline)
        }
    }
}
