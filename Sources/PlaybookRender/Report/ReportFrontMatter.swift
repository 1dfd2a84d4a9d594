import PlaybookCore
import PlaybookScenario

/// What a client report's cover and closing lines say, the same in its page and its EPUB's
/// title page: the client, title and subtitle, "Prepared for …", "Prepared by …", version,
/// date, confidentiality line, logo and accent colour (``ReportBranding``, from the scenario's
/// `report:` or the file beside it). Nothing here names the tool or a file.
package struct ReportFrontMatter: Sendable {
    /// The client's name.
    package var client: String
    /// The report's title.
    package var title: String
    /// The report template's subtitle, if it has one.
    package var subtitle: String?
    /// "Prepared for …" (the branding's `prepared_for`), if set.
    package var preparedFor: String?
    /// "Prepared by …": the branding's `prepared_by`, else the report's authors and the
    /// series' publisher.
    package var preparedBy: String
    /// The report's version (the branding's `version`), if set.
    package var version: String?
    /// The confidentiality line (the branding's `confidentiality`), if set.
    package var confidentiality: String?
    /// The date, written out ("2 November 2026").
    package var date: String
    /// The date as `YYYY-MM-DD`, for `<time datetime>`.
    package var dateISO: String
    /// The logo (the branding's `logo`), if set.
    package var logo: ReportLogo?
    /// The accent colour (the branding's `accent`), if set.
    package var accent: AccentColour?

    /// The front matter of the report `book` of `scenario` in `series`.
    package init(series: SeriesSettings, book: ResolvedBook, scenario: Scenario) {
        let branding = scenario.spec.branding ?? ReportBranding()
        client = scenario.spec.client
        title = book.settings.title
        subtitle = book.settings.subtitle
        preparedFor = branding.preparedFor
        let authors = PageContext.names(book.settings.authors)
        preparedBy = branding.preparedBy ?? (series.publisher.map { authors.isEmpty ? $0 : "\(authors), \($0)" } ?? authors)
        version = branding.version
        confidentiality = branding.confidentiality
        let components = book.settings.date.components
        date = "\(components.day) \(Self.months[max(0, min(11, components.month - 1))]) \(components.year)"
        dateISO = book.settings.date.dateString
        logo = branding.logo
        accent = branding.accent
    }

    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    /// The logo's text alternative: the logo is the client's brand.
    package var logoAlt: String { "\(client) logo" }

    /// The values templates read (`report/page`'s `report`, `epub/title-page`'s `front`);
    /// `logoSource` is where the page finds the logo (a `data:` URI, or a file in the EPUB).
    package func values(logoSource: String?) -> [String: TemplateValue] {
        var values: [String: TemplateValue] = [
            "client": .text(client), "title": .text(title), "prepared_by": .text(preparedBy),
            "date": .text(date), "date_iso": .text(dateISO),
        ]
        values["subtitle"] = .optional(subtitle)
        values["prepared_for"] = .optional(preparedFor)
        values["version"] = .optional(version)
        values["confidentiality"] = .optional(confidentiality)
        if let logoSource { values["logo"] = ["src": .text(logoSource), "alt": .text(logoAlt)] }
        if let accent { values["accent"] = ["colour": .text(accent.hex), "text": .text(accent.textHex)] }
        return values
    }
}
