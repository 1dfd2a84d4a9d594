
/// Where things are inside an EPUB, and how a chapter links out of it.
///
/// Chapters sit at `OEBPS/<chapter>.xhtml` and the book's files at `OEBPS/<path>`, the same
/// layout as the book folder and the site, so relative image paths work in all three.
package enum EPUBPaths {
    /// Names of the files every EPUB has; chapters and book files may not use them.
    static let reserved: Set<String> = ["package.opf", "nav.xhtml", "toc.ncx", "cover.xhtml", "cover.svg", "playbook.css", seriesPage, reportTitlePage,
                                        copyrightPage,
                                        "report-logo.svg", "report-logo.png", "report-logo.jpg"]

    /// "About this series", after the chapters of a book of a series.
    package static let seriesPage = "series.xhtml"

    /// The title page after the cover: a book's (template `epub/book-title-page`) or a client
    /// report's (`epub/title-page`).
    package static let reportTitlePage = "title.xhtml"

    /// A book's copyright page, after its title page (template `epub/copyright`).
    package static let copyrightPage = "copyright.xhtml"

    /// The file of a client report's logo (`report-logo.svg`), by its extension.
    package static func reportLogo(_ fileExtension: String) -> String { "report-logo." + fileExtension }

    /// The file name of a chapter inside `OEBPS/`.
    package static func chapterFile(_ chapter: ResolvedChapter) -> String { chapter.slug + ".xhtml" }

    /// Where a book's EPUB goes in the output folder: `epub/<book>.epub`.
    package static func archive(book: String) -> String { "epub/\(book).epub" }

    /// Where an entry of a book's EPUB goes unzipped in the output folder: `xhtml/<book>/<entry>`.
    package static func unzipped(_ entry: String, book: String) -> String { "xhtml/\(book)/\(entry)" }

    /// The href from a chapter of `book` to a target. Whatever is outside this book points at
    /// the published site (`base_url`).
    package static func href(_ target: LinkTarget, from book: String, baseURL: String?) -> String {
        let site = baseURL ?? ""
        switch target {
        case .external(let url): return URLPath.escapeHref(url)
        case .fragment(let fragment): return "#" + URLPath.encode(fragment)
        case .chapter(let other, let chapter, let fragment):
            let anchor = fragment.map { "#" + URLPath.encode($0) } ?? ""
            if other == book { return URLPath.encode(chapter) + ".xhtml" + anchor }
            return site + "\(URLPath.encode(other))/\(URLPath.encode(chapter)).html" + anchor
        case .book(let other):
            return other == book ? "nav.xhtml" : site + "\(URLPath.encode(other))/index.html"
        case .asset(let other, let path):
            return site + "\(URLPath.encode(other))/\(URLPath.encode(path))"
        }
    }

    /// The media type of an image file by its extension.
    package static func mediaType(of path: String) -> String {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) ?? "" {
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "svg": return "image/svg+xml"
        default: return "application/octet-stream"
        }
    }
}
