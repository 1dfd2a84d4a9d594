import Foundation
import PlaybookCore

/// Rewrites the lines of one imported chapter into a Playbook chapter body: its first `#`
/// heading becomes the title, links and images are resolved through the ``LinkMap`` (files
/// they use are collected to copy), and in code fences mdBook's Rust conventions are undone
/// (`rust,editable` info strings, hidden `# ` lines). Every change that loses something is a
/// warning at its line in the source.
struct ChapterRewriter {
    let links: LinkMap
    /// The chapter's source path, relative to the link map's content root.
    let chapterPath: String
    /// Whether hidden `# ` lines of Rust fences are mdBook's (they are not in a plain Markdown folder).
    let rustHiddenLines: Bool
    /// mdBook's hidden-line prefixes of other languages (`[output.html.code.hidelines]`: `python = "~"`).
    var hiddenLinePrefixes: [String: String] = [:]

    private(set) var diagnostics: [Diagnostic] = []
    /// Source files (relative to the content root) the chapter uses.
    private(set) var files: Set<String> = []
    /// Counts for the report.
    private(set) var counts = ImportCounts()

    init(links: LinkMap, chapterPath: String, rustHiddenLines: Bool) {
        self.links = links
        self.chapterPath = chapterPath
        self.rustHiddenLines = rustHiddenLines
    }

    /// The body, and the text of the first `#` heading when it was taken as the title. A
    /// chapter that starts with a deeper heading holding its title (`## Hello, World!`, as
    /// mdBook's nested chapters do) loses that heading too: the page prints the title.
    mutating func rewrite(_ lines: [SourceLine], title: String? = nil) -> (body: String, heading: String?) {
        var lines = lines
        var heading: String?
        if let first = lines.firstIndex(where: { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }) {
            if let text = Self.atxHeadingOne(lines[first].text) {
                heading = text
                lines.remove(at: first)
            } else if let title, let text = Self.atxHeading(lines[first].text),
                      text.lowercased() == title.lowercased() {
                heading = text
                lines.remove(at: first)
            }
        }
        var out: [String] = []
        var fence: Fence?
        // A `<style>` or `<script>` element being left out, until its end tag.
        var skipping: String?
        // The captions of the open `<Listing>` elements (the Rust book's), innermost last.
        var captions: [String?] = []
        // Indented code blocks are left as written; a list's indented lines are not code.
        var indentedCode = false
        var previousBlank = true
        var inList = false
        // An mdbook-admonish block being written as a callout: its fence, and whether a code fence is open inside it.
        var admonition: Fence?
        var innerFence: Fence?
        for line in lines {
            if let outer = admonition {
                if innerFence == nil, outer.closes(line.text) {
                    admonition = nil
                    continue
                }
                if let inner = innerFence {
                    if inner.closes(line.text) { innerFence = nil }
                    out.append(("> " + line.text).trimmingTrailingSpaces)
                    continue
                }
                if let inner = Fence(opening: line) { innerFence = inner }
                out.append(("> " + Self.literalBraces(rewriteLinks(line), counts: &counts)).trimmingTrailingSpaces)
                continue
            }
            if var open = fence {
                if open.closes(line.text) {
                    if open.hidden > 0 { reportHidden(open) }
                    fence = nil
                    out.append(line.text)
                    continue
                }
                if open.isRust && rustHiddenLines, let shown = open.shown(line.text) {
                    if let shown { out.append(shown) } else { open.hidden += 1 }
                    fence = open
                    continue
                }
                if rustHiddenLines, !open.isRust, let prefix = open.attribute("hidelines") ?? hiddenLinePrefixes[open.language],
                   !prefix.isEmpty, line.text.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(prefix) {
                    open.hidden += 1
                    fence = open
                    continue
                }
                out.append(line.text)
                continue
            }
            if let open = skipping {
                if line.text.contains("</\(open)") { skipping = nil }
                continue
            }
            if let listing = Self.listing(line.text) {
                if let caption = listing.caption {
                    counts.listings += 1
                    captions.append(caption)
                    out.append(listing.text)
                } else {
                    // The closing tag: the caption of the listing it closes, after a blank line.
                    let caption = captions.popLast() ?? nil
                    out.append(listing.quote)
                    if let caption { out.append(listing.quote + caption) }
                }
                continue
            }
            if let element = Self.pageLevelElement(line.text) {
                diagnostics.append(.warning(.importSyntax, "this <\(element)> element is left out: a chapter's HTML may not hold one (in EPUB and HTML alike it belongs in the page's head)",
                                            at: line.location(of: "<\(element)"),
                                            hint: element == "style" ? "move what matters into site/css/playbook.css" : "Playbook pages run their own scripts only"))
                if !line.text.contains("</\(element)") { skipping = element }
                continue
            }
            if let open = Fence(opening: line), open.language == "admonish" {
                admonition = open
                counts.admonitions += 1
                out.append(Self.callout(open.info))
                continue
            }
            if let open = Fence(opening: line) {
                fence = open
                out.append(rewriteInfo(open, line: line))
                continue
            }
            // An indented code block: four spaces after a blank line that does not continue a list.
            let isBlank = line.text.trimmingCharacters(in: .whitespaces).isEmpty
            let indent = line.text.prefix { $0 == " " }.count
            if indentedCode {
                if isBlank || indent >= 4 || line.text.hasPrefix("\t") { out.append(line.text); continue }
                indentedCode = false
            } else if (indent >= 4 || line.text.hasPrefix("\t")) && previousBlank && !inList {
                indentedCode = true
                out.append(line.text)
                continue
            }
            if !isBlank {
                let trimmed = line.text.drop { $0 == " " }
                let startsItem = trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed.hasPrefix("+ ")
                    || trimmed.range(of: #"^[0-9]+[.)] "#, options: .regularExpression) != nil
                if startsItem { inList = true } else if indent == 0 && previousBlank { inList = false }
            }
            previousBlank = isBlank
            out.append(Self.literalBraces(rewriteLinks(line), counts: &counts))
        }
        if let open = fence, open.hidden > 0 { reportHidden(open) }
        return (out.joined(separator: "\n") + "\n", heading)
    }

    /// The Rust book's `<Listing number="…" file-name="…" caption="…">` … `</Listing>` (its
    /// `trpl-listing` preprocessor) as Markdown, as that preprocessor shows it: "Filename: …"
    /// before the code, "*Listing 1-1: caption*" after it. For an opening tag, the text that
    /// replaces it and the caption to write at the closing tag (`.some(nil)` when it has none);
    /// for a closing tag, `caption` is `nil`. `nil` for any other line. `quote` is the line's
    /// block quote prefix (`> `), kept on every line written.
    static func listing(_ text: String) -> (text: String, caption: String??, quote: String)? {
        var quote = ""
        var rest = Substring(text)
        while rest.hasPrefix(">") {
            quote += ">"
            rest = rest.dropFirst()
            if rest.hasPrefix(" ") { quote += " "; rest = rest.dropFirst() }
        }
        let trimmed = rest.trimmingCharacters(in: .whitespaces)
        if trimmed == "</Listing>" { return ("", nil, quote) }
        guard trimmed.hasPrefix("<Listing"), trimmed.hasSuffix(">"),
              trimmed.dropFirst(8).first.map({ $0 == " " || $0 == ">" }) == true else { return nil }
        var attributes: [String: String] = [:]
        if let regex = try? NSRegularExpression(pattern: #"([a-z-]+)=("([^"]*)"|'([^']*)')"#) {
            for match in regex.matches(in: trimmed, range: NSRange(trimmed.startIndex..., in: trimmed)) {
                guard let name = Range(match.range(at: 1), in: trimmed) else { continue }
                let group = match.range(at: 3).location != NSNotFound ? 3 : 4
                if let value = Range(match.range(at: group), in: trimmed) { attributes[String(trimmed[name])] = String(trimmed[value]) }
            }
        }
        var caption: String?
        if let number = attributes["number"] {
            caption = "*Listing \(number)" + (attributes["caption"].map { ": \($0)" } ?? "") + "*"
        } else if let text = attributes["caption"] {
            caption = "*\(text)*"
        }
        let opening = attributes["file-name"].map { quote + "Filename: `\($0)`\n" + quote } ?? quote
        return (opening, .some(caption), quote)
    }

    /// The callout line for an mdbook-admonish fence's info string (`admonish warning "Mind the tide"`,
    /// `admonish tip title="…"`): GitHub's alert syntax, which Playbook reads as a callout. Its
    /// kinds map to NOTE, TIP, IMPORTANT, WARNING or CAUTION; a title is kept after the marker.
    static func callout(_ info: String) -> String {
        var rest = info.dropFirst("admonish".count).trimmingCharacters(in: .whitespaces)
        let word = String(rest.prefix { !$0.isWhitespace && $0 != "," })
        rest = String(rest.dropFirst(word.count)).trimmingCharacters(in: .whitespaces)
        let kinds = ["note": "NOTE", "abstract": "NOTE", "summary": "NOTE", "tldr": "NOTE", "info": "NOTE", "todo": "NOTE",
                     "quote": "NOTE", "cite": "NOTE", "example": "NOTE", "tip": "TIP", "hint": "TIP", "success": "TIP",
                     "check": "TIP", "done": "TIP", "question": "TIP", "help": "TIP", "faq": "TIP", "important": "IMPORTANT",
                     "warning": "WARNING", "caution": "CAUTION", "attention": "WARNING", "failure": "CAUTION", "fail": "CAUTION",
                     "missing": "CAUTION", "danger": "CAUTION", "error": "CAUTION", "bug": "CAUTION"]
        let kind = kinds[word.lowercased()] ?? "NOTE"
        var title = ""
        if let range = rest.range(of: #"title\s*=\s*"([^"]*)""#, options: .regularExpression) {
            title = String(rest[range]).split(separator: "\"", omittingEmptySubsequences: false).dropFirst().first.map(String.init) ?? ""
        } else if rest.hasPrefix("\""), let close = rest.dropFirst().firstIndex(of: "\"") {
            title = String(rest[rest.index(after: rest.startIndex)..<close])
        }
        return "> [!\(kind)]" + (title.isEmpty ? "" : " " + title)
    }

    /// `style` or `script` when the line starts such an element (as an HTML block).
    static func pageLevelElement(_ text: String) -> String? {
        let trimmed = text.drop { $0 == " " }.lowercased()
        guard text.prefix(while: { $0 == " " }).count < 4 else { return nil }
        for element in ["style", "script"] where trimmed.hasPrefix("<\(element)>") || trimmed.hasPrefix("<\(element) ") {
            return element
        }
        return nil
    }

    /// The text of a `# Heading` line, inline marks taken off, or `nil`.
    static func atxHeadingOne(_ text: String) -> String? {
        let indent = text.prefix { $0 == " " }.count
        guard indent < 4 else { return nil }
        let rest = text.dropFirst(indent)
        guard rest.hasPrefix("# ") || rest == "#" else { return nil }
        var title = rest.dropFirst(1).trimmingCharacters(in: .whitespaces)
        // A closing run of #s is not part of the text.
        if let range = title.range(of: #"\s+#+$"#, options: .regularExpression) { title.removeSubrange(range) }
        if title.allSatisfy({ $0 == "#" }) { title = "" }
        return Self.plain(title)
    }

    /// The text of a heading line of any level, inline marks taken off, or `nil`.
    static func atxHeading(_ text: String) -> String? {
        let indent = text.prefix { $0 == " " }.count
        guard indent < 4 else { return nil }
        let rest = text.dropFirst(indent)
        let level = rest.prefix { $0 == "#" }.count
        guard (1...6).contains(level) else { return nil }
        return atxHeadingOne("#" + rest.dropFirst(level))
    }

    /// Inline Markdown taken off a heading's text, for a front matter title: code marks,
    /// emphasis marks, and links reduced to their text.
    static func plain(_ text: String) -> String {
        var text = text.replacingOccurrences(of: #"!?\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
        text = text.replacingOccurrences(of: #"\{#[^}]*\}\s*$"#, with: "", options: .regularExpression)
        text.removeAll { $0 == "`" }
        text = text.replacingOccurrences(of: #"(\*\*|__|\*)"#, with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: #"\\(.)"#, with: "$1", options: .regularExpression)
        return text.trimmingCharacters(in: .whitespaces)
    }

    // MARK: - Code fences

    /// An open code fence.
    struct Fence {
        var marker: Character
        var length: Int
        var indent: Int
        var info: String
        var line: SourceLine
        var hidden = 0

        init?(opening line: SourceLine) {
            let text = line.text
            let indent = text.prefix { $0 == " " }.count
            guard indent < 4 else { return nil }
            let rest = text.dropFirst(indent)
            guard let marker = rest.first, marker == "`" || marker == "~" else { return nil }
            let length = rest.prefix { $0 == marker }.count
            guard length >= 3 else { return nil }
            let info = rest.dropFirst(length).trimmingCharacters(in: .whitespaces)
            if marker == "`", info.contains("`") { return nil }
            self.marker = marker
            self.length = length
            self.indent = indent
            self.info = info
            self.line = line
        }

        func closes(_ text: String) -> Bool {
            let indent = text.prefix { $0 == " " }.count
            guard indent < 4 else { return false }
            let rest = text.dropFirst(indent)
            let run = rest.prefix { $0 == marker }.count
            return run >= length && rest.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
        }

        /// The language, the first word of the info string (mdBook writes `rust,editable`).
        var language: String {
            String(info.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).first ?? "")
        }

        var isRust: Bool { language == "rust" }

        /// The value of an mdBook attribute of the info string (`python,hidelines=!!!`).
        func attribute(_ name: String) -> String? {
            for part in info.split(whereSeparator: { $0 == "," || $0 == " " }) where part.hasPrefix(name + "=") {
                return String(part.dropFirst(name.count + 1))
            }
            return nil
        }

        /// For a Rust line: `.some(nil)` when mdBook hides it (`# ` or a lone `#`), `.some(text)`
        /// with `##` made `#`, `nil` when it is shown as written.
        func shown(_ text: String) -> String?? {
            let indent = text.prefix { $0 == " " || $0 == "\t" }
            let rest = text.dropFirst(indent.count)
            if rest == "#" || rest.hasPrefix("# ") { return .some(nil) }
            if rest.hasPrefix("##") { return .some(String(indent) + String(rest.dropFirst())) }
            return nil
        }
    }

    private mutating func rewriteInfo(_ fence: Fence, line: SourceLine) -> String {
        let language = fence.language
        guard !fence.info.isEmpty, fence.info != language else { return line.text }
        if fence.info.contains(",") || fence.isRust {
            counts.fenceAttributes += 1
            return String(repeating: " ", count: fence.indent) + String(repeating: fence.marker, count: fence.length) + language
        }
        return line.text
    }

    private mutating func reportHidden(_ fence: Fence) {
        counts.hiddenLines += fence.hidden
        let lines = fence.hidden == 1 ? "1 hidden line" : "\(fence.hidden) hidden lines"
        let language = fence.isRust ? "Rust" : fence.language
        diagnostics.append(.warning(.importSyntax, "\(lines) of this \(language) example left out (mdBook shows them only on request)",
                                    at: fence.line.location(of: fence.info.isEmpty ? String(fence.marker) : fence.info),
                                    hint: "the example shows what mdBook showed by default; add the lines back if readers need them"))
    }

    // MARK: - Braces

    /// `{{` in prose is a value tag in Playbook, but text in mdBook and plain Markdown: outside
    /// code spans it is written `{<!-- -->{`, which shows the same and is no tag. Lines indented
    /// as code are left alone.
    static func literalBraces(_ text: String, counts: inout ImportCounts) -> String {
        guard text.contains("{{"), !text.hasPrefix("    "), !text.hasPrefix("\t") else { return text }
        let spans = codeSpans(in: text)
        var out = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{"), !spans.contains(where: { $0.contains(index) }) {
                out += "{<!-- -->"
                counts.literalBraces += 1
                index = text.index(after: index)
                continue
            }
            out.append(text[index])
            index = text.index(after: index)
        }
        return out
    }

    // MARK: - Links

    /// A destination found on a line: its byte range, and for an inline link the range of the
    /// whole `[text](…)` and of its text.
    private struct Found {
        var destination: Range<String.Index>
        var whole: Range<String.Index>?
        var text: Range<String.Index>?
        var isImage: Bool
        var isHTML: Bool
    }

    private mutating func rewriteLinks(_ line: SourceLine) -> String {
        var text = line.text
        guard text.contains("](") || text.contains("]:") || text.contains("src=") || text.contains("href=") else { return text }
        let found = Self.destinations(in: text)
        for item in found.reversed() {
            let destination = String(text[item.destination])
            switch links.resolve(destination, from: chapterPath, isImage: item.isImage) {
            case .unchanged:
                continue
            case .rewritten(let new):
                counts.linksRewritten += 1
                text.replaceSubrange(item.destination, with: new)
            case .file(let source, let new):
                files.insert(source)
                if new != destination { text.replaceSubrange(item.destination, with: new) }
            case .siteRoot(let address):
                counts.siteRootLinks.append("\(line.file.path):\(line.line): \(destination) → \(address)")
                text.replaceSubrange(item.destination, with: address)
            case .unusable(let message, let hint):
                let kind = item.isImage ? "image" : "link"
                if let whole = item.whole, let inner = item.text {
                    let kept = item.isImage ? "" : String(text[inner])
                    diagnostics.append(.warning(.importLink, "\(message): the \(kind) is left out" + (item.isImage ? "" : ", its text kept"),
                                                at: line.location(of: destination), hint: hint))
                    text.replaceSubrange(whole, with: kept)
                } else {
                    diagnostics.append(.warning(.importLink, "\(message): the \(kind) is kept as written, and the build will report it",
                                                at: line.location(of: destination), hint: hint))
                }
            }
        }
        return text
    }

    /// The destinations of inline links and images, reference definitions and `src`/`href`
    /// attributes on one line, outside code spans, in order.
    private static func destinations(in text: String) -> [Found] {
        var found: [Found] = []
        let spans = codeSpans(in: text)
        func inCode(_ index: String.Index) -> Bool { spans.contains { $0.contains(index) } }

        // A reference definition: `[label]: destination`.
        if let match = text.range(of: #"^ {0,3}\[[^\]^][^\]]*\]:[ \t]*"#, options: .regularExpression), !text.hasPrefix("    ") {
            var end = match.upperBound
            if text[end...].hasPrefix("<"), let close = text[end...].firstIndex(of: ">") {
                found.append(Found(destination: text.index(after: end)..<close, whole: nil, text: nil, isImage: false, isHTML: false))
            } else {
                while end < text.endIndex, !text[end].isWhitespace { end = text.index(after: end) }
                if end > match.upperBound {
                    found.append(Found(destination: match.upperBound..<end, whole: nil, text: nil, isImage: false, isHTML: false))
                }
            }
            return found
        }

        // Inline links and images: `[text](destination "title")`.
        var search = text.startIndex
        while let open = text.range(of: "](", range: search..<text.endIndex) {
            search = open.upperBound
            guard !inCode(open.lowerBound) else { continue }
            var start = open.upperBound
            while start < text.endIndex, text[start] == " " { start = text.index(after: start) }
            var end = start
            var destinationRange: Range<String.Index>
            if start < text.endIndex, text[start] == "<" {
                guard let close = text[start...].firstIndex(of: ">") else { continue }
                destinationRange = text.index(after: start)..<close
                end = text.index(after: close)
            } else {
                var depth = 0
                while end < text.endIndex {
                    let character = text[end]
                    if character == "\\" {
                        end = text.index(after: end)
                        if end < text.endIndex { end = text.index(after: end) }
                        continue
                    }
                    if character.isWhitespace { break }
                    if character == "(" { depth += 1 }
                    if character == ")" {
                        if depth == 0 { break }
                        depth -= 1
                    }
                    end = text.index(after: end)
                }
                destinationRange = start..<end
            }
            // The link's end: an optional title, then ')'.
            var close = end
            if let paren = text[end...].firstIndex(of: ")") { close = paren } else { close = text.endIndex }
            // The matching '[' of the text.
            var depth = 0
            var opening: String.Index?
            var cursor = open.lowerBound
            while cursor > text.startIndex {
                cursor = text.index(before: cursor)
                if text[cursor] == "]" { depth += 1 }
                if text[cursor] == "[" {
                    if depth == 0 { opening = cursor; break }
                    depth -= 1
                }
            }
            var isImage = false
            var whole: Range<String.Index>?
            var inner: Range<String.Index>?
            if let opening, close < text.endIndex {
                isImage = opening > text.startIndex && text[text.index(before: opening)] == "!"
                let from = isImage ? text.index(before: opening) : opening
                whole = from..<text.index(after: close)
                inner = text.index(after: opening)..<open.lowerBound
            }
            found.append(Found(destination: destinationRange, whole: whole, text: inner, isImage: isImage, isHTML: false))
        }

        // Attributes of raw HTML: `src="…"`, `href="…"` (a tag's attributes may be on lines of their own).
        if text.contains("src=") || text.contains("href=") {
            let pattern = #"\b(src|href)\s*=\s*("([^"]*)"|'([^']*)')"#
            if let regex = try? NSRegularExpression(pattern: pattern) {
                for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    let group = match.range(at: 3).location != NSNotFound ? 3 : 4
                    guard let range = Range(match.range(at: group), in: text), !inCode(range.lowerBound),
                          let name = Range(match.range(at: 1), in: text) else { continue }
                    found.append(Found(destination: range, whole: nil, text: nil, isImage: text[name] == "src", isHTML: true))
                }
            }
        }
        // Nested or overlapping finds (an image inside a link's text) keep their order by position,
        // and a link holding another find is never replaced whole (the other's range would move).
        let sorted = found.sorted { $0.destination.lowerBound < $1.destination.lowerBound }
        let safe = sorted.map { item -> Found in
            guard let whole = item.whole else { return item }
            var copy = item
            if sorted.contains(where: { $0.destination != item.destination && whole.overlaps($0.destination) }) { copy.whole = nil }
            return copy
        }
        return safe.reduce(into: []) { kept, item in
            if let last = kept.last, last.destination.overlaps(item.destination) { return }
            // A link whose text holds an image: dropping the link would also drop the image's range.
            if let last = kept.last, let lastWhole = last.whole, let whole = item.whole, lastWhole.overlaps(whole) {
                kept[kept.count - 1].whole = nil
                var copy = item
                copy.whole = nil
                kept.append(copy)
                return
            }
            kept.append(item)
        }
    }

    /// The ranges of code spans on a line (backtick runs of the same length).
    private static func codeSpans(in text: String) -> [Range<String.Index>] {
        var spans: [Range<String.Index>] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index] == "`" else { index = text.index(after: index); continue }
            var run = index
            while run < text.endIndex, text[run] == "`" { run = text.index(after: run) }
            let marker = text[index..<run]
            if let close = text.range(of: String(marker), range: run..<text.endIndex) {
                spans.append(index..<close.upperBound)
                index = close.upperBound
            } else {
                index = run
            }
        }
        return spans
    }
}

/// What an import did, counted for the report.
struct ImportCounts: Sendable {
    /// Links rewritten to chapter files or anchors.
    var linksRewritten = 0
    /// Links that leave the book, made absolute under `--site-root`, as report lines.
    var siteRootLinks: [String] = []
    /// Code fences whose mdBook attributes (`editable`, `ignore`…) were taken off.
    var fenceAttributes = 0
    /// Hidden lines of Rust examples left out.
    var hiddenLines = 0
    /// `{{#include}}` and `{{#rustdoc_include}}` lines resolved.
    var includes = 0
    /// The Rust book's `<Listing>` elements written as Markdown.
    var listings = 0
    /// mdbook-admonish blocks written as callouts.
    var admonitions = 0
    /// `{{` in prose written `{<!-- -->{` so that Playbook does not read a value tag.
    var literalBraces = 0

    /// Adds another chapter's counts.
    mutating func add(_ other: ImportCounts) {
        linksRewritten += other.linksRewritten
        siteRootLinks += other.siteRootLinks
        fenceAttributes += other.fenceAttributes
        hiddenLines += other.hiddenLines
        includes += other.includes
        literalBraces += other.literalBraces
        listings += other.listings
        admonitions += other.admonitions
    }
}

private extension String {
    /// The text without spaces at its end (a blank line of a block quote is `>`).
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
