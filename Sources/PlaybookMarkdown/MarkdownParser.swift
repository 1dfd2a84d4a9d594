import PlaybookCore

/// Parses a chapter's Markdown body into a ``Document``: CommonMark by cmark, plus GFM pipe
/// tables and their captions (`: Caption {#tbl-…}`), `{#id}` heading attributes, block
/// conditions (`::: if …`, ``BlockConditions``), footnotes (``FootnoteDefinitions``),
/// callouts (``CalloutSyntax``), figures (`![Caption](…){#fig-…}`) and cross-references (`@tbl-…`).
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
        // Footnote definitions first: cmark would take them for link reference definitions.
        guard let (cut, definitions) = FootnoteDefinitions.cut(body) else { return parseBody(body, in: file, firstLine: firstLine) }
        let (document, diagnostics) = parseBody(cut, in: file, firstLine: firstLine)
        let (notes, noteDiagnostics) = footnotes(definitions, body: BodyLines(cut), in: file, firstLine: firstLine)
        return (Document(blocks: document.blocks + notes), diagnostics + noteDiagnostics)
    }

    /// Each definition's text parsed on its own at its real positions, with the body's link
    /// reference definitions; a label defined twice is an error and the later text left out.
    private func footnotes(_ definitions: [FootnoteDefinitions.Definition], body: BodyLines, in file: SourceFile,
                           firstLine: Int) -> ([Block], [Diagnostic]) {
        var blocks: [Block] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: SourceLocation] = [:]
        let references = body.referenceDefinitions()
        for definition in definitions {
            let line = definition.line + firstLine - 1
            let at = file.location(line: line, column: definition.column, length: definition.label.utf8.count + 3)
            if let first = seen[definition.label] {
                diagnostics.append(.error(.footnoteDuplicate, "the footnote '[^\(definition.label)]' is defined twice in this chapter",
                                          at: at, hint: "give this note another label, or merge the two texts",
                                          notes: [.init("first defined here", at: first)]))
                continue
            }
            seen[definition.label] = at
            var converter = CommonMarkConverter(smartPunctuation: smartPunctuation, lines: BodyLines(definition.text),
                                                lineOffset: line - 1, file: file)
            converter.columnShifts = definition.shifts
            let (noteBlocks, noteDiagnostics) = converter.convert(definition.text + (references.isEmpty ? "" : "\n" + references))
            blocks.append(.footnote(Footnote(label: definition.label, blocks: noteBlocks, position: SourcePosition(line: line, column: definition.column))))
            diagnostics += noteDiagnostics
        }
        return (blocks, diagnostics)
    }

    /// Parses a body without footnote definitions.
    private func parseBody(_ body: String, in file: SourceFile, firstLine: Int) -> (Document, [Diagnostic]) {
        let lines = BodyLines(body)
        let (markers, unknown) = UTF8Bytes.contains(body, ":::") ? BlockConditions.markers(in: lines) : ([], [])
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
