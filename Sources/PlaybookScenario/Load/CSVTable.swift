import PlaybookCore

/// A CSV file read cell by cell, each cell with its line and column, so that a bad cell is
/// reported exactly where it is. RFC 4180: commas between cells, quotes around cells that
/// hold commas, quotes or line breaks, `""` for a quote inside quotes.
public struct CSVTable: Sendable {
    /// A cell and where it starts.
    public struct Cell: Sendable, Equatable {
        /// The cell's text, quotes removed.
        public var text: String
        /// The line of its first character.
        public var line: Int
        /// The column (UTF-8 bytes, from 1) of its first character.
        public var column: Int
    }

    /// The file.
    public let file: SourceFile
    /// Rows of cells, the header first; blank lines are skipped.
    public let rows: [[Cell]]

    /// Reads `file`, or reports where its quoting breaks.
    public static func read(_ file: SourceFile) -> Result<CSVTable, Diagnostic> {
        var rows: [[Cell]] = []
        var row: [Cell] = []
        var field: [UInt8] = []
        var fieldLine = 1, fieldColumn = 1
        var line = 1, column = 1
        var quoted = false, inQuotes = false, atFieldStart = true
        let bytes = Array(file.text.utf8)
        var index = 0
        func endField() {
            row.append(Cell(text: String(decoding: field, as: UTF8.self), line: fieldLine, column: fieldColumn))
            field = []
            quoted = false
            atFieldStart = true
        }
        func endRow() {
            endField()
            if !(row.count == 1 && row[0].text.isEmpty && !quoted) { rows.append(row) }
            row = []
        }
        // `column` is always the column of bytes[index] on line `line`.
        func consume() {
            if bytes[index] == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        while index < bytes.count {
            let byte = bytes[index]
            if atFieldStart {
                fieldLine = line
                fieldColumn = column
                atFieldStart = false
                if byte == UInt8(ascii: "\"") {
                    quoted = true
                    inQuotes = true
                    consume()
                    continue
                }
            }
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        consume()
                        consume()
                        continue
                    }
                    inQuotes = false
                    consume()
                    continue
                }
                field.append(byte)
                consume()
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                endField()
            case UInt8(ascii: "\r"):
                break
            case UInt8(ascii: "\n"):
                endRow()
            default:
                if quoted {
                    return .failure(.error(.csvSyntax, "text after a closing quote", at: file.location(line: line, column: column),
                                           hint: "a quoted cell ends at its closing quote; write \"\" for a quote inside it"))
                }
                field.append(byte)
            }
            consume()
        }
        if inQuotes {
            return .failure(.error(.csvSyntax, "a quoted cell is never closed", at: file.location(line: fieldLine, column: fieldColumn),
                                   hint: "add the closing quote"))
        }
        if !field.isEmpty || !row.isEmpty || quoted { endRow() }
        return .success(CSVTable(file: file, rows: rows))
    }

    /// The location of a cell.
    public func location(of cell: Cell) -> SourceLocation {
        file.location(line: cell.line, column: cell.column, length: max(cell.text.utf8.count, 1))
    }
}
