/// One share of a batch of reports (`playbook report --shard i/n`), so that a batch of
/// thousands of clients runs as `n` jobs on any runner (a CI matrix, Kubernetes indexed Jobs).
///
/// The share does not depend on the order the scenarios are given in (a shell's glob, a list
/// file): the clients' folder names are sorted and dealt out in turn, the first to share 1,
/// the second to share 2, … the n+1-th to share 1 again. Every client is in exactly one share,
/// shares differ in size by at most one client, and scenarios that would write the same
/// folder go to the same share (which then reports them as duplicates).
public struct ReportShard: Sendable, Equatable {
    /// Which share, from 1 to ``count``.
    public var index: Int
    /// How many shares the batch is split into.
    public var count: Int

    /// Reads `i/n`; the error is a sentence for the command line.
    public static func parse(_ text: String) -> Result<ReportShard, ShardError> {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]),
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            return .failure(ShardError(message: "--shard \(text): write i/n, such as 2/3 for the second of three shares of the batch"))
        }
        guard count >= 1 else {
            return .failure(ShardError(message: "--shard \(text): the batch cannot be split into 0 shares; n must be at least 1"))
        }
        guard (1...count).contains(index) else {
            return .failure(ShardError(message: "--shard \(text): there is no share \(index); the \(count) shares are numbered 1 to \(count)"))
        }
        return .success(ReportShard(index: index, count: count))
    }

    /// Why `--shard` was refused.
    public struct ShardError: Error, Sendable, Equatable {
        /// What to print.
        public var message: String
    }

    /// The scenarios of this share, in the order given.
    public func select(_ scenarios: [String]) -> [String] {
        let names = Set(scenarios.map(ReportOutcome.name(of:))).sorted()
        var mine: Set<String> = []
        for (position, name) in names.enumerated() where position % count == index - 1 { mine.insert(name) }
        return scenarios.filter { mine.contains(ReportOutcome.name(of: $0)) }
    }
}
