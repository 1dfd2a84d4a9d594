import PlaybookCore

/// A file the render stage wants written, by path relative to the output folder.
public struct OutputFile: Sendable, Equatable {
    /// What goes into the file.
    public enum Content: Sendable, Equatable {
        /// Text, written as UTF-8.
        case text(String)
        /// The bytes of a project file (an image), copied when the output is written.
        case copy(from: String)
    }

    /// The path relative to the output folder, such as `site/foundations/index.html`.
    public var path: String
    /// The content.
    public var content: Content

    /// Creates an output file.
    public init(path: String, content: Content) {
        self.path = path
        self.content = content
    }
}

/// An EPUB the render stage wants written: its entries in order. The writer zips them
/// (`mimetype` first and stored) and also writes them unzipped for other tools.
public struct EPUBPackage: Sendable, Equatable {
    /// The book's slug.
    public var slug: String
    /// Entries in zip order, by path inside the EPUB (`mimetype`, `META-INF/container.xml`, `OEBPS/…`).
    public var entries: [OutputFile]
    /// The time stamp of every zip entry (the book's `dcterms:modified`).
    public var modified: Timestamp

    /// Creates a package.
    public init(slug: String, entries: [OutputFile], modified: Timestamp) {
        self.slug = slug
        self.entries = entries
        self.modified = modified
    }
}

/// Everything a build writes.
public struct RenderedOutput: Sendable {
    /// Plain files (the site).
    public var files: [OutputFile]
    /// EPUB books.
    public var epubs: [EPUBPackage]
}
