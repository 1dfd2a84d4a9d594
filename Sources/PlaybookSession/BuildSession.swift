import Foundation
import PlaybookCore
import PlaybookFiles

/// A series of builds into one output folder, as the preview server runs them. Each build
/// reuses what the previous one made from inputs that have not changed, and writes only the
/// files whose bytes changed.
///
/// The stages do not use the session directly: they run their work as *queries* through a
/// ``Memo`` (see there), which stores nothing when there is no session (`playbook build`), so
/// that every stage has one path. A query is a ``QueryKind`` and a subject (usually a
/// project-relative path), with a typed input: a struct whose fields name what the work reads,
/// the values that came from files and the ``Revision``s of the queries it depends on. A query
/// computed again gets a new revision unless its value came out equal (early cut-off), and the
/// queries downstream take revisions as inputs, so an edit invalidates exactly what follows
/// from it. Revisions live here, looked up by kind and subject, never in the domain values.
public final class BuildSession: @unchecked Sendable {
    // @unchecked: every stored property is read and written under `lock`; stages call in
    // from all cores.

    /// A query's stored input, value and revision. A class, so that a build marks an entry
    /// used in place; input and value are kept typed (``Stored``), so that reading one back is
    /// a class cast, not a cast out of an existential (a rebuild of 1,000 chapters looks up
    /// some 10,000 queries).
    private final class Entry {
        var input: Stored
        let value: Stored
        let revision: Revision
        var build: Int

        init(input: Stored, value: Stored, revision: Revision, build: Int) {
            self.input = input
            self.value = value
            self.revision = revision
            self.build = build
        }
    }

    private let lock = NSLock()
    private var entries: [QueryKey: Entry] = [:]
    /// How many of `entries` the current build used (so that ``endBuild()`` drops nothing
    /// without looking at every entry when it used them all).
    private var used = 0
    private var nextRevision = 0
    private var build = 0
    private var work = BuildWork()
    private var changes: Set<String>?
    /// Whether ``endBuild()`` keeps the entries the build did not use (``keepUnusedWork()``).
    private var keepUnused = false
    /// What the builds found in the project's files, kept while no change is reported under it.
    public let files = RememberedFiles()
    /// What the previous build wrote, by path relative to the output folder.
    package var written: [String: OutputFile.Content] {
        get { lock.lock(); defer { lock.unlock() }; return writtenFiles }
        set { lock.lock(); defer { lock.unlock() }; writtenFiles = newValue }
    }
    private var writtenFiles: [String: OutputFile.Content] = [:]

    /// A new session: its first build computes everything.
    public init() {}

    /// How many memos the last build reused and how many it computed.
    public var lastBuildReuse: (reused: Int, computed: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (work.reused.values.reduce(0, +), work.computed.values.reduce(0) { $0 + $1.count })
    }

    /// The work the last build did and reused, memo by memo (for tests and measurements).
    public var lastBuildWork: BuildWork {
        lock.lock()
        let work = self.work
        lock.unlock()
        return work.sorted()
    }

    /// The project-relative paths that changed since the previous build, as the caller knows
    /// them (the preview server's watcher), or `nil` when that is not known (the first build,
    /// a watcher that lost events): then every file is checked. Set before each build.
    public var changedPaths: Set<String>? {
        get { lock.lock(); defer { lock.unlock() }; return changes }
        set { lock.lock(); defer { lock.unlock() }; changes = newValue }
    }

    /// The stored value of `key` when its input equals `input`; marks it used by this build.
    /// The inputs are compared outside the lock (some are long texts): a build asks for each
    /// key once, so nothing replaces the entry meanwhile.
    fileprivate func cached<Input: Equatable & Sendable, Value: Sendable>(_ key: QueryKey, input: Input) -> Tracked<Value>? {
        lock.lock()
        let found = entries[key]
        lock.unlock()
        guard let found, let stored = found.input as? StoredValue<Input>, stored.value == input,
              let value = found.value as? StoredValue<Value> else { return nil }
        lock.lock()
        defer { lock.unlock() }
        if found.build != build {
            found.build = build
            used += 1
        }
        work.record(key, computed: false)
        return Tracked(value: value.value, revision: found.revision)
    }

    /// The value and revision the previous build stored under `key`, whatever its input.
    fileprivate func previous<Value: Sendable>(_ key: QueryKey) -> Tracked<Value>? {
        lock.lock()
        defer { lock.unlock() }
        return entries[key].flatMap { entry in (entry.value as? StoredValue<Value>).map { Tracked(value: $0.value, revision: entry.revision) } }
    }

    /// The input stored under `key`.
    fileprivate func previousInput<Input: Equatable & Sendable>(_ key: QueryKey, as type: Input.Type) -> Input? {
        lock.lock()
        defer { lock.unlock() }
        return (entries[key]?.input as? StoredValue<Input>)?.value
    }

    /// Stores a computed value under a new revision, or under `keeping` (the revision of an
    /// equal value the last build stored).
    fileprivate func store<Input: Equatable & Sendable, Value: Sendable>(_ key: QueryKey, input: Input, value: Value, keeping: Revision? = nil) -> Revision {
        let storedInput = StoredValue(input), storedValue = StoredValue(value)
        lock.lock()
        defer { lock.unlock() }
        let revision: Revision
        if let keeping {
            revision = keeping
        } else {
            nextRevision += 1
            revision = Revision(number: nextRevision)
        }
        work.record(key, computed: true, unchanged: keeping != nil)
        if entries[key]?.build != build { used += 1 }
        entries[key] = Entry(input: storedInput, value: storedValue, revision: revision, build: build)
        return revision
    }

    /// Replaces the input stored under `key`, keeping its value and revision.
    fileprivate func restate<Input: Equatable & Sendable>(_ key: QueryKey, input: Input) {
        let stored = StoredValue(input)
        lock.lock()
        defer { lock.unlock() }
        entries[key]?.input = stored
    }

    /// The revision of the query `key` this build ran; a new revision, equal to nothing stored,
    /// when it did not run it (so that whatever takes it as input is computed).
    fileprivate func revision(_ key: QueryKey) -> Revision {
        lock.lock()
        defer { lock.unlock() }
        if let entry = entries[key], entry.build == build { return entry.revision }
        nextRevision += 1
        return Revision(number: nextRevision)
    }

    /// Starts a build: counts reset; what was found in files that changed is forgotten.
    package func beginBuild() {
        lock.lock()
        defer { lock.unlock() }
        build += 1
        used = 0
        keepUnused = false
        work = BuildWork()
        files.forget(changed: changes)
    }

    /// The build stops short of some of its work (the preview's EPUBs and search index, when a
    /// newer change waits): ``endBuild()`` keeps the memos it did not use, for the next build.
    package func keepUnusedWork() {
        lock.lock()
        defer { lock.unlock() }
        keepUnused = true
    }

    /// Ends a build: memos it did not use are dropped (unless ``keepUnusedWork()``), so memory follows the project's size;
    /// the changed paths are used up.
    package func endBuild() {
        lock.lock()
        defer { lock.unlock() }
        if used != entries.count, !keepUnused { entries = entries.filter { $0.value.build == build } }
        changes = nil
        let accesses = files.takeAccesses()
        for path in accesses.reads { work.recordAccess(path, read: true) }
        for path in accesses.looked { work.recordAccess(path, read: false) }
    }
}

/// A query's input or value as a ``BuildSession`` keeps it: the typed ``StoredValue``.
private class Stored: @unchecked Sendable {}
// @unchecked: the subclass holds one immutable Sendable value.

/// A value of a known type, which a class cast gets back.
private final class StoredValue<Value: Sendable>: Stored, @unchecked Sendable {
    // @unchecked: `value` is immutable and Sendable.
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}

/// The revision of a query's value in a ``BuildSession``. It is new whenever the value is
/// computed again and differs; a query whose input holds it is reused while it stays the same.
/// Only a ``Memo`` makes one, so an input cannot hold a made-up version number.
public struct Revision: Hashable, Sendable {
    fileprivate let number: Int
    /// The revision of values made without a session (never compared: nothing is stored).
    fileprivate static let untracked = Revision(number: 0)
}

/// A query's value and its revision.
package struct Tracked<Value: Sendable>: Sendable {
    package var value: Value
    package var revision: Revision
}

/// How the stages run their work: as queries of a ``BuildSession``, or, without one
/// (`playbook build`), computed at once with nothing stored. The stage code is the same either
/// way. A query's input is built only when there is a session (`@autoclosure`), so a build
/// without one pays nothing for the bookkeeping.
///
/// The rule for inputs: a query's input struct names, field by field, everything its `compute`
/// reads that can change between builds: the texts or stamps of the files it reads, settings,
/// and for values made by other queries their ``Revision`` (from a ``Tracked`` value or
/// ``revision(_:_:)``), never a copy of a version number.
package struct Memo: Sendable {
    /// The session work is stored in; `nil` stores nothing.
    let session: BuildSession?

    /// A context storing in `session` (nothing when it is `nil`).
    package init(_ session: BuildSession?) {
        self.session = session
    }

    /// The context that stores nothing.
    package static let none = Memo(nil)

    /// The value of `compute`, from the previous build when it ran the query with an equal
    /// input, or computed now under a new revision.
    package func query<Input: Equatable & Sendable, Value: Sendable>(_ kind: QueryKind, _ subject: String = "", input: @autoclosure () -> Input,
                                                             compute: () -> Value) -> Tracked<Value> {
        guard let session else { return Tracked(value: compute(), revision: .untracked) }
        let key = QueryKey(kind: kind, subject: subject), input = input()
        if let found: Tracked<Value> = session.cached(key, input: input) { return found }
        let value = compute()
        return Tracked(value: value, revision: session.store(key, input: input, value: value))
    }

    /// The same for work that is `async`.
    package func query<Input: Equatable & Sendable, Value: Sendable>(_ kind: QueryKind, _ subject: String = "", input: @autoclosure () -> Input,
                                                             compute: () async -> Value) async -> Tracked<Value> {
        guard let session else { return Tracked(value: await compute(), revision: .untracked) }
        let key = QueryKey(kind: kind, subject: subject), input = input()
        if let found: Tracked<Value> = session.cached(key, input: input) { return found }
        let value = await compute()
        return Tracked(value: value, revision: session.store(key, input: input, value: value))
    }

    /// The same with early cut-off: when the input changed but the value computed again is
    /// `unchanged` from the one the previous build stored, the query keeps its revision, so
    /// the queries that take that revision as input are reused (adding a heading changes the
    /// index of anchors every chapter's links are checked against, yet re-renders only the
    /// chapter whose resolved document changed).
    package func query<Input: Equatable & Sendable, Value: Sendable>(_ kind: QueryKind, _ subject: String = "", input: @autoclosure () -> Input,
                                                             unchanged: (Value, Value) -> Bool, compute: () -> Value) -> Tracked<Value> {
        guard let session else { return Tracked(value: compute(), revision: .untracked) }
        let key = QueryKey(kind: kind, subject: subject), input = input()
        if let found: Tracked<Value> = session.cached(key, input: input) { return found }
        let previous: Tracked<Value>? = session.previous(key)
        let value = compute()
        // Compared outside the lock: the stages compute their queries on all cores.
        let keep = previous.flatMap { unchanged($0.value, value) ? $0.revision : nil }
        return Tracked(value: value, revision: session.store(key, input: input, value: value, keeping: keep))
    }

    /// A query whose value is its input (the index of anchors, the navigation): its revision
    /// changes only when the input does.
    package func revision<Input: Equatable & Sendable>(_ kind: QueryKind, _ subject: String = "", of input: @autoclosure () -> Input) -> Revision {
        query(kind, subject, input: input()) { () }.revision
    }

    /// The revision of the query `kind`/`subject` this build ran (the transformed chapter a
    /// body is rendered from, the templates): looked up in the session, so that domain values
    /// carry no versions. Without a session, or when this build did not run it, a revision
    /// equal to nothing stored.
    package func revision(_ kind: QueryKind, _ subject: String = "") -> Revision {
        session?.revision(QueryKey(kind: kind, subject: subject)) ?? .untracked
    }

    /// A value with the revision of the query that made it in this build.
    package func tracked<Value: Sendable>(_ kind: QueryKind, _ subject: String = "", _ value: Value) -> Tracked<Value> {
        Tracked(value: value, revision: revision(kind, subject))
    }

    /// The input the previous build stored for a query, for queries whose input is what the
    /// work read (a scenario's data files, a file's stamp).
    package func previousInput<Input: Equatable & Sendable>(_ kind: QueryKind, _ subject: String, as type: Input.Type) -> Input? {
        session?.previousInput(QueryKey(kind: kind, subject: subject), as: type)
    }

    /// Replaces the input stored for a query, keeping its value and revision: for an input that
    /// became cheaper to compare (a file's stamp, once its text was found unchanged).
    package func restate<Input: Equatable & Sendable>(_ kind: QueryKind, _ subject: String, input: Input) {
        session?.restate(QueryKey(kind: kind, subject: subject), input: input)
    }

    /// Stores a value computed outside ``query(_:_:input:compute:)`` (when the input is known
    /// only once the work is done: the files a scenario read).
    package func store<Input: Equatable & Sendable, Value: Sendable>(_ kind: QueryKind, _ subject: String, input: Input, computed value: Value) -> Tracked<Value> {
        guard let session else { return Tracked(value: value, revision: .untracked) }
        return Tracked(value: value, revision: session.store(QueryKey(kind: kind, subject: subject), input: input, value: value))
    }

    /// What the session's builds found in the project's files (``ProjectDirectory`` reuses it).
    package var files: RememberedFiles? {
        session?.files
    }
}
