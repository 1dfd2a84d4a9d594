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
    private var hits = 0
    private var misses = 0
    /// What the previous build wrote, by path relative to the output folder.
    var written: [String: OutputFile.Content] {
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
        return (hits, misses)
    }

    /// The value of `compute` for `input`, from the last build that had the same input under
    /// this key, or computed now. Returns the value and its version.
    func memo<Input: Equatable & Sendable, Value: Sendable>(_ key: String, input: Input,
                                                            compute: () -> Value) -> (value: Value, version: Int) {
        if let found: (Value, Int) = cached(key, input: input) { return found }
        let value = compute()
        return (value, store(key, input: input, value: value))
    }

    /// The same for work that is `async`.
    func memo<Input: Equatable & Sendable, Value: Sendable>(_ key: String, input: Input,
                                                            compute: () async -> Value) async -> (value: Value, version: Int) {
        if let found: (Value, Int) = cached(key, input: input) { return found }
        let value = await compute()
        return (value, store(key, input: input, value: value))
    }

    private func store<Input: Equatable & Sendable, Value: Sendable>(_ key: String, input: Input, value: Value) -> Int {
        lock.lock()
        defer { lock.unlock() }
        nextVersion += 1
        misses += 1
        entries[key] = Entry(input: input, value: value, version: nextVersion, build: build)
        return nextVersion
    }

    /// The input the last build stored under `key`, for memos whose input depends on what the
    /// work read (a scenario's data files).
    func previousInput<Input: Equatable & Sendable>(_ key: String, as type: Input.Type) -> Input? {
        lock.lock()
        defer { lock.unlock() }
        return entries[key]?.input as? Input
    }

    /// Stores a value computed outside ``memo(_:input:compute:)``; returns its new version.
    func store<Input: Equatable & Sendable, Value: Sendable>(_ key: String, input: Input, computed value: Value) -> Int {
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
        hits += 1
        return (value, entry.version)
    }

    /// Starts a build: counts reset.
    func beginBuild() {
        lock.lock()
        defer { lock.unlock() }
        build += 1
        hits = 0
        misses = 0
    }

    /// Ends a build: memos it did not use are dropped, so memory follows the project's size.
    func endBuild() {
        lock.lock()
        defer { lock.unlock() }
        entries = entries.filter { $0.value.build == build }
    }

    /// The version of each scenario loaded by this build, by name (set by the load stage).
    var scenarios: [String: Int] {
        get { lock.lock(); defer { lock.unlock() }; return scenarioVersions }
        set { lock.lock(); defer { lock.unlock() }; scenarioVersions = newValue }
    }
}

/// A text compared by its bytes (`String`'s `==` compares by Unicode canonical equivalence,
/// which is slow for long texts that are not ASCII).
struct ExactText: Equatable, Sendable {
    var text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (left: ExactText, right: ExactText) -> Bool {
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
    func sameBytes(as other: OutputFile.Content) -> Bool {
        switch (self, other) {
        case (.text(let a), .text(let b)): return ExactText(a) == ExactText(b)
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.copy(let a), .copy(let b)): return a == b
        default: return false
        }
    }
}
