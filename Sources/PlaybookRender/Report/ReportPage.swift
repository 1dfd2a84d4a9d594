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
    /// The confidentiality line printed at the foot of every page after the cover, if any.
    let confidentiality: String?

    /// A page for `book`, the report of `scenario`.
    package init(series: SeriesSettings, book: ResolvedBook, scenario: Scenario, stylesheet: String, confidentiality: String? = nil) {
        self.series = series
        self.book = book
        self.scenario = scenario
        self.stylesheet = stylesheet
        self.confidentiality = confidentiality
    }

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    /// The page, given the chapters' rendered bodies, for printing on `paper`. `pageNumbers`
    /// (a chapter's page in the PDF, by its id) fills the contents' page numbers when the page
    /// is printed; the room they take is there without them, so that filling them moves nothing.
    package func render(bodies: [RenderedBody], templates: TemplateLibrary, paper: Paper = .standard,
                        pageNumbers: [String: Int] = [:]) -> String {
        let date = book.settings.date.components
        let chapters: [TemplateValue] = zip(book.chapters, bodies).enumerated().map { index, item in
            var fields: [String: TemplateValue] = [
                "id": .text(item.0.slug), "number": .number(index + 1), "title": .text(item.0.frontMatter.title),
                "content": .markup(item.1.html),
            ]
            fields["summary"] = .optional(item.0.frontMatter.summary)
            fields["page"] = .optional(pageNumbers[item.0.slug].map(String.init))
            return .object(fields)
        }
        var report: [String: TemplateValue] = [
            "title": .text(book.settings.title),
            "client": .text(scenario.spec.client),
            "authors": .text(PageContext.names(book.settings.authors)),
            "date": .text("\(date.day) \(Self.months[max(0, min(11, date.month - 1))]) \(date.year)"),
            "date_iso": .text(book.settings.date.dateString),
            "stylesheet": .markup(Self.styleText(stylesheet)),
            "running_head": .markup(Self.cssString(scenario.spec.client + " · " + book.settings.title)),
            "scenario": .text(scenario.spec.slug),
            "paper": .text(paper.cssSize),
        ]
        report["subtitle"] = .optional(book.settings.subtitle)
        // Chromium has no `string-set`, so the print footer's text is a CSS string in the page's <style>.
        report["confidentiality_css"] = confidentiality.map { .markup(Self.cssString($0)) }
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
