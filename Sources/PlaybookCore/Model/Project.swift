/// A loaded project: the series settings and its books with their chapters, in order.
public struct Project: Sendable {
    /// Settings from `playbook.yaml`.
    public var settings: SeriesSettings
    /// The books in series order.
    public var books: [Book]

    /// Creates a project.
    public init(settings: SeriesSettings, books: [Book]) {
        self.settings = settings
        self.books = books
    }
}

/// One book of the series, with its chapters at a stage of the transform: a ``Book`` as
/// loaded, a ``ResolvedBook`` once transformed.
public struct BookOf<Stage: DocumentStage>: Sendable {
    /// The folder name under `content/`, used in URLs and file names.
    public var slug: String
    /// 1-based position in the series; 0 for a client report, which is not part of it.
    public var position: Int
    /// Whether the book is part of the series (a client report is not).
    public var isInSeries: Bool { position > 0 }
    /// Settings from `book.yaml`.
    public var settings: BookSettings
    /// The chapters in order.
    public var chapters: [ChapterOf<Stage>]
    /// Every file in the book folder other than `book.yaml` and the chapters: images and
    /// downloads, published with the book.
    public var assets: [Asset]

    /// The slugs of chapters left out because they are drafts (so that a link to one can say so).
    public var draftSlugs: [String]

    /// Creates a book.
    @inlinable
    public init(slug: String, position: Int, settings: BookSettings, chapters: [ChapterOf<Stage>], assets: [Asset] = [],
                draftSlugs: [String] = []) {
        self.slug = slug
        self.position = position
        self.settings = settings
        self.chapters = chapters
        self.assets = assets
        self.draftSlugs = draftSlugs
    }
}

/// A file from a book folder that is published with the book (an image, a download).
public struct Asset: Sendable, Equatable {
    /// The path relative to the book folder, with `/` separators (`images/funnel.png`).
    public var path: String
    /// The path relative to the project root.
    public var sourcePath: String
    /// The file's bytes, read by the load stage.
    public var bytes: [UInt8]

    /// Creates an asset.
    public init(path: String, sourcePath: String, bytes: [UInt8]) {
        self.path = path
        self.sourcePath = sourcePath
        self.bytes = bytes
    }
}

/// A book as loaded.
public typealias Book = BookOf<Parsed>
/// A book whose chapters the transform stage has resolved.
public typealias ResolvedBook = BookOf<Resolved>

/// One chapter: its source, front matter and body, at a stage of the transform: a ``Chapter``
/// as loaded, a ``ResolvedChapter`` once transformed.
public struct ChapterOf<Stage: DocumentStage>: Sendable {
    /// The file name without `.md`, used for the chapter's page name (`02-kpis`).
    public var slug: String
    /// The whole chapter file.
    public var source: SourceFile
    /// Its front matter.
    public var frontMatter: ChapterFrontMatter
    /// Its Markdown body.
    public var document: DocumentOf<Stage>

    /// Creates a chapter.
    @inlinable
    public init(slug: String, source: SourceFile, frontMatter: ChapterFrontMatter, document: DocumentOf<Stage>) {
        self.slug = slug
        self.source = source
        self.frontMatter = frontMatter
        self.document = document
    }
}

/// A chapter as loaded.
public typealias Chapter = ChapterOf<Parsed>
/// A chapter whose body the transform stage has resolved.
public typealias ResolvedChapter = ChapterOf<Resolved>
