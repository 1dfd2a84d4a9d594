import PlaybookCore

/// Parses a chapter's Markdown body into a ``Document``: CommonMark by cmark, plus GFM pipe
/// tables, `{#id}` heading attributes and block conditions (`::: if …`, ``BlockConditions``).
///
/// Positions in the document count lines of the whole file, so that a chapter whose body
/// starts after front matter still reports `file:line:column` as the author sees it.
public struct MarkdownParser: Sendable {
    /// Whether straight quotes, `--` and `...` become typographic punctuation.
    public var smartPunctuation: Bool

    /// Creates a parser.
    public init(smartPunctuation: Bool = true) {
        self.smartPunctuation = smartPunctuation
    }

    /// Parses `body`, which starts on line `firstLine` (1-based) of `file`.
    /// - Returns: the document and any diagnostics (tables with extra cells, runaway nesting).
    public func parse(_ body: String, in file: SourceFile, firstLine: Int = 1) -> (Document, [Diagnostic]) {
        let lines = BodyLines(body)
        let (markers, unknown) = body.contains(":::") ? BlockConditions.markers(in: lines) : ([], [])
        guard !markers.isEmpty || !unknown.isEmpty else {
            let converter = CommonMarkConverter(smartPunctuation: smartPunctuation, lines: lines, lineOffset: firstLine - 1, file: file)
            let (blocks, diagnostics) = converter.convert(body)
            return (Document(blocks: blocks), diagnostics)
        }
        // Block conditions: each piece between two markers is parsed on its own.
        let (blocks, diagnostics) = BlockConditions.parse(lines: lines, markers: markers, unknown: unknown, file: file,
                                                          lineOffset: firstLine - 1) { text, linesBefore in
            let converter = CommonMarkConverter(smartPunctuation: smartPunctuation, lines: BodyLines(text),
                                                lineOffset: firstLine - 1 + linesBefore, file: file)
            return converter.convert(text)
        }
        return (Document(blocks: blocks), diagnostics)
    }
}
