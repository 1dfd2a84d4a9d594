/// Splits a piece of author-written HTML into tags, text, comments and the like, keeping the
/// byte offset of each token so that problems can be reported at their line and column.
///
/// It is a lenient tokenizer for the fragments cmark hands over (an HTML block, or one inline
/// tag), not a full HTML5 parser: enough to rewrite the fragment as well-formed XHTML and to
/// find what cannot be rewritten.
struct HTMLTokenizer {
    /// One attribute as written.
    struct Attribute {
        /// The name as written.
        var name: String
        /// The value as written (entities not decoded), or `nil` for a bare attribute (`hidden`).
        var value: String?
        /// Byte offset of the name in the fragment.
        var offset: Int
    }

    /// A token with its byte offset and length in the fragment.
    enum Token {
        /// Text between tags, entities not decoded.
        case text(String, offset: Int)
        /// `<name attr=…>` or `<name/>`.
        case startTag(name: String, attributes: [Attribute], selfClosing: Bool, offset: Int, length: Int)
        /// `</name>`.
        case endTag(name: String, offset: Int, length: Int)
        /// The content of a `<script>` or `<style>` element, taken literally.
        case rawText(String, offset: Int)
        /// `<!-- … -->`.
        case comment(offset: Int)
        /// `<![CDATA[ … ]]>`, kept as written.
        case cdata(String, offset: Int)
        /// `<!DOCTYPE …>` or `<?…?>`, which have no place in a chapter.
        case declaration(String, offset: Int, length: Int)
    }

    private let bytes: [UInt8]

    init(_ html: String) {
        bytes = Array(html.utf8)
    }

    /// All tokens in order.
    func tokens() -> [Token] {
        var tokens: [Token] = []
        var index = 0
        var textStart = 0
        func flushText(_ end: Int) {
            if end > textStart { tokens.append(.text(string(textStart..<end), offset: textStart)) }
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else {
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!") {
                if starts(with: "<!--", at: index) {
                    flushText(index)
                    let end = find("-->", from: index + 4).map { $0 + 3 } ?? bytes.count
                    tokens.append(.comment(offset: index))
                    index = end
                    textStart = index
                    continue
                }
                if starts(with: "<![CDATA[", at: index) {
                    flushText(index)
                    let end = find("]]>", from: index + 9).map { $0 + 3 } ?? bytes.count
                    tokens.append(.cdata(string(index..<end), offset: index))
                    index = end
                    textStart = index
                    continue
                }
            }
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                // <!DOCTYPE …>, <?xml …?> and the like.
                flushText(index)
                let end = (bytes[index...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count - 1) + 1
                tokens.append(.declaration(string(index..<end), offset: index, length: end - index))
                index = end
                textStart = index
                continue
            }
            if next == UInt8(ascii: "/"), index + 2 < bytes.count, isLetter(bytes[index + 2]) {
                flushText(index)
                var cursor = index + 2
                let nameStart = cursor
                while cursor < bytes.count, isNameByte(bytes[cursor]) { cursor += 1 }
                let name = string(nameStart..<cursor)
                let end = (bytes[cursor...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count - 1) + 1
                tokens.append(.endTag(name: name, offset: index, length: end - index))
                index = end
                textStart = index
                continue
            }
            if isLetter(next) {
                flushText(index)
                let (token, end) = startTag(at: index)
                tokens.append(token)
                index = end
                textStart = index
                if case .startTag(let name, _, let selfClosing, _, _) = token, !selfClosing {
                    let lowered = name.lowercased()
                    if lowered == "script" || lowered == "style" {
                        let close = findCaseInsensitive("</\(lowered)", from: index) ?? bytes.count
                        if close > index { tokens.append(.rawText(string(index..<close), offset: index)) }
                        index = close
                        textStart = index
                    }
                }
                continue
            }
            index += 1
        }
        flushText(bytes.count)
        return tokens
    }

    // MARK: - Tags

    private func startTag(at start: Int) -> (Token, Int) {
        var cursor = start + 1
        let nameStart = cursor
        while cursor < bytes.count, isNameByte(bytes[cursor]) { cursor += 1 }
        let name = string(nameStart..<cursor)
        var attributes: [Attribute] = []
        var selfClosing = false
        while cursor < bytes.count {
            skipSpace(&cursor)
            guard cursor < bytes.count else { break }
            let byte = bytes[cursor]
            if byte == UInt8(ascii: ">") {
                cursor += 1
                return (.startTag(name: name, attributes: attributes, selfClosing: selfClosing, offset: start, length: cursor - start), cursor)
            }
            if byte == UInt8(ascii: "/") {
                selfClosing = true
                cursor += 1
                continue
            }
            selfClosing = false
            let attributeStart = cursor
            while cursor < bytes.count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: "="),
                  bytes[cursor] != UInt8(ascii: ">"), !(bytes[cursor] == UInt8(ascii: "/") && cursor > attributeStart) {
                cursor += 1
            }
            let attributeName = string(attributeStart..<cursor)
            var value: String?
            var lookahead = cursor
            skipSpace(&lookahead)
            if lookahead < bytes.count, bytes[lookahead] == UInt8(ascii: "=") {
                cursor = lookahead + 1
                skipSpace(&cursor)
                if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") {
                    let quote = bytes[cursor]
                    let valueStart = cursor + 1
                    let valueEnd = bytes[valueStart...].firstIndex(of: quote) ?? bytes.count
                    value = string(valueStart..<valueEnd)
                    cursor = min(valueEnd + 1, bytes.count)
                } else {
                    let valueStart = cursor
                    while cursor < bytes.count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                    value = string(valueStart..<cursor)
                }
            }
            if attributeName.isEmpty { cursor += 1 } else {
                attributes.append(Attribute(name: attributeName, value: value, offset: attributeStart))
            }
        }
        return (.startTag(name: name, attributes: attributes, selfClosing: selfClosing, offset: start, length: cursor - start), cursor)
    }

    // MARK: - Bytes

    private func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    private func starts(with prefix: String, at index: Int) -> Bool {
        let prefix = Array(prefix.utf8)
        guard index + prefix.count <= bytes.count else { return false }
        for (offset, byte) in prefix.enumerated() where bytes[index + offset] != byte { return false }
        return true
    }

    private func find(_ needle: String, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if starts(with: needle, at: index) { return index }
            index += 1
        }
        return nil
    }

    private func findCaseInsensitive(_ needle: String, from start: Int) -> Int? {
        let lowered = Array(needle.utf8)
        var index = start
        while index + lowered.count <= bytes.count {
            var matches = true
            for (offset, byte) in lowered.enumerated() {
                let candidate = bytes[index + offset]
                let folded = candidate >= 65 && candidate <= 90 ? candidate + 32 : candidate
                if folded != byte { matches = false; break }
            }
            if matches { return index }
            index += 1
        }
        return nil
    }

    private func skipSpace(_ cursor: inout Int) {
        while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 48 && byte <= 57) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }
}
