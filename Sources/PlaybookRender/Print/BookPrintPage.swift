import Foundation
import PlaybookCore
import PlaybookTemplates

/// A book as one self-contained HTML page for printing (`templates/print/book.mustache`): a
/// title page, a copyright page, the contents, then every chapter, each on its own named page
/// (its running head); the stylesheet inline and the images as `data:` URIs, so that Chromium
/// prints it from anywhere. The book's PDF (`build/pdf/<book>.pdf`) is this page printed.
///
/// The chapters' bodies are the site's (``RenderedBody/html``), made one page: every id of a
/// chapter gets the chapter's prefix (`pb-c3-`), so that two chapters' headings or footnotes
/// never share one; links to another chapter of the book lead inside the page, links to
/// another book to its page on the published site (`base_url`).
package struct BookPrintPage: Sendable {
    let publication: Publication
    let book: ResolvedBook
    let bodies: [RenderedBody]
    let templates: TemplateLibrary
    let stylesheet: String

    /// The print page of the `index`th book of `series`.
    package init(series: RenderedSeries, book index: Int) {
        publication = series.publication
        book = series.publication.books[index]
        bodies = series.bodies[index]
        templates = series.templates
        stylesheet = series.printStylesheet
    }

    /// The book's slug.
    package var slug: String { book.slug }

    /// The book's paper (`paper:` in its `book.yaml`).
    package var paper: Paper { book.settings.paper }

    /// The id of the `number`th chapter's section in the page: the named destination whose page
    /// the contents give.
    package static func chapterID(_ number: Int) -> String { "pb-chapter-\(number)" }

    /// The ids whose pages the contents give, in order: each chapter's, then its sections' (its
    /// `##` headings, as ids of the page).
    package var contentsIDs: [String] {
        book.chapters.enumerated().flatMap { index, chapter in
            [Self.chapterID(index + 1)] + Self.sections(of: chapter).map { PrintMarkup.prefix(index + 1) + $0.anchor }
        }
    }

    /// A chapter's sections: its `##` headings' anchors and text.
    static func sections(of chapter: ResolvedChapter) -> [(anchor: String, title: String)] {
        var sections: [(anchor: String, title: String)] = []
        chapter.document.forEachHeading { heading in
            if heading.level == 2 { sections.append((heading.anchor, ResolvedInline.plainText(heading.content))) }
        }
        return sections
    }

    /// The page. `pageNumbers` (a chapter's or a section's page in the PDF, by its id) fills the contents' page
    /// numbers; the room they take is there without them, so that filling them moves nothing.
    package func render(pageNumbers: [String: Int] = [:]) -> String {
        let settings = publication.settings
        let images = Self.dataURIs(publication.imagesByBook[book.slug] ?? [])
        let numbers = Dictionary(book.chapters.enumerated().map { ($0.element.slug, $0.offset + 1) }, uniquingKeysWith: { first, _ in first })
        let chapters: [TemplateValue] = zip(book.chapters, bodies).enumerated().map { index, item in
            let number = index + 1
            let id = Self.chapterID(number)
            let content = PrintMarkup(chapter: number, chapterNumbers: numbers, images: images, baseURL: settings.baseURL).rewrite(item.1.html)
            var fields: [String: TemplateValue] = [
                "id": .text(id), "number": .number(number), "title": .text(item.0.frontMatter.title),
                "content": .markup(content), "page_name": .text("chapter-\(number)"),
                "running_head": .markup(ReportPage.cssString("\(number). \(item.0.frontMatter.title)")),
            ]
            fields["summary"] = .optional(item.0.frontMatter.summary)
            fields["page"] = .optional(pageNumbers[id].map(String.init))
            let sections = Self.sections(of: item.0)
            fields["has_sections"] = .flag(!sections.isEmpty)
            fields["sections"] = .list(sections.map { section in
                let sectionID = PrintMarkup.prefix(number) + section.anchor
                var sectionFields: [String: TemplateValue] = ["id": .text(sectionID), "title": .text(section.title)]
                sectionFields["page"] = .optional(pageNumbers[sectionID].map(String.init))
                return .object(sectionFields)
            })
            return .object(fields)
        }
        let date = book.settings.date
        var fields: [String: TemplateValue] = [
            "title": .text(book.settings.title),
            "language": .text(book.settings.language ?? settings.language),
            "authors_text": .text(PageContext.names(book.settings.authors)),
            "date": .text(Self.written(date)), "date_iso": .text(date.dateString),
            "identifier": .text(EPUBRenderer.identifier(of: book, in: settings)),
            "stylesheet": .markup(ReportPage.styleText(stylesheet)),
            "running_head": .markup(ReportPage.cssString(book.settings.title)),
            "paper": .text(paper.cssSize),
        ]
        fields["subtitle"] = .optional(book.settings.subtitle)
        fields["description"] = .optional(book.settings.description)
        fields["label"] = .optional(Self.label(book, in: publication))
        fields["edition"] = .optional(book.settings.modified.dateString == date.dateString ? nil : Self.written(book.settings.modified))
        var seriesFields: [String: TemplateValue] = ["title": .text(settings.title), "language": .text(settings.language)]
        seriesFields["rights"] = .optional(settings.rights)
        seriesFields["publisher"] = .optional(settings.publisher)
        seriesFields["base_url"] = .optional(settings.baseURL)
        return templates.render("print/book", ["series": .object(seriesFields), "book": .object(fields), "chapters": .list(chapters)])
    }

    /// "Book 2 of 3" in a series of two or more, "Book 1" alone; `nil` for a book outside the series.
    static func label(_ book: ResolvedBook, in publication: Publication) -> String? {
        guard book.isInSeries else { return nil }
        let count = publication.books.count
        return count > 1 ? "Book \(book.position) of \(count)" : nil
    }

    /// "2 November 2026".
    static func written(_ date: Timestamp) -> String {
        let components = date.components
        return "\(components.day) \(ReportFrontMatter.months[max(0, min(11, components.month - 1))]) \(components.year)"
    }

    /// Each image's `data:` URI, by the `src` the site's markup gives it.
    private static func dataURIs(_ images: [Asset]) -> [String: String] {
        var uris: [String: String] = [:]
        for image in images {
            let src = XMLEscaping.attribute(URLPath.encode(image.path))
            uris[src] = "data:\(EPUBPaths.mediaType(of: image.path));base64," + Data(image.bytes).base64EncodedString()
        }
        return uris
    }
}
