/// How far YAML aliases may be expanded, so that a short file cannot grow into gigabytes
/// ("billion laughs": ten aliases of ten aliases of ten aliases …).
///
/// Every use of an alias (`*name`) copies the value its anchor (`&name`) names. The copies are
/// counted as the tree is built, aliases inside the copied value included: a document may
/// dereference at most ``maximumAliasUses`` aliases and copy at most ``maximumCopiedValues``
/// values through them. Values written out in the file itself are not counted (their number
/// is bounded by the file's size).
public struct AliasExpansionLimit: Sendable {
    /// The most alias uses one document may expand, nested uses included.
    public static let maximumAliasUses = 1_000
    /// The most values (scalars, mappings and lists) one document may copy through aliases.
    public static let maximumCopiedValues = 10_000

    /// Alias uses expanded so far.
    private(set) var aliasUses = 0
    /// Values copied through aliases so far.
    private(set) var copiedValues = 0

    /// What went over the limit.
    enum Exceeded: Error {
        /// More alias uses than ``maximumAliasUses``.
        case aliasUses
        /// More copied values than ``maximumCopiedValues``.
        case copiedValues
    }

    /// Counts one more alias use.
    mutating func useAlias() throws(Exceeded) {
        aliasUses += 1
        if aliasUses > Self.maximumAliasUses { throw .aliasUses }
    }

    /// Counts one more value copied through an alias.
    mutating func copyValue() throws(Exceeded) {
        copiedValues += 1
        if copiedValues > Self.maximumCopiedValues { throw .copiedValues }
    }

    /// The error message for `exceeded`, naming the anchor whose expansion went over.
    static func message(_ exceeded: Exceeded, anchor: String) -> String {
        switch exceeded {
        case .aliasUses:
            return "the aliases of '&\(anchor)' expand to more than \(maximumAliasUses) alias uses"
        case .copiedValues:
            return "the aliases of '&\(anchor)' expand to more than \(maximumCopiedValues) values"
        }
    }
}
