/// The kinds of callout, GitHub's alert syntax (`> [!NOTE]`), which mdBook, Pandoc, Hugo and
/// Quarto read too.
public enum CalloutKind: String, Sendable, Equatable, CaseIterable {
    /// `[!NOTE]`
    case note
    /// `[!TIP]`
    case tip
    /// `[!IMPORTANT]`
    case important
    /// `[!WARNING]`
    case warning
    /// `[!CAUTION]`
    case caution

    /// The label shown when the author gives no title: "Note", "Tip" …
    public var label: String {
        rawValue.prefix(1).uppercased() + rawValue.dropFirst()
    }

    /// The markers as written, for hints: `[!NOTE]`, `[!TIP]` …
    public static var markers: [String] {
        allCases.map { "[!\($0.rawValue.uppercased())]" }
    }
}

/// A callout: a block quote that starts with `[!NOTE]` (or another ``CalloutKind``) and
/// optionally a title on the same line (`> [!TIP] Ask finance first`).
public struct CalloutOf<Stage: DocumentStage>: Sendable, Equatable {
    /// What kind of callout.
    public var kind: CalloutKind
    /// The title written after the marker; empty for the kind's own label.
    public var title: [InlineOf<Stage>]
    /// The callout's content.
    public var blocks: [BlockOf<Stage>]
    /// Where the quote starts.
    public var position: SourcePosition

    /// Creates a callout.
    @inlinable
    public init(kind: CalloutKind, title: [InlineOf<Stage>], blocks: [BlockOf<Stage>], position: SourcePosition) {
        self.kind = kind
        self.title = title
        self.blocks = blocks
        self.position = position
    }
}
