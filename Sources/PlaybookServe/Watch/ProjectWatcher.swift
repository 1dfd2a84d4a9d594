import Foundation

/// Watches every folder of a project for files being written, created, moved or deleted, and
/// reports the project-relative paths that changed. Folders made while it runs are watched as
/// soon as they appear. Hidden folders (`.git`, `.build`) and the ones in `ignoring` (the
/// output folders) are not watched.
///
/// On Linux it uses inotify on a thread of its own; elsewhere it compares modification times
/// every 200 ms.
///
/// A batch says whether it is *complete*: whether it lists every path changed since the
/// previous batch, so that a build may leave every other file unread. It is not for the first
/// batch (what changed between the first build and the watch starting is unknown), after the
/// kernel's event queue overflowed, when a folder could not be watched, or when polling
/// (modification times miss a rewrite within one clock tick).
final class ProjectWatcher: @unchecked Sendable {
    // @unchecked: `watches` and `stopped` are touched only by the watching thread and, for
    // `stopped`, under `lock`; the continuation is thread-safe.

    /// The project folder.
    let root: URL
    /// Project-relative folder paths not to watch.
    let ignoring: Set<String>

    private let lock = NSLock()
    private var stopped = false
    private let continuation: AsyncStream<ProjectChanges>.Continuation
    /// Batches of changed paths, as the system reports them.
    let changes: AsyncStream<ProjectChanges>

    init(root: URL, ignoring: Set<String>) {
        self.root = root.standardizedFileURL
        self.ignoring = ignoring
        (changes, continuation) = AsyncStream<ProjectChanges>.makeStream()
    }

    /// Starts watching on a thread of its own.
    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "playbook-watcher"
        thread.start()
    }

    /// Stops watching; the `changes` stream ends.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// Whether a project-relative folder is watched.
    func watches(folder relative: String) -> Bool {
        guard !relative.isEmpty else { return true }
        if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { return false }
        return !ignoring.contains { relative == $0 || relative.hasPrefix($0 + "/") }
    }

    /// Every watched folder under `relative` (itself included), project-relative.
    func folders(under relative: String) -> [String] {
        guard watches(folder: relative) else { return [] }
        var result = [relative]
        let url = relative.isEmpty ? root : root.appendingPathComponent(relative)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        for name in names.sorted() {
            let child = relative.isEmpty ? name : relative + "/" + name
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(child).path, isDirectory: &isDirectory),
               isDirectory.boolValue {
                result += folders(under: child)
            }
        }
        return result
    }

    private func run() {
        #if os(Linux)
        runInotify()
        #else
        runPolling()
        #endif
        continuation.finish()
    }

    #if os(Linux)
    private func runInotify() {
        let descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { return runPolling() }
        defer { close(descriptor) }
        let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_ATTRIB)
        var folderOf: [Int32: String] = [:]
        // Until a batch is sent, what changed since the first build is unknown; a folder that
        // cannot be watched (the system's limit of watches) makes every batch incomplete.
        var complete = false, unwatched = false
        func watch(_ relative: String) -> [String] {
            var found: [String] = []
            for folder in folders(under: relative) {
                let path = folder.isEmpty ? root.path : root.appendingPathComponent(folder).path
                let handle = inotify_add_watch(descriptor, path, mask)
                if handle >= 0 { folderOf[handle] = folder } else { unwatched = true }
                if folder != relative {
                    found.append(folder)
                }
                // Files already in a folder made after watching began were missed: report them.
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                found += names.map { folder.isEmpty ? $0 : folder + "/" + $0 }
            }
            return found
        }
        _ = watch("")
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopped {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 100)
            guard ready > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { continue }
            var changed: Set<String> = []
            var lost = false
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (handle, eventMask, nameLength) = buffer.withUnsafeBytes { bytes in
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let name = nameLength == 0 ? "" : buffer[nameStart..<nameStart + nameLength].withUnsafeBytes { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                offset = nameStart + nameLength
                // The kernel dropped events: what changed is no longer known.
                if eventMask & UInt32(IN_Q_OVERFLOW) != 0 { lost = true; continue }
                guard let folder = folderOf[handle] else { continue }
                if eventMask & UInt32(IN_IGNORED) != 0 { folderOf.removeValue(forKey: handle); continue }
                guard !name.isEmpty else { continue }
                let path = folder.isEmpty ? name : folder + "/" + name
                if eventMask & UInt32(IN_ISDIR) != 0 {
                    if eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { changed.formUnion(watch(path)) }
                    if watches(folder: path) { changed.insert(path) }
                } else if watches(folder: folder), !name.hasPrefix(".") {
                    changed.insert(path)
                }
            }
            if !changed.isEmpty || lost {
                continuation.yield(ProjectChanges(paths: changed, complete: complete && !lost && !unwatched))
                complete = true
            }
        }
    }
    #endif

    /// The fallback: modification times of every file, compared every 200 ms.
    private func runPolling() {
        func snapshot() -> [String: Date] {
            var times: [String: Date] = [:]
            for folder in folders(under: "") {
                let url = folder.isEmpty ? root : root.appendingPathComponent(folder)
                for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] where !name.hasPrefix(".") {
                    let path = folder.isEmpty ? name : folder + "/" + name
                    let attributes = try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)
                    times[path] = attributes?[.modificationDate] as? Date ?? .distantPast
                }
            }
            return times
        }
        var last = snapshot()
        while !isStopped {
            Thread.sleep(forTimeInterval: 0.2)
            let now = snapshot()
            let changed = Set(now.keys.filter { now[$0] != last[$0] }).union(last.keys.filter { now[$0] == nil })
            if !changed.isEmpty { continuation.yield(ProjectChanges(paths: changed, complete: false)) }
            last = now
        }
    }
}

/// A batch of changed paths from the ``ProjectWatcher``.
struct ProjectChanges: Sendable, Equatable {
    /// Project-relative paths of files and folders written, created, moved or deleted.
    var paths: Set<String>
    /// Whether `paths` lists every change since the previous batch (see ``ProjectWatcher``).
    var complete: Bool
}
