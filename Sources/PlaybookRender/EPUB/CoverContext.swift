import PlaybookCore
import PlaybookTemplates

/// The values of the drawn cover (`templates/epub/cover-image.mustache`, 600 × 900): the
/// title, subtitle, series name and authors broken into lines measured to stay inside the
/// cover's margins (``margin`` on both sides; a word too long for a line makes its text
/// smaller), with their positions and sizes, and the book's motif — a geometric pattern of
/// its own, by its position in the series, placed from its title, so that the books of a
/// series tell apart at a glance beyond their accent colour.
struct CoverContext {
    let publication: Publication
    let book: ResolvedBook

    /// The cover's width, and the room kept free on its left and right.
    static let width = 600.0, margin = 48.0
    /// The width a line of text may take.
    static var measure: Double { width - 2 * margin }

    var value: TemplateValue {
        let title = Self.lines(book.settings.title, size: 56, minimum: 34, face: .serifBold, maxLines: 4)
        var y = 230
        var titleValues: [TemplateValue] = []
        let titleStep = Int((title.size * 1.18).rounded())
        for line in title.lines {
            titleValues.append(["text": .text(line), "y": .number(y)])
            y += titleStep
        }
        y += 66 - titleStep
        var subtitleValues: [TemplateValue] = []
        var subtitleSize = 26
        if let subtitle = book.settings.subtitle {
            y += 20
            let fitted = Self.lines(subtitle, size: 26, minimum: 18, face: .sans, maxLines: 6)
            subtitleSize = Int(fitted.size)
            for line in fitted.lines.prefix(6) {
                subtitleValues.append(["text": .text(line), "y": .number(y)])
                y += Int((fitted.size * 1.38).rounded())
            }
        }
        let series = publication.settings.title.uppercased()
        let authors = PageContext.names(book.settings.authors)
        // The series' name is spaced out: its spacing shrinks with its size.
        let seriesSize = Self.fittingSize(series, size: 22, minimum: 10, face: .sans, spacing: 3 / 22)
        return [
            "cover": [
                "alt": .text(alt),
                "title_lines": .list(titleValues),
                "title_size": .number(Int(title.size)),
                "subtitle_lines": .list(subtitleValues),
                "subtitle_size": .number(subtitleSize),
                "authors": .text(authors),
                "authors_size": .number(Int(Self.fittingSize(authors, size: 26, minimum: 14, face: .sans))),
                "position": .number(book.position),
                "label": .text(label),
                "accent": .text(accent),
                "series_upper": .text(series),
                "series_size": .number(Int(seriesSize)),
                "series_spacing": .text(Self.decimal(seriesSize * 3 / 22)),
                "motif": .markup(CoverMotif(kind: book.isInSeries ? book.position - 1 : -1, seed: CoverMotif.seed(book.settings.title),
                                            colour: accent).svg),
            ],
        ]
    }

    /// The accent colour: the book's position's, or amber on a client report's cover.
    var accent: String {
        book.isInSeries ? Self.accents[(book.position - 1) % Self.accents.count] : "#f2b134"
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

    /// `text` broken into lines no wider than ``measure`` at the largest size from `size` down to
    /// `minimum` (in steps of 2) at which every word fits a line and there are at most
    /// `maxLines`; at `minimum`, what it gives.
    static func lines(_ text: String, size: Double, minimum: Double, face: CoverTextWidth.Face, maxLines: Int) -> (lines: [String], size: Double) {
        var current = size
        while current > minimum {
            let lines = wrap(text, width: measure, size: current, face: face)
            let fits = lines.allSatisfy { CoverTextWidth.width($0, size: current, face: face) <= measure }
            if fits, lines.count <= maxLines { return (lines, current) }
            current -= 2
        }
        return (wrap(text, width: measure, size: minimum, face: face), minimum)
    }

    /// The largest size from `size` down to `minimum` at which `text` fits one line of ``measure``,
    /// with `spacing` (a fraction of the size) after each character.
    static func fittingSize(_ text: String, size: Double, minimum: Double, face: CoverTextWidth.Face, spacing: Double = 0) -> Double {
        var current = size
        while current > minimum, CoverTextWidth.width(text, size: current, face: face, spacing: spacing * current) > measure { current -= 1 }
        return current
    }

    /// A number with at most two decimals, for an SVG attribute ("3", "2.73").
    static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100, rest = hundredths % 100
        return rest == 0 ? "\(whole)" : rest % 10 == 0 ? "\(whole).\(rest / 10)" : "\(whole).\(rest < 10 ? "0" : "")\(rest)"
    }

    /// Breaks text into lines no wider than `width` at `size` at spaces (a longer word gets a line of its own).
    static func wrap(_ text: String, width: Double, size: Double, face: CoverTextWidth.Face) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if current.isEmpty || CoverTextWidth.width(candidate, size: size, face: face) <= width {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
