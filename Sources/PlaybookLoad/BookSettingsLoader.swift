import PlaybookCore
import PlaybookYAML

/// Reads `content/<book>/book.yaml` into ``BookSettings``.
///
/// ```yaml
/// title: Foundations
/// subtitle: Objectives, strategy and the numbers that prove them
/// date: 2026-11-02
/// description: Why social media programmes need a business case.
/// ```
enum BookSettingsLoader {
    /// Reads the settings (with `paper: a4 | letter`, the paper of the book's PDF); `nil` when a required field is missing or wrong. Books without
    /// authors take the series authors. A report template's `report.yaml` (``loadReport(_:seriesAuthors:)``) has no
    /// date of its own: each report is dated by its client (the scenario's `date:`, else
    /// `SOURCE_DATE_EPOCH`, else the day it is made), so a `date:` there is ignored with a
    /// warning, and the settings carry a placeholder date that binding replaces.
    static func load(_ file: SourceFile, seriesAuthors: [String]) -> (BookSettings?, [Diagnostic]) {
        let (settings, _, diagnostics) = read(file, seriesAuthors: seriesAuthors, isReport: false)
        return (settings, diagnostics)
    }

    /// Reads a report template's `report.yaml`: a book's fields and `paper: a4 | letter`
    /// (``Paper/standard`` when not given or wrong), without a date of its own.
    static func loadReport(_ file: SourceFile, seriesAuthors: [String]) -> (BookSettings?, Paper, [Diagnostic]) {
        read(file, seriesAuthors: seriesAuthors, isReport: true)
    }

    private static func read(_ file: SourceFile, seriesAuthors: [String], isReport: Bool) -> (BookSettings?, Paper, [Diagnostic]) {
        let node: YAMLNode?
        switch YAMLParser.parse(file.text, in: file) {
        case .success(let root): node = root
        case .failure(let diagnostic): return (nil, .standard, [diagnostic])
        }
        // The same fields serve a report template's report.yaml; messages name the file read.
        let fileName = file.path.split(separator: "/").last.map(String.init) ?? "book.yaml"
        var reader = YAMLMappingReader(node, file: file, what: fileName)
        let title = reader.string("title", required: true)
        let subtitle = reader.string("subtitle")
        let authors = reader.strings("authors")
        let description = reader.string("description")
        var reportDateWarning: Diagnostic?
        let date: Timestamp?
        if isReport {
            if let pair = reader.pair("date") {
                reportDateWarning = .warning(.unknownKey, "'date' in \(fileName) is not used: each report is dated by its client's scenario",
                                             at: pair.key.location(in: file),
                                             hint: "remove it; a report's date is its scenario's 'date:', else SOURCE_DATE_EPOCH, else the day it is made")
            }
            date = Timestamp(secondsSinceEpoch: 0)
        } else {
            date = reader.timestamp("date", required: true)
        }
        let modified = reader.timestamp("modified")
        let identifier = reader.string("identifier")
        let cover = reader.string("cover")
        let language = reader.string("language")
        let paperName = reader.string("paper")
        reader.finish()
        var paper = Paper.standard
        if let paperName {
            if let named = Paper(rawValue: paperName.lowercased()) {
                paper = named
            } else {
                reader.invalid("paper", "'\(paperName)' is not a paper size", hint: "use a4 or letter")
            }
        }
        if let language, !LanguageTag.isValid(language) {
            reader.invalid("language", "'\(language)' is not a language tag", hint: "use a BCP 47 tag such as en, en-GB or de")
        }
        if let identifier, identifier.contains(where: { $0 == " " || $0 == "<" || $0 == "&" }) {
            reader.invalid("identifier", "'\(identifier)' is not usable as an identifier",
                           hint: "use a URN such as urn:isbn:9781234567897 or urn:uuid:…, or leave it out to get a stable one")
        }
        if let date, let modified, modified < date {
            reader.invalid("modified", "'modified' (\(modified.dateString)) is before 'date' (\(date.dateString))")
        }
        let diagnostics = reader.diagnostics + (reportDateWarning.map { [$0] } ?? [])
        guard let title, let date else { return (nil, paper, diagnostics) }
        let settings = BookSettings(
            title: title, subtitle: subtitle, authors: authors?.map(\.0) ?? seriesAuthors, description: description,
            date: date, modified: modified, identifier: identifier, cover: cover, language: language, paper: paper)
        return (settings, paper, diagnostics)
    }
}
