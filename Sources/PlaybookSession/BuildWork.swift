/// What one build of a ``BuildSession`` computed and what it reused, by kind of query (the raw
/// value of a ``QueryKind``: `chapter`, `prepare`, `resolve`, `body`, `page`, `zip`…) and
/// subject (usually a project-relative path), and which project files it read or looked at.
public struct BuildWork: Sendable, Equatable {
    /// The subjects of the memos computed, by kind, sorted.
    public private(set) var computed: [String: [String]] = [:]
    /// How many memos of each kind were reused.
    public private(set) var reused: [String: Int] = [:]
    /// The subjects of the memos computed again whose value came out equal to the previous
    /// build's (early cut-off: what depends on them was reused), by kind, sorted. Each is in
    /// ``computed`` too.
    public private(set) var unchanged: [String: [String]] = [:]

    /// The project files the build's queries read, by project-relative path, sorted (a path
    /// read twice is listed twice).
    public private(set) var reads: [String] = []
    /// The project files whose status (stamp) the queries looked at without reading them, sorted.
    public private(set) var looked: [String] = []

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

    package mutating func record(_ key: QueryKey, computed wasComputed: Bool, unchanged wasUnchanged: Bool = false) {
        // Appended as they come (under the session's lock, from every core); ``sorted()`` orders
        // them once, when the tally is read.
        let kind = key.kind.rawValue
        if wasComputed {
            computed[kind, default: []].append(key.subject)
            if wasUnchanged { unchanged[kind, default: []].append(key.subject) }
        } else {
            reused[kind, default: 0] += 1
        }
    }

    package mutating func recordAccess(_ path: String, read: Bool) {
        if read { reads.append(path) } else { looked.append(path) }
    }

    /// The tally with every list of subjects sorted.
    package func sorted() -> BuildWork {
        var copy = self
        copy.computed = computed.mapValues { $0.sorted() }
        copy.unchanged = unchanged.mapValues { $0.sorted() }
        copy.reads = reads.sorted()
        copy.looked = looked.sorted()
        return copy
    }
}
