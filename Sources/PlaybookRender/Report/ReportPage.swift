import PlaybookCore
import PlaybookScenario
import PlaybookTemplates

/// A report as one self-contained, printable HTML page (`templates/report/page.mustache`):
/// the stylesheet inline, the charts inline, nothing fetched, so the file can be mailed.
package struct ReportPage {
    let series: SeriesSettings
    /// The report, as a book whose chapters are transformed.
    let book: ResolvedBook
    let scenario: Scenario
    /// The page's stylesheet.
    let stylesheet: String

    /// A page for `book`, the report of `scenario`.
    package init(series: SeriesSettings, book: ResolvedBook, scenario: Scenario, stylesheet: String) {
        self.series = series
        self.book = book
        self.scenario = scenario
        self.stylesheet = stylesheet
    }

    /// The page, given the chapters' rendered bodies, for printing on `paper`. `pageNumbers`
    /// (a chapter's page in the PDF, by its id) fills the contents' page numbers when the page
    /// is printed; the room they take is there without them, so that filling them moves nothing.
    package func render(bodies: [RenderedBody], templates: TemplateLibrary, paper: Paper = .standard,
                        pageNumbers: [String: Int] = [:]) -> String {
        let front = ReportFrontMatter(series: series, book: book, scenario: scenario)
        let chapters: [TemplateValue] = zip(book.chapters, bodies).enumerated().map { index, item in
            var fields: [String: TemplateValue] = [
                "id": .text(item.0.slug), "number": .number(index + 1), "title": .text(item.0.frontMatter.title),
                "content": .markup(item.1.html),
            ]
            fields["summary"] = .optional(item.0.frontMatter.summary)
            fields["page"] = .optional(pageNumbers[item.0.slug].map(String.init))
            return .object(fields)
        }
        // The logo is inlined: the page is mailed, and printed to PDF from another folder.
        var report = front.values(logoSource: front.logo?.dataURI)
        report["authors"] = .text(PageContext.names(book.settings.authors))
        report["stylesheet"] = .markup(Self.styleText(stylesheet))
        report["running_head"] = .markup(Self.cssString(front.client + " · " + front.title))
        report["paper"] = .text(paper.cssSize)
        // Chromium has no `string-set`, so the client's confidentiality line (printed at the foot of
        // every page after the cover) is a CSS string in the page's <style>.
        report["confidentiality_css"] = front.confidentiality.map { .markup(Self.cssString($0)) }
        report["description"] = .optional(book.settings.description)
        var seriesFields: [String: TemplateValue] = ["title": .text(series.title), "language": .text(book.settings.language ?? series.language)]
        seriesFields["rights"] = .optional(series.rights)
        seriesFields["publisher"] = .optional(series.publisher)
        return templates.render("report/page", ["series": .object(seriesFields), "report": .object(report), "chapters": .list(chapters)])
    }

    /// A stylesheet made safe inside `<style>`: no `</style` can end it early.
    static func styleText(_ css: String) -> String {
        css.replacingOccurrences(of: "</", with: "<\\/")
    }

    /// A CSS string literal of `text` (for `content:` in the print header), safe inside `<style>`.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&": out += "\\" + String(scalar.value, radix: 16, uppercase: true) + " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\" + String(scalar.value, radix: 16, uppercase: true) + " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
