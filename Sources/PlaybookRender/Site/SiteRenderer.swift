import PlaybookCore
import PlaybookTemplates
import PlaybookSession

/// Renders the website: the series home page, a contents page per book, a page per chapter,
/// book covers, the books' files, the project's `site/` folder, and `sitemap.xml` when the
/// series has a `base_url`.
struct SiteRenderer {
    let publication: Publication
    let templates: TemplateLibrary
    /// Files of the project's `site/` folder, by path relative to it.
    let staticFiles: [String]
    /// Each chapter's rendered body, by book and chapter index.
    let bodies: [[RenderedBody]]
    /// Each chapter's outline, by book and chapter index, when the documents were freed.
    let outlines: [[ChapterOutline]]?
    /// The memo and revisions its work runs through (the preview server's session).
    let reuse: RenderReuse
    /// Where each chapter page and the search index go as soon as they are made (listed in the
    /// output as streamed); `nil` keeps them in the output.
    let sink: (any OutputSink)?

    /// Every file of the site but its search index (``renderSearchIndex()``, a renderer of its
    /// own), with paths under `site/`.
    func render() async -> RenderedOutput {
        let context = reuse.pageContext(publication)
        var files: [OutputFile] = []
        var streamed: [String] = []
        let home = listing("home", "") {
            var fields: [String: TemplateValue] = [
                "series": context.series,
                "books": context.books(current: nil, root: ""),
                "book_columns": .number(context.bookColumns),
                "page": context.page(title: publication.settings.title, kind: "home", root: "", path: "",
                                     description: publication.settings.description),
            ]
            fields["reports"] = context.reports
            return templates.render("home", .object(fields))
        }
        files.append(OutputFile(path: "site/index.html", content: .text(home)))
        if let baseURL = publication.settings.baseURL {
            let sitemap = listing("sitemap", "") { Sitemap.file(publication, baseURL: baseURL) }
            files.append(OutputFile(path: Sitemap.path, content: .text(sitemap)))
        }
        for (index, book) in publication.books.enumerated() {
            files += renderBookPages(book, index: index, context: context)
        }
        // Chapter pages, on all cores.
        let jobs = chapterJobs
        let renderer = self
        let pages = await jobs.concurrentMap { job -> (path: String, kept: OutputFile?) in
            let path = renderer.publication.books[job.book].chapters[job.chapter].source.path
            let page = renderer.reuse.page(.page, book: job.book, chapter: job.chapter, path: path) {
                renderer.renderChapter(job.chapter, of: job.book, context: context)
            }
            guard let sink = renderer.sink else { return (page.path, page) }
            sink.put(page)
            return (page.path, nil)
        }
        for page in pages {
            if let kept = page.kept { files.append(kept) } else { streamed.append(page.path) }
        }
        files.append(OutputFile(path: "site/search.html", content: .text(renderSearchPage(context: context))))
        for file in staticFiles {
            files.append(OutputFile(path: "site/\(file)", content: .copy(from: "site/\(file)")))
        }
        // The built-in stylesheet and scripts for a project whose site/ lacks them.
        for file in Self.builtInAssets where !staticFiles.contains(file) {
            if let text = StarterFiles.files["site/" + file] {
                files.append(OutputFile(path: "site/\(file)", content: .text(text)))
            }
        }
        return RenderedOutput(files: files, epubs: [], streamed: streamed)
    }

    /// Files every site has, from the project's `site/` folder or built in.
    static let builtInAssets = ["css/playbook.css", "js/navigation.js", "js/search.js", "js/theme.js"]

    /// A chapter to render: its book's and its own index.
    private struct ChapterJob: Sendable {
        var book: Int
        var chapter: Int
    }

    /// Every chapter of every book, in reading order.
    private var chapterJobs: [ChapterJob] {
        publication.books.enumerated().flatMap { bookIndex, book in
            book.chapters.indices.map { ChapterJob(book: bookIndex, chapter: $0) }
        }
    }

    // MARK: - Search

    /// The search page (its index is ``renderSearchIndex()``).
    private func renderSearchPage(context: PageContext) -> String {
        listing("search", "") {
            templates.render("search", [
                "series": context.series,
                "books": context.books(current: nil, root: ""),
                "page": context.page(title: "Search · \(publication.settings.title)", kind: "search", root: "",
                                     path: "search.html", description: nil),
            ])
        }
    }

    /// The search index, from each chapter's part (from the outlines when there are): into the
    /// sink in parts, never joined, when there is one. In a session, each chapter's part of the
    /// index is made again only when the chapter's body or the navigation changed.
    func renderSearchIndex() async -> RenderedOutput {
        let entries: [String]
        if let outlines {
            entries = outlines.flatMap { $0.map(\.search) }
        } else {
            let jobs = chapterJobs
            let (books, reuse) = (publication.books, self.reuse)
            entries = await jobs.concurrentMap { job -> String in
                let book = books[job.book], chapter = book.chapters[job.chapter]
                let input = SearchInput(body: reuse.bodies[job.book][job.chapter], navigation: reuse.navigation)
                return reuse.memo.query(.search, chapter.source.path, input: input) {
                    SearchIndex.entries(chapter, book: book)
                }.value
            }
        }
        guard let sink else {
            return RenderedOutput(files: [OutputFile(path: SearchIndex.path, content: .text(SearchIndex.file(entries)))], epubs: [])
        }
        sink.put(SearchIndex.path, parts: SearchIndex.parts(entries))
        return RenderedOutput(files: [], epubs: [], streamed: [SearchIndex.path])
    }

    // MARK: - Pages

    private func renderBookPages(_ book: ResolvedBook, index: Int, context: PageContext) -> [OutputFile] {
        var files: [OutputFile] = []
        let page = listing("book", book.slug) {
            var fields: [String: TemplateValue] = [
                "series": context.series,
                "books": context.books(current: book.slug, root: "../"),
                "book": context.book(book),
                "sidebar": context.sidebar(book: book, chapter: nil),
                "in_series": .flag(publication.books.count > 1),
                "page": context.page(title: "\(book.settings.title) · \(publication.settings.title)", kind: "book", root: "../",
                                     path: "\(book.slug)/", description: book.settings.description, coverBook: book),
            ]
            // The book's place in the reading order (the pager, and the arrow keys): after the
            // previous book's last chapter (or the home page), before its own first chapter.
            if index > 0, let last = publication.books[index - 1].chapters.last {
                let previousBook = publication.books[index - 1]
                fields["previous"] = ["title": .text(last.frontMatter.title),
                                      "url": .text("../\(URLPath.encode(previousBook.slug))/\(URLPath.encode(last.slug)).html")]
            } else {
                fields["previous"] = ["title": .text(publication.settings.title), "url": "../index.html"]
            }
            if let first = book.chapters.first {
                fields["next"] = ["title": .text(first.frontMatter.title), "url": .text(URLPath.encode(first.slug) + ".html")]
            }
            return templates.render("book", .object(fields))
        }
        files.append(OutputFile(path: "site/\(book.slug)/index.html", content: .text(page)))
        if book.settings.cover == nil {
            files.append(OutputFile(path: "site/\(book.slug)/cover.svg",
                                    content: .text(templates.render("epub/cover-image", CoverContext(publication: publication, book: book).value))))
        }
        for asset in book.assets {
            files.append(OutputFile(path: "site/\(book.slug)/\(asset.path)", content: .bytes(asset.bytes)))
        }
        return files
    }

    /// What a chapter's part of the search index depends on.
    private struct SearchInput: Equatable, Sendable {
        var body: Revision
        /// Titles of its book and chapter.
        var navigation: Revision
    }

    /// What a page listing books or chapters depends on.
    private struct ListingInput: Equatable, Sendable {
        var navigation: Revision
        var presentation: Revision
    }

    /// A page that lists books or chapters: in a session, made again only when the
    /// navigation or the templates changed.
    private func listing(_ kind: String, _ name: String, render: () -> String) -> String {
        reuse.memo.query(.listing, "\(kind):\(name)", input: ListingInput(navigation: reuse.navigation, presentation: reuse.presentation),
                         compute: render).value
    }

    private func renderChapter(_ chapterIndex: Int, of bookIndex: Int, context: PageContext) -> OutputFile {
        let book = publication.books[bookIndex]
        let chapter = book.chapters[chapterIndex]
        let toc = outlines?[bookIndex][chapterIndex].toc ?? Self.toc(of: chapter)
        let sectionCount = toc.filter { Self.level(of: $0) == 2 }.count
        var chapterFields: [String: TemplateValue] = [
            "number": .number(chapterIndex + 1),
            "title": .text(chapter.frontMatter.title),
            "content": .markup(bodies[bookIndex][chapterIndex].html),
            "toc": .list(toc),
            "has_toc": .flag(sectionCount >= 2),
        ]
        chapterFields["summary"] = .optional(chapter.frontMatter.summary)
        var fields: [String: TemplateValue] = [
            "series": context.series,
            "books": context.books(current: book.slug, root: "../"),
            "book": context.book(book),
            "sidebar": context.sidebar(book: book, chapter: chapterIndex),
            "chapter": .object(chapterFields),
            "page": context.page(title: "\(chapter.frontMatter.title) · \(book.settings.title)", kind: "chapter", root: "../",
                                 path: "\(book.slug)/\(chapter.slug).html", description: chapter.frontMatter.summary,
                                 coverBook: book),
        ]
        if chapterIndex > 0 {
            let previous = book.chapters[chapterIndex - 1]
            fields["previous"] = ["title": .text(previous.frontMatter.title), "url": .text(URLPath.encode(previous.slug) + ".html")]
        } else {
            fields["previous"] = ["title": .text("Contents of \(book.settings.title)"), "url": "index.html"]
        }
        if chapterIndex + 1 < book.chapters.count {
            let next = book.chapters[chapterIndex + 1]
            fields["next"] = ["title": .text(next.frontMatter.title), "url": .text(URLPath.encode(next.slug) + ".html")]
        } else if bookIndex + 1 < publication.books.count {
            let nextBook = publication.books[bookIndex + 1]
            fields["next"] = ["title": .text("Book \(nextBook.position): \(nextBook.settings.title)"),
                              "url": .text("../\(URLPath.encode(nextBook.slug))/index.html")]
        }
        let html = templates.render("chapter", .object(fields))
        return OutputFile(path: "site/\(book.slug)/\(chapter.slug).html", content: .text(html))
    }

    /// A chapter's "On this page": its level 2 and 3 headings, in order.
    static func toc(of chapter: ResolvedChapter) -> [TemplateValue] {
        var toc: [TemplateValue] = []
        chapter.document.forEachHeading { heading in
            guard heading.level == 2 || heading.level == 3 else { return }
            toc.append(["level": .number(heading.level), "anchor": .text(URLPath.encode(heading.anchor)),
                        "title": .text(ResolvedInline.plainText(heading.content))])
        }
        return toc
    }

    private static func level(of entry: TemplateValue) -> Int {
        if case .object(let fields) = entry, case .number(let level)? = fields["level"] { return level }
        return 0
    }
}
