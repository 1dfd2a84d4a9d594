import Foundation
import PlaybookCore
import PlaybookMarkdown
import PlaybookFiles
import PlaybookSession

/// The load stage: reads `playbook.yaml`, every listed book's `book.yaml` and chapters, and
/// returns the ``Project`` with every diagnostic found on the way.
///
/// Loading never stops at the first mistake: each file is read as far as it can be so that
/// one run reports all problems. Chapters are read and parsed on all cores.
public struct ProjectLoader: Sendable {
    /// The project folder.
    public let root: URL
    /// Whether chapters marked `draft: true` are included.
    public let includeDrafts: Bool
    /// Parses of earlier builds to reuse (the preview server's session), or none.
    let memo: Memo

    /// Creates a loader for the project in `root`.
    public init(root: URL, includeDrafts: Bool = false) {
        self.init(root: root, includeDrafts: includeDrafts, memo: .none)
    }

    /// Creates a loader for the project in `root` that runs its work through `memo`.
    init(root: URL, includeDrafts: Bool, memo: Memo) {
        self.root = root
        self.includeDrafts = includeDrafts
        self.memo = memo
    }

    /// Loads the project. `project` is `nil` only when `playbook.yaml` itself is unusable;
    /// check `diagnostics` for errors either way.
    public func load() async -> (project: Project?, diagnostics: [Diagnostic]) {
        let directory = ProjectDirectory(root: root).remembering(memo.files)
        let settingsFile: SourceFile
        switch directory.read("playbook.yaml") {
        case .file(let file): settingsFile = file
        case .missing:
            return (nil, [.noProject(in: root.path)])
        case .failed(let diagnostic): return (nil, [diagnostic])
        }
        var (settings, diagnostics) = SeriesSettingsLoader.load(settingsFile)
        guard let series = settings else { return (nil, diagnostics) }
        settings = series

        let parser = MarkdownParser(smartPunctuation: series.smartPunctuation)
        let chapterLoader = ChapterLoader(directory: directory, parser: parser, memo: memo)
        var books: [Book] = []
        var chapterJobs: [(book: Int, path: String)] = []
        var bookFolders: [Int: [String]] = [:]
        for (index, reference) in series.books.enumerated() {
            let folder = "content/\(reference.slug)"
            guard directory.isDirectory(folder) else {
                let existing = directory.list("content").filter { directory.isDirectory("content/\($0)") }
                diagnostics.append(.error(.missingBook, "the book '\(reference.slug)' is listed but \(folder)/ does not exist",
                                          at: reference.location,
                                          hint: NearestName.hint(for: reference.slug, among: existing)
                                            ?? "create \(folder)/ with a book.yaml and chapters"))
                continue
            }
            // A book folder that is a link to somewhere else is not published.
            if var problem = directory.folderProblem(folder) {
                problem.location = reference.location
                diagnostics.append(problem)
                continue
            }
            let bookSettings: BookSettings?
            switch directory.read("\(folder)/book.yaml") {
            case .file(let file):
                let (loaded, bookDiagnostics) = BookSettingsLoader.load(file, seriesAuthors: series.authors)
                diagnostics += bookDiagnostics
                bookSettings = loaded
            case .missing:
                diagnostics.append(.error(.missingBookSettings, "\(folder)/ has no book.yaml", at: reference.location,
                                          hint: "add \(folder)/book.yaml with at least a title and a date"))
                bookSettings = nil
            case .failed(let diagnostic):
                diagnostics.append(diagnostic)
                bookSettings = nil
            }
            let (files, refused) = directory.files(under: folder)
            diagnostics += refused
            for name in files where !name.utf8.contains(UInt8(ascii: "/")) && name.hasSuffix(".md") {
                chapterJobs.append((books.count, "\(folder)/\(name)"))
            }
            bookFolders[books.count] = files.filter { $0 != "book.yaml" && !($0.hasSuffix(".md") && !$0.utf8.contains(UInt8(ascii: "/"))) }
            let placeholder = BookSettings(title: reference.slug, authors: series.authors,
                                           date: Timestamp(secondsSinceEpoch: 0))
            books.append(Book(slug: reference.slug, position: index + 1, settings: bookSettings ?? placeholder, chapters: []))
        }

        let loaded = await chapterJobs.concurrentMap { job in (job.book, chapterLoader.load(path: job.path)) }
        var chaptersByBook: [Int: [ChapterLoader.Loaded]] = [:]
        for (book, (chapter, chapterDiagnostics)) in loaded {
            diagnostics += chapterDiagnostics
            if let chapter { chaptersByBook[book, default: []].append(chapter) }
        }
        for index in books.indices {
            var loadedChapters = chaptersByBook[index] ?? []
            let nameProblems = Self.checkNames(loadedChapters)
            diagnostics += nameProblems.map(\.1)
            let unusable = Set(nameProblems.map(\.0))
            loadedChapters.removeAll { unusable.contains($0.chapter.slug) }
            diagnostics += Self.checkOrder(loadedChapters)
            books[index].draftSlugs = loadedChapters
                .filter { !includeDrafts && $0.chapter.frontMatter.draft }.map(\.chapter.slug).sorted()
            books[index].chapters = loadedChapters
                .filter { includeDrafts || !$0.chapter.frontMatter.draft }
                .sorted { ($0.chapter.frontMatter.order, $0.chapter.slug) < ($1.chapter.frontMatter.order, $1.chapter.slug) }
                .map(\.chapter)
            for path in bookFolders[index] ?? [] {
                let sourcePath = "content/\(books[index].slug)/\(path)"
                switch directory.readBytes(sourcePath) {
                case .bytes(let bytes): books[index].assets.append(Asset(path: path, sourcePath: sourcePath, bytes: bytes))
                case .failed(let diagnostic): diagnostics.append(diagnostic)
                case .missing: diagnostics.append(.disappeared(sourcePath))
                }
            }
            if books[index].chapters.isEmpty, loadedChapters.isEmpty, let reference = series.books.first(where: { $0.slug == books[index].slug }) {
                diagnostics.append(.error(.emptyBook, "the book '\(books[index].slug)' has no chapters", at: reference.location,
                                          hint: "add Markdown chapters to content/\(books[index].slug)/"))
            }
        }
        diagnostics += unlistedBooks(directory: directory, series: series)
        return (Project(settings: series, books: books), diagnostics)
    }

    // MARK: - Checks

    /// Chapter file names become page names (in books and report templates alike), so they must be usable in URLs and must not take
    /// the name of a page Playbook makes (`index.html`, and `nav`, `cover`, `toc` and `series` in EPUBs).
    /// Returns the slugs that cannot be used, with why.
    static func checkNames(_ chapters: [ChapterLoader.Loaded]) -> [(String, Diagnostic)] {
        let reserved = [
            "index": "the book's contents page is index.html", "nav": "the EPUB's contents page is nav.xhtml",
            "cover": "the EPUB's cover page is cover.xhtml", "toc": "the EPUB's old-style contents are toc.ncx",
            "series": "the EPUB's \"About this series\" page is series.xhtml",
        ]
        return chapters.compactMap { loaded in
            let chapter = loaded.chapter
            if let reason = reserved[chapter.slug.lowercased()] {
                return (chapter.slug, .error(.reservedChapterName, "a chapter cannot be called \(chapter.slug).md: \(reason)",
                                             at: chapter.source.start, hint: "rename the file, for example to 00-introduction.md"))
            }
            if !Slug.isValidFileName(chapter.slug) {
                return (chapter.slug, .error(.invalidChapterName, "the file name '\(chapter.slug).md' cannot be used as a page name",
                                             at: chapter.source.start,
                                             hint: "chapter file names become parts of web addresses: use letters, digits, '-', '_' and '.'"))
            }
            return nil
        }
    }

    /// No two chapters of a book may share an `order`.
    static func checkOrder(_ chapters: [ChapterLoader.Loaded]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var first: [Int: ChapterLoader.Loaded] = [:]
        for loaded in chapters.sorted(by: { $0.chapter.source.path < $1.chapter.source.path }) {
            let order = loaded.chapter.frontMatter.order
            if let earlier = first[order] {
                diagnostics.append(.error(
                    .duplicateOrder, "two chapters have order \(order): this one and \(earlier.chapter.source.path)",
                    at: loaded.orderLocation, hint: "give each chapter of a book its own order",
                    notes: [.init("order \(order) is also used here", at: earlier.orderLocation)]))
            } else {
                first[order] = loaded
            }
        }
        return diagnostics
    }

    /// Folders under `content/` that look like books but are not listed.
    private func unlistedBooks(directory: ProjectDirectory, series: SeriesSettings) -> [Diagnostic] {
        let listed = Set(series.books.map(\.slug))
        return directory.list("content").compactMap { name in
            guard !listed.contains(name), !SeriesSettingsLoader.reservedFolders.contains(name),
                  directory.exists("content/\(name)/book.yaml") else { return nil }
            return .warning(.unlistedBook, "content/\(name)/ has a book.yaml but is not listed in playbook.yaml",
                            at: SourceLocation(file: "content/\(name)/book.yaml", line: 1, column: 1),
                            hint: "add '\(name)' to the books in playbook.yaml to publish it")
        }
    }
}
