import PlaybookCore
import PlaybookScenario

/// The project after the transform stage: documents with anchors, resolved links and XHTML
/// for raw HTML, and for each book the files its chapters show (which its EPUB must carry).
public struct Publication: Sendable {
    /// The series settings.
    public var settings: SeriesSettings
    /// The books, with transformed chapters.
    public var books: [Book]
    /// For each book slug, the book files shown as images, sorted by path.
    public var imagesByBook: [String: [Asset]]
}

/// The transform stage: computed content from scenarios, raw HTML made well-formed, heading
/// anchors, links and images resolved. It reads nothing from disk; everything it needs was loaded.
public enum TransformStage {
    /// Transforms every chapter (on all cores) and returns the publication and diagnostics.
    /// `scenarios` are those that loaded; `scenarioNames` names every scenario file.
    public static func run(_ project: Project, scenarios: [String: Scenario] = [:],
                           scenarioNames: Set<String> = []) async -> (Publication, [Diagnostic]) {
        await run(project, context: ScenarioContext(scenarios: scenarios, allNames: scenarioNames.union(scenarios.keys)))
    }

    /// Transforms every chapter with computed content from `context` (a report passes its
    /// own, holding its client's scenario and the simulation it has run already).
    static func run(_ project: Project, context: ScenarioContext) async -> (Publication, [Diagnostic]) {
        struct Job: Sendable {
            var book: Int
            var chapter: Int
            var value: Chapter
        }
        struct Prepared: Sendable {
            var chapter: Chapter
            var anchors: Set<String>
            var resources: [RawHTMLRewriter.WrittenResource]
            var diagnostics: [Diagnostic]
        }
        let jobs = project.books.enumerated().flatMap { bookIndex, book in
            book.chapters.enumerated().map { Job(book: bookIndex, chapter: $0.offset, value: $0.element) }
        }
        // 1. Computed content, raw HTML and anchors, chapter by chapter.
        let prepared = await jobs.concurrentMap { job -> Prepared in
            var (chapter, computedDiagnostics) = ComputedContentPass.run(job.value, context: context)
            let (document, ids, resources, htmlDiagnostics) = RawHTMLPass.run(chapter.document, file: chapter.source)
            let (anchored, anchors, anchorDiagnostics) = HeadingAnchors.assign(document, rawIDs: ids, file: chapter.source)
            chapter.document = anchored
            return Prepared(chapter: chapter, anchors: anchors, resources: resources,
                            diagnostics: computedDiagnostics + htmlDiagnostics + anchorDiagnostics)
        }
        // 2. The index of everything a link can point at.
        var entries: [String: ProjectIndex.BookEntry] = [:]
        for book in project.books {
            entries[book.slug] = ProjectIndex.BookEntry(chapters: [:], drafts: Set(book.draftSlugs), assets: Set(book.assets.map(\.path)))
        }
        for (job, result) in zip(jobs, prepared) {
            entries[project.books[job.book].slug]?.chapters[result.chapter.slug] = result.anchors
        }
        let index = ProjectIndex(books: entries, baseURL: project.settings.baseURL)
        // 3. Links and images.
        let resolvedJobs = zip(jobs, prepared).map { ($0.0.book, $0.1) }
        let resolved = await resolvedJobs.concurrentMap { bookIndex, item -> (Chapter, Set<String>, [Diagnostic]) in
            var resolver = LinkResolver(index: index, book: project.books[bookIndex].slug, anchors: item.anchors, file: item.chapter.source)
            var chapter = item.chapter
            chapter.document = resolver.resolve(chapter.document)
            for resource in item.resources { resolver.checkResource(resource) }
            return (chapter, resolver.usedAssets, item.diagnostics + resolver.diagnostics)
        }
        var books = project.books
        var diagnostics: [Diagnostic] = []
        var used: [Int: Set<String>] = [:]
        for (job, (chapter, assets, chapterDiagnostics)) in zip(jobs, resolved) {
            books[job.book].chapters[job.chapter] = chapter
            used[job.book, default: []].formUnion(assets)
            diagnostics += chapterDiagnostics
        }
        var images: [String: [Asset]] = [:]
        for (bookIndex, book) in books.enumerated() {
            let paths = used[bookIndex] ?? []
            images[book.slug] = book.assets.filter { paths.contains($0.path) }
        }
        return (Publication(settings: project.settings, books: books, imagesByBook: images), diagnostics)
    }
}
