import PlaybookCore

/// The site's offline search index, `site/search-index.js`: every section of every chapter
/// (the text under each `##` or `###` heading, and the chapter's opening before its first
/// heading) with the link to its heading. The file is a script that sets
/// `window.playbookSearchIndex`, so that `search.html` can load it from `file://` too, where
/// browsers refuse to fetch JSON.
///
/// Each entry is `{"u": link from the site root, "b": book title, "c": chapter title,
/// "h": heading, "t": text}`. Prose, lists, tables and computed blocks' captions are
/// indexed; code and raw HTML are not.
enum SearchIndex {
    /// The path of the index in the output folder.
    static let path = "site/search-index.js"

    /// One chapter's entries, as JSON objects separated by commas.
    static func entries(_ chapter: Chapter, book: Book) -> String {
        let page = URLPath.encode(book.slug) + "/" + URLPath.encode(chapter.slug) + ".html"
        var sections = [Section(url: page, heading: chapter.frontMatter.title)]
        collect(chapter.document.blocks, into: &sections, page: page)
        var out = ""
        for section in sections where !(section.text.isEmpty && section.url == page) {
            if !out.isEmpty { out += ",\n" }
            out += "{\"u\":" + JSONEscaping.quoted(section.url)
            out += ",\"b\":" + JSONEscaping.quoted(book.settings.title)
            out += ",\"c\":" + JSONEscaping.quoted(chapter.frontMatter.title)
            out += ",\"h\":" + JSONEscaping.quoted(section.heading)
            out += ",\"t\":" + JSONEscaping.quoted(section.text) + "}"
        }
        return out
    }

    /// The whole file from every chapter's entries (books in order, chapters in order).
    static func file(_ chapterEntries: [String]) -> String {
        "window.playbookSearchIndex = [\n" + chapterEntries.filter { !$0.isEmpty }.joined(separator: ",\n") + "\n];\n"
    }

    // MARK: - Internals

    private struct Section {
        var url: String
        var heading: String
        var text = ""

        /// Appends `words` with runs of spaces, tabs and line breaks made one space (on bytes:
        /// the index holds every word of the site).
        mutating func add(_ words: String) {
            var collapsed: [UInt8] = []
            collapsed.reserveCapacity(words.utf8.count)
            var space = false
            for byte in words.utf8 {
                if byte == 32 || byte == 10 || byte == 9 || byte == 13 {
                    space = true
                } else {
                    if space && !collapsed.isEmpty { collapsed.append(32) }
                    space = false
                    collapsed.append(byte)
                }
            }
            guard !collapsed.isEmpty else { return }
            if !text.isEmpty { text += " " }
            text += String(decoding: collapsed, as: UTF8.self)
        }
    }

    private static func collect(_ blocks: [Block], into sections: inout [Section], page: String) {
        for block in blocks {
            switch block {
            case .paragraph(let inlines):
                sections[sections.count - 1].add(Inline.plainText(inlines))
            case .heading(let heading):
                let title = Inline.plainText(heading.content)
                if heading.level <= 3, let anchor = heading.anchor {
                    sections.append(Section(url: page + "#" + URLPath.encode(anchor), heading: title))
                } else {
                    sections[sections.count - 1].add(title)
                }
            case .blockQuote(let children):
                collect(children, into: &sections, page: page)
            case .list(let list):
                for item in list.items { collect(item, into: &sections, page: page) }
            case .table(let table):
                for cell in table.header { sections[sections.count - 1].add(Inline.plainText(cell)) }
                for row in table.rows {
                    for cell in row { sections[sections.count - 1].add(Inline.plainText(cell)) }
                }
            case .computed(let computed):
                if let caption = computed.caption {
                    sections[sections.count - 1].add(caption)
                }
            case .codeBlock, .html, .thematicBreak:
                break
            }
        }
    }
}
