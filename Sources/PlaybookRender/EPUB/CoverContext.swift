import PlaybookCore
import PlaybookTemplates

/// The values of the drawn cover (`templates/epub/cover-image.mustache`): the title and
/// subtitle broken into lines that fit the 600-unit-wide cover, with their positions.
struct CoverContext {
    let publication: Publication
    let book: ResolvedBook

    var value: TemplateValue {
        let titleLines = Self.wrap(book.settings.title, width: 17)
        var y = 230
        var titleValues: [TemplateValue] = []
        for line in titleLines {
            titleValues.append(["text": .text(line), "y": .number(y)])
            y += 66
        }
        var subtitleValues: [TemplateValue] = []
        if let subtitle = book.settings.subtitle {
            y += 20
            for line in Self.wrap(subtitle, width: 34).prefix(6) {
                subtitleValues.append(["text": .text(line), "y": .number(y)])
                y += 36
            }
        }
        return [
            "cover": [
                "alt": .text(alt),
                "title_lines": .list(titleValues),
                "subtitle_lines": .list(subtitleValues),
                "authors": .text(PageContext.names(book.settings.authors)),
                "position": .number(book.position),
                "label": .text(label),
                "accent": .text(book.isInSeries ? Self.accents[(book.position - 1) % Self.accents.count] : "#f2b134"),
                "series_upper": .text(publication.settings.title.uppercased()),
            ],
        ]
    }

    /// "BOOK 2 OF 3", "BOOK 1" in a series of one, or "CLIENT REPORT".
    var label: String {
        guard book.isInSeries else { return "CLIENT REPORT" }
        let count = publication.books.count
        return count > 1 ? "BOOK \(book.position) OF \(count)" : "BOOK \(book.position)"
    }

    /// The accent colour of each book's cover, by position in the series, so that the books
    /// of a series look related but tell apart at a glance.
    static let accents = ["#f2b134", "#5cc3b5", "#ef8a6f", "#a7c957", "#b39ddb", "#7fb2f0"]

    /// The cover's text alternative: what it says.
    var alt: String {
        "Cover of \(book.settings.title)" + (book.settings.subtitle.map { ": \($0)" } ?? "")
            + (book.isInSeries ? ", book \(book.position) of \(publication.settings.title)" : ", a client report")
            + ", by \(PageContext.names(book.settings.authors))"
    }

    /// Breaks text into lines of at most `width` characters at spaces (a longer word gets a line of its own).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
