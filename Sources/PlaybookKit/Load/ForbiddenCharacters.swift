import PlaybookCore

/// The characters XML 1.0 forbids, refused in every text file a build reads.
///
/// Chapters become XHTML, and an EPUB reader refuses an XHTML file that holds a control
/// character (a form feed pasted from a PDF, a stray `\u{1}`) or U+FFFE/U+FFFF, whatever
/// element it is in. So a text file holding one is refused when it is read, with the place
/// of the first one: C0 controls other than tab, line feed and carriage return, and the
/// noncharacters U+FFFE and U+FFFF. (Character references that decode to them, such as
/// `&#12;`, are replaced when the output is written; see ``XMLEscaping``.)
enum ForbiddenCharacters {
    /// The diagnostic for the first forbidden character of `file`, or `nil` when it has none.
    static func check(_ file: SourceFile) -> Diagnostic? {
        var line = 1
        var lineStart = 0
        var first: (line: Int, column: Int, length: Int, scalar: UInt32)?
        var count = 0
        var offset = 0
        for scalar in file.text.unicodeScalars {
            let value = scalar.value
            let width = UTF8.width(scalar)
            if value == 0x0A {
                line += 1
                lineStart = offset + width
            } else if XMLEscaping.isForbidden(scalar) {
                count += 1
                if first == nil { first = (line, offset - lineStart + 1, width, value) }
            }
            offset += width
        }
        guard let first else { return nil }
        let hex = String(first.scalar, radix: 16, uppercase: true)
        let name = "U+" + String(repeating: "0", count: max(4 - hex.count, 0)) + hex
        let more = count - 1
        return .error("control-character", "this file holds the character \(name), which XHTML and EPUB readers refuse",
                      at: file.location(line: first.line, column: first.column, length: first.length),
                      hint: "delete it (editors often show it as a box or a symbol); to show the code point, write it out",
                      notes: more > 0 ? [.init("the file holds \(more) more such character\(more == 1 ? "" : "s")")] : [])
    }
}
