import PlaybookCore

/// Finds footnote definitions (`[^label]: text` at the start of a line — or of a line of a
/// block quote —, the lines that go on with its paragraph, then lines indented four spaces)
/// before cmark sees the body: cmark would read such a line as a link reference
/// definition and swallow it. The definition's lines become blank lines of the body, so every
/// other line keeps its number, and its text is parsed on its own, with its real positions.
/// Lines inside fenced code are never definitions, so a chapter can show the syntax.
enum FootnoteDefinitions {
    /// One definition as written.
    struct Definition {
        var label: String
        /// Body line (1-based) of the `[^`.
        var line: Int
        /// UTF-8 column (1-based) of the `[^`.
        var column: Int
        /// The note's text: the first line after `]:` and its spaces, then the continuation
        /// lines without their four spaces.
        var text: String
        /// UTF-8 bytes removed in front of each line of `text` (its column shift).
        var shifts: [Int]
    }

    /// The body with every definition's lines blanked, and the definitions in order; `nil`
    /// when the body holds none (most chapters).
    static func cut(_ body: String) -> (body: String, definitions: [Definition])? {
        guard UTF8Bytes.contains(body, "[^") else { return nil }
        let lines = BodyLines(body)
        var definitions: [Definition] = []
        // What each line of a definition becomes in the body: blank, or in a block quote its
        // quote markers alone, so that the quote goes on around the definition.
        var replaced: [Int: String] = [:]
        var fence: (byte: UInt8, count: Int)?
        var number = 1
        while number <= lines.count {
            let line = lines.line(number)
            if let found = BlockConditions.fenceRun(line) {
                if let open = fence {
                    if found.byte == open.byte, found.count >= open.count, found.restIsBlank { fence = nil }
                } else {
                    fence = (found.byte, found.count)
                }
                number += 1
                continue
            }
            let quote = quotePrefix(line)
            guard fence == nil, let (label, prefix) = marker(line.dropFirst(quote.length)) else {
                number += 1
                continue
            }
            let emptied = String(decoding: line.prefix(quote.length).reversed().drop(while: { $0 == UInt8(ascii: " ") }).reversed(), as: UTF8.self)
            let first = line.dropFirst(quote.length + prefix).drop(while: { $0 == UInt8(ascii: " ") || $0 == 9 })
            var text = String(decoding: first, as: UTF8.self) + "\n"
            var shifts = [line.count - first.count]
            replaced[number] = emptied
            // Continuation, as GitHub reads it: the lines that follow (a paragraph's lazy
            // continuation) until a blank line, then lines indented four spaces, with blank lines
            // between them; inside a block quote, lines of the same quote.
            var next = number + 1
            var pendingBlank: [Int] = []
            while next <= lines.count {
                let whole = lines.line(next)
                let inner = quotePrefix(whole)
                guard inner.depth == quote.depth else { break }
                let continuation = whole.dropFirst(inner.length)
                if continuation.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == 9 }) {
                    pendingBlank.append(next)
                } else if continuation.starts(with: [32, 32, 32, 32]) || (pendingBlank.isEmpty && continuesParagraph(continuation)) {
                    for blank in pendingBlank {
                        text += "\n"
                        shifts.append(0)
                        replaced[blank] = emptied
                    }
                    pendingBlank = []
                    let indent = continuation.starts(with: [32, 32, 32, 32]) ? 4 : 0
                    text += String(decoding: continuation.dropFirst(indent), as: UTF8.self) + "\n"
                    shifts.append(inner.length + indent)
                    replaced[next] = emptied
                } else {
                    break
                }
                next += 1
            }
            let column = quote.length + line.dropFirst(quote.length).prefix(while: { $0 == UInt8(ascii: " ") }).count + 1
            definitions.append(Definition(label: label, line: number, column: column, text: text, shifts: shifts))
            number = next - pendingBlank.count
        }
        guard !definitions.isEmpty else { return nil }
        var out = ""
        for index in 1...lines.count {
            out += replaced[index] ?? String(decoding: lines.line(index), as: UTF8.self)
            if index < lines.count { out += "\n" }
        }
        return (out, definitions)
    }

    /// The block quote markers in front of `line` (each `>` after at most three spaces, with
    /// one space after it): how many bytes they take and how deep the quote is.
    static func quotePrefix(_ line: ArraySlice<UInt8>) -> (length: Int, depth: Int) {
        var rest = line
        var depth = 0
        while true {
            let indent = rest.prefix(3).prefix(while: { $0 == UInt8(ascii: " ") }).count
            let after = rest.dropFirst(indent)
            guard after.first == UInt8(ascii: ">") else { break }
            rest = after.dropFirst()
            if rest.first == UInt8(ascii: " ") { rest = rest.dropFirst() }
            depth += 1
        }
        return (line.count - rest.count, depth)
    }

    /// Whether a line right after a definition's text goes on with it (a paragraph's lazy
    /// continuation): not when it starts a block of its own — a heading, a fence, a quote,
    /// a list item, a thematic break, a block condition or another definition.
    static func continuesParagraph(_ line: ArraySlice<UInt8>) -> Bool {
        let text = line.drop(while: { $0 == UInt8(ascii: " ") })
        guard let first = text.first else { return false }
        if marker(line) != nil || BlockConditions.fenceRun(line) != nil { return false }
        switch first {
        case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: ":"): return false
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
            let second = text.dropFirst().first
            return !(second == nil || second == UInt8(ascii: " ") || second == first)
        default:
            // An ordered list item: digits then "." or ")" and a space.
            let digits = text.prefix(while: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
            guard !digits.isEmpty, digits.count <= 9 else { return true }
            let after = text.dropFirst(digits.count)
            guard let mark = after.first, mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")") else { return true }
            let space = after.dropFirst().first
            return !(space == nil || space == UInt8(ascii: " "))
        }
    }

    /// The label and the length of `[^label]:` (with up to three spaces before it, as
    /// CommonMark allows before a link reference definition) when `line` starts a definition.
    static func marker(_ full: ArraySlice<UInt8>) -> (String, Int)? {
        let indent = full.prefix(3).prefix(while: { $0 == UInt8(ascii: " ") }).count
        let line = full.dropFirst(indent)
        guard line.starts(with: [UInt8(ascii: "["), UInt8(ascii: "^")]) else { return nil }
        let rest = line.dropFirst(2)
        guard let close = rest.firstIndex(of: UInt8(ascii: "]")), close > rest.startIndex,
              line.index(after: close) < line.endIndex, line[line.index(after: close)] == UInt8(ascii: ":") else { return nil }
        let label = rest[rest.startIndex..<close]
        guard label.allSatisfy({ FootnoteSyntax.isLabelByte($0) }) else { return nil }
        return (String(decoding: label, as: UTF8.self), close - full.startIndex + 2)
    }
}

/// What a footnote label and a cross-reference label may hold.
enum FootnoteSyntax {
    /// A footnote label: anything but blanks, brackets and `^`.
    static func isLabelByte(_ byte: UInt8) -> Bool {
        byte > 32 && byte != UInt8(ascii: "[") && byte != UInt8(ascii: "]") && byte != UInt8(ascii: "^") && byte != 127
    }

    /// A cross-reference label's character after its prefix: a letter, a digit, `-` or `_`.
    static func isReferenceByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"): true
        default: false
        }
    }

    /// A text node split at its footnote references (`[^label]`) and cross-references
    /// (`@tbl-label`, `@fig-label` after anything but a letter or digit), each with the UTF-8
    /// offset where it starts in `text`. Text without either comes back as one piece.
    static func split(_ text: String) -> [(piece: Piece, offset: Int)] {
        // Most text has neither a '[' nor an '@': one pass over its bytes says so.
        let marked = UTF8Bytes.with(text) { bytes in
            UTF8Bytes.firstIndex(of: UInt8(ascii: "["), in: bytes) != nil || UTF8Bytes.firstIndex(of: UInt8(ascii: "@"), in: bytes) != nil
        }
        guard marked else { return [(.text(text), 0)] }
        let bytes = Array(text.utf8)
        var pieces: [(Piece, Int)] = []
        var start = 0
        var index = 0
        func flush(_ end: Int) {
            if end > start { pieces.append((.text(String(decoding: bytes[start..<end], as: UTF8.self)), start)) }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "["), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "^") {
                var end = index + 2
                while end < bytes.count, isLabelByte(bytes[end]) { end += 1 }
                if end > index + 2, end < bytes.count, bytes[end] == UInt8(ascii: "]") {
                    flush(index)
                    pieces.append((.footnote(String(decoding: bytes[(index + 2)..<end], as: UTF8.self)), index))
                    index = end + 1
                    start = index
                    continue
                }
            } else if byte == UInt8(ascii: "@"), index + 5 < bytes.count,
                      index == 0 || !isWordByte(bytes[index - 1]) {
                let prefix = String(decoding: bytes[(index + 1)..<(index + 5)], as: UTF8.self)
                if prefix == "tbl-" || prefix == "fig-" {
                    var end = index + 5
                    while end < bytes.count, isReferenceByte(bytes[end]) { end += 1 }
                    // A label does not end with '-' or '_' (a dash after it is punctuation).
                    while end > index + 5, bytes[end - 1] == UInt8(ascii: "-") || bytes[end - 1] == UInt8(ascii: "_") { end -= 1 }
                    if end > index + 5 {
                        flush(index)
                        pieces.append((.reference(String(decoding: bytes[(index + 1)..<end], as: UTF8.self)), index))
                        index = end
                        start = index
                        continue
                    }
                }
            }
            index += 1
        }
        flush(bytes.count)
        return pieces
    }

    /// Letters, digits, and bytes of non-ASCII characters: what makes `x@tbl-a` an address, not a reference.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 128 || isReferenceByte(byte) && byte != UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// A piece of a split text node.
    enum Piece: Equatable {
        case text(String)
        case footnote(String)
        case reference(String)
    }
}
