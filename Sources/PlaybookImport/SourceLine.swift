import PlaybookCore

/// One line of a chapter being imported, with where it was written: the chapter's own file, or
/// a file an `{{#include}}` brought in. Diagnostics about the line point at that place.
struct SourceLine: Sendable {
    /// The text, without its line ending.
    var text: String
    /// The file the line comes from.
    var file: SourceFile
    /// Its line number in that file (1-based).
    var line: Int

    /// The location of `needle` on the line's source line (or of the whole line when the text
    /// there differs, as for a line an include rewrote).
    func location(of needle: String) -> SourceLocation {
        file.location(line: line, firstOccurrenceOf: needle)
    }

    /// The lines of `file`, each with its number.
    static func lines(of file: SourceFile) -> [SourceLine] {
        var lines: [SourceLine] = []
        var number = 0
        for text in file.text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            lines.append(SourceLine(text: text.hasSuffix("\r") ? String(text.dropLast()) : String(text), file: file, line: number))
        }
        // A file ending in a line break has no line after it.
        if lines.count > 1, lines.last?.text.isEmpty == true, file.text.hasSuffix("\n") { lines.removeLast() }
        return lines
    }
}
