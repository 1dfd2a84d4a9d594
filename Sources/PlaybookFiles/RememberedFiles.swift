import Foundation

/// What a ``BuildSession``'s builds found in the project's files — a file's bytes or text, a
/// folder's listing, whether a path exists — kept for the next build while nothing reported
/// changed under it. ``ProjectDirectory`` asks here first, so a build told which paths changed
/// (the preview server's watcher) reads, lists and looks at nothing else.
///
/// The rule is one: before each build, ``forget(changed:)`` drops every result whose path is a
/// changed path or lies below one (a folder created, deleted or renamed). A listing of a
/// folder above a changed path is kept with that path as a *suspect*: ``ProjectDirectory``
/// looks at the suspects alone (a file saved in place is still listed; a file created or
/// deleted is not) before using it. When the changed paths are not known (the first build, a
/// watcher that lost events) everything is dropped and every file is read again. A result
/// reached through a symbolic link is never kept: the watcher reports a change under the
/// path written, which may be the link's target. Nor is one about a path the watcher does not
/// watch: a hidden file or folder (a name starting with `.`), or one in ``unwatched``.
public final class RememberedFiles: @unchecked Sendable {
    // @unchecked: `results`, `accesses` and `unwatchedFolders` are read and written only under
    // `lock`; the load stage reads files from all cores.

    /// An empty store: the first build reads every file.
    package init() {}

    /// What was asked of the file system.
    enum Question: Hashable, Sendable {
        case text, bytes, status, exists, isDirectory, list, folderProblem, files
    }

    private struct Key: Hashable {
        var question: Question
        var path: String
    }

    private struct Stored {
        var answer: any Sendable
        /// Changed paths below a listed folder, not looked at yet.
        var suspects: Set<String> = []
    }

    private let lock = NSLock()
    private var results: [Key: Stored] = [:]
    private var accesses = (reads: [String](), looked: [String]())
    private var unwatchedFolders: Set<String> = []

    /// Project-relative folders whose changes are not reported (the preview server's watcher
    /// leaves the output folder alone): nothing below them is remembered.
    public var unwatched: Set<String> {
        get { lock.lock(); defer { lock.unlock() }; return unwatchedFolders }
        set { lock.lock(); defer { lock.unlock() }; unwatchedFolders = newValue }
    }

    /// The answer kept for `question` about `path`, if any, with the changed paths below it
    /// that may make a listing wrong (see ``forget(changed:)``).
    func recall<Answer: Sendable>(_ question: Question, _ path: String, as type: Answer.Type = Answer.self)
        -> (answer: Answer, suspects: Set<String>)? {
        lock.lock()
        defer { lock.unlock() }
        // Looked up before the cast: `nil as? Answer` is a remembered `nil` when `Answer` is optional.
        guard let stored = results[Key(question: question, path: path)], let answer = stored.answer as? Answer else { return nil }
        return (answer, stored.suspects)
    }

    /// Keeps an answer for the next builds.
    func keep<Answer: Sendable>(_ question: Question, _ path: String, _ answer: Answer) {
        lock.lock()
        defer { lock.unlock() }
        guard !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
              !unwatchedFolders.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) else { return }
        results[Key(question: question, path: path)] = Stored(answer: answer)
    }

    /// Counts a question the file system was asked: a file read (`read`), or a path looked at.
    func count(_ path: String, read: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if read { accesses.reads.append(path) } else { accesses.looked.append(path) }
    }

    /// The paths read and looked at since ``forget(changed:)``, and the count reset.
    package func takeAccesses() -> (reads: [String], looked: [String]) {
        lock.lock()
        defer { lock.unlock() }
        let taken = accesses
        accesses = ([], [])
        return taken
    }

    /// Drops what a change may have made wrong: every answer about a path in `changed` or
    /// below one; a listing of a folder above one keeps it as a suspect. Everything is dropped
    /// when `changed` is `nil` (not known).
    package func forget(changed: Set<String>?) {
        lock.lock()
        defer { lock.unlock() }
        accesses = ([], [])
        guard let changed else {
            results = [:]
            return
        }
        for path in changed {
            for (key, stored) in results {
                if path.isEmpty || key.path == path || key.path.hasPrefix(path + "/") {
                    results[key] = nil
                } else if key.question == .list || key.question == .files, key.path.isEmpty || path.hasPrefix(key.path + "/") {
                    results[key]?.suspects = stored.suspects.union([path])
                }
            }
        }
    }

    /// Marks a listing's suspects looked at: it still holds.
    func cleared(_ question: Question, _ path: String) {
        lock.lock()
        defer { lock.unlock() }
        results[Key(question: question, path: path)]?.suspects = []
    }
}
