/// An inline element of a Markdown document.
public enum Inline: Sendable, Equatable {
    /// Plain text, entities already decoded.
    case text(String)
    /// A line ending inside a paragraph.
    case softBreak
    /// A hard line break (two spaces or a backslash before the line ending).
    case lineBreak
    /// A code span.
    case code(String)
    /// Inline HTML written by the author.
    case html(RawHTML)
    /// `*emphasis*`
    case emphasis([Inline])
    /// `**strong**`
    case strong([Inline])
    /// A link.
    case link(Link)
    /// An image.
    case image(Image)
}

/// A link, as written and as resolved by the transform stage.
public struct Link: Sendable, Equatable {
    /// The destination exactly as written (after reference resolution).
    public var destination: String
    /// The title attribute, if any.
    public var title: String
    /// The link text.
    public var content: [Inline]
    /// What the destination points at; set by the transform stage.
    public var target: LinkTarget?
    /// Where the link starts.
    public var position: SourcePosition

    /// Creates a link.
    public init(destination: String, title: String, content: [Inline], target: LinkTarget? = nil,
                position: SourcePosition) {
        self.destination = destination
        self.title = title
        self.content = content
        self.target = target
        self.position = position
    }
}

/// An image, as written and as resolved by the transform stage.
public struct Image: Sendable, Equatable {
    /// The source exactly as written.
    public var source: String
    /// The title attribute, if any.
    public var title: String
    /// The alternative text as inline content (rendered as plain text).
    public var alt: [Inline]
    /// The image file inside the book, relative to the book folder, once resolved; `nil` for remote images.
    public var asset: String?
    /// Where the image starts.
    public var position: SourcePosition

    /// Creates an image.
    public init(source: String, title: String, alt: [Inline], asset: String? = nil, position: SourcePosition) {
        self.source = source
        self.title = title
        self.alt = alt
        self.asset = asset
        self.position = position
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

extension Inline {
    /// The text of inline content with all markup removed (for titles, alt text and ids).
    public static func plainText(_ inlines: [Inline]) -> String {
        var out = ""
        appendPlainText(inlines, to: &out)
        return out
    }

    private static func appendPlainText(_ inlines: [Inline], to out: inout String) {
        for inline in inlines {
            switch inline {
            case .text(let text), .code(let text): out += text
            case .softBreak, .lineBreak: out += " "
            case .html: break
            case .emphasis(let children), .strong(let children): appendPlainText(children, to: &out)
            case .link(let link): appendPlainText(link.content, to: &out)
            case .image(let image): appendPlainText(image.alt, to: &out)
            }
        }
    }
}
