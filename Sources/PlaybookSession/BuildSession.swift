import Foundation
import PlaybookCore

/// A series of builds into one output folder, as the preview server runs them. Each build
/// reuses what the previous one made from inputs that have not changed, and writes only the
/// files whose bytes changed.
///
/// The stages look their work up here by what it depends on ("memos"): a chapter's parse by
/// its text; its computed content by its text and the scenarios it names; its links by the
/// project's index of anchors; its pages by its body, the navigation and the templates. A
/// memo that is recomputed gets a new version number, which the memos that depend on it take
/// as part of their input, so an edit invalidates exactly what follows from it.
/// `playbook build` passes no session and computes everything.
public final class BuildSession: @unchecked Sendable {
    // @unchecked: every stored property is read and written under `lock`; stages call in
    // from all cores.

    private struct Entry {
        var input: any Equatable & Sendable
        var value: any Sendable
        var version: Int
        var build: Int
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var nextVersion = 0
    private var build = 0
    private var scenarioVersions: [String: Int] = [:]
    private var work = BuildWork()
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

    /// The value of `compute` for `input`, from the last build that had the same input under
    /// this key, or computed now. Returns the value and its version.
    package func memo<Input: Equatable & Sendable, Value: Sendable>(_ key: String, input: Input,
                                                            compute: () -> Value) -> (value: Value, version: Int) {
        if let found: (Value, Int) = cached(key, input: input) { return found }
        let value = compute()
        return (value, store(key, input: input, value: value))
    }

    /// The same for work that is `async`.
    package func memo<Input: Equatable & Sendable, Value: Sendable>(_ key: String, input: Input,
                                                            compute: () async -> Value) async -> (value: Value, version: Int) {
        if let found: (Value, Int) = cached(key, input: input) { return found }
        let value = await compute()
        return (value, store(key, input: input, value: value))
    }

    /// The same with early cut-off: when the input changed but the value computed again is
    /// `unchanged` from the one the last build stored, the memo keeps its version, so the memos
    /// that take that version as input are reused (adding a heading changes the index of
    /// anchors every chapter's links are checked against, yet re-renders only the chapter
    /// whose resolved document changed).
    package func memo<Input: Equatable & Sendable, Value: Sendable>(_ key: String, input: Input, unchanged: (Value, Value) -> Bool,
                                                            compute: () -> Value) -> (value: Value, version: Int) {
        if let found: (Value, Int) = cached(key, input: input) { return found }
        let previous: (value: Value, version: Int)? = {
            lock.lock()
            defer { lock.unlock() }
            return entries[key].flatMap { entry in (entry.value as? Value).map { ($0, entry.version) } }
        }()
        let value = compute()
        // Compared outside the lock: the stages compute their memos on all cores.
        let keep = previous.flatMap { unchanged($0.value, value) ? $0.version : nil }
        return (value, store(key, input: input, value: value, keeping: keep))
    }

    /// Stores a computed value under a new version, or under `keeping` (the version of an
    /// equal value the last build stored).
    private func store<Input: Equatable & Sendable, Value: Sendable>(_ key: String, input: Input, value: Value, keeping: Int? = nil) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let version: Int
        if let keeping {
            version = keeping
        } else {
            nextVersion += 1
            version = nextVersion
        }
        work.record(key, computed: true, unchanged: keeping != nil)
        entries[key] = Entry(input: input, value: value, version: version, build: build)
        return version
    }

    /// The input the last build stored under `key`, for memos whose input depends on what the
    /// work read (a scenario's data files).
    package func previousInput<Input: Equatable & Sendable>(_ key: String, as type: Input.Type) -> Input? {
        lock.lock()
        defer { lock.unlock() }
        return entries[key]?.input as? Input
    }

    /// Replaces the input stored under `key`, keeping its value and version: for a memo whose
    /// input became cheaper to compare (a file's stamp, once its text was found unchanged).
    package func restate<Input: Equatable & Sendable>(_ key: String, input: Input) {
        lock.lock()
        defer { lock.unlock() }
        entries[key]?.input = input
    }

    /// Stores a value computed outside ``memo(_:input:compute:)``; returns its new version.
    package func store<Input: Equatable & Sendable, Value: Sendable>(_ key: String, input: Input, computed value: Value) -> Int {
        store(key, input: input, value: value)
    }

    private func cached<Input: Equatable & Sendable, Value: Sendable>(_ key: String, input: Input) -> (Value, Int)? {
        lock.lock()
        defer { lock.unlock() }
        guard var entry = entries[key], let old = entry.input as? Input, old == input, let value = entry.value as? Value else {
            return nil
        }
        entry.build = build
        entries[key] = entry
        work.record(key, computed: false)
        return (value, entry.version)
    }

    /// Starts a build: counts reset.
    package func beginBuild() {
        lock.lock()
        defer { lock.unlock() }
        build += 1
        work = BuildWork()
    }

    /// Ends a build: memos it did not use are dropped, so memory follows the project's size.
    package func endBuild() {
        lock.lock()
        defer { lock.unlock() }
        entries = entries.filter { $0.value.build == build }
    }

    /// The version of each scenario loaded by this build, by name (set by the load stage).
    package var scenarios: [String: Int] {
        get { lock.lock(); defer { lock.unlock() }; return scenarioVersions }
        set { lock.lock(); defer { lock.unlock() }; scenarioVersions = newValue }
    }
}

/// What one build of a ``BuildSession`` computed and what it reused, by kind of memo.
///
/// A memo's key is `<kind>:<subject>`: the kind names the work (`chapter`: read and parse a
/// chapter file; `scenario`: load a scenario; `presentation`: compile the templates;
/// `prepare`: a chapter's computed content, raw HTML and anchors; `index`: the index of
/// anchors; `resolve`: a chapter's links and images; `body`: a chapter's body rendered for
/// both outputs; `navigation`: the navigation every page shows, or a chapter's entry in its
/// book's EPUB navigation; `page-context`: the values templates see; `page`: a chapter's
/// site page; `xhtml`: a chapter's EPUB page; `search`: a chapter's part of the search index;
/// `listing`: a page listing books or chapters; `zip`: one compressed EPUB entry; `reports`:
/// every client report), the subject what it was done for (usually a project-relative path).
public struct BuildWork: Sendable, Equatable {
    /// The subjects of the memos computed, by kind, sorted.
    public private(set) var computed: [String: [String]] = [:]
    /// How many memos of each kind were reused.
    public private(set) var reused: [String: Int] = [:]
    /// The subjects of the memos computed again whose value came out equal to the previous
    /// build's (early cut-off: what depends on them was reused), by kind, sorted. Each is in
    /// ``computed`` too.
    public private(set) var unchanged: [String: [String]] = [:]

    /// Creates an empty tally.
    public init() {}

    /// The subjects of the memos of `kind` this build computed, sorted.
    public func computed(_ kind: String) -> [String] {
        computed[kind] ?? []
    }

    /// The subjects of the memos of `kind` this build computed again with the value the
    /// previous build had (so that what depends on them was reused), sorted.
    public func unchanged(_ kind: String) -> [String] {
        unchanged[kind] ?? []
    }

    /// How many memos of `kind` this build reused.
    public func reused(_ kind: String) -> Int {
        reused[kind] ?? 0
    }

    mutating func record(_ key: String, computed wasComputed: Bool, unchanged wasUnchanged: Bool = false) {
        // Appended as they come (under the session's lock, from every core); ``sorted()`` orders
        // them once, when the tally is read.
        let (kind, subject) = Self.split(key)
        if wasComputed {
            computed[kind, default: []].append(subject)
            if wasUnchanged { unchanged[kind, default: []].append(subject) }
        } else {
            reused[kind, default: 0] += 1
        }
    }

    /// The tally with every list of subjects sorted.
    func sorted() -> BuildWork {
        var copy = self
        copy.computed = computed.mapValues { $0.sorted() }
        copy.unchanged = unchanged.mapValues { $0.sorted() }
        return copy
    }

    /// A key's kind (before the first `:`) and subject (after it; empty when there is none).
    static func split(_ key: String) -> (kind: String, subject: String) {
        guard let colon = key.firstIndex(of: ":") else { return (key, "") }
        return (String(key[..<colon]), String(key[key.index(after: colon)...]))
    }
}

/// A text compared by its bytes (`String`'s `==` compares by Unicode canonical equivalence,
/// which is slow for long texts that are not ASCII).
package struct ExactText: Equatable, Sendable {
    var text: String

    package init(_ text: String) {
        self.text = text
    }

    package static func == (left: ExactText, right: ExactText) -> Bool {
        var a = left.text, b = right.text
        return a.withUTF8 { first in
            b.withUTF8 { second in
                first.count == second.count
                    && (first.count == 0 || first.baseAddress == second.baseAddress || memcmp(first.baseAddress!, second.baseAddress!, first.count) == 0)
            }
        }
    }
}

extension OutputFile.Content {
    /// Whether two contents are the same bytes (copies: the same source path).
    package func sameBytes(as other: OutputFile.Content) -> Bool {
        switch (self, other) {
        case (.text(let a), .text(let b)): return ExactText(a) == ExactText(b)
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.copy(let a), .copy(let b)): return a == b
        default: return false
        }
    }
}
