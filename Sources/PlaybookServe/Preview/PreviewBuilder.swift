import Foundation
import PlaybookCore
import PlaybookKit
import PlaybookSession

/// Builds the project into the preview folder through ``BuildPipeline`` (the call
/// `playbook build` makes), with a ``BuildSession`` so that each build redoes only what the
/// changed files affect and writes only the files that changed. It tells the pages through the
/// ``ReloadChannel`` and the terminal through `report`.
struct PreviewBuilder: Sendable {
    let options: BuildOptions
    let channel: ReloadChannel
    let report: @Sendable (PreviewMessage) -> Void

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
        let result = await BuildPipeline.run(options)
        let elapsed = ContinuousClock.now - started
        let milliseconds = Int((Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15).rounded())
        if result.succeeded, result.wrote {
            await channel.succeeded(changed: result.changedFiles > 0)
            report(.built(changed: changed.sorted(), milliseconds: milliseconds, filesWritten: result.changedFiles,
                          diagnostics: result.diagnostics, timings: result.timings.map(\.description)))
        } else {
            await channel.failed(DiagnosticPrinter(colors: false).format(result.diagnostics.filter { $0.severity == .error }))
            report(.failed(changed: changed.sorted(), diagnostics: result.diagnostics))
        }
        return result
    }

    /// Builds after every burst of changes until `changes` ends. Changes that arrive within
    /// `quiet` of each other make one build; changes made during a build make the next one.
    func run(_ changes: AsyncStream<ProjectChanges>, quiet: Duration = .milliseconds(10)) async {
        let pending = PendingChanges()
        let (nudges, nudge) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let collector = Task {
            for await batch in changes {
                pending.add(batch)
                nudge.yield()
            }
            nudge.finish()
        }
        for await _ in nudges {
            // Wait until the saves have stopped for `quiet`.
            var seen = pending.arrivals
            while true {
                try? await Task.sleep(for: quiet)
                let now = pending.arrivals
                if now == seen { break }
                seen = now
            }
            let batch = pending.take()
            if !batch.paths.isEmpty || !batch.complete { await build(after: batch.paths, complete: batch.complete) }
        }
        collector.cancel()
    }
}

/// Changed paths waiting for the next build.
final class PendingChanges: @unchecked Sendable {
    // @unchecked: every property is only touched under `lock`.
    private let lock = NSLock()
    private var paths: Set<String> = []
    private var complete = true
    private var count = 0

    func add(_ batch: ProjectChanges) {
        lock.lock()
        defer { lock.unlock() }
        paths.formUnion(batch.paths)
        complete = complete && batch.complete
        count += 1
    }

    /// How many batches have arrived so far.
    var arrivals: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }

    /// The paths gathered since the last call, and whether every batch was complete.
    func take() -> ProjectChanges {
        lock.lock()
        defer { lock.unlock() }
        let taken = ProjectChanges(paths: paths, complete: complete)
        paths = []
        complete = true
        return taken
    }
}
