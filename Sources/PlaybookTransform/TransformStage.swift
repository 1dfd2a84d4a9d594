import Foundation
import PlaybookCore
import PlaybookScenario
import PlaybookEvaluate
import PlaybookSession
import PlaybookXHTML

/// The transform stage: computed content from scenarios, raw HTML made well-formed, heading
/// anchors, links and images resolved. It reads nothing from disk; everything it needs was loaded.
public enum TransformStage {
    /// Transforms every chapter (on all cores) and returns the publication and diagnostics.
    /// `scenarios` are those that loaded; `scenarioNames` names every scenario file.
    /// With a session in `memo`, a chapter is transformed again only when its text, a scenario
    /// it names, or the index of anchors its links resolve against changed; the revision of
    /// each transformed chapter is the `.resolve` query's of its path.
    public static func run(_ project: Project, scenarios: [String: Scenario] = [:],
                           scenarioNames: Set<String> = []) async -> (Publication, [Diagnostic]) {
        await run(project, scenarios: scenarios, scenarioNames: scenarioNames, memo: .none)
    }

    /// The same, running its work through `memo`.
    package static func run(_ project: consuming Project, scenarios: [String: Scenario] = [:],
                    scenarioNames: Set<String> = [], memo: Memo) async -> (Publication, [Diagnostic]) {
        await run(consume project, context: ScenarioContext(scenarios: scenarios, allNames: scenarioNames.union(scenarios.keys)),
                  memo: memo)
    }

    /// What a chapter's computed content, raw HTML and anchors depend on.
    private struct PrepareInput: Equatable, Sendable {
        var text: ExactText
        var smartPunctuation: Bool
        /// Every scenario file's name (what a wrong name is compared with).
        var scenarioNames: [String]
        /// The revisions of the scenarios whose names occur in the chapter, by name.
        var scenarios: [String: Revision]
    }

    /// What a chapter's resolved links depend on.
    private struct ResolveInput: Equatable, Sendable {
        /// The chapter's computed content, raw HTML and anchors.
        var prepared: Revision
        /// The index of everything a link can point at.
        var index: Revision
        /// The slug of the chapter's book (links are relative to it).
        var book: String
    }

    /// Whether a chapter resolved again came out as before (the index changed, but not what
    /// this chapter's links point at): then what is rendered from it is reused.
    private static func sameResolution(_ old: (ResolvedChapter, Set<String>, [Diagnostic]), _ new: (ResolvedChapter, Set<String>, [Diagnostic])) -> Bool {
        old.0.slug == new.0.slug && old.0.source.path == new.0.source.path && ExactText(old.0.source.text) == ExactText(new.0.source.text)
            && old.0.frontMatter == new.0.frontMatter && old.0.document == new.0.document && old.1 == new.1 && old.2 == new.2
    }

    /// Transforms every chapter with computed content from `context` (a report passes its
    /// own, holding its client's scenario and the simulation it has run already).
    ///
    /// The stage keeps no chapter longer than it needs: each step hands its chapters over to
    /// the next (``Swift/Array/concurrentMapConsuming(_:)``), so that when the caller hands the
    /// project over too, a parsed chapter is freed once prepared and a prepared one once
    /// resolved, and the stage never holds the whole series twice.
    package static func run(_ project: consuming Project, context: ScenarioContext, memo: Memo = .none) async -> (Publication, [Diagnostic]) {
        struct Job: Sendable {
            var book: Int
            var chapter: Int
            var value: Chapter
        }
        struct PreparedChapter: Sendable {
            var chapter: Chapter
            var anchors: HeadingAnchors
            var resources: [RawHTMLRewriter.WrittenResource]
            /// Its numbered tables and figures.
            var numbered: [NumberedItem]
            var diagnostics: [Diagnostic]
        }
        var jobs = project.books.enumerated().flatMap { bookIndex, book in
            book.chapters.enumerated().map { Job(book: bookIndex, chapter: $0.offset, value: $0.element) }
        }
        // From here on the jobs hold the chapters; the books keep their settings and files.
        for index in project.books.indices { project.books[index].chapters = [] }
        let places = jobs.map(\.book)
        // 1. Computed content, raw HTML and anchors, chapter by chapter.
        let scenarioNames = context.allNames.sorted()
        let smart = project.settings.smartPunctuation
        // Looked up once, not per chapter: the revision of each scenario this build loaded.
        let scenarioRevisions = Dictionary(uniqueKeysWithValues: scenarioNames.map { ($0, memo.revision(.scenario, ProjectLayout.scenario($0))) })
        var prepared = await jobs.concurrentMapConsuming { job -> Tracked<PreparedChapter> in
            func prepare() -> PreparedChapter {
                let (chapter, computedDiagnostics) = ComputedContentPass.run(job.value, context: context)
                // Most chapters hold no raw HTML; for those that do, the ids, resources and
                // problems of their raw HTML (the resolve step rewrites it again as it goes).
                var (ids, resources, htmlDiagnostics): ([RawHTMLRewriter.WrittenID], [RawHTMLRewriter.WrittenResource], [Diagnostic]) = ([], [], [])
                if RawHTMLPass.applies(to: chapter.document) {
                    (_, ids, resources, htmlDiagnostics) = RawHTMLPass.run(chapter.document, file: chapter.source)
                }
                let numbered = NumberedItem.collect(chapter.document, file: chapter.source)
                // A label used twice is reported once, for the book (label-duplicate).
                var labels: [(String, SourceLocation)] = []
                for item in numbered {
                    guard let label = item.label, let at = item.labelLocation, !labels.contains(where: { $0.0 == label }) else { continue }
                    labels.append((label, at))
                }
                let (anchors, anchorDiagnostics) = HeadingAnchors.assign(chapter.document, rawIDs: ids, labels: labels, file: chapter.source)
                return PreparedChapter(chapter: chapter, anchors: anchors, resources: resources, numbered: numbered,
                                       diagnostics: computedDiagnostics + htmlDiagnostics + anchorDiagnostics)
            }
            func input() -> PrepareInput {
                let text = job.value.source.text
                let named = scenarioNames.filter { UTF8Bytes.contains(text, $0) }
                return PrepareInput(text: ExactText(text), smartPunctuation: smart, scenarioNames: scenarioNames,
                                    scenarios: scenarioRevisions.filter { named.contains($0.key) })
            }
            return memo.query(.prepare, job.value.source.path, input: input(), compute: prepare)
        }
        // 2. The index of everything a link can point at.
        var entries: [String: ProjectIndex.BookEntry] = [:]
        for book in project.books {
            entries[book.slug] = ProjectIndex.BookEntry(chapters: [:], drafts: Set(book.draftSlugs), assets: Set(book.assets.map(\.path)))
        }
        var numbered = project.books.map { _ in [(slug: String, items: [NumberedItem])]() }
        for (book, result) in zip(places, prepared) {
            entries[project.books[book].slug]?.chapters[result.value.chapter.slug] = result.value.anchors.all
            numbered[book].append((result.value.chapter.slug, result.value.numbered))
        }
        var numberDiagnostics: [[Diagnostic]] = project.books.map { _ in [] }
        for (index, book) in project.books.enumerated() {
            let (numbers, found) = BookNumbers.number(numbered[index])
            entries[book.slug]?.numbers = numbers
            numberDiagnostics[index] = found
        }
        let index = ProjectIndex(books: entries, baseURL: project.settings.baseURL)
        let indexRevision = memo.revision(.index, of: index)
        // 3. Links and images.
        var resolvedJobs = zip(places, prepared).map { ($0.0, $0.1) }
        prepared = []
        let books = project.books
        let resolved = await resolvedJobs.concurrentMapConsuming { bookIndex, item -> (ResolvedChapter, Set<String>, [Diagnostic]) in
            let prepared = item.value
            func resolve() -> (ResolvedChapter, Set<String>, [Diagnostic]) {
                var resolver = LinkResolver(index: index, book: books[bookIndex].slug, chapter: prepared.chapter.slug,
                                            anchors: prepared.anchors.all, file: prepared.chapter.source)
                let source = prepared.chapter
                let chapter = ResolvedChapter(slug: source.slug, source: source.source, frontMatter: source.frontMatter,
                                              document: resolver.resolve(source.document, anchors: prepared.anchors))
                for resource in prepared.resources { resolver.checkResource(resource) }
                return (chapter, resolver.usedAssets, prepared.diagnostics + resolver.diagnostics)
            }
            let input = ResolveInput(prepared: item.revision, index: indexRevision, book: books[bookIndex].slug)
            return memo.query(.resolve, prepared.chapter.source.path, input: input, unchanged: sameResolution, compute: resolve).value
        }
        var resolvedBooks = project.books.map { book in
            ResolvedBook(slug: book.slug, position: book.position, settings: book.settings, chapters: [], assets: book.assets,
                         draftSlugs: book.draftSlugs)
        }
        // A label used twice is reported where its chapter's diagnostics are (in reading order).
        var diagnostics: [Diagnostic] = numberDiagnostics.flatMap { $0 }
        var used: [Int: Set<String>] = [:]
        for (book, (chapter, assets, chapterDiagnostics)) in zip(places, resolved) {
            resolvedBooks[book].chapters.append(chapter)
            used[book, default: []].formUnion(assets)
            diagnostics += chapterDiagnostics
        }
        var images: [String: [Asset]] = [:]
        for (bookIndex, book) in resolvedBooks.enumerated() {
            let paths = used[bookIndex] ?? []
            images[book.slug] = book.assets.filter { paths.contains($0.path) }
        }
        return (Publication(settings: project.settings, books: resolvedBooks, imagesByBook: images), diagnostics)
    }
}
