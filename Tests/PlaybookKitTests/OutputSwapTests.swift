import Foundation
@testable import PlaybookKit
import PlaybookCore
import Testing
@testable import PlaybookTransform
@testable import PlaybookWrite

/// The output folder is always there whole, and killed builds leave nothing behind for long.
@Suite struct OutputSwapTests {
    /// The id of a process that has ended.
    private func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    private func folder(_ url: URL, marked: Bool) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try "partial".write(to: url.appendingPathComponent("page.html"), atomically: true, encoding: .utf8)
        if marked { try Data().write(to: url.appendingPathComponent(OutputFolder.marker)) }
    }

    @Test func theNextBuildRemovesTheStagingFoldersOfKilledBuilds() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        _ = try ProjectStarter.write(to: temporary.url.appendingPathComponent("project"), force: false)
        let project = temporary.url.appendingPathComponent("project")
        let dead = try deadProcessID()
        let alive = getppid()
        // A killed build's staging folder and retired output, a live build's, and a stranger's folder.
        try folder(project.appendingPathComponent(".build.new-\(dead)"), marked: true)
        try folder(project.appendingPathComponent(".build.old-\(dead)"), marked: true)
        try folder(project.appendingPathComponent(".build.new-\(alive)"), marked: true)
        try folder(project.appendingPathComponent(".build.new-\(dead)0"), marked: false)
        let report = await BuildPipeline.run(BuildOptions(projectRoot: project))
        #expect(report.diagnostics.isEmpty)
        #expect(report.wrote)
        let left = try FileManager.default.contentsOfDirectory(atPath: project.path).filter { $0.hasPrefix(".build") }.sorted()
        #expect(left == [".build.new-\(alive)", ".build.new-\(dead)0"].sorted())
    }

    /// Whether two folders can be exchanged in one step here (Linux with `renameat2`); where
    /// they cannot, the swap falls back to two renames, which the README says leave a moment
    /// without the folder, so the test below does not apply.
    static func exchangeWorksHere() -> Bool {
        guard let temporary = try? TemporaryFolder() else { return false }
        defer { temporary.remove() }
        let first = temporary.url.appendingPathComponent("a").path, second = temporary.url.appendingPathComponent("b").path
        guard (try? FileManager.default.createDirectory(atPath: first, withIntermediateDirectories: false)) != nil,
              (try? FileManager.default.createDirectory(atPath: second, withIntermediateDirectories: false)) != nil else { return false }
        return FolderSwap.exchange(first, second)
    }

    /// Swapping folders back and forth while another thread looks: the target is never missing,
    /// and each swap leaves the other folder's content in place.
    @Test(.enabled(if: exchangeWorksHere(), "needs the one-step exchange (renameat2 on Linux)"))
    func theSwapNeverLeavesTheTargetMissing() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let target = temporary.url.appendingPathComponent("build").path
        let staging = temporary.url.appendingPathComponent(".build.new-1").path
        let aside = temporary.url.appendingPathComponent(".build.old-1").path
        try folder(URL(fileURLWithPath: target), marked: true)
        let watcher = Watcher(path: target)
        let thread = Thread { watcher.watch() }
        thread.start()
        for round in 0..<300 {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
            try "\(round)".write(toFile: staging + "/round", atomically: false, encoding: .utf8)
            let old = try FolderSwap.replace(target, with: staging, aside: aside)
            #expect(old == staging, "the old output is left at the staging name to be removed")
            if let old { try FileManager.default.removeItem(atPath: old) }
            #expect(try String(contentsOfFile: target + "/round", encoding: .utf8) == "\(round)")
        }
        watcher.stop()
        #expect(watcher.looks > 300)
        #expect(watcher.missing == 0)
    }

    @Test func theFirstOutputIsRenamedIntoPlace() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let target = temporary.url.appendingPathComponent("build").path
        let staging = temporary.url.appendingPathComponent(".build.new-1").path
        try folder(URL(fileURLWithPath: staging), marked: true)
        #expect(try FolderSwap.replace(target, with: staging, aside: staging + "-old") == nil)
        #expect(FileManager.default.fileExists(atPath: target + "/page.html"))
        #expect(!FileManager.default.fileExists(atPath: staging))
    }

    /// Looks at a path over and over until stopped, counting the times it was not there.
    ///
    /// `@unchecked Sendable`: the counters are only touched while holding `lock`.
    private final class Watcher: @unchecked Sendable {
        let path: String
        private let lock = NSLock()
        private var stopped = false
        private var counts = (looks: 0, missing: 0)

        init(path: String) { self.path = path }

        var looks: Int { lock.withLock { counts.looks } }
        var missing: Int { lock.withLock { counts.missing } }

        func watch() {
            while true {
                var info = stat()
                let there = lstat(path, &info) == 0
                let done: Bool = lock.withLock {
                    counts.looks += 1
                    if !there { counts.missing += 1 }
                    return stopped
                }
                if done { return }
            }
        }

        func stop() {
            lock.withLock { stopped = true }
            // Wait for the watcher to see it.
            var last = looks
            while true {
                usleep(1000)
                let now = looks
                if now == last { return }
                last = now
            }
        }
    }
}
