/// The series and site settings read from `playbook.yaml`.
public struct SeriesSettings: Sendable, Equatable {
    /// The series title, shown on the site's home page and as each EPUB's collection.
    public var title: String
    /// An optional subtitle.
    public var subtitle: String?
    /// The authors, in order.
    public var authors: [String]
    /// A BCP 47 language tag such as `en` or `en-GB`, used for `lang` and `dc:language`.
    public var language: String
    /// The locale for formatting numbers and dates, such as `en-US`.
    public var locale: String
    /// The ISO 4217 currency used by scenario figures unless a scenario says otherwise.
    public var currency: String
    /// The address where the site is published (ending in `/`), if known. EPUB links that leave
    /// a book (to another book of the series, or to a file on the site) point there.
    public var baseURL: String?
    /// A sentence or two about the series, for the home page and EPUB descriptions.
    public var description: String?
    /// The publisher named in EPUB metadata.
    public var publisher: String?
    /// The rights statement (copyright line) for pages and EPUB metadata.
    public var rights: String?
    /// Whether straight quotes and dashes become typographic ones.
    public var smartPunctuation: Bool
    /// The books, in series order, by folder name under `content/`.
    public var books: [BookReference]
    /// The client reports `playbook build` makes: scenario names (files in
    /// `content/scenarios/`), each rendered with ``reportTemplate``.
    public var reports: [BookReference] = []
    /// The report template (a folder in `content/reports/`) of `playbook build`'s reports and
    /// of `playbook report` unless it is given `--template`.
    public var reportTemplate: String = "business-case"

    /// Creates settings.
    public init(title: String, subtitle: String? = nil, authors: [String], language: String, locale: String,
                currency: String, baseURL: String? = nil, description: String? = nil, publisher: String? = nil,
                rights: String? = nil, smartPunctuation: Bool = true, books: [BookReference]) {
        self.title = title
        self.subtitle = subtitle
        self.authors = authors
        self.language = language
        self.locale = locale
        self.currency = currency
        self.baseURL = baseURL
        self.description = description
        self.publisher = publisher
        self.rights = rights
        self.smartPunctuation = smartPunctuation
        self.books = books
    }
}

/// A book named in `playbook.yaml`'s `books` list (or a scenario in its `reports` list), with
/// where it was named.
public struct BookReference: Sendable, Equatable {
    /// The folder name under `content/`, which is also the book's slug in URLs (for a report,
    /// the scenario's name).
    public var slug: String
    /// Where the entry is written in `playbook.yaml`.
    public var location: SourceLocation

    /// Creates a reference.
    public init(slug: String, location: SourceLocation) {
        self.slug = slug
        self.location = location
    }
}
