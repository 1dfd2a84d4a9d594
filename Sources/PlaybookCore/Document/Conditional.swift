/// A block condition as written in a chapter:
///
/// ```markdown
/// ::: if npv > $0
/// The programme pays for itself.
/// ::: else if pays_back
/// …
/// ::: else
/// …
/// :::
/// ```
///
/// The parser keeps it as a node holding its branches; the evaluate stage replaces it with the
/// blocks of the branch whose condition holds for the chapter's scenario (or with nothing), so
/// no later stage meets one.
public struct ConditionalOf<Stage: DocumentStage>: Sendable, Equatable {
    /// The branches in order: the `::: if` one first, then each `::: else if`, then the
    /// `::: else` one (whose condition is `nil`), if any.
    public var branches: [ConditionalBranchOf<Stage>]
    /// Where the `::: if` line is.
    public var position: SourcePosition

    /// Creates a conditional node.
    @inlinable
    public init(branches: [ConditionalBranchOf<Stage>], position: SourcePosition) {
        self.branches = branches
        self.position = position
    }
}

/// One branch of a block condition: its condition (none for `::: else`) and its blocks.
public struct ConditionalBranchOf<Stage: DocumentStage>: Sendable, Equatable {
    /// The condition as written after `if` / `else if`; `nil` for `::: else`.
    public var condition: ConditionText?
    /// The branch's blocks.
    public var blocks: [BlockOf<Stage>]
    /// The first line of the branch's content (the line after its marker).
    public var firstLine: Int
    /// The last line of the branch's content (the line before the next marker).
    public var lastLine: Int

    /// Creates a branch.
    @inlinable
    public init(condition: ConditionText?, blocks: [BlockOf<Stage>], firstLine: Int, lastLine: Int) {
        self.condition = condition
        self.blocks = blocks
        self.firstLine = firstLine
        self.lastLine = lastLine
    }
}

/// The text of a condition and where it starts in its file.
public struct ConditionText: Sendable, Hashable {
    /// The condition, such as `npv > $0 and has_risk`.
    public var text: String
    /// Where its first character is (line, UTF-8 column).
    public var position: SourcePosition

    /// Creates a condition's text.
    public init(text: String, position: SourcePosition) {
        self.text = text
        self.position = position
    }
}

/// A parsed block condition.
public typealias Conditional = ConditionalOf<Parsed>
