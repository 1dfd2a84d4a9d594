import PlaybookCore

/// The site's offline search index, `site/search-index.js`: every section of every chapter
/// (the text under each `##` or `###` heading, and the chapter's opening before its first
/// heading) with the link to its heading. The file is a script that sets
/// `window.playbookSearchIndex`, so that `search.html` can load it from `file://` too, where
/// browsers refuse to fetch JSON.
///
/// Each entry is `{"u": link from the site root, "b": book title, "c": chapter title,
/// "h": heading, "t": text}`. Prose, lists, tables and their captions, figures' captions,
/// callouts, footnotes (once, in the last section) and computed blocks' captions are indexed;
/// code and raw HTML are not. A table's text is kept apart, so that a snippet taken from it
/// reads as a table and does not run on into the prose: each row is its cells joined by " · ",
/// the rows joined by "; ", the table ending with a full stop ("Metric · Baseline · Target;
/// Handle time · 6.5 min · 6.0 min."), and a caption ends as a sentence.
enum SearchIndex {
    /// The path of the index in the output folder.
    static let path = "site/search-index.js"

    /// One chapter's entries, as JSON objects separated by commas (written as bytes: the
    /// index holds every word of the site).
    static func entries(_ chapter: ResolvedChapter, book: ResolvedBook) -> String {
        let page = URLPath.encode(book.slug) + "/" + URLPath.encode(chapter.slug) + ".html"
        var collector = SectionCollector(page: page, sections: [Section(url: page, heading: chapter.frontMatter.title)])
        collector.visit(chapter.document)
        // The book's and the chapter's titles are the same in every entry: escaped once.
        var titles = Array(",\"b\":".utf8)
        appendQuoted(book.settings.title, to: &titles)
        titles.append(contentsOf: ",\"c\":".utf8)
        appendQuoted(chapter.frontMatter.title, to: &titles)
        titles.append(contentsOf: ",\"h\":".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(collector.sections.reduce(0) { $0 + $1.text.count + 160 })
        for section in collector.sections where !(section.text.isEmpty && section.url == page) {
            if !out.isEmpty { out.append(contentsOf: ",\n".utf8) }
            out.append(contentsOf: "{\"u\":".utf8)
            appendQuoted(section.url, to: &out)
            out.append(contentsOf: titles)
            appendQuoted(section.heading, to: &out)
            out.append(contentsOf: ",\"t\":\"".utf8)
            section.text.withUnsafeBufferPointer { JSONEscaping.append($0, to: &out) }
            out.append(contentsOf: "\"}".utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The file in parts to be written one after the other, the same bytes as ``file(_:)``
    /// without joining every chapter's entries into one string.
    static func parts(_ chapterEntries: [String]) -> [String] {
        var parts = ["window.playbookSearchIndex = [\n"]
        for entries in chapterEntries where !entries.isEmpty {
            if parts.count > 1 { parts.append(",\n") }
            parts.append(entries)
        }
        parts.append("\n];\n")
        return parts
    }

    /// The whole file from every chapter's entries (books in order, chapters in order).
    static func file(_ chapterEntries: [String]) -> String {
        "window.playbookSearchIndex = [\n" + chapterEntries.filter { !$0.isEmpty }.joined(separator: ",\n") + "\n];\n"
    }

    // MARK: - Internals

    /// `text` as a JSON string literal appended to `out`.
    private static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        UTF8Bytes.with(text) { JSONEscaping.append($0, to: &out) }
        out.append(UInt8(ascii: "\""))
    }

    private struct Section {
        var url: String
        var heading: String
        /// The words so far, as UTF-8 (whole characters: runs are cut at ASCII bytes only).
        var text: [UInt8] = []

        /// Appends `words` with runs of spaces, tabs and line breaks made one space (on bytes:
        /// the index holds every word of the site), after a space if the text has words.
        mutating func add(_ words: String) {
            UTF8Bytes.with(words) { bytes in
                let count = bytes.count
                var index = 0
                while index < count {
                    while index < count, Self.isBlank(bytes[index]) { index += 1 }
                    guard index < count else { break }
                    // A run of words with single spaces between them is copied whole: it
                    // needs no collapsing. It ends before any other blank.
                    let start = index
                    while index < count {
                        let byte = bytes[index]
                        if !Self.isBlank(byte) {
                            index += 1
                        } else if byte == 32, index + 1 < count, !Self.isBlank(bytes[index + 1]) {
                            index += 2
                        } else {
                            break
                        }
                    }
                    if !text.isEmpty { text.append(32) }
                    text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                }
            }
        }

        /// A space, tab or line break.
        @inline(__always)
        private static func isBlank(_ byte: UInt8) -> Bool {
            // Bits 9, 10, 13 and 32.
            byte <= 32 && (0x1_0000_2600 as UInt64) &>> UInt64(byte) & 1 != 0
        }
    }

    /// Splits a chapter into sections at its `##` and `###` headings.
    private struct SectionCollector: DocumentVisitor {
        let page: String
        var sections: [Section]

        mutating func visit(_ block: ResolvedBlock) {
            switch block {
            case .paragraph(let inlines):
                add(ResolvedInline.plainText(inlines))
            case .heading(let heading):
                let title = ResolvedInline.plainText(heading.content)
                if heading.level <= 3 {
                    sections.append(Section(url: page + "#" + URLPath.encode(heading.anchor), heading: title))
                } else {
                    add(title)
                }
            case .table(let table):
                if let caption = table.caption { add(Self.sentence(caption.number + ": " + ResolvedInline.plainText(caption.content))) }
                let rows = ([table.header] + table.rows).map { row in
                    row.map { ResolvedInline.plainText($0) }.filter { !$0.allSatisfy(\.isWhitespace) }.joined(separator: " · ")
                }
                let text = rows.filter { !$0.isEmpty }.joined(separator: "; ")
                if !text.isEmpty { add(Self.sentence(text)) }
            case .computed(let computed):
                if let caption = computed.caption { add(Self.sentence((computed.number.map { $0 + ": " } ?? "") + caption)) }
            case .figure(let figure):
                add(Self.sentence(figure.number + ": " + ResolvedInline.plainText(figure.image.alt)))
            case .callout(let callout):
                add(callout.title.isEmpty ? callout.kind.label : ResolvedInline.plainText(callout.title))
                visit(callout.blocks)
            case .blockQuote, .list, .conditional, .footnote:
                // A footnote's text is indexed once, where the notes are: the chapter's last
                // section (references add nothing to the text around them).
                visitChildren(of: block)
            case .codeBlock, .html, .thematicBreak:
                break
            }
        }

        private mutating func add(_ words: String) {
            sections[sections.count - 1].add(words)
        }

        /// `text` ending as a sentence: a full stop added unless it ends with punctuation.
        static func sentence(_ text: String) -> String {
            guard let last = text.last(where: { !$0.isWhitespace }), !".!?:;".contains(last) else { return text }
            return text + "."
        }
    }
}
