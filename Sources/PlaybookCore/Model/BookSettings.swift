/// A book's settings, read from `content/<book>/book.yaml`.
public struct BookSettings: Sendable, Equatable {
    /// The book title.
    public var title: String
    /// An optional subtitle.
    public var subtitle: String?
    /// The authors; the series authors when the book names none.
    public var authors: [String]
    /// A sentence or two about the book.
    public var description: String?
    /// The publication date (`dc:date`).
    public var date: Timestamp
    /// When the book last changed (`dcterms:modified`); the publication date when not given.
    /// `SOURCE_DATE_EPOCH` overrides it at build time.
    public var modified: Timestamp
    /// A unique identifier such as `urn:isbn:9780000000000`; derived from the series and the
    /// book's slug when not given, so it stays the same from build to build.
    public var identifier: String?
    /// A cover image inside the book folder; a cover is drawn from the title when not given.
    public var cover: String?
    /// The book's language when it differs from the series'.
    public var language: String?
    /// `paper: a4 | letter`: the paper of the book's PDF (``Paper/standard``, A4, when not given).
    public var paper: Paper

    /// Creates settings.
    public init(title: String, subtitle: String? = nil, authors: [String], description: String? = nil,
                date: Timestamp, modified: Timestamp? = nil, identifier: String? = nil, cover: String? = nil,
                language: String? = nil, paper: Paper = .standard) {
        self.title = title
        self.subtitle = subtitle
        self.authors = authors
        self.description = description
        self.date = date
        self.modified = modified ?? date
        self.identifier = identifier
        self.cover = cover
        self.language = language
        self.paper = paper
    }
}
