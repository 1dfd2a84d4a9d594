import PlaybookCore
import PlaybookTemplates

/// Builds the values site templates see. Every page gets `series`, `books` and `page`;
/// book and chapter pages add `book`, chapter pages `chapter`, `previous` and `next`.
/// The names are documented in ARCHITECTURE.md ("Templates").
struct PageContext: Sendable {
    let publication: Publication
    /// `series`, made once.
    let series: TemplateValue
    /// `book` for each book slug, made once: every page of a book shares it.
    private let bookValues: [String: TemplateValue]

    init(publication: Publication) {
        self.publication = publication
        series = Self.series(publication.settings)
        var values: [String: TemplateValue] = [:]
        for book in publication.books { values[book.slug] = Self.book(book, settings: publication.settings) }
        bookValues = values
    }

    var settings: SeriesSettings { publication.settings }

    /// `book`: a book with its chapters.
    func book(_ book: ResolvedBook) -> TemplateValue {
        bookValues[book.slug] ?? Self.book(book, settings: settings)
    }

    /// `series`: the series settings.
    private static func series(_ settings: SeriesSettings) -> TemplateValue {
        var fields: [String: TemplateValue] = [
            "title": .text(settings.title),
            "language": .text(settings.language),
            "authors_text": .text(Self.names(settings.authors)),
        ]
        fields["subtitle"] = .optional(settings.subtitle)
        fields["description"] = .optional(settings.description)
        fields["rights"] = .optional(settings.rights)
        fields["publisher"] = .optional(settings.publisher)
        fields["base_url"] = .optional(settings.baseURL)
        return .object(fields)
    }

    /// `books`: every book, with `current` set on `currentSlug` and `url` relative to a page
    /// `root` away from the site root (`""` or `"../"`).
    func books(current currentSlug: String?, root: String) -> TemplateValue {
        .list(publication.books.map { book in
            var fields: [String: TemplateValue] = [
                "slug": .text(book.slug),
                "url": .text(root + URLPath.encode(book.slug) + "/index.html"),
                "title": .text(book.settings.title),
                "position": .number(book.position),
                "chapter_count_text": .text(book.chapters.count == 1 ? "1 chapter" : "\(book.chapters.count) chapters"),
                "current": .flag(book.slug == currentSlug),
                "cover_url": .text(root + URLPath.encode(book.slug) + "/" + SitePaths.coverFile(book)),
            ]
            fields["subtitle"] = .optional(book.settings.subtitle)
            fields["description"] = .optional(book.settings.description)
            return .object(fields)
        })
    }

    /// `page`: the page's own title, kind and path back to the site root.
    func page(title: String, kind: String, root: String, path: String, description: String?) -> TemplateValue {
        var fields: [String: TemplateValue] = ["title": .text(title), "kind": .text(kind), "root": .text(root)]
        fields["description"] = .optional(description)
        fields["canonical"] = .optional(settings.baseURL.map { $0 + URLPath.encode(path) })
        return .object(fields)
    }

    private static func book(_ book: ResolvedBook, settings: SeriesSettings) -> TemplateValue {
        var fields: [String: TemplateValue] = [
            "slug": .text(book.slug),
            "title": .text(book.settings.title),
            "position": .number(book.position),
            "language": .text(book.settings.language ?? settings.language),
            "authors_text": .text(Self.names(book.settings.authors)),
            "cover_url": .text(SitePaths.coverFile(book)),
            "chapters": .list(book.chapters.enumerated().map { index, chapter in
                var chapterFields: [String: TemplateValue] = [
                    "number": .number(index + 1),
                    "title": .text(chapter.frontMatter.title),
                    "url": .text(URLPath.encode(chapter.slug) + ".html"),
                ]
                chapterFields["summary"] = .optional(chapter.frontMatter.summary)
                return .object(chapterFields)
            }),
        ]
        fields["subtitle"] = .optional(book.settings.subtitle)
        fields["description"] = .optional(book.settings.description)
        return .object(fields)
    }

    /// "A", "A and B", "A, B and C".
    static func names(_ names: [String]) -> String {
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        default: return names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
        }
    }
}

/// Where things are on the site, relative to its root.
enum SitePaths {
    /// The cover shown on the site for a book: its own cover image, or the drawn `cover.svg`.
    static func coverFile(_ book: ResolvedBook) -> String {
        book.settings.cover.map(URLPath.encode) ?? "cover.svg"
    }

    /// The href from a chapter page of `book` to a resolved link target.
    static func href(_ target: LinkTarget, from book: String) -> String {
        switch target {
        case .external(let url): return URLPath.escapeHref(url)
        case .fragment(let fragment): return "#" + URLPath.encode(fragment)
        case .chapter(let other, let chapter, let fragment):
            let page = URLPath.encode(chapter) + ".html" + (fragment.map { "#" + URLPath.encode($0) } ?? "")
            return other == book ? page : "../\(URLPath.encode(other))/" + page
        case .book(let other):
            return other == book ? "index.html" : "../\(URLPath.encode(other))/index.html"
        case .asset(let other, let path):
            return other == book ? URLPath.encode(path) : "../\(URLPath.encode(other))/" + URLPath.encode(path)
        }
    }
}
