import Foundation
import PlaybookCore
import PlaybookKit
import PlaybookSession

/// Builds the project into the preview folder through ``BuildPipeline`` (the call
/// `playbook build` makes), with a ``BuildSession`` so that each build redoes only what the
/// changed files affect and writes only the files that changed. It tells the pages through the
/// ``ReloadChannel`` as soon as the site's pages are written — before every book's EPUB and
/// the search index, which the build makes and writes after them (and leaves to the next build
/// when a newer change is waiting then, or before they are written) — and the terminal through
/// `report` when the build ends.
struct PreviewBuilder: Sendable {
    let options: BuildOptions
    let channel: ReloadChannel
    let report: @Sendable (PreviewMessage) -> Void
    /// Changes that arrived and wait for the next build.
    let pending = PendingChanges()

    init(projectRoot: URL, folder: URL, includeDrafts: Bool, channel: ReloadChannel,
         report: @escaping @Sendable (PreviewMessage) -> Void) {
        let session = BuildSession()
        // The watcher reports nothing under the folders it ignores: nothing there is remembered.
        session.files.unwatched = PreviewServer.ignoredFolders
        options = BuildOptions(projectRoot: projectRoot, output: folder, includeDrafts: includeDrafts, session: session)
        self.channel = channel
        self.report = report
    }

    /// One build; `changed` are the project files that set it off (empty for the first).
    /// When `complete` (the watcher lost nothing), they are every path changed since the
    /// previous build, and the build reads, lists and looks at no other file again; otherwise
    /// it checks every file.
    @discardableResult
    func build(after changed: Set<String>, complete: Bool = false) async -> BuildReport {
        let started = ContinuousClock.now
        options.session?.changedPaths = complete ? changed : nil
        var options = self.options
        let reloaded = ReloadTime()
        let (channel, pending) = (self.channel, self.pending)
        options.pagesWritten = { written in
            await channel.succeeded(changed: written > 0)
            reloaded.record(ContinuousClock.now - started)
        }
        // A change that arrived meanwhile makes the next build at once, which makes the rest.
        options.changeWaiting = { pending.waiting }
        let result = await BuildPipeline.run(options)
        let milliseconds = Self.milliseconds(ContinuousClock.now - started)
        if result.succeeded, result.wrote {
            var timings = result.timings.map(\.description)
            if let reload = reloaded.elapsed {
                timings.append(String(format: "reload: %.4f s after the build started", Self.seconds(reload)))
            } else {
                await channel.succeeded(changed: result.changedFiles > 0)
            }
            report(.built(changed: changed.sorted(), milliseconds: milliseconds, filesWritten: result.changedFiles,
                          diagnostics: result.diagnostics, timings: timings))
        } else {
            await channel.failed(DiagnosticPrinter(colors: false).format(result.diagnostics.filter { $0.severity == .error }))
            report(.failed(changed: changed.sorted(), diagnostics: result.diagnostics))
        }
        return result
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        Int((seconds(duration) * 1000).rounded())
    }

    /// Builds after every burst of changes until `changes` ends. A build starts once no change
    /// has arrived for `quiet` (a save that writes several files makes one build); changes
    /// made during a build make the next one, which starts as soon as it ends.
    func run(_ changes: AsyncStream<ProjectChanges>, quiet: Duration = .milliseconds(5)) async {
        let pending = self.pending
        let (nudges, nudge) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let collector = Task {
            for await batch in changes {
                pending.add(batch)
                nudge.yield()
            }
            nudge.finish()
        }
        for await _ in nudges {
            // Wait until no change has arrived for `quiet`.
            while let last = pending.lastArrival {
                let waited = ContinuousClock.now - last
                if waited >= quiet { break }
                try? await Task.sleep(for: quiet - waited)
            }
            let batch = pending.take()
            if !batch.paths.isEmpty || !batch.complete { await build(after: batch.paths, complete: batch.complete) }
        }
        collector.cancel()
    }
}

/// When a build told the pages to reload, measured from its start.
final class ReloadTime: @unchecked Sendable {
    // @unchecked: `recorded` is only touched under `lock`.
    private let lock = NSLock()
    private var recorded: Duration?

    func record(_ elapsed: Duration) {
        lock.lock()
        defer { lock.unlock() }
        recorded = elapsed
    }

    /// The time from the build's start to the reload; nil when none was sent early.
    var elapsed: Duration? {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}

/// Changed paths waiting for the next build.
final class PendingChanges: @unchecked Sendable {
    // @unchecked: every property is only touched under `lock`.
    private let lock = NSLock()
    private var paths: Set<String> = []
    private var complete = true
    private var last: ContinuousClock.Instant?

    func add(_ batch: ProjectChanges) {
        lock.lock()
        defer { lock.unlock() }
        paths.formUnion(batch.paths)
        complete = complete && batch.complete
        last = .now
    }

    /// When the last batch not yet taken arrived; nil when none waits.
    var lastArrival: ContinuousClock.Instant? {
        lock.lock()
        defer { lock.unlock() }
        return last
    }

    /// Whether a batch arrived since the last ``take()``.
    var waiting: Bool { lastArrival != nil }

    /// The paths gathered since the last call, and whether every batch was complete.
    func take() -> ProjectChanges {
        lock.lock()
        defer { lock.unlock() }
        let taken = ProjectChanges(paths: paths, complete: complete)
        paths = []
        complete = true
        last = nil
        return taken
    }
}
