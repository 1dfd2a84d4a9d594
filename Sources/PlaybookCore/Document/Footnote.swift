/// A footnote reference, `[^label]`, where it is written: the transform numbers it (per
/// chapter, in order of first reference) and the renderers write a linked superscript.
public struct FootnoteReferenceOf<Stage: DocumentStage>: Sendable, Equatable {
    /// The label between `[^` and `]`.
    public var label: String
    /// The note's number in its chapter, once resolved.
    public var number: Stage.NoteNumber
    /// Where the `[^` is.
    public var position: SourcePosition

    /// Creates a reference.
    @inlinable
    public init(label: String, number: Stage.NoteNumber, position: SourcePosition) {
        self.label = label
        self.number = number
        self.position = position
    }
}

extension FootnoteReferenceOf where Stage.NoteNumber == Pending {
    /// Creates a reference not numbered yet.
    @inlinable
    public init(label: String, position: SourcePosition) {
        self.init(label: label, number: Pending(), position: position)
    }
}

/// A footnote's text, `[^label]: text` (continuation lines indented four spaces), found
/// anywhere in the chapter. The parser puts every definition at the end of the document, in
/// the order written; the transform keeps those referenced, ordered by number, and the
/// renderers write them as the chapter's notes.
public struct FootnoteOf<Stage: DocumentStage>: Sendable, Equatable {
    /// The label between `[^` and `]:`.
    public var label: String
    /// The note's text.
    public var blocks: [BlockOf<Stage>]
    /// The note's number in its chapter, once resolved.
    public var number: Stage.NoteNumber
    /// Where the `[^` of the definition is.
    public var position: SourcePosition

    /// Creates a definition.
    @inlinable
    public init(label: String, blocks: [BlockOf<Stage>], number: Stage.NoteNumber, position: SourcePosition) {
        self.label = label
        self.blocks = blocks
        self.number = number
        self.position = position
    }
}

extension FootnoteOf where Stage.NoteNumber == Pending {
    /// Creates a definition not numbered yet.
    @inlinable
    public init(label: String, blocks: [BlockOf<Stage>], position: SourcePosition) {
        self.init(label: label, blocks: blocks, number: Pending(), position: position)
    }
}
