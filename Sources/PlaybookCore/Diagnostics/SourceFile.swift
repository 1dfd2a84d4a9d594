/// The text of one file a user wrote, named by its path relative to the project root.
///
/// Loaders keep a `SourceFile` for every file they read so that a diagnostic can quote the
/// offending line. It is immutable and cheap to share between tasks.
public struct SourceFile: Sendable, Equatable {
    /// The path relative to the project root, with `/` separators (`content/strategy/02-kpis.md`).
    public let path: String
    /// The whole text of the file.
    public let text: String
    /// The UTF-8 offset where each line starts (line 1 first), so that finding a line for a
    /// diagnostic does not scan the file.
    private let lineStarts: [Int]

    /// Creates a source file from its project-relative path and its text.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
        lineStarts = Self.lineStarts(of: text)
    }

    private static func lineStarts(of text: String) -> [Int] {
        UTF8Bytes.with(text) { bytes in
            var starts = [0]
            starts.reserveCapacity(bytes.count / 40 + 1)
            var from = 0
            while let index = UTF8Bytes.firstIndex(of: UInt8(ascii: "\n"), in: bytes, from: from) {
                starts.append(index + 1)
                from = index + 1
            }
            return starts
        }
    }

    /// Two files are equal when they have the same path and text.
    public static func == (lhs: SourceFile, rhs: SourceFile) -> Bool {
        lhs.path == rhs.path && lhs.text == rhs.text
    }

    /// The number of lines.
    public var lineCount: Int { lineStarts.count }

    /// The text of line `number` (1-based) without its line ending, or `""` past the end.
    public func line(_ number: Int) -> Substring {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])
        var end = number < lineStarts.count ? utf8.index(utf8.startIndex, offsetBy: lineStarts[number] - 1) : utf8.endIndex
        if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") { end = utf8.index(before: end) }
        return text[start..<end]
    }

    /// A location in this file. `column` and `length` count UTF-8 bytes, as cmark does.
    public func location(line: Int, column: Int, length: Int = 1) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column, length: length, lineText: String(self.line(line)))
    }

    /// A location in this file where `column` counts Unicode scalars, as libyaml does.
    public func location(line: Int, scalarColumn: Int, scalarLength: Int = 1) -> SourceLocation {
        let text = self.line(line)
        let byteColumn = SourceLocation.byteColumn(forScalarColumn: scalarColumn, in: text)
        // A value that runs on over several lines (a folded YAML scalar) is marked to the end
        // of its first line.
        let byteEnd = min(SourceLocation.byteColumn(forScalarColumn: scalarColumn + max(scalarLength, 1), in: text),
                          text.utf8.count + 1)
        return SourceLocation(file: path, line: line, column: byteColumn, length: max(byteEnd - byteColumn, 1),
                              lineText: String(text))
    }

    /// The location of the first occurrence of `needle` on `line`, or of the line's first
    /// non-blank character when `needle` is not there.
    public func location(line: Int, firstOccurrenceOf needle: String) -> SourceLocation {
        let text = self.line(line)
        if !needle.isEmpty, let range = text.firstRange(of: needle) {
            let column = text.utf8.distance(from: text.startIndex, to: range.lowerBound) + 1
            return location(line: line, column: column, length: needle.utf8.count)
        }
        let indent = text.utf8.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
        return location(line: line, column: indent + 1, length: max(text.utf8.count - indent, 1))
    }

    /// The location of the `index`-th occurrence (from 0) of `needle` that starts on line
    /// `firstLine` or later; `nil` when there are not that many.
    public func location(ofOccurrence index: Int, of needle: String, from firstLine: Int) -> SourceLocation? {
        guard !needle.isEmpty, firstLine >= 1, firstLine <= lineStarts.count else { return nil }
        let utf8 = text.utf8
        var searchFrom = utf8.index(utf8.startIndex, offsetBy: lineStarts[firstLine - 1])
        var remaining = index
        while let range = text[searchFrom...].firstRange(of: needle) {
            if remaining == 0 {
                let offset = utf8.distance(from: utf8.startIndex, to: range.lowerBound)
                // The last line that starts at or before the offset.
                var low = 0, high = lineStarts.count - 1
                while low < high {
                    let middle = (low + high + 1) / 2
                    if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
                }
                return location(line: low + 1, column: offset - lineStarts[low] + 1, length: needle.utf8.count)
            }
            remaining -= 1
            searchFrom = range.upperBound
        }
        return nil
    }

    /// The location of the whole file, pointing at its first line.
    public var start: SourceLocation { location(line: 1, column: 1, length: max(line(1).utf8.count, 1)) }
}

extension SourceFile {
    /// The location of `text` on `line` at or after `column` (UTF-8), or of `column` alone when
    /// the text is not there (for example, a reference link whose destination is elsewhere).
    public func location(line: Int, column: Int, spanning text: String) -> SourceLocation {
        let lineText = self.line(line)
        let utf8 = lineText.utf8
        guard !text.isEmpty, column >= 1, column <= utf8.count,
              let start = utf8.index(utf8.startIndex, offsetBy: column - 1, limitedBy: utf8.endIndex) else {
            return location(line: line, column: column)
        }
        let rest = lineText[start...]
        if let range = rest.firstRange(of: text) {
            let found = utf8.distance(from: utf8.startIndex, to: range.lowerBound) + 1
            return location(line: line, column: found, length: text.utf8.count)
        }
        return location(line: line, column: column)
    }
}
