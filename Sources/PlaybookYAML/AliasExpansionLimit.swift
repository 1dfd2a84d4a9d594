/// How far YAML aliases may be expanded, so that a short file cannot grow into gigabytes
/// ("billion laughs": ten aliases of ten aliases of ten aliases …) or take minutes to read.
///
/// Every use of an alias (`*name`) copies the value its anchor (`&name`) names. Fed the
/// document's parse events before any tree is built, the counter works out how many values
/// each anchor stands for and what every alias use adds, aliases inside the copied value
/// included: a document may expand at most ``maximumAliasUses`` alias uses and copy at most
/// ``maximumCopiedValues`` values through them. Values written out in the file itself are not
/// counted (their number is bounded by the file's size).
public struct AliasExpansionLimit: Sendable {
    /// The most alias uses one document may expand, nested uses included.
    public static let maximumAliasUses = 1_000
    /// The most values (scalars, mappings and lists) one document may copy through aliases.
    public static let maximumCopiedValues = 10_000

    /// What went over the limit.
    enum Exceeded: Error {
        /// More alias uses than ``maximumAliasUses``.
        case aliasUses
        /// More copied values than ``maximumCopiedValues``.
        case copiedValues
    }

    /// What a value stands for once its aliases are expanded.
    private struct Size {
        var values = 1
        var aliasUses = 0

        /// Adds `other`, stopping just past the limits so that sums cannot overflow.
        mutating func add(_ other: Size) {
            values = min(values + other.values, AliasExpansionLimit.maximumCopiedValues + 1)
            aliasUses = min(aliasUses + other.aliasUses, AliasExpansionLimit.maximumAliasUses + 1)
        }
    }

    /// Each open mapping or sequence, with its anchor and what it holds so far.
    private var open: [(anchor: String?, size: Size)] = []
    /// What each anchor (the latest of a name) stands for.
    private var anchors: [String: Size] = [:]
    /// Alias uses and copied values of the document so far.
    private var total = Size(values: 0, aliasUses: 0)

    /// A scalar.
    mutating func scalar(anchor: String?) {
        finish(Size(), anchor: anchor)
    }

    /// The start of a mapping or a sequence.
    mutating func start(anchor: String?) {
        open.append((anchor, Size()))
    }

    /// The end of the innermost mapping or sequence.
    mutating func end() {
        guard let (anchor, size) = open.popLast() else { return }
        finish(size, anchor: anchor)
    }

    /// An alias use; throws when it takes the document over a limit. An alias naming no anchor
    /// counts as one value (the parser reports it).
    mutating func alias(_ name: String) throws(Exceeded) {
        let copied = anchors[name] ?? Size()
        var use = Size(values: copied.values, aliasUses: copied.aliasUses)
        use.aliasUses = min(use.aliasUses + 1, Self.maximumAliasUses + 1)
        total.add(use)
        if total.aliasUses > Self.maximumAliasUses { throw .aliasUses }
        if total.values > Self.maximumCopiedValues { throw .copiedValues }
        if !open.isEmpty { open[open.count - 1].size.add(use) }
    }

    private mutating func finish(_ size: Size, anchor: String?) {
        if let anchor { anchors[anchor] = size }
        if !open.isEmpty { open[open.count - 1].size.add(size) }
    }

    /// The error message for the alias `name` whose use went over a limit.
    static func message(_ exceeded: Exceeded, alias name: String) -> String {
        switch exceeded {
        case .aliasUses:
            return "with this '*\(name)', the aliases expand more than \(maximumAliasUses) times (aliases inside aliased values count)"
        case .copiedValues:
            return "with this '*\(name)', the aliases copy more than \(maximumCopiedValues) values"
        }
    }
}
