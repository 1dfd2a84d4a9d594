import PlaybookCore
import PlaybookTemplates
import PlaybookLoad
import PlaybookSession

/// The render stage: every chapter's body, then each output of the series
/// (``SeriesRenderers/all``: every book's EPUB, the site), side by side.
public enum RenderStage {
    /// Renders the publication. Two outputs claiming the same path (a file in `site/` named
    /// like a generated page) are reported.
    /// With a session in `memo`, a chapter's body and pages are rendered again only when the
    /// chapter, the navigation (titles and order of books and chapters) or the templates
    /// changed, and a book is zipped again only when an entry of its EPUB changed.
    public static func run(_ publication: Publication, loaded: LoadedProject, sourceDate: Timestamp?) async
        -> (output: RenderedOutput, diagnostics: [Diagnostic]) {
        await run(publication, loaded: loaded, sourceDate: sourceDate, downloads: .none, memo: .none)
    }

    /// The same, running its work through `memo`. `downloads` is what else the run makes that
    /// the site links to (PDFs when it prints, the listed reports).
    package static func run(_ publication: Publication, loaded: LoadedProject, sourceDate: Timestamp?,
                            downloads: SiteDownloads = .none, memo: Memo) async -> (output: RenderedOutput, diagnostics: [Diagnostic]) {
        let made = await runKeepingSeries(publication, loaded: loaded, sourceDate: sourceDate, downloads: downloads, memo: memo)
        return (made.output, made.diagnostics)
    }

    /// The same, also returning the rendered series (every chapter's body), from which the
    /// books' print pages (``BookPrintPage``) are made after the render stage. With a `sink`,
    /// the big files (chapter pages, EPUB entries and archives, the search index) go there as
    /// they are made, and the output lists them as streamed.
    ///
    /// Unless `keepsDocuments`, each chapter's document is freed once its body is rendered (what
    /// the renderers read from it besides is taken first: ``ChapterOutline``), and the returned
    /// series' publication has empty documents; a caller that hands `publication` over then
    /// never holds every document and every body at once. The books' PDFs need the documents,
    /// and so does a session (its queries read them).
    package static func runKeepingSeries(_ publication: consuming Publication, loaded: LoadedProject, sourceDate: Timestamp?,
                                         downloads: SiteDownloads = .none, memo: Memo, sink: (any OutputSink)? = nil,
                                         keepsDocuments: Bool = true)
        async -> (output: RenderedOutput, diagnostics: [Diagnostic], series: RenderedSeries) {
        var (series, bodyDiagnostics) = await bodies(consume publication, loaded: loaded, sourceDate: sourceDate, downloads: downloads,
                                                     memo: memo, outlines: !keepsDocuments)
        series.sink = sink
        let (output, diagnostics) = await render(&series, freesAsItGoes: !keepsDocuments)
        return (output, bodyDiagnostics + diagnostics + clashes(in: output), series)
    }

    /// The same in two parts, for the preview server: the outputs the site's pages need, then
    /// (`later`) the ``SeriesRenderer/deferrable`` ones — every book's EPUB, the search index —
    /// which the server makes after it has written the pages and reloaded them. `later`'s
    /// diagnostics include any clash of its files with the first part's.
    package static func runDeferring(_ publication: Publication, loaded: LoadedProject, sourceDate: Timestamp?,
                                     downloads: SiteDownloads = .none, memo: Memo)
        async -> (output: RenderedOutput, diagnostics: [Diagnostic], series: RenderedSeries,
                  later: @Sendable () async -> (output: RenderedOutput, diagnostics: [Diagnostic])) {
        let (series, bodyDiagnostics) = await bodies(publication, loaded: loaded, sourceDate: sourceDate, downloads: downloads, memo: memo,
                                                     outlines: false)
        var pages = series
        let (output, diagnostics) = await render(&pages, SeriesRenderers.all.filter { !$0.deferrable })
        let later: @Sendable () async -> (output: RenderedOutput, diagnostics: [Diagnostic]) = {
            var deferred = series
            let (rest, restDiagnostics) = await render(&deferred, SeriesRenderers.all.filter(\.deferrable))
            return (rest, restDiagnostics + clashes(in: RenderedOutput(files: output.files + rest.files, epubs: [])))
        }
        return (output, bodyDiagnostics + diagnostics + clashes(in: output), series, later)
    }

    /// Every chapter's body, for the site and the EPUB at once, on all cores: what the
    /// series' renderers start from.
    /// With `outlines`, each chapter's ``ChapterOutline`` too, and the documents are freed as
    /// their chapters are done (the jobs hold them, not the publication returned).
    private static func bodies(_ publication: consuming Publication, loaded: LoadedProject, sourceDate: Timestamp?,
                               downloads: SiteDownloads, memo: Memo, outlines makesOutlines: Bool) async -> (RenderedSeries, [Diagnostic]) {
        struct Job: Sendable {
            var book: Int
            /// Its number in its book, from 1.
            var number: Int
            var chapter: ResolvedChapter
        }
        let baseURL = publication.settings.baseURL
        let templates = loaded.templates
        let slugs = publication.books.map(\.slug)
        var jobs = publication.books.enumerated().flatMap { index, book in
            book.chapters.enumerated().map { Job(book: index, number: $0.offset + 1, chapter: $0.element) }
        }
        let places = jobs.map(\.book)
        // The books without their chapters, for the search index's links and titles.
        let books = publication.books.map { book in
            var book = book
            book.chapters = []
            return book
        }
        if makesOutlines {
            // The jobs hold the documents and the texts; the publication keeps each chapter's
            // path, slug and front matter, which is all the renderers read besides the bodies.
            for bookIndex in publication.books.indices {
                for chapterIndex in publication.books[bookIndex].chapters.indices {
                    publication.books[bookIndex].chapters[chapterIndex].document = ResolvedDocument(blocks: [])
                    let path = publication.books[bookIndex].chapters[chapterIndex].source.path
                    publication.books[bookIndex].chapters[chapterIndex].source = SourceFile(path: path, text: "")
                }
            }
        }
        let presentation = memo.revision(.presentation)
        let rendered = await jobs.concurrentMapConsuming { job -> (body: Tracked<(RenderedBody, [Diagnostic])>, outline: ChapterOutline?) in
            let slug = slugs[job.book]
            func render() -> (RenderedBody, [Diagnostic]) {
                body(job.chapter, templates: templates, siteHref: { SitePaths.href($0, from: slug) },
                     epubHref: { EPUBPaths.href($0, from: slug, baseURL: baseURL) })
            }
            let path = job.chapter.source.path
            let made = memo.query(.body, path, input: BodyInput(chapter: memo.revision(.resolve, path), presentation: presentation,
                                                                book: slug, baseURL: baseURL),
                                  compute: render)
            return (made, makesOutlines ? ChapterOutline(job.chapter, number: job.number, book: books[job.book]) : nil)
        }
        var bodies = publication.books.map { _ in [RenderedBody]() }
        var bodyRevisions = publication.books.map { _ in [Revision]() }
        var outlines = publication.books.map { _ in [ChapterOutline]() }
        var diagnostics: [Diagnostic] = []
        for (book, (body, outline)) in zip(places, rendered) {
            bodies[book].append(body.value.0)
            bodyRevisions[book].append(body.revision)
            if let outline { outlines[book].append(outline) }
            diagnostics += body.value.1
        }
        let reuse = RenderReuse(memo: memo, bodies: bodyRevisions, presentation: presentation,
                                navigation: memo.revision(.navigation, of: NavigationInput(copy publication, downloads: downloads)),
                                downloads: downloads)
        let series = RenderedSeries(publication: publication, bodies: bodies, templates: templates, epubStylesheet: loaded.epubStylesheet,
                                    printStylesheet: loaded.bookPrintStylesheet, staticFiles: loaded.staticFiles, sourceDate: sourceDate, reuse: reuse,
                                    sink: nil, outlines: makesOutlines ? outlines : nil)
        return (series, diagnostics)
    }

    /// Each renderer of `renderers` (``SeriesRenderers/all``): the work that uses every core, one renderer
    /// after the other; then the rest of each at the same time (each book zipped while the
    /// site's pages render). Files, EPUBs and diagnostics in the order the renderers are listed.
    /// With `freesAsItGoes`, the bodies' XHTML is freed once the last renderer that reads it
    /// (the EPUB's) has started, and the search index's parts once it is written: the rest runs
    /// without them (at 5,000 chapters they are a quarter of the build's memory).
    private static func render(_ series: inout RenderedSeries, _ renderers: [any SeriesRenderer] = SeriesRenderers.all,
                               freesAsItGoes: Bool = false) async -> (RenderedOutput, [Diagnostic]) {
        var started: [SeriesRendering] = []
        let lastXHTMLReader = renderers.lastIndex(where: \.readsXHTMLBodies)
        let lastSearchReader = renderers.lastIndex(where: \.readsSearchEntries)
        for (index, renderer) in renderers.enumerated() {
            started.append(await renderer.start(series))
            guard freesAsItGoes else { continue }
            if index == lastXHTMLReader { series.freeXHTMLBodies() }
            if index == lastSearchReader { series.freeSearchEntries() }
        }
        let parts = await withTaskGroup(of: (Int, SeriesPart).self) { group in
            for (index, rendering) in started.enumerated() { group.addTask { (index, await rendering.finish()) } }
            var parts: [(Int, SeriesPart)] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.map(\.1)
        }
        var output = RenderedOutput(files: [], epubs: [])
        var diagnostics: [Diagnostic] = []
        for part in parts {
            output.files += part.output.files
            output.epubs += part.output.epubs
            output.streamed += part.output.streamed
            diagnostics += part.diagnostics
        }
        return (output, diagnostics)
    }

    /// Two outputs claiming the same path (a file in `site/` named like a generated page).
    /// Streamed files are generated pages, met before the files kept.
    private static func clashes(in output: RenderedOutput) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: [String: OutputFile] = [:]
        for path in output.streamed { seen[path] = OutputFile(path: path, content: .text("")) }
        for file in output.files {
            if let first = seen[file.path] {
                let culprit = [first, file].compactMap { if case .copy(let from) = $0.content { return from } else { return nil } }.first
                diagnostics.append(.error(.outputClash, "two files would be written to \(file.path)",
                                          at: culprit.map { SourceLocation.file($0) },
                                          hint: "rename \(culprit ?? "one of them"): its name is taken by a page Playbook makes"))
            } else {
                seen[file.path] = file
            }
        }
        return diagnostics
    }

    /// A chapter's body for both outputs: its computed blocks through their templates, then
    /// the document with links made by `siteHref` and `epubHref`.
    /// Footnote ids are `fn-1` …, or `fn-<notePrefix>1` … (a report's chapters share a page).
    package static func body(_ chapter: ResolvedChapter, templates: TemplateLibrary, siteHref: @escaping (LinkTarget) -> String,
                             epubHref: @escaping (LinkTarget) -> String, notePrefix: String = "") -> (RenderedBody, [Diagnostic]) {
        var markup: [SourcePosition: (html: String, xhtml: String)] = [:]
        var diagnostics: [Diagnostic] = []
        for block in chapter.document.computedBlocks {
            let written = ComputedMarkup.render(block, templates: templates, chapter: chapter.source)
            markup[block.position] = (written.html, written.xhtml)
            diagnostics += written.diagnostics
        }
        var renderer = DocumentRenderer(siteHref: siteHref, epubHref: epubHref,
                                        computedMarkup: { markup[$0.position] ?? ("", "") })
        renderer.notePrefix = notePrefix
        let source = chapter.source
        renderer.calloutMarkup = { callout, label, content in
            CalloutMarkup.render(kind: callout.kind, label: label, content: content, templates: templates, chapter: source,
                                 at: callout.position)
        }
        let (body, bodyDiagnostics) = renderer.renderWithDiagnostics(chapter.document)
        // Every body is held through the whole render stage: the renderer makes each string
        // from its bytes, in storage of its own size.
        return (body, diagnostics + bodyDiagnostics)
    }
}

/// What a chapter's body depends on.
private struct BodyInput: Equatable, Sendable {
    /// The transformed chapter (its `.resolve` query).
    var chapter: Revision
    /// The templates (computed blocks render through `templates/blocks/`).
    var presentation: Revision
    /// The slug of its book, which links are relative to.
    var book: String
    /// The series' `base_url`, which EPUB links to the site start with.
    var baseURL: String?
}

/// What the site and EPUB renderers need to run their work as queries: the memo and the
/// revisions of what every page depends on.
package struct RenderReuse: Sendable {
    let memo: Memo
    /// The revision of each chapter's body, by book and chapter index.
    let bodies: [[Revision]]
    /// The revision of the templates and stylesheets.
    let presentation: Revision
    /// The revision of the navigation every page shows (downloads included).
    let navigation: Revision
    /// What the site links to for download; part of ``navigation``'s input.
    let downloads: SiteDownloads

    /// The renderers' work without a session: everything computed.
    static func none(_ publication: Publication) -> RenderReuse {
        RenderReuse(memo: .none, bodies: publication.books.map { $0.chapters.map { _ in Memo.none.revision(.body) } },
                    presentation: Memo.none.revision(.presentation), navigation: Memo.none.revision(.navigation), downloads: .none)
    }

    /// What a chapter's site or EPUB page depends on.
    private struct PageInput: Equatable, Sendable {
        var body: Revision
        var navigation: Revision
        var presentation: Revision
        /// The chapter's place: its book's and its own index (numbering, previous and next).
        var book: Int
        var chapter: Int
    }

    /// The values templates see, made again only when the navigation (downloads included) changed.
    func pageContext(_ publication: Publication) -> PageContext {
        let downloads = self.downloads
        return memo.query(.pageContext, input: navigation) { PageContext(publication: publication, downloads: downloads) }.value
    }

    /// A chapter's page, rendered again only when its body, the navigation, the templates or
    /// its place changed.
    func page<Value: Sendable>(_ kind: QueryKind, book: Int, chapter: Int, path: String, render: () -> Value) -> Value {
        memo.query(kind, path, input: PageInput(body: bodies[book][chapter], navigation: navigation, presentation: presentation,
                                                book: book, chapter: chapter), compute: render).value
    }
}

/// Everything about the series and its books that every page shows: titles, order, chapters'
/// titles and summaries, and what the site links to for download.
struct NavigationInput: Equatable, Sendable {
    var settings: SeriesSettings
    var books: [[String?]]
    var bookSettings: [BookSettings]
    /// Whether the run prints PDFs, and the listed reports it makes (the site's download links).
    var downloads: SiteDownloads

    init(_ publication: Publication, downloads: SiteDownloads) {
        self.downloads = downloads
        settings = publication.settings
        bookSettings = publication.books.map(\.settings)
        books = publication.books.map { book in
            [book.slug, String(book.position)] + book.chapters.flatMap { [$0.slug, $0.frontMatter.title, $0.frontMatter.summary] }
        }
    }
}
