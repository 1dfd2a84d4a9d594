// The only file that imports cmark. It parses Markdown with libcmark, copies every node it
// needs into PlaybookCore values, and frees the C tree before returning.
import CCmark
import PlaybookCore

/// Parses CommonMark with cmark and converts the C tree into ``Document`` values.
///
/// Paragraphs that hold a GFM pipe table are handed to ``PipeTableBuilder`` with their raw
/// source lines; the builder calls back into ``parseCells(_:)`` to parse cell contents with
/// cmark as well.
struct CommonMarkConverter {
    /// The deepest nesting of blocks or inlines kept; deeper content is dropped with a diagnostic
    /// (so that a pathological file cannot exhaust the stack).
    static let maximumDepth = 96

    let smartPunctuation: Bool
    /// The body's source lines (index 0 = line 1 of the body) as UTF-8, for table detection.
    let lines: BodyLines
    /// Added to cmark's line numbers to give lines of the whole file.
    let lineOffset: Int
    let file: SourceFile

    private var options: Int32 {
        CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS | (smartPunctuation ? CMARK_OPT_SMART : 0) | CMARK_OPT_VALIDATE_UTF8
    }

    /// Parses `markdown` (the chapter body) into blocks, with what is wrong in it.
    func convert(_ markdown: String) -> ([Block], [Diagnostic]) {
        var markdown = markdown
        let root = markdown.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, options) }
        }
        guard let root else { return ([], []) }
        defer { cmark_node_free(root) }
        // Merge adjacent text nodes in C (cmark splits text at every quote and bracket it
        // looked at), so that Swift makes one string per run of text.
        cmark_consolidate_text_nodes(root)
        var state = State(diagnostics: [])
        let blocks = convertBlocks(of: root, depth: 0, state: &state)
        return (blocks, state.diagnostics)
    }

    /// Parses fragments (table cells, or the lines before a table) as inline content, each on
    /// its own, with the body's reference definitions available to them.
    func parseFragments(_ fragments: [Fragment]) -> ([[Inline]], [Diagnostic]) {
        // Each fragment becomes a paragraph of its own. "&#32;" in front stops a cell that
        // starts with "#", "-", ">" or "1." from being read as a block; it decodes to one
        // space, removed below.
        var source = ""
        var parsed: [(index: Int, firstLine: Int)] = []
        var line = 1
        for (index, fragment) in fragments.enumerated() where !fragment.text.isEmpty {
            source += Self.cellPrefix + fragment.text + "\n\n"
            parsed.append((index, line))
            line += fragment.lines.count + 1
        }
        var result = [[Inline]](repeating: [], count: fragments.count)
        guard !parsed.isEmpty else { return (result, []) }
        source += lines.referenceDefinitions()
        let root = source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, options) }
        }
        guard let root else { return (result, []) }
        defer { cmark_node_free(root) }
        var state = State(diagnostics: [])
        var node = cmark_node_first_child(root)
        var paragraph = 0
        let prefixLength = Self.cellPrefix.utf8.count
        while let current = node, paragraph < parsed.count {
            let (index, firstLine) = parsed[paragraph]
            if cmark_node_get_type(current) == CMARK_NODE_PARAGRAPH {
                let fragment = fragments[index]
                let offset = lineOffset
                state.positionMap = { line, column in
                    let relative = line - firstLine + 1
                    let mapped = fragment.bodyPosition(line: relative, column: relative == 1 ? column - prefixLength : column)
                    return SourcePosition(line: mapped.line + offset, column: mapped.column)
                }
                var inlines = convertInlines(of: current, depth: 0, state: &state)
                Self.dropLeadingSpace(&inlines)
                result[index] = inlines
            }
            paragraph += 1
            node = cmark_node_next(current)
        }
        return (result, state.diagnostics)
    }

    static let cellPrefix = "&#32;"

    // MARK: - Blocks

    private struct State {
        var diagnostics: [Diagnostic]
        var reportedDepth = false
        /// Maps cmark's (line, column) to a file position; `nil` means "add the line offset".
        var positionMap: ((Int, Int) -> SourcePosition)?
    }

    private func position(of node: OpaquePointer, state: State) -> SourcePosition {
        let line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        if let map = state.positionMap { return map(line, column) }
        return SourcePosition(line: line + lineOffset, column: column)
    }

    private func tooDeep(_ node: OpaquePointer, depth: Int, state: inout State) -> Bool {
        guard depth >= Self.maximumDepth else { return false }
        if !state.reportedDepth {
            state.reportedDepth = true
            let at = position(of: node, state: state)
            state.diagnostics.append(.error(
                .nestingTooDeep,
                "content is nested more than \(Self.maximumDepth) levels deep; the deeper content is left out",
                at: file.location(line: at.line, column: at.column)))
        }
        return true
    }

    private func convertBlocks(of parent: OpaquePointer, depth: Int, state: inout State) -> [Block] {
        var blocks: [Block] = []
        var node = cmark_node_first_child(parent)
        while let current = node {
            if !tooDeep(current, depth: depth, state: &state) {
                blocks.append(contentsOf: convertBlock(current, depth: depth, state: &state))
            }
            node = cmark_node_next(current)
        }
        return blocks
    }

    private func convertBlock(_ node: OpaquePointer, depth: Int, state: inout State) -> [Block] {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return convertParagraph(node, depth: depth, state: &state)
        case CMARK_NODE_HEADING:
            let content = convertInlines(of: node, depth: depth + 1, state: &state)
            let (stripped, anchor) = HeadingAttributes.split(content)
            return [.heading(Heading(level: Int(cmark_node_get_heading_level(node)), content: stripped,
                                     explicitAnchor: anchor, position: position(of: node, state: state)))]
        case CMARK_NODE_BLOCK_QUOTE:
            return [.blockQuote(convertBlocks(of: node, depth: depth + 1, state: &state))]
        case CMARK_NODE_LIST:
            var items: [[Block]] = []
            var item = cmark_node_first_child(node)
            while let current = item {
                items.append(convertBlocks(of: current, depth: depth + 2, state: &state))
                item = cmark_node_next(current)
            }
            let kind: ListBlock.Kind = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
                ? .ordered(start: Int(cmark_node_get_list_start(node))) : .bullet
            return [.list(ListBlock(kind: kind, isTight: cmark_node_get_list_tight(node) != 0, items: items))]
        case CMARK_NODE_CODE_BLOCK:
            return [.codeBlock(CodeBlock(info: string(cmark_node_get_fence_info(node)),
                                         code: string(cmark_node_get_literal(node)),
                                         position: position(of: node, state: state)))]
        case CMARK_NODE_HTML_BLOCK:
            return [.html(RawHTML(html: string(cmark_node_get_literal(node)), position: position(of: node, state: state)))]
        case CMARK_NODE_THEMATIC_BREAK:
            return [.thematicBreak]
        default:
            return []
        }
    }

    private func convertParagraph(_ node: OpaquePointer, depth: Int, state: inout State) -> [Block] {
        let inlines = convertInlines(of: node, depth: depth + 1, state: &state)
        let startLine = Int(cmark_node_get_start_line(node))
        let endLine = Int(cmark_node_get_end_line(node))
        guard state.positionMap == nil, endLine > startLine,
              PipeTableBuilder.mayHoldTable(lines: lines, from: startLine + 1, through: endLine) else {
            return [.paragraph(inlines)]
        }
        // Raw text of each line of the paragraph: from where its content starts (the first
        // inline node that starts on that line) to the end of the line.
        var lineStarts: [Int: Int] = [startLine: Int(cmark_node_get_start_column(node))]
        var topLevel: [(start: Int, end: Int)] = []
        collectLineStarts(node, into: &lineStarts, topLevel: &topLevel, isTop: true)
        let builder = PipeTableBuilder(converter: self, file: file, lineOffset: lineOffset)
        let (blocks, diagnostics) = builder.split(paragraph: inlines, topLevelLines: topLevel, lineStarts: lineStarts,
                                                  startLine: startLine, endLine: endLine,
                                                  endColumn: Int(cmark_node_get_end_column(node)))
        state.diagnostics += diagnostics
        return blocks
    }

    private func collectLineStarts(_ parent: OpaquePointer, into starts: inout [Int: Int],
                                   topLevel: inout [(start: Int, end: Int)], isTop: Bool) {
        var node = cmark_node_first_child(parent)
        while let current = node {
            let line = Int(cmark_node_get_start_line(current))
            let column = Int(cmark_node_get_start_column(current))
            let type = cmark_node_get_type(current)
            if line > 0, column > 0, type != CMARK_NODE_SOFTBREAK, type != CMARK_NODE_LINEBREAK {
                if let known = starts[line] { starts[line] = min(known, column) } else { starts[line] = column }
            }
            if isTop {
                let end = Int(cmark_node_get_end_line(current))
                topLevel.append((line, max(end, line)))
            }
            collectLineStarts(current, into: &starts, topLevel: &topLevel, isTop: false)
            node = cmark_node_next(current)
        }
    }

    // MARK: - Inlines

    private func convertInlines(of parent: OpaquePointer, depth: Int, state: inout State) -> [Inline] {
        var inlines: [Inline] = []
        var node = cmark_node_first_child(parent)
        while let current = node {
            if !tooDeep(current, depth: depth, state: &state) {
                let inline = convertInline(current, depth: depth, state: &state)
                if case .text(let text) = inline, case .text(let previous)? = inlines.last {
                    inlines[inlines.count - 1] = .text(previous + text)
                } else if let inline {
                    inlines.append(inline)
                }
            }
            node = cmark_node_next(current)
        }
        return inlines
    }

    private func convertInline(_ node: OpaquePointer, depth: Int, state: inout State) -> Inline? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE:
            return .html(RawHTML(html: string(cmark_node_get_literal(node)), position: position(of: node, state: state)))
        case CMARK_NODE_EMPH: return .emphasis(convertInlines(of: node, depth: depth + 1, state: &state))
        case CMARK_NODE_STRONG: return .strong(convertInlines(of: node, depth: depth + 1, state: &state))
        case CMARK_NODE_LINK:
            return .link(Link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
                              content: convertInlines(of: node, depth: depth + 1, state: &state),
                              position: position(of: node, state: state)))
        case CMARK_NODE_IMAGE:
            return .image(Image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
                                alt: convertInlines(of: node, depth: depth + 1, state: &state),
                                position: position(of: node, state: state)))
        default:
            return nil
        }
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    /// Removes the single space that the cell prefix decoded to.
    private static func dropLeadingSpace(_ inlines: inout [Inline]) {
        guard case .text(let text)? = inlines.first, text.first == " " else { return }
        let rest = String(text.dropFirst())
        if rest.isEmpty { inlines.removeFirst() } else { inlines[0] = .text(rest) }
    }
}
