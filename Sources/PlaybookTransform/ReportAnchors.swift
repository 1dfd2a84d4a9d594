import PlaybookCore

/// Ids for a report's single page, where every chapter shares one document: each chapter's
/// section gets its file name as id, and a heading id that an earlier chapter already uses
/// gets `-2`, `-3`… Links follow their headings. The EPUB gets the same ids, so one rendering
/// serves both.
package struct ReportAnchors {
    /// The report's book slug (links to `.chapter(book: slug, …)` stay inside the report).
    let slug: String
    private var ids: [String: [String: String]] = [:]

    /// Ids of the page template itself.
    static let pageIDs: Set<String> = ["pb-main", "pb-contents", "pb-title"]

    /// Assigns ids over the chapters in order.
    package init(slug: String, chapters: [Chapter]) {
        self.slug = slug
        var used = Self.pageIDs.union(chapters.map(\.slug))
        for chapter in chapters {
            var mine: [String: String] = [:]
            func visit(_ block: Block) {
                if case .heading(let heading) = block, let anchor = heading.anchor, mine[anchor] == nil {
                    var candidate = anchor
                    var number = 2
                    while used.contains(candidate) {
                        candidate = "\(anchor)-\(number)"
                        number += 1
                    }
                    used.insert(candidate)
                    mine[anchor] = candidate
                }
                _ = block.mappingContents(inlines: { $0 }, blocks: { visit($0); return $0 })
            }
            chapter.document.blocks.forEach(visit)
            ids[chapter.slug] = mine
        }
    }

    /// The page id of a heading anchor of a chapter.
    func id(_ anchor: String, in chapter: String) -> String {
        ids[chapter]?[anchor] ?? anchor
    }

    /// The chapter with its heading ids and the fragments of its links renamed.
    package func rewrite(_ chapter: Chapter) -> Chapter {
        var result = chapter
        func inlines(_ items: [Inline]) -> [Inline] {
            items.map { item in
                switch item {
                case .link(var link):
                    switch link.target {
                    case .fragment(let fragment)?: link.target = .fragment(id(fragment, in: chapter.slug))
                    case .chapter(let book, let other, let fragment?)? where book == slug:
                        link.target = .chapter(book: book, chapter: other, fragment: id(fragment, in: other))
                    default: break
                    }
                    link.content = inlines(link.content)
                    return .link(link)
                case .emphasis(let children): return .emphasis(inlines(children))
                case .strong(let children): return .strong(inlines(children))
                default: return item
                }
            }
        }
        func block(_ item: Block) -> Block {
            if case .heading(var heading) = item, let anchor = heading.anchor {
                heading.anchor = id(anchor, in: chapter.slug)
                heading.content = inlines(heading.content)
                return .heading(heading)
            }
            return item.mappingContents(inlines: inlines, blocks: block)
        }
        result.document.blocks = chapter.document.blocks.map(block)
        return result
    }

    /// The href of a link target on the single page: inside the report, a fragment of the
    /// page; outside it, the published site (`base_url`), as from an EPUB.
    package func pageHref(_ target: LinkTarget, baseURL: String?) -> String {
        switch target {
        case .fragment(let fragment): return "#" + URLPath.encode(fragment)
        case .chapter(let book, let chapter, let fragment) where book == slug:
            return "#" + URLPath.encode(fragment ?? chapter)
        case .book(let book) where book == slug: return "#pb-contents"
        default: return EPUBPaths.href(target, from: slug, baseURL: baseURL)
        }
    }
}
