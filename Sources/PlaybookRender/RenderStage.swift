import PlaybookCore
import PlaybookTemplates
import PlaybookLoad
import PlaybookSession

/// The render stage: the site and every book's EPUB, side by side.
public enum RenderStage {
    /// Renders the publication. Two outputs claiming the same path (a file in `site/` named
    /// like a generated page) are reported.
    /// With a session in `memo`, a chapter's body and pages are rendered again only when the
    /// chapter, the navigation (titles and order of books and chapters) or the templates
    /// changed, and a book is zipped again only when an entry of its EPUB changed.
    public static func run(_ publication: Publication, loaded: LoadedProject, sourceDate: Timestamp?) async
        -> (output: RenderedOutput, diagnostics: [Diagnostic]) {
        await run(publication, loaded: loaded, sourceDate: sourceDate, memo: .none)
    }

    /// The same, running its work through `memo`.
    package static func run(_ publication: Publication, loaded: LoadedProject, sourceDate: Timestamp?,
                    memo: Memo) async -> (output: RenderedOutput, diagnostics: [Diagnostic]) {
        // Every chapter body, for the site and the EPUB at once, on all cores.
        struct Job: Sendable {
            var book: Int
            var chapter: ResolvedChapter
        }
        let baseURL = publication.settings.baseURL
        let templates = loaded.templates
        let slugs = publication.books.map(\.slug)
        let jobs = publication.books.enumerated().flatMap { index, book in book.chapters.map { Job(book: index, chapter: $0) } }
        let presentation = memo.revision(.presentation)
        let rendered = await jobs.concurrentMap { job -> Tracked<(RenderedBody, [Diagnostic])> in
            let slug = slugs[job.book]
            func render() -> (RenderedBody, [Diagnostic]) {
                body(job.chapter, templates: templates, siteHref: { SitePaths.href($0, from: slug) },
                     epubHref: { EPUBPaths.href($0, from: slug, baseURL: baseURL) })
            }
            let path = job.chapter.source.path
            return memo.query(.body, path, input: BodyInput(chapter: memo.revision(.resolve, path), presentation: presentation,
                                                            book: slug, baseURL: baseURL),
                              compute: render)
        }
        var bodies = publication.books.map { _ in [RenderedBody]() }
        var bodyRevisions = publication.books.map { _ in [Revision]() }
        var bodyDiagnostics: [Diagnostic] = []
        for (job, body) in zip(jobs, rendered) {
            bodies[job.book].append(body.value.0)
            bodyRevisions[job.book].append(body.revision)
            bodyDiagnostics += body.value.1
        }
        let reuse = RenderReuse(memo: memo, bodies: bodyRevisions, presentation: presentation,
                                navigation: memo.revision(.navigation, of: NavigationInput(publication)))

        let site = SiteRenderer(publication: publication, templates: loaded.templates, staticFiles: loaded.staticFiles,
                                bodies: bodies, reuse: reuse)
        let epub = EPUBRenderer(publication: publication, templates: loaded.templates, stylesheet: loaded.epubStylesheet,
                                sourceDate: sourceDate, reuse: reuse)
        // EPUB chapters first, on all cores; then each book is zipped (one core each) while
        // the site's pages render on whatever is free.
        var books: [(slug: String, entries: [OutputFile], modified: Timestamp)] = []
        for (index, book) in publication.books.enumerated() { books.append(await epub.entries(book, bodies: bodies[index])) }
        let bookEntries = books
        async let packaged = withTaskGroup(of: (Int, Result<EPUBPackage, Diagnostic>).self) { group in
            for (index, entries) in bookEntries.enumerated() {
                group.addTask {
                    do {
                        return (index, .success(try EPUBRenderer.package(entries, memo: memo)))
                    } catch {
                        return (index, .failure(.error(.epubFailed, "the EPUB of '\(entries.slug)' could not be packaged: \(error)", at: nil)))
                    }
                }
            }
            var results: [(Int, Result<EPUBPackage, Diagnostic>)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
        async let siteFiles = site.render()
        let files = await siteFiles
        var diagnostics = bodyDiagnostics
        var epubs: [EPUBPackage] = []
        for result in await packaged {
            switch result {
            case .success(let package): epubs.append(package)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        var seen: [String: OutputFile] = [:]
        for file in files {
            if let first = seen[file.path] {
                let culprit = [first, file].compactMap { if case .copy(let from) = $0.content { return from } else { return nil } }.first
                diagnostics.append(.error(.outputClash, "two files would be written to \(file.path)",
                                          at: culprit.map { SourceLocation.file($0) },
                                          hint: "rename \(culprit ?? "one of them"): its name is taken by a page Playbook makes"))
            } else {
                seen[file.path] = file
            }
        }
        return (RenderedOutput(files: files, epubs: epubs), diagnostics)
    }

    /// A chapter's body for both outputs: its computed blocks through their templates, then
    /// the document with links made by `siteHref` and `epubHref`.
    package static func body(_ chapter: ResolvedChapter, templates: TemplateLibrary, siteHref: @escaping (LinkTarget) -> String,
                     epubHref: @escaping (LinkTarget) -> String) -> (RenderedBody, [Diagnostic]) {
        var markup: [SourcePosition: (html: String, xhtml: String)] = [:]
        var diagnostics: [Diagnostic] = []
        for block in chapter.document.computedBlocks {
            let written = ComputedMarkup.render(block, templates: templates, chapter: chapter.source)
            markup[block.position] = (written.html, written.xhtml)
            diagnostics += written.diagnostics
        }
        let body = DocumentRenderer(siteHref: siteHref, epubHref: epubHref,
                                    computedMarkup: { markup[$0.position] ?? ("", "") }).render(chapter.document)
        return (body, diagnostics)
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
    /// The revision of the navigation every page shows.
    let navigation: Revision

    /// The renderers' work without a session: everything computed.
    static func none(_ publication: Publication) -> RenderReuse {
        RenderReuse(memo: .none, bodies: publication.books.map { $0.chapters.map { _ in Memo.none.revision(.body) } },
                    presentation: Memo.none.revision(.presentation), navigation: Memo.none.revision(.navigation))
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

    /// The values templates see, made again only when the navigation changed.
    func pageContext(_ publication: Publication) -> PageContext {
        memo.query(.pageContext, input: navigation) { PageContext(publication: publication) }.value
    }

    /// A chapter's page, rendered again only when its body, the navigation, the templates or
    /// its place changed.
    func page<Value: Sendable>(_ kind: QueryKind, book: Int, chapter: Int, path: String, render: () -> Value) -> Value {
        memo.query(kind, path, input: PageInput(body: bodies[book][chapter], navigation: navigation, presentation: presentation,
                                                book: book, chapter: chapter), compute: render).value
    }
}

/// Everything about the series and its books that every page shows: titles, order, chapters'
/// titles and summaries.
struct NavigationInput: Equatable, Sendable {
    var settings: SeriesSettings
    var books: [[String?]]
    var bookSettings: [BookSettings]

    init(_ publication: Publication) {
        settings = publication.settings
        bookSettings = publication.books.map(\.settings)
        books = publication.books.map { book in
            [book.slug, String(book.position)] + book.chapters.flatMap { [$0.slug, $0.frontMatter.title, $0.frontMatter.summary] }
        }
    }
}
