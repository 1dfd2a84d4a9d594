import PlaybookCore

/// Maps a byte offset inside a raw HTML node to a line and column of the chapter file.
///
/// cmark strips container prefixes (`> `, list indentation) from HTML block lines, so each
/// later line of the fragment is found at the end of its file line.
struct FragmentLocator: Sendable {
    let raw: RawHTML
    let file: SourceFile

    /// The location of `length` bytes at `offset` in the fragment.
    func location(_ offset: Int, length: Int) -> SourceLocation {
        let bytes = Array(raw.html.utf8)
        var line = 0
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let within = offset - lineStart
        let fileLine = raw.position.line + line
        if line == 0 {
            return file.location(line: fileLine, column: raw.position.column + within, length: length)
        }
        let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        let fragmentLineLength = lineEnd - lineStart
        let fileLineLength = file.line(fileLine).utf8.count
        return file.location(line: fileLine, column: max(fileLineLength - fragmentLineLength, 0) + 1 + within, length: length)
    }
}

/// A place in a raw HTML node whose line and column are only worked out when a diagnostic
/// needs them (most tags never do).
struct FragmentPlace: Sendable {
    let locator: FragmentLocator
    let offset: Int
    let length: Int

    var location: SourceLocation { locator.location(offset, length: length) }
}
