import Foundation
import PlaybookKit
import Testing
@testable import PlaybookServe

/// The preview's builds on a copy of the shipped project: what pages are told after an edit,
/// a broken edit and its fix; the watcher; and that a session's output equals a fresh build's.
@Suite(.serialized) struct LiveReloadTests {
    /// A copy of the shipped project with a preview around it.
    final class Project: Sendable {
        let root: URL
        let folder: URL
        let preview: Preview

        init() throws {
            let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            let base = FileManager.default.temporaryDirectory.appendingPathComponent("playbook-live-test-\(UUID().uuidString)")
            root = base.appendingPathComponent("project")
            folder = base.appendingPathComponent("preview")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in ["playbook.yaml", "content", "templates", "site"] {
                try FileManager.default.copyItem(at: repository.appendingPathComponent(name), to: root.appendingPathComponent(name))
            }
            preview = Preview(configuration: PreviewServer.Configuration(projectRoot: root, port: 0), folder: folder) { _ in }
        }

        deinit { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }

        let chapter = "content/customer-service/05-the-contact-centre-baseline.md"

        func edit(_ change: (String) -> String) throws {
            let url = root.appendingPathComponent(chapter)
            try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        }

        func page() throws -> String {
            try String(contentsOf: folder.appendingPathComponent("site/customer-service/05-the-contact-centre-baseline.html"), encoding: .utf8)
        }
    }

    /// Takes the messages a page gets until `count` have arrived or `seconds` passed.
    func messages(_ stream: AsyncStream<String>, count: Int, within seconds: Double) async -> [String] {
        let collector = Task {
            var received: [String] = []
            for await message in stream {
                received.append(message)
                if received.count == count { break }
            }
            return received
        }
        let timeout = Task {
            try? await Task.sleep(for: .seconds(seconds))
            collector.cancel()
        }
        let result = await collector.value
        timeout.cancel()
        return result
    }

    @Test func anEditReloadsOnceABrokenEditShowsItsDiagnosticsAndTheFixClearsThem() async throws {
        let project = try Project()
        let first = await project.preview.builder.build(after: [])
        #expect(first.succeeded && first.wrote)
        let (id, stream) = try #require(await project.preview.channel.subscribe())

        try project.edit { $0 + "\nA sentence added while previewing.\n" }
        let edited = await project.preview.builder.build(after: [project.chapter])
        // Exactly the chapter's page, its EPUB page, the EPUB and the search index were written.
        #expect(edited.changedFiles == 4)
        #expect(try project.page().contains("<p>A sentence added while previewing.</p>"))

        try project.edit { $0 + "\nBroken {{ no_such_value }} tag.\n" }
        let broken = await project.preview.builder.build(after: [project.chapter])
        #expect(!broken.succeeded)
        #expect(try !project.page().contains("no_such_value"))  // the last good page stays

        try project.edit { $0.replacingOccurrences(of: "\nBroken {{ no_such_value }} tag.\n", with: "") }
        await project.preview.builder.build(after: [project.chapter])

        let received = await messages(stream, count: 4, within: 5)
        let line = try String(contentsOf: project.root.appendingPathComponent(project.chapter), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(received == [
            "retry: 1000\nevent: hello\ndata: 1\n\n",
            "event: reload\ndata: 2\n\n",
            """
            event: failure
            data: \(project.chapter):\(line + 1):8: error: the scenario 'kestrel-mobile' has no input, metric or figure 'no_such_value' [unknown-value]
            data:   \(line + 1) | Broken {{ no_such_value }} tag.
            data:       |        ^~~~~~~~~~~~~~~~~~~
            data: 1 error
            data: \n\n
            """,
            "event: reload\ndata: 3\n\n",
        ])
        await project.preview.channel.unsubscribe(id)
        // The first build counts too (no page was open yet).
        #expect(await project.preview.channel.reloadsSent == 3)
    }

    @Test func theWatcherTurnsASaveIntoExactlyOneReload() async throws {
        let project = try Project()
        await project.preview.builder.build(after: [])
        let watcher = ProjectWatcher(root: project.root, ignoring: ["build"])
        watcher.start()
        let builds = Task { await project.preview.builder.run(watcher.changes) }
        try await Task.sleep(for: .milliseconds(300))
        let (_, stream) = try #require(await project.preview.channel.subscribe())
        // Three saves in a burst: one build, one reload.
        for number in 1...3 {
            try project.edit { $0 + "\nSaved \(number).\n" }
        }
        let received = await messages(stream, count: 3, within: 4)
        #expect(received == ["retry: 1000\nevent: hello\ndata: 1\n\n", "event: reload\ndata: 2\n\n"])
        #expect(try project.page().contains("<p>Saved 3.</p>"))
        watcher.stop()
        builds.cancel()
    }

    /// What a page was sent, gathered as it arrives.
    actor Inbox {
        private(set) var received: [String] = []

        func add(_ message: String) {
            received.append(message)
        }

        /// The messages once `count` have arrived, or all of them after `seconds`.
        func first(_ count: Int, within seconds: Double) async -> [String] {
            let deadline = ContinuousClock.now + .seconds(seconds)
            while received.count < count, ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(10))
            }
            return received
        }
    }

    /// A save that lands while the previous save's build still runs (it is made as soon as the
    /// build has reloaded the pages, while it makes the EPUBs and the search index): the next
    /// build follows it, and its reload shows the second save; once the builds are done, the
    /// folder is what a fresh build writes.
    @Test func aSaveDuringABuildIsShownByTheNextReload() async throws {
        let project = try Project()
        await project.preview.builder.build(after: [])
        let watcher = ProjectWatcher(root: project.root, ignoring: ["build"])
        watcher.start()
        let builds = Task { await project.preview.builder.run(watcher.changes) }
        try await Task.sleep(for: .milliseconds(300))
        let (_, stream) = try #require(await project.preview.channel.subscribe())
        let inbox = Inbox()
        let listener = Task {
            for await message in stream {
                await inbox.add(message)
                if message.hasPrefix("event: reload"), await inbox.received.count == 2 { try project.edit { $0 + "\nSecond save.\n" } }
            }
        }
        try project.edit { $0 + "\nFirst save.\n" }
        // The events' names (a build that changed nothing, as when a save arrives in two
        // parts, counts without a reload).
        let received = await inbox.first(3, within: 10).map { $0.split(separator: "\n").first { $0.hasPrefix("event: ") } ?? "" }
        #expect(received == ["event: hello", "event: reload", "event: reload"])
        let page = try project.page()
        #expect(page.contains("<p>First save.</p>") && page.contains("<p>Second save.</p>"))

        // Once the builds are done, the folder is what a fresh build writes.
        let fresh = project.root.deletingLastPathComponent().appendingPathComponent("fresh")
        let report = await BuildPipeline.run(BuildOptions(projectRoot: project.root, output: fresh))
        #expect(report.succeeded && report.wrote)
        let freshFiles = Self.files(in: fresh)
        var different: [String] = []
        for _ in 0..<100 {
            let previewFiles = Self.files(in: project.folder)
            different = Set(previewFiles.keys).union(freshFiles.keys).filter { previewFiles[$0] != freshFiles[$0] }.sorted()
            if different.isEmpty { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(different == [])
        watcher.stop()
        builds.cancel()
        listener.cancel()
    }

    /// When a change is already waiting as a build has written the pages, it reloads them and
    /// leaves the EPUBs and the search index to the next build, which reuses the work done on
    /// them before: one chapter's entry is compressed again, not the book.
    @Test func aBuildWithAChangeWaitingLeavesTheEPUBsToTheNext() async throws {
        let project = try Project()
        await project.preview.builder.build(after: [])
        let (_, stream) = try #require(await project.preview.channel.subscribe())
        let xhtml = project.folder.appendingPathComponent("xhtml/customer-service/OEBPS/05-the-contact-centre-baseline.xhtml")
        let before = try Data(contentsOf: xhtml)

        try project.edit { $0 + "\nA sentence added while previewing.\n" }
        project.preview.builder.pending.add(ProjectChanges(paths: [project.chapter], complete: true))
        let first = await project.preview.builder.build(after: [project.chapter], complete: true)
        #expect(first.succeeded && first.wrote)
        #expect(first.changedFiles == 1)  // the chapter's page only
        #expect(try project.page().contains("<p>A sentence added while previewing.</p>"))
        #expect(try Data(contentsOf: xhtml) == before)

        let waiting = project.preview.builder.pending.take()
        let second = await project.preview.builder.build(after: waiting.paths, complete: waiting.complete)
        #expect(second.succeeded && second.changedFiles == 3)  // the EPUB page, the EPUB, the index
        let work = try #require(project.preview.builder.options.session).lastBuildWork
        #expect(work.computed("zip") == ["customer-service/OEBPS/05-the-contact-centre-baseline.xhtml"])
        #expect(work.computed("page") == [] && work.computed("xhtml") == [project.chapter])
        #expect(try String(contentsOf: xhtml, encoding: .utf8).contains("<p>A sentence added while previewing.</p>"))

        let received = await messages(stream, count: 4, within: 2)
        #expect(received == ["retry: 1000\nevent: hello\ndata: 1\n\n", "event: reload\ndata: 2\n\n"])
    }

    @Test func aSessionWritesWhatAFreshBuildWrites() async throws {
        let project = try Project()
        await project.preview.builder.build(after: [])
        // A chapter, a scenario and a template change, one after the other.
        try project.edit { $0.replacingOccurrences(of: "## ", with: "## Renamed: ", options: [], range: $0.range(of: "## ")) }
        await project.preview.builder.build(after: [project.chapter])
        let scenario = project.root.appendingPathComponent("content/scenarios/kestrel-mobile.yaml")
        let text = try String(contentsOf: scenario, encoding: .utf8)
        try text.replacingOccurrences(of: "Kestrel Mobile", with: "Kestrel Mobile Ltd").write(to: scenario, atomically: true, encoding: .utf8)
        await project.preview.builder.build(after: [])
        let layout = project.root.appendingPathComponent("templates/layout.mustache")
        try (try String(contentsOf: layout, encoding: .utf8)).replacingOccurrences(of: "</footer>", with: "<p>Edited footer</p></footer>")
            .write(to: layout, atomically: true, encoding: .utf8)
        let last = await project.preview.builder.build(after: [])
        #expect(last.succeeded)

        let fresh = project.root.deletingLastPathComponent().appendingPathComponent("fresh")
        let report = await BuildPipeline.run(BuildOptions(projectRoot: project.root, output: fresh))
        #expect(report.succeeded && report.wrote)
        let previewFiles = Self.files(in: project.folder)
        let freshFiles = Self.files(in: fresh)
        #expect(previewFiles.keys.sorted() == freshFiles.keys.sorted())
        let different = previewFiles.keys.filter { previewFiles[$0] != freshFiles[$0] }.sorted()
        #expect(different == [])
        #expect(try String(contentsOf: fresh.appendingPathComponent("site/index.html"), encoding: .utf8).contains("Edited footer"))
    }

    static func files(in folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = folder.appendingPathComponent(path).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = FileManager.default.contents(atPath: full)
            }
        }
        return result
    }
}
