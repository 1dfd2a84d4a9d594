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
///
/// A value like any other, held in one shared box that is copied only when a copy is changed:
/// the preview server's session hands out every chapter of the series on each rebuild, and a
/// chapter copied field by field retained a dozen references each time.
public struct ChapterOf<Stage: DocumentStage>: Sendable {
    /// The fields, shared by copies until one of them changes.
    @usableFromInline
    final class Storage: @unchecked Sendable {
        // @unchecked: its fields are changed only through the chapter's accessors, after
        // `isKnownUniquelyReferenced` said no other chapter shares it (copy on write), so a
        // box reachable from two threads is never written.
        @usableFromInline var slug: String
        @usableFromInline var source: SourceFile
        @usableFromInline var frontMatter: ChapterFrontMatter
        @usableFromInline var document: DocumentOf<Stage>

        @usableFromInline
        init(slug: String, source: SourceFile, frontMatter: ChapterFrontMatter, document: DocumentOf<Stage>) {
            self.slug = slug
            self.source = source
            self.frontMatter = frontMatter
            self.document = document
        }

        @usableFromInline
        func copy() -> Storage {
            Storage(slug: slug, source: source, frontMatter: frontMatter, document: document)
        }
    }

    @usableFromInline var storage: Storage

    /// Creates a chapter.
    @inlinable
    public init(slug: String, source: SourceFile, frontMatter: ChapterFrontMatter, document: DocumentOf<Stage>) {
        storage = Storage(slug: slug, source: source, frontMatter: frontMatter, document: document)
    }

    /// The box, made this chapter's own first if another shares it.
    @inlinable
    mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// The file name without `.md`, used for the chapter's page name (`02-kpis`).
    @inlinable
    public var slug: String {
        get { storage.slug }
        _modify { yield &unique().slug }
    }

    /// The whole chapter file.
    @inlinable
    public var source: SourceFile {
        get { storage.source }
        _modify { yield &unique().source }
    }

    /// Its front matter.
    @inlinable
    public var frontMatter: ChapterFrontMatter {
        get { storage.frontMatter }
        _modify { yield &unique().frontMatter }
    }

    /// Its Markdown body.
    @inlinable
    public var document: DocumentOf<Stage> {
        get { storage.document }
        _modify { yield &unique().document }
    }
}

/// A chapter as loaded.
public typealias Chapter = ChapterOf<Parsed>
/// A chapter whose body the transform stage has resolved.
public typealias ResolvedChapter = ChapterOf<Resolved>
