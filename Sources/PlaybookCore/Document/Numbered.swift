/// What a numbered element is: a table or a figure. Labels say it by their prefix
/// (`tbl-…`, `fig-…`, Quarto's convention), and numbers by their word ("Table 3.2").
public enum NumberedKind: String, Sendable, Equatable, CaseIterable {
    /// A pipe table with a caption, or a computed table with a `label:`.
    case table
    /// An image with a caption and a label, or a computed chart with a `label:`.
    case figure

    /// The prefix of its labels: `tbl-` or `fig-`.
    public var prefix: String {
        switch self {
        case .table: "tbl-"
        case .figure: "fig-"
        }
    }

    /// The word in front of its number: "Table" or "Figure".
    public var word: String {
        switch self {
        case .table: "Table"
        case .figure: "Figure"
        }
    }

    /// The kind a label names by its prefix, if any.
    public init?(label: String) {
        guard let kind = Self.allCases.first(where: { label.hasPrefix($0.prefix) && label.count > $0.prefix.count }) else { return nil }
        self = kind
    }
}

/// A table's caption: the paragraph `: Caption text {#tbl-label}` right after a pipe table.
public struct CaptionOf<Stage: DocumentStage>: Sendable, Equatable {
    /// The caption's text, without the `: ` and the label.
    public var content: [InlineOf<Stage>]
    /// The label written as `{#tbl-…}`, which is the table's id and what `@tbl-…` names.
    public var label: String?
    /// "Table 3.2", once numbered.
    public var number: Stage.ItemNumber
    /// Where the caption's `:` is.
    public var position: SourcePosition

    /// Creates a caption.
    @inlinable
    public init(content: [InlineOf<Stage>], label: String?, number: Stage.ItemNumber, position: SourcePosition) {
        self.content = content
        self.label = label
        self.number = number
        self.position = position
    }
}

extension CaptionOf where Stage.ItemNumber == Pending {
    /// Creates a caption not numbered yet.
    @inlinable
    public init(content: [InlineOf<Stage>], label: String?, position: SourcePosition) {
        self.init(content: content, label: label, number: Pending(), position: position)
    }
}

/// A numbered figure: an image alone in its paragraph with a label,
/// `![Caption](images/funnel.png){#fig-funnel}`; the alternative text is the caption.
public struct FigureOf<Stage: DocumentStage>: Sendable, Equatable {
    /// The image (its alternative text is the caption).
    public var image: ImageOf<Stage>
    /// The label written as `{#fig-…}`.
    public var label: String
    /// "Figure 3.1", once numbered.
    public var number: Stage.ItemNumber

    /// Creates a figure.
    @inlinable
    public init(image: ImageOf<Stage>, label: String, number: Stage.ItemNumber) {
        self.image = image
        self.label = label
        self.number = number
    }
}

extension FigureOf where Stage.ItemNumber == Pending {
    /// Creates a figure not numbered yet.
    @inlinable
    public init(image: ImageOf<Stage>, label: String) {
        self.init(image: image, label: label, number: Pending())
    }
}

/// A cross-reference, `@tbl-label` or `@fig-label`: the transform makes it a link whose text
/// is the element's number ("Table 3.2"), so no resolved tree holds one.
public struct CrossReference: Sendable, Equatable {
    /// The label after `@`.
    public var label: String
    /// Where the `@` is.
    public var position: SourcePosition

    /// Creates a cross-reference.
    @inlinable
    public init(label: String, position: SourcePosition) {
        self.label = label
        self.position = position
    }
}
