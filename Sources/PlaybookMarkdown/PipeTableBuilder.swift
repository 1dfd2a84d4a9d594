import PlaybookCore

/// Finds GFM pipe tables in paragraphs that cmark has already parsed, and rebuilds them as
/// ``Table`` blocks. cmark has no table extension: a table reaches us as a paragraph whose
/// lines are the rows. The builder looks at those lines' raw text, and when a header row is
/// followed by a matching delimiter row it splits the paragraph into the lines before the
/// table (still a paragraph) and the table, whose cells are parsed with cmark one by one.
struct PipeTableBuilder {
    let converter: CommonMarkConverter
    let file: SourceFile
    let lineOffset: Int

    /// A cheap test: does any line in the range look like a delimiter row (`|---|:--:|`)?
    static func mayHoldTable(lines: BodyLines, from first: Int, through last: Int) -> Bool {
        guard first <= last else { return false }
        for number in first...last {
            var hasPipe = false, hasDash = false, onlyDelimiterBytes = true
            for byte in lines.line(number) {
                switch byte {
                case UInt8(ascii: "|"): hasPipe = true
                case UInt8(ascii: "-"): hasDash = true
                case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">"): break
                default: onlyDelimiterBytes = false
                }
                if !onlyDelimiterBytes { break }
            }
            if hasPipe, hasDash, onlyDelimiterBytes { return true }
        }
        return false
    }

    /// Splits a paragraph into an optional leading paragraph and a table, or returns it
    /// unchanged; with the warnings about the table's rows.
    func split(paragraph inlines: [Inline], topLevelLines: [(start: Int, end: Int)], lineStarts: [Int: Int],
               startLine: Int, endLine: Int, endColumn: Int) -> ([Block], [Diagnostic]) {
        let unchanged: ([Block], [Diagnostic]) = ([.paragraph(inlines)], [])
        var diagnostics: [Diagnostic] = []
        // Raw text of every line, from the column where its content starts.
        var raw: [Int: RawLine] = [:]
        for number in startLine...endLine {
            guard let column = lineStarts[number] else { continue }
            let line = converter.lines.line(number)
            let from = min(line.startIndex + column - 1, line.endIndex)
            var to = line.endIndex
            if number == endLine { to = min(line.startIndex + endColumn, line.endIndex) }
            guard from <= to else { continue }
            raw[number] = RawLine(bytes: Array(line[from..<to]), line: number, column: column)
        }
        guard let headerLine = (startLine + 1...endLine).first(where: { delimiter in
            guard let delimiterRow = raw[delimiter], let header = raw[delimiter - 1],
                  let alignments = Self.alignments(of: delimiterRow) else { return false }
            return Self.cells(of: header).count == alignments.count
        }).map({ $0 - 1 }) else { return unchanged }
        guard let delimiterRow = raw[headerLine + 1], let alignments = Self.alignments(of: delimiterRow),
              let header = raw[headerLine] else { return unchanged }
        // Every line from the header on must be known, and no inline may run from the
        // paragraph's first lines into the table.
        for number in headerLine...endLine where raw[number] == nil { return unchanged }
        if topLevelLines.contains(where: { $0.start < headerLine && $0.end >= headerLine }) { return unchanged }

        var fragments: [Fragment] = []
        if headerLine > startLine {
            var text: [UInt8] = []
            var maps: [RawLine] = []
            for number in startLine..<headerLine {
                guard let line = raw[number] else { return unchanged }
                if !text.isEmpty { text.append(UInt8(ascii: "\n")) }
                text += line.bytes
                maps.append(line)
            }
            fragments.append(Fragment(text: String(decoding: text, as: UTF8.self), lines: maps, removed: []))
        }
        let width = alignments.count
        let headerCells = Self.cells(of: header)
        fragments += headerCells.map { $0.fragment(in: header) }
        var rowCells: [[Cell]] = []
        for number in (headerLine + 2)..<(endLine + 1) {
            guard let line = raw[number] else { return ([.paragraph(inlines)], diagnostics) }
            var cells = Self.cells(of: line)
            if cells.count > width {
                let extra = cells[width]
                diagnostics.append(.warning(
                    .tableExtraCells,
                    "this row has \(cells.count) cells but the table has \(width) columns; the extra cells are left out",
                    at: file.location(line: number + lineOffset, column: line.column + extra.offset,
                                      length: max(line.bytes.count - extra.offset, 1)),
                    hint: "add a column to the header and delimiter rows, or escape a '|' that belongs to the text as '\\|'"))
                cells.removeLast(cells.count - width)
            }
            rowCells.append(cells)
            fragments += cells.map { $0.fragment(in: line) }
        }
        let (parsed, fragmentDiagnostics) = converter.parseFragments(fragments)
        diagnostics += fragmentDiagnostics
        var next = 0
        var blocks: [Block] = []
        if headerLine > startLine {
            blocks.append(.paragraph(parsed[0]))
            next = 1
        }
        let headerInlines = Array(parsed[next..<next + headerCells.count])
        next += headerCells.count
        var rows: [[[Inline]]] = []
        for cells in rowCells {
            var row = Array(parsed[next..<next + cells.count])
            next += cells.count
            while row.count < width { row.append([]) }
            rows.append(row)
        }
        blocks.append(.table(Table(alignments: alignments, header: headerInlines, rows: rows,
                                   position: SourcePosition(line: headerLine + lineOffset, column: header.column))))
        return (blocks, diagnostics)
    }

    // MARK: - Rows and cells

    /// One line of the paragraph from where its content starts.
    struct RawLine {
        var bytes: [UInt8]
        /// Body line number (1-based).
        var line: Int
        /// Body column (1-based, UTF-8) of `bytes[0]`.
        var column: Int
    }

    /// One cell of a row: its text (trimmed, `\|` unescaped) and where it starts in the line.
    struct Cell {
        var bytes: [UInt8]
        /// Offset of the cell's first byte in the raw line.
        var offset: Int
        /// Offsets (in `bytes`) where a backslash before `|` was removed.
        var removed: [Int]

        func fragment(in line: RawLine) -> Fragment {
            var shifted = line
            shifted.column = line.column + offset
            return Fragment(text: String(decoding: bytes, as: UTF8.self), lines: [shifted], removed: removed)
        }
    }

    /// Splits a row into cells at unescaped pipes, dropping one leading and one trailing pipe.
    static func cells(of line: RawLine) -> [Cell] {
        let bytes = line.bytes
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == UInt8(ascii: " ") || bytes[start] == 9 { start += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == 9 { end -= 1 }
        if start < end, bytes[start] == UInt8(ascii: "|") { start += 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "|"), !isEscaped(bytes, at: end - 1, from: start) { end -= 1 }
        var cells: [Cell] = []
        var cellStart = start
        var index = start
        func finish(_ upTo: Int) {
            var from = cellStart, to = upTo
            while from < to, bytes[from] == UInt8(ascii: " ") || bytes[from] == 9 { from += 1 }
            while to > from, bytes[to - 1] == UInt8(ascii: " ") || bytes[to - 1] == 9 { to -= 1 }
            var text: [UInt8] = []
            var removed: [Int] = []
            var i = from
            while i < to {
                if bytes[i] == UInt8(ascii: "\\"), i + 1 < to, bytes[i + 1] == UInt8(ascii: "|") {
                    removed.append(text.count)
                    i += 1
                    continue
                }
                text.append(bytes[i])
                i += 1
            }
            cells.append(Cell(bytes: text, offset: from, removed: removed))
        }
        while index < end {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if bytes[index] == UInt8(ascii: "|") {
                finish(index)
                cellStart = index + 1
            }
            index += 1
        }
        finish(end)
        return cells
    }

    /// The column alignments when `line` is a delimiter row (`| :-- | :-: | --: |`), else `nil`.
    static func alignments(of line: RawLine) -> [Table.Alignment]? {
        guard line.bytes.contains(UInt8(ascii: "|")) else { return nil }
        var result: [Table.Alignment] = []
        for cell in cells(of: line) {
            let bytes = cell.bytes
            guard !bytes.isEmpty else { return nil }
            let left = bytes.first == UInt8(ascii: ":")
            let right = bytes.last == UInt8(ascii: ":")
            let dashes = bytes.dropFirst(left ? 1 : 0).dropLast(right && bytes.count > 1 ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            switch (left, right) {
            case (true, true): result.append(.center)
            case (true, false): result.append(.left)
            case (false, true): result.append(.right)
            case (false, false): result.append(.none)
            }
        }
        return result.isEmpty ? nil : result
    }

    private static func isEscaped(_ bytes: [UInt8], at index: Int, from start: Int) -> Bool {
        var backslashes = 0
        var i = index - 1
        while i >= start, bytes[i] == UInt8(ascii: "\\") {
            backslashes += 1
            i -= 1
        }
        return backslashes % 2 == 1
    }
}

/// Text to be parsed as inline content on its own (a table cell, or the lines before a
/// table), with what is needed to map its positions back to the chapter file.
struct Fragment {
    var text: String
    /// The raw line each line of `text` came from.
    var lines: [PipeTableBuilder.RawLine]
    /// Offsets in `text` where a backslash was removed (escaped pipes in cells).
    var removed: [Int]

    /// Maps a (line, column) inside `text` (both 1-based) to a position in the chapter body.
    func bodyPosition(line: Int, column: Int) -> (line: Int, column: Int) {
        let raw = lines[min(max(line - 1, 0), lines.count - 1)]
        let shift = removed.filter { $0 < column - 1 }.count
        return (raw.line, raw.column + column - 1 + shift)
    }
}
