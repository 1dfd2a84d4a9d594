import PlaybookCore

/// Writes the EPUB 3 navigation document (`nav.xhtml`: contents with each chapter's sections,
/// and landmarks) and the EPUB 2 NCX (`toc.ncx`) for older reading systems.
struct NavigationDocuments {
    let book: ResolvedBook
    let language: String
    let identifier: String
    /// Whether the book ends with "About this series" (`series.xhtml`).
    var seriesPage = false
    /// Whether the book has a copyright page (`copyright.xhtml`, a book's, not a report's).
    /// Every EPUB has a title page (`title.xhtml`) after its cover.
    var copyrightPage = false
    /// Each chapter's entry in `nav.xhtml`, made already (by ``entry(_:number:)``); `nil` makes them.
    var entries: [String]? = nil

    /// A chapter's `<li>` in `nav.xhtml`: its title and its sections.
    static func entry(_ chapter: ResolvedChapter, number: Int) -> String {
        func text(_ value: String) -> String { XMLEscaping.text(value) }
        func attr(_ value: String) -> String { XMLEscaping.attribute(value) }
        let file = EPUBPaths.chapterFile(chapter)
        var out = "<li><a href=\"\(attr(URLPath.encode(file)))\">\(number). \(text(chapter.frontMatter.title))</a>"
        var sections: [(String, String)] = []
        chapter.document.forEachHeading { heading in
            if heading.level == 2 {
                sections.append((heading.anchor, ResolvedInline.plainText(heading.content)))
            }
        }
        if !sections.isEmpty {
            out += "\n<ol>\n"
            for (anchor, title) in sections {
                out += "<li><a href=\"\(attr(URLPath.encode(file)))#\(attr(URLPath.encode(anchor)))\">\(text(title))</a></li>\n"
            }
            out += "</ol>\n"
        }
        return out + "</li>\n"
    }

    /// `nav.xhtml`.
    var nav: String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="\(attr(language))" lang="\(attr(language))">
        <head>
        <title>Contents</title>
        <link rel="stylesheet" type="text/css" href="playbook.css"/>
        </head>
        <body>
        <nav epub:type="toc" id="toc" role="doc-toc" aria-labelledby="toc-title">
        <h1 id="toc-title">Contents</h1>
        <ol>

        """
        out += (entries ?? book.chapters.enumerated().map { Self.entry($0.element, number: $0.offset + 1) }).joined()
        if seriesPage { out += "<li><a href=\"\(EPUBPaths.seriesPage)\">About this series</a></li>\n" }
        out += """
        </ol>
        </nav>
        <nav epub:type="landmarks" id="landmarks" hidden="hidden" aria-label="Landmarks">
        <ol>
        <li><a epub:type="cover" href="cover.xhtml">Cover</a></li>
        <li><a epub:type="titlepage" href="\(EPUBPaths.reportTitlePage)">Title page</a></li>

        """
        if copyrightPage { out += "<li><a epub:type=\"copyright-page\" href=\"\(EPUBPaths.copyrightPage)\">Copyright</a></li>\n" }
        out += "<li><a epub:type=\"toc\" href=\"nav.xhtml#toc\">Contents</a></li>\n"
        if let first = book.chapters.first {
            out += "<li><a epub:type=\"bodymatter\" href=\"\(attr(URLPath.encode(EPUBPaths.chapterFile(first))))\">Start of content</a></li>\n"
        }
        out += "</ol>\n</nav>\n</body>\n</html>\n"
        return out
    }

    /// `toc.ncx`.
    var ncx: String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="\(attr(language))">
        <head>
        <meta name="dtb:uid" content="\(attr(identifier))"/>
        <meta name="dtb:depth" content="1"/>
        <meta name="dtb:totalPageCount" content="0"/>
        <meta name="dtb:maxPageNumber" content="0"/>
        </head>
        <docTitle><text>\(text(book.settings.title))</text></docTitle>
        <navMap>

        """
        for (index, chapter) in book.chapters.enumerated() {
            out += "<navPoint id=\"np-\(index + 1)\" playOrder=\"\(index + 1)\"><navLabel><text>\(index + 1). \(text(chapter.frontMatter.title))</text></navLabel>"
            out += "<content src=\"\(attr(URLPath.encode(EPUBPaths.chapterFile(chapter))))\"/></navPoint>\n"
        }
        if seriesPage {
            let order = book.chapters.count + 1
            out += "<navPoint id=\"np-\(order)\" playOrder=\"\(order)\"><navLabel><text>About this series</text></navLabel>"
            out += "<content src=\"\(EPUBPaths.seriesPage)\"/></navPoint>\n"
        }
        out += "</navMap>\n</ncx>\n"
        return out
    }

    private func text(_ value: String) -> String { XMLEscaping.text(value) }
    private func attr(_ value: String) -> String { XMLEscaping.attribute(value) }
}
