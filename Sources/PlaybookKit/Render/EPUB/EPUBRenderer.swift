import PlaybookCore
import PlaybookTemplates

/// Renders one book as an EPUB 3 package: XHTML chapters from `templates/epub/chapter`, a
/// cover page and cover image, the navigation document and NCX, the stylesheet, the images
/// the chapters show, and `package.opf` describing them all.
struct EPUBRenderer {
    let publication: Publication
    let templates: TemplateLibrary
    /// The EPUB stylesheet (`templates/epub/book.css`).
    let stylesheet: String
    /// `SOURCE_DATE_EPOCH`, which replaces every book's `modified` date when set.
    let sourceDate: Timestamp?

    static let container = """
    <?xml version="1.0" encoding="UTF-8"?>
    <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
    <rootfiles>
    <rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/>
    </rootfiles>
    </container>

    """

    /// The package of `book`.
    func render(_ book: Book) -> EPUBPackage {
        let settings = publication.settings
        let language = book.settings.language ?? settings.language
        let identifier = book.settings.identifier
            ?? "urn:uuid:" + NameBasedUUID.uuid(forURL: (settings.baseURL ?? "playbook:\(settings.title)/") + book.slug + "/")
        let modified = sourceDate ?? book.settings.modified
        let pageContext = PageContext(publication: publication)
        let bookContext = pageContext.book(book)

        var entries: [OutputFile] = [
            OutputFile(path: "mimetype", content: .text("application/epub+zip")),
            OutputFile(path: "META-INF/container.xml", content: .text(Self.container)),
        ]
        var items: [PackageDocument.Item] = [
            .init(id: "nav", href: "nav.xhtml", mediaType: "application/xhtml+xml", properties: "nav"),
            .init(id: "ncx", href: "toc.ncx", mediaType: "application/x-dtbncx+xml"),
            .init(id: "css", href: "playbook.css", mediaType: "text/css"),
            .init(id: "cover", href: "cover.xhtml", mediaType: "application/xhtml+xml"),
        ]
        var content: [OutputFile] = []

        // Cover: the book's own image, or one drawn from its title.
        let cover = CoverContext(publication: publication, book: book)
        let coverHref: String
        if let coverPath = book.settings.cover, let asset = book.assets.first(where: { $0.path == coverPath }) {
            coverHref = URLPath.encode(coverPath)
            items.append(.init(id: "cover-image", href: coverHref, mediaType: EPUBPaths.mediaType(of: coverPath), properties: "cover-image"))
            content.append(OutputFile(path: "OEBPS/\(coverPath)", content: .copy(from: asset.sourcePath)))
        } else {
            coverHref = "cover.svg"
            items.append(.init(id: "cover-image", href: coverHref, mediaType: "image/svg+xml", properties: "cover-image"))
            content.append(OutputFile(path: "OEBPS/cover.svg", content: .text(templates.render("epub/cover-image", cover.value))))
        }
        let coverPage = templates.render("epub/cover", [
            "book": bookContext,
            "cover": ["href": .text(coverHref), "alt": .text(cover.alt)],
        ])
        content.append(OutputFile(path: "OEBPS/cover.xhtml", content: .text(coverPage)))

        // Chapters.
        var spine = ["cover", "nav"]
        for (index, chapter) in book.chapters.enumerated() {
            let renderer = DocumentRenderer(flavor: .xhtml) { EPUBPaths.href($0, from: book.slug, baseURL: settings.baseURL) }
            let body = renderer.render(chapter.document)
            var chapterFields: [String: TemplateValue] = [
                "number": .number(index + 1),
                "title": .text(chapter.frontMatter.title),
                "content": .markup(body),
            ]
            chapterFields["summary"] = .optional(chapter.frontMatter.summary)
            let xhtml = templates.render("epub/chapter", [
                "series": pageContext.series,
                "book": bookContext,
                "chapter": .object(chapterFields),
            ])
            let id = "chapter-\(index + 1)"
            let file = EPUBPaths.chapterFile(chapter)
            items.append(.init(id: id, href: URLPath.encode(file), mediaType: "application/xhtml+xml",
                               properties: Self.properties(of: xhtml)))
            spine.append(id)
            content.append(OutputFile(path: "OEBPS/\(file)", content: .text(xhtml)))
        }

        // Images the chapters show.
        let images = publication.imagesByBook[book.slug] ?? []
        for (index, image) in images.enumerated() where image.path != book.settings.cover {
            items.append(.init(id: "image-\(index + 1)", href: URLPath.encode(image.path), mediaType: EPUBPaths.mediaType(of: image.path)))
            content.append(OutputFile(path: "OEBPS/\(image.path)", content: .copy(from: image.sourcePath)))
        }

        let navigation = NavigationDocuments(book: book, language: language, identifier: identifier)
        let package = PackageDocument(settings: settings, book: book, identifier: identifier, modified: modified,
                                      accessibility: AccessibilityMetadata(book: book, imageCount: images.count),
                                      items: items, spine: spine)
        entries.append(OutputFile(path: "OEBPS/package.opf", content: .text(package.xml)))
        entries.append(OutputFile(path: "OEBPS/nav.xhtml", content: .text(navigation.nav)))
        entries.append(OutputFile(path: "OEBPS/toc.ncx", content: .text(navigation.ncx)))
        entries.append(OutputFile(path: "OEBPS/playbook.css", content: .text(stylesheet)))
        entries += content
        return EPUBPackage(slug: book.slug, entries: entries, modified: modified)
    }

    /// The manifest properties a content document needs: `svg` when it holds inline SVG,
    /// `mathml` for MathML, `scripted` for scripts.
    static func properties(of xhtml: String) -> String? {
        var math = false, script = false, svg = false
        var utf8 = xhtml.utf8[...]
        while let open = utf8.firstIndex(of: UInt8(ascii: "<")) {
            let rest = utf8[utf8.index(after: open)...]
            if rest.starts(with: "math".utf8) { math = true }
            if rest.starts(with: "script".utf8) { script = true }
            if rest.starts(with: "svg".utf8) { svg = true }
            utf8 = rest
        }
        let properties = [math ? "mathml" : nil, script ? "scripted" : nil, svg ? "svg" : nil].compactMap { $0 }
        return properties.isEmpty ? nil : properties.joined(separator: " ")
    }
}
