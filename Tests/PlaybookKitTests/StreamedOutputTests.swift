import Foundation
@testable import PlaybookKit
import PlaybookCore
import Testing
@testable import PlaybookRender
@testable import PlaybookWrite

/// A build writes its big files (chapter pages, EPUB entries, the search index) into its
/// staging folder as it makes them; whatever fails afterwards, the previous output stays as it
/// was, byte for byte, and nothing of the failed build is left behind.
@Suite struct StreamedOutputTests {
    /// The hidden folders beside `output` (staging folders, retired outputs).
    private func leftovers(beside output: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(".\(output.lastPathComponent).") }.sorted()
    }

    @Test func aBuildThatFailsAfterWritingItsPagesLeavesThePreviousOutputAsItWas() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let project = temporary.url.appendingPathComponent("project")
        _ = try ProjectStarter.write(to: project, force: false)
        let output = project.appendingPathComponent("build")
        let first = await BuildPipeline.run(BuildOptions(projectRoot: project))
        #expect(first.diagnostics.isEmpty)
        #expect(first.wrote)
        // The chapter pages went to the staging folder as they were made; the home page, the
        // search page and the books' contents pages are held to the end.
        let streamed = first.artifacts?.output.streamed ?? []
        #expect(streamed.filter { $0.hasSuffix(".html") }.count == first.pageCount - first.books.count - 2)
        #expect(streamed.contains("site/search-index.js"))
        #expect(first.books.allSatisfy { book in streamed.contains(book.epub) })
        let before = ProjectTree(reading: output)

        // A file of site/ named like a chapter's page: the clash is found once every page has
        // been written into the staging folder.
        let book = try #require(first.books.first?.slug)
        let page = try #require(try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("site/\(book)").path)
            .filter { $0.hasSuffix(".html") && $0 != "index.html" }.sorted().first)
        let clash = project.appendingPathComponent("site/\(book)/\(page)")
        try FileManager.default.createDirectory(at: clash.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "<p>mine</p>".write(to: clash, atomically: true, encoding: .utf8)
        let failed = await BuildPipeline.run(BuildOptions(projectRoot: project))
        #expect(!failed.wrote)
        #expect(failed.diagnostics.map(\.id) == [.outputClash])
        #expect(failed.artifacts?.output.streamed.contains("site/\(book)/\(page)") == true)
        #expect(ProjectTree(reading: output) == before)
        #expect(try leftovers(beside: output) == [])
    }

    @Test func aFileTheStagingFolderCannotWriteFailsTheCommitAndLeavesTheOutput() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let output = temporary.url.appendingPathComponent("out")
        let writer = OutputWriter(projectRoot: temporary.url, output: output)
        #expect(await writer.write(RenderedOutput(files: [OutputFile(path: "site/index.html", content: .text("old"))], epubs: [])) == nil)
        let before = ProjectTree(reading: output)

        let staging = try writer.stage().get()
        staging.put(OutputFile(path: "site/a", content: .text("a file")))
        // Its folder would be the file just written.
        staging.put(OutputFile(path: "site/a/page.html", content: .text("new")))
        staging.put(OutputFile(path: "site/b.html", content: .text("after the failure")))
        let problem = await staging.commit(RenderedOutput(files: [OutputFile(path: "site/index.html", content: .text("new"))], epubs: []))
        #expect(problem?.id == .writeFailed)
        #expect(problem?.hint == "the previous output in \(output.path) was left as it was")
        #expect(ProjectTree(reading: output) == before)
        #expect(try leftovers(beside: output) == [])
    }

    @Test func aStagingFolderHoldsWhatWasPutAndWhatIsCommitted() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let output = temporary.url.appendingPathComponent("out")
        let writer = OutputWriter(projectRoot: temporary.url, output: output)
        #expect(await writer.write(RenderedOutput(files: [OutputFile(path: "old.html", content: .text("old"))], epubs: [])) == nil)
        let staging = try writer.stage().get()
        _ = await [0, 1, 2, 3].concurrentMap { index in
            staging.put(OutputFile(path: "site/part-\(index % 2)/\(index).html", content: .bytes(Array("page \(index)".utf8))))
        }
        #expect(await staging.commit(RenderedOutput(files: [OutputFile(path: "site/index.html", content: .text("home"))], epubs: [])) == nil)
        let tree = ProjectTree(reading: output)
        #expect(tree.files == [
            OutputFolder.marker: Data(),
            "site/index.html": Data("home".utf8),
            "site/part-0/0.html": Data("page 0".utf8), "site/part-1/1.html": Data("page 1".utf8),
            "site/part-0/2.html": Data("page 2".utf8), "site/part-1/3.html": Data("page 3".utf8),
        ])
        #expect(try leftovers(beside: output) == [])
    }

    @Test func checkMakesEveryFileAndWritesNone() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let project = temporary.url.appendingPathComponent("project")
        _ = try ProjectStarter.write(to: project, force: false)
        let output = project.appendingPathComponent("build")
        let report = await BuildPipeline.run(BuildOptions(projectRoot: project, writes: false))
        #expect(report.diagnostics.isEmpty)
        #expect(!report.wrote)
        #expect(report.pageCount > 0)
        #expect(report.artifacts?.output.streamed.contains("site/search-index.js") == true)
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(try leftovers(beside: output) == [])
    }

    @Test func theSearchIndexWrittenInPartsIsTheFileJoined() {
        for entries in [[], [""], ["{\"u\":\"a\"}"], ["{\"u\":\"a\"}", "", "{\"u\":\"b\"},\n{\"u\":\"c\"}"], ["", "{\"u\":\"d\"}"]] {
            #expect(SearchIndex.parts(entries).joined() == SearchIndex.file(entries))
        }
    }
}
