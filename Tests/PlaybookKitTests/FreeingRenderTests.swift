import Foundation
import PlaybookCore
import PlaybookLoad
@testable import PlaybookRender
import PlaybookTransform
import Testing

/// A build that keeps nothing after the render stage (`playbook build` without PDFs) frees
/// what it has used as it goes: each document and source text once its body is made, the
/// search index's parts once the index is written, the bodies' XHTML once the EPUBs' pages
/// are made. It must make the same files as a run that keeps everything.
@Suite struct FreeingRenderTests {
    /// Collects what the render stage puts into its sink, by path.
    final class CollectingSink: OutputSink, @unchecked Sendable {
        // @unchecked: `files` is only read or written under `lock` (the renderers put files
        // from every core at once).
        private let lock = NSLock()
        private var collected: [String: OutputFile.Content] = [:]

        func put(_ file: OutputFile) {
            lock.withLock { collected[file.path] = file.content }
        }

        var files: [String: OutputFile.Content] { lock.withLock { collected } }
    }

    private struct Run {
        var output: RenderedOutput
        var diagnostics: [Diagnostic]
        var series: RenderedSeries
        var files: [String: OutputFile.Content]
    }

    private static func render(_ name: String, keepsDocuments: Bool) async throws -> Run {
        let root = Snapshot.fixtures.appendingPathComponent("projects/\(name)/project")
        let (found, diagnostics) = await LoadStage.run(root: root, includeDrafts: false)
        let loaded = try #require(found, "\(DiagnosticPrinter().format(diagnostics))")
        let (publication, _) = await TransformStage.run(Project(settings: loaded.project.settings, books: loaded.project.books),
                                                        scenarios: loaded.scenarios, scenarioNames: loaded.scenarioNames)
        let sink = CollectingSink()
        let made = await RenderStage.runKeepingSeries(publication, loaded: loaded, sourceDate: nil, memo: .none, sink: sink,
                                                      keepsDocuments: keepsDocuments)
        return Run(output: made.output, diagnostics: made.diagnostics, series: made.series, files: sink.files)
    }

    @Test("a run that keeps nothing frees as it goes and makes the same files", arguments: ["basic", "computed", "reader-marks"])
    func freeingChangesNoFile(_ name: String) async throws {
        let kept = try await Self.render(name, keepsDocuments: true)
        let freed = try await Self.render(name, keepsDocuments: false)

        // The same files, byte for byte, and the same diagnostics.
        #expect(freed.files.keys.sorted() == kept.files.keys.sorted())
        for (path, content) in kept.files where freed.files[path] != content {
            Issue.record("\(name): \(path) differs when the run frees as it goes")
        }
        #expect(freed.output.files.map(\.path) == kept.output.files.map(\.path))
        #expect(freed.output.streamed.sorted() == kept.output.streamed.sorted())
        #expect(freed.diagnostics == kept.diagnostics)
        #expect(kept.files.keys.contains("site/search-index.js"))

        // What the freeing run no longer holds; the keeping run holds all of it.
        let chapters = kept.series.publication.books.flatMap(\.chapters)
        #expect(!chapters.isEmpty)
        #expect(chapters.allSatisfy { !$0.source.text.isEmpty && !$0.document.blocks.isEmpty })
        #expect(kept.series.bodies.joined().allSatisfy { !$0.xhtml.isEmpty && !$0.html.isEmpty })
        #expect(kept.series.outlines == nil)

        let freedChapters = freed.series.publication.books.flatMap(\.chapters)
        #expect(freedChapters.map(\.source.path) == chapters.map(\.source.path))
        #expect(freedChapters.allSatisfy { $0.source.text.isEmpty && $0.document.blocks.isEmpty })
        #expect(freed.series.bodies.joined().allSatisfy { $0.xhtml.isEmpty && !$0.html.isEmpty })
        let outlines = try #require(freed.series.outlines)
        #expect(outlines.joined().count == chapters.count)
        #expect(outlines.joined().allSatisfy { $0.search.isEmpty })
    }
}
