import Foundation
import PlaybookCore
import PlaybookKit
import Testing
@testable import PlaybookSession
@testable import PlaybookTransform

/// What a rebuild through a ``BuildSession`` does again after one edit, counted memo by memo
/// (``BuildWork``): the work done, not the files written. The differential test
/// (``IncrementalBuildTests``) proves the output right; these prove the work small.
@Suite struct IncrementalReuseTests {
    /// A project copied into a temporary folder, built once through a session.
    struct Built {
        let temporary: TemporaryFolder
        let project: URL
        let session = BuildSession()

        init(_ name: String) async throws {
            temporary = try TemporaryFolder()
            project = try IncrementalBuildTests.copy(name, into: temporary.url.appendingPathComponent("project"))
        }

        /// Builds and returns what the build computed, recording an issue when it fails.
        func build(sourceLocation: Testing.SourceLocation = #_sourceLocation) async -> BuildWork {
            let report = await BuildPipeline.run(BuildOptions(projectRoot: project, output: temporary.url.appendingPathComponent("build"),
                                                              sourceDate: IncrementalBuildTests.sourceDate, session: session))
            #expect(report.wrote, "the build failed:\n\(DiagnosticPrinter().format(report.diagnostics))", sourceLocation: sourceLocation)
            return session.lastBuildWork
        }

        /// Rewrites a project file with `edit` applied to its text.
        func edit(_ path: String, _ edit: (String) -> String) throws {
            let url = project.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            try edit(text).write(to: url, atomically: true, encoding: .utf8)
        }

        func write(_ path: String, _ text: String) throws {
            let url = project.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    static let start = "content/guide/01-start.md"
    static let links = "content/guide/02-links.md"
    static let notes = "content/appendix/01-notes.md"
    static let allChapters = [notes, start, links]

    @Test("a rebuild with nothing changed computes nothing")
    func nothingChanged() async throws {
        let built = try await Built("basic")
        defer { built.temporary.remove() }
        let first = await built.build()
        #expect(first.computed("page") == Self.allChapters)
        let second = await built.build()
        #expect(second.computed == [:])
        #expect(second.reused("page") == 3)
    }

    @Test("a prose edit to one chapter parses, transforms and renders that chapter only")
    func proseEdit() async throws {
        let built = try await Built("basic")
        defer { built.temporary.remove() }
        _ = await built.build()
        try built.edit(Self.links) { $0.replacingOccurrences(of: "A draft is left out:", with: "A draft is always left out:") }
        let work = await built.build()
        let chapter = [Self.links]
        #expect(work.computed == [
            "chapter": chapter, "prepare": chapter, "resolve": chapter,
            "body": chapter, "page": chapter, "xhtml": chapter, "search": chapter,
            // The chapter's entry in its book's EPUB navigation, and its compressed EPUB entry.
            "navigation": chapter, "zip": ["guide/OEBPS/02-links.xhtml"],
        ])
    }

    @Test("told which paths changed, a rebuild reads and looks at those files only")
    func knownPaths() async throws {
        let built = try await Built("basic")
        defer { built.temporary.remove() }
        let first = await built.build()
        // The first build reads every file (each chapter once, the draft too).
        #expect(first.reads.filter { $0.hasSuffix(".md") && $0.hasPrefix("content/") && !$0.contains("/reports/") }
                == (Self.allChapters + ["content/guide/03-draft.md"]).sorted())
        // Nothing changed: nothing is read, listed or looked at.
        built.session.changedPaths = []
        let idle = await built.build()
        #expect(idle.reads == [] && idle.looked == [] && idle.computed == [:])
        // A prose edit: that chapter's status (for itself, and whether its folder's listing
        // holds) and text, and the same work as without the paths.
        try built.edit(Self.links) { $0.replacingOccurrences(of: "A draft is left out:", with: "A draft is always left out:") }
        built.session.changedPaths = [Self.links]
        let work = await built.build()
        #expect(work.looked == [Self.links, Self.links])
        #expect(work.reads == [Self.links])
        let chapter = [Self.links]
        #expect(work.computed == [
            "chapter": chapter, "prepare": chapter, "resolve": chapter,
            "body": chapter, "page": chapter, "xhtml": chapter, "search": chapter,
            "navigation": chapter, "zip": ["guide/OEBPS/02-links.xhtml"],
        ])
        // Not told: every file is looked at again (the same work is done).
        try built.edit(Self.links) { $0.replacingOccurrences(of: "A draft is always left out:", with: "A draft is left out:") }
        let unknown = await built.build()
        #expect(unknown.looked.count > 1 && unknown.reads.contains(Self.links))
        #expect(unknown.computed == work.computed)
    }

    @Test("a template edit renders the pages again but parses and transforms nothing")
    func templateEdit() async throws {
        let built = try await Built("basic")
        defer { built.temporary.remove() }
        _ = await built.build()
        try built.write("templates/chapter.mustache", ProjectStarter.files["templates/chapter.mustache", default: ""] + "<!-- edited -->\n")
        let work = await built.build()
        #expect(work.computed("presentation") == [""])
        for kind in ["chapter", "prepare", "index", "resolve"] {
            #expect(work.computed(kind) == [], "\(kind) was computed again")
        }
        #expect(work.computed("page") == Self.allChapters)
    }

    @Test("a scenario edit computes again the chapters that name it, and the reports")
    func scenarioEdit() async throws {
        let built = try await Built("starter")
        defer { built.temporary.remove() }
        let named = "content/handbook/01-the-business-case.md", other = "content/handbook/02-other.md"
        try built.write(other, "---\ntitle: Another chapter\norder: 2\n---\n\nNo figures here.\n")
        _ = await built.build()
        try built.edit("content/scenarios/harbour-energy.yaml") { $0.replacingOccurrences(of: "60_000 calls", with: "61_000 calls") }
        let work = await built.build()
        #expect(work.computed("scenario") == ["content/scenarios/harbour-energy.yaml"])
        #expect(work.computed("chapter") == [])
        #expect(work.computed("prepare") == [named])
        #expect(work.computed("resolve") == [named])
        #expect(work.computed("reports") == [""])
        #expect(work.reused("prepare") == 1, "\(other) names no scenario and must be reused")
    }

    /// Before the session cut off unchanged values (``BuildSession/memo(_:input:unchanged:compute:)``),
    /// adding a heading anywhere rendered every chapter again: here body, page, xhtml, search
    /// and navigation were computed for all 3 chapters.
    @Test("adding a heading to one chapter renders that chapter only")
    func headingAdded() async throws {
        let built = try await Built("basic")
        defer { built.temporary.remove() }
        _ = await built.build()
        try built.edit(Self.links) { $0 + "\n## A new section\n\nIts text.\n" }
        let work = await built.build()
        let chapter = [Self.links]
        #expect(work.computed("prepare") == chapter)
        // The index of anchors changed, so every chapter's links are checked again; but only
        // the chapter whose resolved document changed is rendered again.
        #expect(work.computed("index") == [""])
        #expect(work.computed("resolve") == Self.allChapters)
        #expect(work.unchanged("resolve") == [Self.notes, Self.start])
        for kind in ["body", "page", "xhtml", "search", "navigation"] {
            #expect(work.computed(kind) == chapter, "\(kind) computed for \(work.computed(kind))")
        }
    }

    @Test("a folder an edit empties leaves the preview too, as it would a fresh build")
    func emptiedFolder() async throws {
        let built = try await Built("basic")
        defer { built.temporary.remove() }
        try built.write("site/extra/notes/a.txt", "a")
        try built.write("site/extra/b.txt", "b")
        _ = await built.build()
        let output = built.temporary.url.appendingPathComponent("build")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("site/extra/notes/a.txt").path))
        try FileManager.default.removeItem(at: built.project.appendingPathComponent("site/extra"))
        _ = await built.build()
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("site/extra").path))
        let fresh = built.temporary.url.appendingPathComponent("fresh")
        let report = await BuildPipeline.run(BuildOptions(projectRoot: built.project, output: fresh, sourceDate: IncrementalBuildTests.sourceDate))
        #expect(report.wrote)
        #expect(ProjectTree(reading: output).firstDifference(from: ProjectTree(reading: fresh)) == nil)
    }
}
