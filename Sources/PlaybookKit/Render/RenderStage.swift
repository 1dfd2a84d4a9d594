import PlaybookCore
import PlaybookTemplates

/// The render stage: the site and every book's EPUB, side by side.
public enum RenderStage {
    /// Renders the publication. Two outputs claiming the same path (a file in `site/` named
    /// like a generated page) are reported.
    public static func run(_ publication: Publication, loaded: LoadedProject, sourceDate: Timestamp?)
        async -> (output: RenderedOutput, diagnostics: [Diagnostic]) {
        // Every chapter body, for the site and the EPUB at once, on all cores.
        struct Job: Sendable {
            var book: Int
            var chapter: Chapter
        }
        let baseURL = publication.settings.baseURL
        let templates = loaded.templates
        let slugs = publication.books.map(\.slug)
        let jobs = publication.books.enumerated().flatMap { index, book in book.chapters.map { Job(book: index, chapter: $0) } }
        let rendered = await jobs.concurrentMap { job -> (RenderedBody, [Diagnostic]) in
            let slug = slugs[job.book]
            return body(job.chapter, templates: templates, siteHref: { SitePaths.href($0, from: slug) },
                        epubHref: { EPUBPaths.href($0, from: slug, baseURL: baseURL) })
        }
        var bodies = publication.books.map { _ in [RenderedBody]() }
        var bodyDiagnostics: [Diagnostic] = []
        for (job, (body, diagnostics)) in zip(jobs, rendered) {
            bodies[job.book].append(body)
            bodyDiagnostics += diagnostics
        }

        let site = SiteRenderer(publication: publication, templates: loaded.templates, staticFiles: loaded.staticFiles,
                                bodies: bodies)
        let epub = EPUBRenderer(publication: publication, templates: loaded.templates, stylesheet: loaded.epubStylesheet,
                                sourceDate: sourceDate)
        // EPUB chapters first, on all cores; then each book is zipped (one core each) while
        // the site's pages render on whatever is free.
        var books: [(slug: String, entries: [OutputFile], modified: Timestamp)] = []
        for (index, book) in publication.books.enumerated() { books.append(await epub.entries(book, bodies: bodies[index])) }
        let bookEntries = books
        async let packaged = withTaskGroup(of: (Int, Result<EPUBPackage, Diagnostic>).self) { group in
            for (index, entries) in bookEntries.enumerated() {
                group.addTask {
                    do {
                        return (index, .success(try EPUBRenderer.package(entries)))
                    } catch {
                        return (index, .failure(.error("epub-failed", "the EPUB of '\(entries.slug)' could not be packaged: \(error)", at: nil)))
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
                diagnostics.append(.error("output-clash", "two files would be written to \(file.path)",
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
    static func body(_ chapter: Chapter, templates: TemplateLibrary, siteHref: @escaping (LinkTarget) -> String,
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
