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
        // Nearly every file has none: a byte scan says so without decoding scalars (a
        // 1,000-chapter book is read in a few milliseconds), and only a file that has one is
        // walked again to place it.
        guard holdsForbidden(file.text) else { return nil }
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
        return .error(.controlCharacter, "this file holds the character \(name), which XHTML and EPUB readers refuse",
                      at: file.location(line: first.line, column: first.column, length: first.length),
                      hint: "delete it (editors often show it as a box or a symbol); to show the code point, write it out",
                      notes: more > 0 ? [.init("the file holds \(more) more such character\(more == 1 ? "" : "s")")] : [])
    }

    /// Whether the UTF-8 of `text` holds a forbidden character (``XMLEscaping/holdsForbidden(_:)``).
    private static func holdsForbidden(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { XMLEscaping.holdsForbidden($0) }
    }
}

/// Character references in a chapter's Markdown that stand for a character XML forbids
/// (`&#12;`, `&#xFFFF;`): cmark decodes them, and ``XMLEscaping`` shows them as U+FFFD. Each
/// is a warning at the reference, so the author learns why a box appears in the page.
package enum ForbiddenCharacterReferences {
    /// A warning for each such reference in the body of `file` (from `bodyLine`) whose
    /// character `document` holds. References inside code stay as written and hold none.
    package static func warnings(in document: Document, file: SourceFile, bodyLine: Int) -> [Diagnostic] {
        // Most chapters have no reference to a forbidden character at all (`&#8212;` is
        // common): one byte scan says so before the document is walked.
        guard holdsForbiddenReference(file.text) else { return [] }
        // Raw forbidden characters were refused when the file was read, so any the parsed
        // document holds came from a reference.
        let present = forbiddenCharacters(in: document)
        guard !present.isEmpty, bodyLine <= file.lineCount else { return [] }
        var warnings: [Diagnostic] = []
        var fence: Substring?
        for number in bodyLine...file.lineCount {
            let line = file.line(number)
            // Code keeps references as written: skip fenced blocks and `code spans`.
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix { $0 == trimmed.first }
                continue
            }
            let bytes = Array(line.utf8)
            var index = 0
            while index + 3 < bytes.count {
                if bytes[index] == UInt8(ascii: "`") {
                    index = endOfCodeSpan(in: bytes, at: index)
                    continue
                }
                guard bytes[index] == UInt8(ascii: "&"), bytes[index + 1] == UInt8(ascii: "#"),
                      let (scalar, length) = reference(in: bytes, at: index), present.contains(scalar) else {
                    index += 1
                    continue
                }
                let written = String(decoding: bytes[index..<(index + length)], as: UTF8.self)
                let hex = String(scalar.value, radix: 16, uppercase: true)
                let name = "U+" + String(repeating: "0", count: max(4 - hex.count, 0)) + hex
                warnings.append(.warning(.controlCharacter, "'\(written)' stands for \(name), which XHTML does not allow; it is shown as U+FFFD",
                                         at: file.location(line: number, column: index + 1, length: length),
                                         hint: "delete the reference, or put it in `code` to show it as written"))
                index += length
            }
        }
        return warnings
    }

    /// Whether `bytes` hold a numeric character reference to a forbidden character anywhere.
    private static func holdsForbiddenReference(_ text: String) -> Bool {
        UTF8Bytes.with(text) { bytes in
            var from = 0
            while let index = UTF8Bytes.firstIndex(of: UInt8(ascii: "&"), in: bytes, from: from), index + 3 < bytes.count {
                // A reference is at most `&#x` and eight digits and `;`: those bytes suffice to read it.
                if bytes[index + 1] == UInt8(ascii: "#"), reference(in: Array(bytes[index..<min(index + 12, bytes.count)]), at: 0) != nil {
                    return true
                }
                from = index + 1
            }
            return false
        }
    }

    /// The forbidden characters in the text, link and image fields of `document`.
    private static func forbiddenCharacters(in document: Document) -> Set<Unicode.Scalar> {
        var finder = ForbiddenCharacterFinder()
        finder.visit(document)
        return finder.found
    }

    /// Where the code span opened by the backticks at `start` ends (after its closing run of
    /// the same length), or after the opening run when the line does not close it.
    private static func endOfCodeSpan(in bytes: [UInt8], at start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] == UInt8(ascii: "`") { index += 1 }
        let length = index - start
        var search = index
        while search < bytes.count {
            guard bytes[search] == UInt8(ascii: "`") else { search += 1; continue }
            let runStart = search
            while search < bytes.count, bytes[search] == UInt8(ascii: "`") { search += 1 }
            if search - runStart == length { return search }
        }
        return index
    }

    /// The numeric character reference starting at `start` (`&#12;`, `&#x0C;`) and its length.
    private static func reference(in bytes: [UInt8], at start: Int) -> (Unicode.Scalar, Int)? {
        var index = start + 2
        let hex = index < bytes.count && (bytes[index] == UInt8(ascii: "x") || bytes[index] == UInt8(ascii: "X"))
        if hex { index += 1 }
        let digitsStart = index
        while index < bytes.count, index - digitsStart < 8,
              hex ? Character(Unicode.Scalar(bytes[index])).isHexDigit : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            index += 1
        }
        guard index > digitsStart, index < bytes.count, bytes[index] == UInt8(ascii: ";"),
              let value = UInt32(String(decoding: bytes[digitsStart..<index], as: UTF8.self), radix: hex ? 16 : 10),
              let scalar = Unicode.Scalar(value), XMLEscaping.isForbidden(scalar) else { return nil }
        return (scalar, index + 1 - start)
    }
}

/// Collects the forbidden characters of text, code, link and image fields (raw HTML is checked
/// where it is rewritten).
private struct ForbiddenCharacterFinder: DocumentVisitor {
    var found: Set<Unicode.Scalar> = []

    mutating func scan(_ text: String) {
        for scalar in text.unicodeScalars where XMLEscaping.isForbidden(scalar) { found.insert(scalar) }
    }

    mutating func visit(_ block: Block) {
        if case .codeBlock(let code) = block { scan(code.code) }
        visitChildren(of: block)
    }

    mutating func visit(_ inline: Inline) {
        switch inline {
        case .text(let text), .code(let text): scan(text)
        case .link(let link):
            scan(link.destination)
            scan(link.title)
        case .image(let image):
            scan(image.source)
            scan(image.title)
        case .footnoteReference(let reference): scan(reference.label)
        case .crossReference(let reference): scan(reference.label)
        case .emphasis, .strong, .softBreak, .lineBreak, .html: break
        }
        visitChildren(of: inline)
    }
}
