import PlaybookCore
import PlaybookYAML

/// Reads `playbook.yaml` into ``SeriesSettings``.
///
/// ```yaml
/// title: The Social Business Playbook
/// authors: [Dana Whitfield, Omar Haddad]
/// language: en
/// locale: en-US
/// currency: USD
/// base_url: https://playbook.example.com/
/// books: [foundations, customer-service]
/// ```
package enum SeriesSettingsLoader {
    /// The folder names under `content/` that hold other things than books.
    static let reservedFolders = ["reports", "scenarios"]

    /// Reads the settings; `nil` only when the file is not YAML. A missing field is an error,
    /// and the settings come back with a placeholder so that loading can go on.
    package static func load(_ file: SourceFile) -> (SeriesSettings?, [Diagnostic]) {
        let node: YAMLNode?
        switch YAMLParser.parse(file.text, in: file) {
        case .success(let root): node = root
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var reader = YAMLMappingReader(node, file: file, what: "playbook.yaml")
        let title = reader.string("title", required: true)
        let subtitle = reader.string("subtitle")
        let authors = reader.strings("authors", required: true)
        let language = reader.string("language", required: true)
        let locale = reader.string("locale")
        let currency = reader.string("currency")
        let baseURL = reader.string("base_url")
        let description = reader.string("description")
        let publisher = reader.string("publisher")
        let rights = reader.string("rights")
        let smart = reader.bool("smart_punctuation")
        let bookEntries = reader.strings("books", required: true)
        let reportEntries = reader.strings("reports")
        let reportTemplate = reader.string("report_template")
        reader.finish()

        if let language, !LanguageTag.isValid(language) {
            reader.invalid("language", "'\(language)' is not a language tag", hint: "use a BCP 47 tag such as en, en-GB or de")
        }
        if let locale, !LanguageTag.isValid(locale) {
            reader.invalid("locale", "'\(locale)' is not a locale", hint: "use a tag such as en-US, en-GB or fr-FR")
        }
        if let currency, !(currency.count == 3 && currency.allSatisfy({ $0.isASCII && $0.isUppercase })) {
            reader.invalid("currency", "'\(currency)' is not an ISO 4217 currency code", hint: "use three capital letters such as USD, EUR or GBP")
        }
        var normalizedURL = baseURL
        if let baseURL {
            if !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) || baseURL.contains(" ") {
                reader.invalid("base_url", "'\(baseURL)' is not a web address",
                               hint: "write the address where the site is published, such as https://playbook.example.com/")
            } else if !baseURL.hasSuffix("/") {
                normalizedURL = baseURL + "/"
            }
        }
        var books: [BookReference] = []
        var seenBooks: [String: SourceLocation] = [:]
        for (slug, location) in bookEntries ?? [] {
            if let first = seenBooks[slug] {
                reader.report(.error(.duplicateBook, "the book '\(slug)' is listed twice", at: location,
                                     notes: [.init("first listed here", at: first)]))
                continue
            }
            seenBooks[slug] = location
            if reservedFolders.contains(slug) {
                reader.report(.error(.reservedBookName, "'\(slug)' cannot be a book: content/\(slug)/ holds \(slug == "reports" ? "report templates" : "client scenarios")",
                                     at: location, hint: "rename the book's folder"))
                continue
            }
            if !Slug.isValidFileName(slug) {
                reader.report(.error(.invalidBookName, "'\(slug)' is not a usable folder name for a book", at: location,
                                     hint: "book folders become parts of web addresses: use letters, digits, '-' and '_'"))
                continue
            }
            books.append(BookReference(slug: slug, location: location))
        }
        var reports: [BookReference] = []
        for (name, location) in reportEntries ?? [] {
            if let first = reports.first(where: { $0.slug == name }) {
                reader.report(.error(.duplicateReport, "the report of '\(name)' is listed twice", at: location,
                                     notes: [.init("first listed here", at: first.location)]))
            } else if !Slug.isValidFileName(name) {
                reader.report(.error(.invalidReportName, "'\(name)' is not a scenario name", at: location,
                                     hint: "list scenarios by their file name in content/scenarios/ without .yaml, such as kestrel-mobile"))
            } else {
                reports.append(BookReference(slug: name, location: location))
            }
        }
        if let reportTemplate, !Slug.isValidFileName(reportTemplate) {
            reader.invalid("report_template", "'\(reportTemplate)' is not a folder name in content/reports/")
        }
        // Missing required fields are errors already; placeholders let the books load too, so
        // that one run reports their mistakes as well.
        let diagnostics = reader.diagnostics
        let languageTag = language ?? "en"
        let settings = SeriesSettings(
            title: title ?? "", subtitle: subtitle, authors: authors?.map(\.0) ?? [], language: languageTag,
            locale: locale ?? languageTag,
            currency: currency ?? "USD", baseURL: normalizedURL, description: description, publisher: publisher,
            rights: rights, smartPunctuation: smart ?? true, books: books)
        var result = settings
        result.reports = reports
        if let reportTemplate, Slug.isValidFileName(reportTemplate) { result.reportTemplate = reportTemplate }
        return (result, diagnostics)
    }
}

/// Checks BCP 47 language tags in the simple form Playbook accepts: a 2–3 letter language,
/// then subtags of 2–8 letters or digits (`en`, `en-GB`, `zh-Hant-TW`).
enum LanguageTag {
    /// Whether `tag` has that form.
    static func isValid(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
