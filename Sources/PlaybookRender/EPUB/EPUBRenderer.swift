import Foundation
import PlaybookCore
import PlaybookTemplates
import PlaybookZip
import PlaybookSession

/// Renders one book as an EPUB 3 package: XHTML chapters from `templates/epub/chapter`, a
/// cover page and cover image, the navigation document and NCX, the stylesheet, the images
/// the chapters show, and `package.opf` describing them all.
package struct EPUBRenderer {
    let publication: Publication
    let templates: TemplateLibrary
    /// The EPUB stylesheet (`templates/epub/book.css`).
    let stylesheet: String
    /// `SOURCE_DATE_EPOCH`, which replaces every book's `modified` date when set.
    let sourceDate: Timestamp?
    /// The memo and revisions its work runs through (the preview server's session); `nil`
    /// computes everything.
    var reuse: RenderReuse? = nil
    /// A client report's front matter, shown on a title page after the cover (`title.xhtml`,
    /// template `epub/title-page`), with its logo; `nil` for a book.
    package var titlePage: ReportFrontMatter? = nil
    /// Where each chapter's entry goes as soon as it is made (`xhtml/<book>/…`), compressed at
    /// once for the archive, so that a book's chapters are not all held; `nil` keeps them.
    package var sink: (any OutputSink)? = nil

    /// A renderer of `publication`'s books through `templates`.
    package init(publication: Publication, templates: TemplateLibrary, stylesheet: String, sourceDate: Timestamp?, reuse: RenderReuse? = nil) {
        self.publication = publication
        self.templates = templates
        self.stylesheet = stylesheet
        self.sourceDate = sourceDate
        self.reuse = reuse
    }

    /// The book's identifier: `identifier:` in its `book.yaml`, else a UUID (version 5) of the
    /// book's address, the same from build to build.
    package static func identifier(of book: ResolvedBook, in settings: SeriesSettings) -> String {
        book.settings.identifier
            ?? "urn:uuid:" + NameBasedUUID.uuid(forURL: (settings.baseURL ?? "playbook:\(settings.title)/") + book.slug + "/")
    }

    static let container = """
    <?xml version="1.0" encoding="UTF-8"?>
    <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
    <rootfiles>
    <rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/>
    </rootfiles>
    </container>

    """

    /// The entries of `book`'s EPUB in zip order, with the time stamp they get. `bodies` are
    /// the chapters' rendered bodies; their pages are made on all cores. `outlines`, when the
    /// chapters' documents were freed, hold what the navigation reads from them.
    package func entries(_ book: ResolvedBook, bodies: [RenderedBody]) async -> (slug: String, entries: [EPUBEntry], modified: Timestamp) {
        await entries(book, bodies: bodies, outlines: nil)
    }

    func entries(_ book: ResolvedBook, bodies: [RenderedBody], outlines: [ChapterOutline]?) async
        -> (slug: String, entries: [EPUBEntry], modified: Timestamp) {
        let settings = publication.settings
        let language = book.settings.language ?? settings.language
        let identifier = Self.identifier(of: book, in: settings)
        let modified = sourceDate ?? book.settings.modified
        let reuse = self.reuse ?? .none(publication)
        let pageContext = reuse.pageContext(publication)
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
        var content: [EPUBEntry] = []

        // Cover: the book's own image, or one drawn from its title.
        let cover = CoverContext(publication: publication, book: book)
        let coverHref: String
        if let coverPath = book.settings.cover, let asset = book.assets.first(where: { $0.path == coverPath }) {
            coverHref = URLPath.encode(coverPath)
            items.append(.init(id: "cover-image", href: coverHref, mediaType: EPUBPaths.mediaType(of: coverPath), properties: "cover-image"))
            content.append(.file(OutputFile(path: "OEBPS/\(coverPath)", content: .bytes(asset.bytes))))
        } else {
            coverHref = "cover.svg"
            items.append(.init(id: "cover-image", href: coverHref, mediaType: "image/svg+xml", properties: "cover-image"))
            content.append(.file(OutputFile(path: "OEBPS/cover.svg", content: .text(templates.render("epub/cover-image", cover.value)))))
        }
        let coverPage = templates.render("epub/cover", [
            "book": bookContext,
            "cover": ["href": .text(coverHref), "alt": .text(cover.alt)],
        ])
        content.append(.file(OutputFile(path: "OEBPS/cover.xhtml", content: .text(coverPage))))
        var spine = ["cover"]

        // A report's title page: client, title, prepared for and by, version, date, confidentiality, logo.
        if let titlePage {
            var logoHref: String?
            if let logo = titlePage.logo {
                let href = EPUBPaths.reportLogo(logo.kind.fileExtension)
                items.append(.init(id: "report-logo", href: href, mediaType: logo.kind.mediaType))
                content.append(.file(OutputFile(path: "OEBPS/\(href)", content: .bytes(logo.bytes))))
                logoHref = href
            }
            let page = templates.render("epub/title-page", ["book": bookContext, "front": .object(titlePage.values(logoSource: logoHref))])
            items.append(.init(id: "title-page", href: EPUBPaths.reportTitlePage, mediaType: "application/xhtml+xml"))
            content.append(.file(OutputFile(path: "OEBPS/\(EPUBPaths.reportTitlePage)", content: .text(page))))
            spine.append("title-page")
        } else {
            // A book's title page and copyright page.
            var front: [String: TemplateValue] = [
                "date": .text(BookPrintPage.written(book.settings.date)), "date_iso": .text(book.settings.date.dateString),
                "identifier": .text(identifier),
            ]
            front["label"] = .optional(BookPrintPage.label(book, in: publication))
            front["edition"] = .optional(book.settings.modified.dateString == book.settings.date.dateString
                ? nil : BookPrintPage.written(book.settings.modified))
            let values: TemplateValue = ["series": pageContext.series, "book": bookContext, "front": .object(front)]
            items.append(.init(id: "title-page", href: EPUBPaths.reportTitlePage, mediaType: "application/xhtml+xml"))
            content.append(.file(OutputFile(path: "OEBPS/\(EPUBPaths.reportTitlePage)", content: .text(templates.render("epub/book-title-page", values)))))
            items.append(.init(id: "copyright-page", href: EPUBPaths.copyrightPage, mediaType: "application/xhtml+xml"))
            content.append(.file(OutputFile(path: "OEBPS/\(EPUBPaths.copyrightPage)", content: .text(templates.render("epub/copyright", values)))))
            spine += ["title-page", "copyright-page"]
        }

        // Chapters, on all cores.
        spine.append("nav")
        let renderer = self, sink = self.sink, slug = book.slug
        let bookIndex = publication.books.firstIndex { $0.slug == book.slug } ?? 0
        let chapters = await Array(zip(book.chapters, bodies).enumerated()).concurrentMap { index, item -> (EPUBEntry, String?) in
            func render() -> (String, String?) {
                let xhtml = renderer.renderChapter(item.0, body: item.1.xhtml, number: index + 1, bookContext: bookContext,
                                                   series: pageContext.series)
                return (xhtml, Self.properties(of: xhtml))
            }
            let (xhtml, properties) = reuse.page(.xhtml, book: bookIndex, chapter: index, path: item.0.source.path, render: render)
            let file = OutputFile(path: "OEBPS/\(EPUBPaths.chapterFile(item.0))", content: .text(xhtml))
            return (Self.entry(file, book: slug, sink: sink), properties)
        }
        for (index, (chapter, (entry, properties))) in zip(book.chapters, chapters).enumerated() {
            let id = "chapter-\(index + 1)"
            let file = EPUBPaths.chapterFile(chapter)
            items.append(.init(id: id, href: URLPath.encode(file), mediaType: "application/xhtml+xml",
                               properties: properties))
            spine.append(id)
            content.append(entry)
        }

        // "About this series", after the chapters, in a series of two books or more.
        let hasSeriesPage = Self.hasSeriesPage(book, in: publication)
        if hasSeriesPage {
            items.append(.init(id: "series-page", href: EPUBPaths.seriesPage, mediaType: "application/xhtml+xml"))
            spine.append("series-page")
            content.append(.file(OutputFile(path: "OEBPS/\(EPUBPaths.seriesPage)", content: .text(seriesPage(book, bookContext: bookContext, context: pageContext)))))
        }

        // Images the chapters show.
        let images = publication.imagesByBook[book.slug] ?? []
        for (index, image) in images.enumerated() where image.path != book.settings.cover {
            items.append(.init(id: "image-\(index + 1)", href: URLPath.encode(image.path), mediaType: EPUBPaths.mediaType(of: image.path)))
            content.append(.file(OutputFile(path: "OEBPS/\(image.path)", content: .bytes(image.bytes))))
        }

        // The navigation document and the accessibility summary read every chapter: in a
        // session, each chapter's part is made again only when the chapter changed.
        var navigation = NavigationDocuments(book: book, language: language, identifier: identifier,
                                             seriesPage: hasSeriesPage, copyrightPage: titlePage == nil)
        let parts: [(String, AccessibilityMetadata.Counts)] = outlines.map { $0.map { ($0.navigation, $0.counts) } } ?? book.chapters.enumerated().map { index, chapter in
            reuse.memo.query(.navigation, chapter.source.path,
                             input: NavigationEntryInput(chapter: reuse.memo.revision(.resolve, chapter.source.path), number: index + 1)) {
                (NavigationDocuments.entry(chapter, number: index + 1), AccessibilityMetadata.Counts(chapter))
            }.value
        }
        navigation.entries = parts.map(\.0)
        let accessibility = AccessibilityMetadata(counts: parts.map(\.1), imageCount: images.count)
        let made = (nav: navigation.nav, ncx: navigation.ncx, accessibility: accessibility)
        let package = PackageDocument(settings: settings, book: book, identifier: identifier, modified: modified,
                                      accessibility: made.accessibility, items: items, spine: spine)
        entries.append(OutputFile(path: "OEBPS/package.opf", content: .text(package.xml)))
        entries.append(OutputFile(path: "OEBPS/nav.xhtml", content: .text(made.nav)))
        entries.append(OutputFile(path: "OEBPS/toc.ncx", content: .text(made.ncx)))
        entries.append(OutputFile(path: "OEBPS/playbook.css", content: .text(stylesheet)))
        return (book.slug, entries.map(EPUBEntry.file) + content, modified)
    }

    /// A chapter's entry as made: with a sink, put there at once and compressed for the
    /// archive (kept as a file when it cannot be compressed: packaging reports why).
    private static func entry(_ file: OutputFile, book: String, sink: (any OutputSink)?) -> EPUBEntry {
        guard let sink, let compressed = try? compress(file) else { return .file(file) }
        sink.put(OutputFile(path: EPUBPaths.unzipped(file.path, book: book), content: file.content))
        return .streamed(compressed)
    }

    /// An entry compressed for the archive: `mimetype` stored, everything else deflated.
    private static func compress(_ file: OutputFile) throws -> CompressedEntry {
        try ZipArchiveWriter.compress(ZipEntry(path: file.path, bytes: file.content.data, compressed: file.path != "mimetype"))
    }

    /// Zips entries into an EPUB: `mimetype` first and stored, everything else deflated, every
    /// entry stamped with the same time. With a session in `memo`, entries whose bytes are
    /// unchanged since its previous build are not compressed again. The package's entries are
    /// the files among `entries` (those streamed are in the sink already).
    package static func package(_ book: (slug: String, entries: [EPUBEntry], modified: Timestamp), memo: Memo = .none) throws -> EPUBPackage {
        var files: [OutputFile] = []
        var compressed: [CompressedEntry] = []
        compressed.reserveCapacity(book.entries.count)
        for entry in book.entries {
            switch entry {
            case .streamed(let made):
                compressed.append(made)
            case .file(let file):
                files.append(file)
                compressed.append(try memo.query(.zip, "\(book.slug)/\(file.path)", input: EntryInput(file: file)) {
                    Result { try compress(file) }
                }.value.get())
            }
        }
        let date = Date(timeIntervalSince1970: TimeInterval(book.modified.secondsSinceEpoch))
        let archive = ZipArchiveWriter.assemble(compressed, modified: date)
        return EPUBPackage(slug: book.slug, entries: files, archive: archive)
    }

    /// What a chapter's entry in its book's EPUB navigation depends on.
    private struct NavigationEntryInput: Equatable, Sendable {
        /// The transformed chapter (its `.resolve` query).
        var chapter: Revision
        /// Its number in the book.
        var number: Int
    }

    /// An entry compared by its bytes.
    private struct EntryInput: Equatable, Sendable {
        var file: OutputFile

        static func == (left: EntryInput, right: EntryInput) -> Bool {
            left.file.path == right.file.path && left.file.content.sameBytes(as: right.file.content)
        }
    }

    /// Whether `book` ends with "About this series": a book of a series of two or more.
    static func hasSeriesPage(_ book: ResolvedBook, in publication: Publication) -> Bool {
        book.isInSeries && publication.books.count > 1
    }

    /// The "About this series" page (`templates/epub/series`): the series in order, as the
    /// site lists it, each book's `url` leading to its page on the published site (`base_url`;
    /// the template links books only when there is one).
    private func seriesPage(_ book: ResolvedBook, bookContext: TemplateValue, context: PageContext) -> String {
        templates.render("epub/series", ["series": context.series, "book": bookContext,
                                         "books": context.books(current: book.slug, root: publication.settings.baseURL ?? ""),
                                         "book_count": .number(publication.books.count)])
    }

    /// One chapter's XHTML page.
    private func renderChapter(_ chapter: ResolvedChapter, body: String, number: Int, bookContext: TemplateValue,
                               series: TemplateValue) -> String {
        var chapterFields: [String: TemplateValue] = [
            "number": .number(number),
            "title": .text(chapter.frontMatter.title),
            "content": .markup(body),
        ]
        chapterFields["summary"] = .optional(chapter.frontMatter.summary)
        return templates.render("epub/chapter", ["series": series, "book": bookContext, "chapter": .object(chapterFields)])
    }

    /// The manifest properties a content document needs: `svg` when it holds inline SVG,
    /// `mathml` for MathML, `scripted` for scripts.
    static func properties(of xhtml: String) -> String? {
        var math = false, script = false, svg = false
        var text = xhtml
        text.withUTF8 { bytes in
            func follows(_ word: StaticString, at index: Int) -> Bool {
                let count = word.utf8CodeUnitCount
                guard index + count <= bytes.count else { return false }
                return word.withUTF8Buffer { memcmp(bytes.baseAddress! + index, $0.baseAddress!, count) == 0 }
            }
            var from = 0
            // memchr jumps from tag to tag.
            while let index = UTF8Bytes.firstIndex(of: UInt8(ascii: "<"), in: bytes, from: from) {
                if follows("math", at: index + 1) { math = true }
                if follows("script", at: index + 1) { script = true }
                if follows("svg", at: index + 1) { svg = true }
                from = index + 1
            }
        }
        let properties = [math ? "mathml" : nil, script ? "scripted" : nil, svg ? "svg" : nil].compactMap { $0 }
        return properties.isEmpty ? nil : properties.joined(separator: " ")
    }
}

/// An entry of a book's EPUB as made, in zip order.
package enum EPUBEntry: Sendable {
    /// The entry's file, compressed when the book is packaged.
    case file(OutputFile)
    /// An entry put into the run's sink as it was made (`xhtml/<book>/<path>`), kept only
    /// compressed, for the archive.
    case streamed(CompressedEntry)

    /// Its path inside the EPUB.
    package var path: String {
        switch self {
        case .file(let file): return file.path
        case .streamed(let entry): return entry.path
        }
    }
}
