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
    /// UTF-8 bytes to add to cmark's columns on each line of the text (index 0 = line 1):
    /// a footnote's text is parsed without the `[^label]:` or the indentation in front of its lines.
    var columnShifts: [Int] = []

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
        position(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)), state: state)
    }

    /// A file position for cmark's (line, column) in the text being parsed.
    private func position(line: Int, column: Int, state: State) -> SourcePosition {
        if let map = state.positionMap { return map(line, column) }
        let shift = line >= 1 && line <= columnShifts.count ? columnShifts[line - 1] : 0
        return SourcePosition(line: line + lineOffset, column: column + shift)
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
                if case .table(var table)? = blocks.last, table.caption == nil,
                   let caption = caption(current, depth: depth, state: &state) {
                    table.caption = caption
                    blocks[blocks.count - 1] = .table(table)
                } else {
                    blocks.append(contentsOf: convertBlock(current, depth: depth, state: &state))
                }
            }
            node = cmark_node_next(current)
        }
        return blocks
    }

    /// The caption of the table before `node` when `node` is a paragraph starting with `: `.
    private func caption(_ node: OpaquePointer, depth: Int, state: inout State) -> Caption? {
        guard cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH, state.positionMap == nil else { return nil }
        let line = Int(cmark_node_get_start_line(node)), column = Int(cmark_node_get_start_column(node))
        let raw = lines.line(line).dropFirst(column - 1)
        guard raw.starts(with: [UInt8(ascii: ":"), UInt8(ascii: " ")]) else { return nil }
        var inlines = convertInlines(of: node, depth: depth + 1, state: &state)
        guard case .text(let first)? = inlines.first, first.hasPrefix(": ") else { return nil }
        let rest = String(first.dropFirst(2).drop(while: { $0 == " " }))
        if rest.isEmpty { inlines.removeFirst() } else { inlines[0] = .text(rest) }
        let (content, label) = HeadingAttributes.split(inlines)
        let at = position(of: node, state: state)
        if let label, NumberedKind(label: label) != .table {
            state.diagnostics.append(.error(.labelKind, "a table's label starts with 'tbl-'",
                                            at: file.location(line: at.line, column: at.column, spanning: "{#\(label)}"),
                                            hint: "write {#tbl-\(label.hasPrefix("fig-") ? String(label.dropFirst(4)) : label)}"))
            return Caption(content: content, label: nil, position: at)
        }
        return Caption(content: content, label: label, position: at)
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
            let children = convertBlocks(of: node, depth: depth + 1, state: &state)
            let at = position(of: node, state: state)
            let (callout, diagnostic) = CalloutSyntax.callout(children, at: at, file: file)
            if let diagnostic { state.diagnostics.append(diagnostic) }
            return [callout.map { .callout($0) } ?? .blockQuote(children)]
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
        if let figure = figure(inlines, state: &state) { return [figure] }
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

    /// A numbered figure: an image alone in its paragraph followed by `{#fig-label}`.
    private func figure(_ inlines: [Inline], state: inout State) -> Block? {
        guard inlines.count == 2, case .image(let image) = inlines[0], case .text = inlines[1] else { return nil }
        let (rest, label) = HeadingAttributes.split(inlines)
        guard let label, rest.count == 1 else { return nil }
        guard NumberedKind(label: label) == .figure else {
            state.diagnostics.append(.error(.labelKind, "a figure's label starts with 'fig-'",
                                            at: file.location(line: image.position.line, column: image.position.column, spanning: "{#\(label)}"),
                                            hint: "write {#fig-\(label.hasPrefix("tbl-") ? String(label.dropFirst(4)) : label)}"))
            return .paragraph([.image(image)])
        }
        return .figure(Figure(image: image, label: label))
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
                if cmark_node_get_type(current) == CMARK_NODE_TEXT {
                    for inline in textInlines(current, state: state) {
                        if case .text(let text) = inline, case .text(let previous)? = inlines.last {
                            inlines[inlines.count - 1] = .text(previous + text)
                        } else {
                            inlines.append(inline)
                        }
                    }
                } else if let inline = convertInline(current, depth: depth, state: &state) {
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

    /// A text node, split at its footnote references and cross-references, each placed at
    /// its column in the source line when it is found there.
    private func textInlines(_ node: OpaquePointer, state: State) -> [Inline] {
        let text = string(cmark_node_get_literal(node))
        let pieces = FootnoteSyntax.split(text)
        if pieces.count == 1, case .text = pieces[0].piece { return [.text(text)] }
        let line = Int(cmark_node_get_start_line(node)), column = Int(cmark_node_get_start_column(node))
        let raw = state.positionMap == nil ? Array(lines.line(line)) : []
        var cursor = column - 1
        // A table cell's text starts with the space its prefix (`&#32;`) decoded to.
        let cellShift = state.positionMap != nil && column == 1 && text.hasPrefix(" ") ? Self.cellPrefix.utf8.count - 1 : 0
        var result: [Inline] = []
        /// Where `written` is, and whether a backslash escapes it (`\[^1]`, `\@tbl-x` stay text).
        func at(_ written: String, offset: Int) -> (SourcePosition, escaped: Bool) {
            let needle = Array(written.utf8)
            if !raw.isEmpty, cursor <= raw.count, let found = Self.find(needle, in: raw, from: cursor) {
                cursor = found + needle.count
                return (position(line: line, column: found + 1, state: state), found > 0 && raw[found - 1] == UInt8(ascii: "\\"))
            }
            return (position(line: line, column: column + offset + (offset > 0 ? cellShift : 0), state: state), false)
        }
        func append(_ text: String) {
            if case .text(let previous)? = result.last { result[result.count - 1] = .text(previous + text) } else { result.append(.text(text)) }
        }
        for (piece, offset) in pieces {
            switch piece {
            case .text(let text): append(text)
            case .footnote(let label):
                let (position, escaped) = at("[^\(label)]", offset: offset)
                if escaped { append("[^\(label)]") } else { result.append(.footnoteReference(FootnoteReference(label: label, position: position))) }
            case .reference(let label):
                let (position, escaped) = at("@\(label)", offset: offset)
                if escaped { append("@" + label) } else { result.append(.crossReference(CrossReference(label: label, position: position))) }
            }
        }
        return result
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for index in start...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
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
