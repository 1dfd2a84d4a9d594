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
    package init(slug: String, chapters: [ResolvedChapter]) {
        self.slug = slug
        var used = Self.pageIDs.union(chapters.map(\.slug))
        for chapter in chapters {
            var mine: [String: String] = [:]
            chapter.document.forEachHeading { heading in
                let anchor = heading.anchor
                guard mine[anchor] == nil else { return }
                var candidate = anchor
                var number = 2
                while used.contains(candidate) {
                    candidate = "\(anchor)-\(number)"
                    number += 1
                }
                used.insert(candidate)
                mine[anchor] = candidate
            }
            ids[chapter.slug] = mine
        }
    }

    /// The page id of a heading anchor of a chapter.
    func id(_ anchor: String, in chapter: String) -> String {
        ids[chapter]?[anchor] ?? anchor
    }

    /// The chapter with its heading ids and the fragments of its links renamed.
    package func rewrite(_ chapter: ResolvedChapter) -> ResolvedChapter {
        var result = chapter
        var renamer = Renamer(anchors: self, chapter: chapter.slug)
        result.document = renamer.rewrite(chapter.document)
        return result
    }

    /// Renames heading ids and the fragments of links inside the report.
    private struct Renamer: DocumentRewriter {
        let anchors: ReportAnchors
        let chapter: String

        mutating func rewrite(_ block: ResolvedBlock) -> ResolvedBlock {
            guard case .heading(var heading) = block else { return rewriteChildren(of: block) }
            heading.anchor = anchors.id(heading.anchor, in: chapter)
            heading.content = rewrite(heading.content)
            return .heading(heading)
        }

        mutating func rewrite(_ inline: ResolvedInline) -> ResolvedInline {
            guard case .link(var link) = inline else { return rewriteChildren(of: inline) }
            switch link.target {
            case .fragment(let fragment): link.target = .fragment(anchors.id(fragment, in: chapter))
            case .chapter(let book, let other, let fragment?) where book == anchors.slug:
                link.target = .chapter(book: book, chapter: other, fragment: anchors.id(fragment, in: other))
            default: break
            }
            link.content = rewrite(link.content)
            return .link(link)
        }
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
