import PlaybookCore

/// What Playbook reads from a template's tags before swift-mustache sees it: the templates it
/// includes (`{{> name}}` partials and `{{< name}}` parents) and how deeply its sections nest.
///
/// swift-mustache parses nested sections and renders included templates by recursion, so a
/// template that includes itself, or thousands of nested sections, would exhaust the stack.
/// ``TemplateLibrary`` uses this scan to refuse both before parsing. The scan follows
/// delimiter changes (`{{=<% %>=}}`) as Mustache does.
struct TemplateStructure {
    /// A `{{> name}}` or `{{< name}}` tag.
    struct Inclusion {
        /// The template named.
        let name: String
        /// The tag's place in the file.
        let location: SourceLocation
        /// How many sections enclose the tag.
        let depth: Int
    }

    /// The deepest sections may nest, counting the sections of included templates.
    static let maximumDepth = 100

    /// Every partial and parent tag, in reading order.
    private(set) var inclusions: [Inclusion] = []
    /// The deepest nesting of the template's own sections.
    private(set) var depth = 0
    /// The tag that opens a section nested more than ``maximumDepth`` deep, if any.
    private(set) var tooDeep: SourceLocation?

    /// Scans `file`'s tags. Only the tags that open a section or include a template are
    /// located (a location copies its line's text); every other tag is only stepped over.
    init(_ file: SourceFile) {
        let defaultOpen = Array("{{".utf8)
        var open = defaultOpen
        var close = Array("}}".utf8)
        var level = 0
        var lineNumber = 1
        let bytes = Array(file.text.utf8)
        var lineStart = 0
        var index = 0
        func starts(with pattern: [UInt8], at position: Int) -> Bool {
            guard position + pattern.count <= bytes.count else { return false }
            for offset in 0..<pattern.count where bytes[position + offset] != pattern[offset] { return false }
            return true
        }
        let newline = UInt8(ascii: "\n")
        while index < bytes.count {
            let byte = bytes[index]
            if byte == newline {
                lineNumber += 1
                index += 1
                lineStart = index
                continue
            }
            guard byte == open[0], starts(with: open, at: index) else { index += 1; continue }
            let tagStart = index
            let contentStart = index + open.count
            var kind = contentStart < bytes.count ? bytes[contentStart] : 0
            // A triple mustache ends with `}}}`; a delimiter change with `=` and the closing delimiter.
            var closing = close
            if kind == UInt8(ascii: "{") && open == defaultOpen { closing = Array("}".utf8) + close }
            if kind == UInt8(ascii: "=") { closing = Array("=".utf8) + close }
            var end = contentStart
            while end < bytes.count, bytes[end] != closing[0] || !starts(with: closing, at: end) { end += 1 }
            guard end < bytes.count else { break }
            let content = bytes[contentStart..<end]
            let tagEnd = end + closing.count
            let (tagLine, tagColumn) = (lineNumber, tagStart - lineStart + 1)
            func location() -> SourceLocation {
                file.location(line: tagLine, column: tagColumn,
                              length: content.contains(newline) ? open.count : tagEnd - tagStart)
            }
            func name() -> String { String(decoding: content.dropFirst(), as: UTF8.self).trimmingWhitespace() }
            if kind == UInt8(ascii: "=") {
                let words = name().split(whereSeparator: \.isWhitespace)
                if words.count == 2 {
                    open = Array(words[0].utf8)
                    close = Array(words[1].utf8)
                }
                kind = 0
            }
            switch kind {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"):
                if kind == UInt8(ascii: "<") {
                    inclusions.append(Inclusion(name: name(), location: location(), depth: level))
                }
                level += 1
                depth = max(depth, level)
                if level > Self.maximumDepth, tooDeep == nil { tooDeep = location() }
            case UInt8(ascii: "/"):
                level = max(level - 1, 0)
            case UInt8(ascii: ">"):
                inclusions.append(Inclusion(name: name(), location: location(), depth: level))
            default:
                break
            }
            // Line breaks inside a tag still count.
            for position in tagStart..<tagEnd where bytes[position] == newline {
                lineNumber += 1
                lineStart = position + 1
            }
            index = tagEnd
        }
    }
}

private extension String {
    /// The text without the white space around it — every `Character.isWhitespace`, line
    /// breaks included, as swift-mustache skips around a partial's name: trimming less would
    /// read `{{> self⏎}}` as another name and miss the loop it makes.
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
