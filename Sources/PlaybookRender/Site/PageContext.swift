import PlaybookCore
import PlaybookTemplates

/// Builds the values site templates see. Every page gets `series`, `books` and `page`;
/// book and chapter pages add `book` and `sidebar`, chapter pages `chapter`, `previous` and
/// `next`; the home page `reports`. The names are documented in ARCHITECTURE.md ("Templates").
struct PageContext: Sendable {
    let publication: Publication
    /// What the run makes for download besides the site (PDFs, listed reports).
    let downloads: SiteDownloads
    /// `series`, made once.
    let series: TemplateValue
    /// `book` for each book slug, made once: every page of a book shares it.
    private let bookValues: [String: TemplateValue]
    /// Each chapter's sidebar entry, by book slug and chapter index, made once: as most pages
    /// show it (not the page, no gap before it). A 1,000-chapter book's pages list 27 each.
    private let sidebarEntries: [String: [TemplateValue]]

    init(publication: Publication, downloads: SiteDownloads) {
        self.publication = publication
        self.downloads = downloads
        series = Self.series(publication.settings)
        var values: [String: TemplateValue] = [:]
        for book in publication.books { values[book.slug] = Self.book(book, settings: publication.settings, downloads: downloads) }
        bookValues = values
        var entries: [String: [TemplateValue]] = [:]
        for book in publication.books {
            entries[book.slug] = book.chapters.indices.map { Self.sidebarEntry(book, index: $0, isPage: false, gapBefore: false) }
        }
        sidebarEntries = entries
    }

    var settings: SeriesSettings { publication.settings }

    /// `book`: a book with its chapters.
    func book(_ book: ResolvedBook) -> TemplateValue {
        bookValues[book.slug] ?? Self.book(book, settings: settings, downloads: downloads)
    }

    /// `sidebar`: `books`, the books of the series, the current one with its chapters (in a
    /// long book, those near the page: `gap_before` where some are left out, `all_chapters`),
    /// `chapter` (an index) marked as the page (`is_page`). On a book's contents page `chapter` is `nil` and the book
    /// itself is the page.
    func sidebar(book current: ResolvedBook, chapter: Int?) -> TemplateValue {
        ["books": .list(publication.books.map { book in
            var fields: [String: TemplateValue] = [
                "title": .text(book.settings.title),
                "position": .number(book.position),
                "url": .text(book.slug == current.slug ? "index.html" : "../" + URLPath.encode(book.slug) + "/index.html"),
                "current": .flag(book.slug == current.slug),
                "is_page": .flag(book.slug == current.slug && chapter == nil),
            ]
            if book.slug == current.slug {
                let shown = Self.sidebarChapters(count: book.chapters.count, current: chapter)
                let made = sidebarEntries[book.slug]
                fields["chapters"] = .list(shown.enumerated().map { position, index in
                    // `shown` is in order: a gap is a jump from the chapter listed before.
                    let gapBefore = index > 0 && (position == 0 || shown[position - 1] != index - 1)
                    if index != chapter, !gapBefore, let made, index < made.count { return made[index] }
                    return Self.sidebarEntry(book, index: index, isPage: index == chapter, gapBefore: gapBefore)
                })
                if shown.count < book.chapters.count {
                    fields["all_chapters"] = ["count": .number(book.chapters.count), "url": .text("index.html")]
                }
            }
            return .object(fields)
        })]
    }

    /// A chapter's entry in its book's sidebar.
    private static func sidebarEntry(_ book: ResolvedBook, index: Int, isPage: Bool, gapBefore: Bool) -> TemplateValue {
        let entry = book.chapters[index]
        return ["number": .number(index + 1), "title": .text(entry.frontMatter.title),
                "url": .text(URLPath.encode(entry.slug) + ".html"), "is_page": .flag(isPage), "gap_before": .flag(gapBefore)]
    }

    /// A book of more chapters than this lists in its sidebar only the chapters near the page
    /// (``sidebarChapters(count:current:)``), so that a page's size does not grow with its book:
    /// 1,000 chapters listed in full on each of 1,000 pages made a 173 MB site of a 22 MB one.
    static let sidebarFullList = 60

    /// The chapters a sidebar lists, by index: all of them in a book of up to
    /// ``sidebarFullList``; else the first, the 12 before and after `current` (the first 25 on
    /// the book's own page), and the last. `gap_before` marks where chapters are left out, and
    /// `all_chapters` links to the book's page, which lists every one.
    static func sidebarChapters(count: Int, current: Int?) -> [Int] {
        guard count > sidebarFullList else { return Array(0..<count) }
        let middle = current ?? 12
        let low = max(0, middle - 12), high = min(count - 1, max(middle + 12, 24))
        var shown = Array(low...high)
        if low > 0 { shown.insert(0, at: 0) }
        if high < count - 1 { shown.append(count - 1) }
        return shown
    }

    /// `reports`: the client reports the run makes, with their files (home page); `nil` when
    /// there are none.
    var reports: TemplateValue? { downloads.reportValues }

    /// `book_columns`: how many columns the home page's grid of books has on a wide screen,
    /// chosen so that no book sits alone on the last row: every book in one row up to three,
    /// else three or two columns (or four when both leave one alone).
    var bookColumns: Int {
        let count = publication.books.count
        if count <= 3 { return max(count, 1) }
        return [3, 2, 4].first { count % $0 != 1 } ?? 3
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
                "downloads": downloads.book(book.slug, root: root),
            ]
            fields["subtitle"] = .optional(book.settings.subtitle)
            fields["description"] = .optional(book.settings.description)
            return .object(fields)
        })
    }

    /// `page`: the page's own title, kind and path back to the site root. When the series has a
    /// `base_url`, also `canonical` (its address) and `social`, the OpenGraph and Twitter card
    /// values: `title`, `description` (the page's, else the series'), `url`, `type`,
    /// `site_name`, `card`, and `image` (with `image_alt`): the drawn cover of `coverBook`
    /// (else of the first book), `<base_url><book>/cover.png`, when the run prints it.
    func page(title: String, kind: String, root: String, path: String, description: String?,
              coverBook: ResolvedBook? = nil) -> TemplateValue {
        var fields: [String: TemplateValue] = ["title": .text(title), "kind": .text(kind), "root": .text(root)]
        fields["description"] = .optional(description)
        if let baseURL = settings.baseURL {
            let url = baseURL + URLPath.encode(path)
            fields["canonical"] = .text(url)
            var social: [String: TemplateValue] = [
                "title": .text(title), "url": .text(url), "site_name": .text(settings.title),
                "type": .text(kind == "chapter" ? "article" : kind == "book" ? "book" : "website"),
                "card": "summary",
            ]
            social["description"] = .optional(description ?? settings.description)
            if downloads.printsPDFs, let book = coverBook ?? publication.books.first {
                social["image"] = .text(baseURL + URLPath.encode(book.slug) + "/" + SitePaths.coverPicture)
                social["image_alt"] = .text("The cover of " + book.settings.title)
                social["card"] = "summary_large_image"
            }
            fields["social"] = .object(social)
        }
        return .object(fields)
    }

    private static func book(_ book: ResolvedBook, settings: SeriesSettings, downloads: SiteDownloads) -> TemplateValue {
        var fields: [String: TemplateValue] = [
            "slug": .text(book.slug),
            "title": .text(book.settings.title),
            "position": .number(book.position),
            "language": .text(book.settings.language ?? settings.language),
            "authors_text": .text(Self.names(book.settings.authors)),
            "cover_url": .text(SitePaths.coverFile(book)),
            "downloads": downloads.book(book.slug, root: "../"),
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

    /// The book's cover as a picture for link previews (OpenGraph's image), in the book's
    /// folder: printed beside the book's PDF when the run prints PDFs.
    static let coverPicture = "cover.png"

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
