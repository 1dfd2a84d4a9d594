import PlaybookCore

/// `site/sitemap.xml` (the sitemaps.org format), written when the series has a `base_url`:
/// the address of every page of the site — the home page, the search page, each book's
/// contents page and each chapter — in reading order, as each page's canonical link gives it.
enum Sitemap {
    /// The path of the sitemap in the output folder.
    static let path = "site/sitemap.xml"

    /// The addresses of every page, site-root-relative paths appended to `baseURL`.
    static func addresses(_ publication: Publication, baseURL: String) -> [String] {
        var paths = ["", "search.html"]
        for book in publication.books {
            paths.append(URLPath.encode(book.slug) + "/")
            for chapter in book.chapters { paths.append(URLPath.encode(book.slug) + "/" + URLPath.encode(chapter.slug) + ".html") }
        }
        return paths.map { baseURL + $0 }
    }

    /// The whole file.
    static func file(_ publication: Publication, baseURL: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for address in addresses(publication, baseURL: baseURL) {
            out += "<url><loc>" + XMLEscaping.text(address) + "</loc></url>\n"
        }
        return out + "</urlset>\n"
    }
}
