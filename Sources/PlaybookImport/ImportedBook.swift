import PlaybookCore

/// What an import made, before anything is written: the book's settings, its chapters, the
/// files they use, and everything that could not be carried over.
package struct ImportedBook: Sendable {
    /// The book's folder name under `content/`.
    package var slug: String
    /// The title, subtitle-less, for `book.yaml`.
    package var title: String
    /// The authors, if the source names any.
    package var authors: [String]
    /// The description, if any.
    package var description: String?
    /// The language tag, if any.
    package var language: String?
    /// The chapters in order.
    package var chapters: [ImportedChapter]
    /// Other files the chapters use, by path relative to the book folder.
    package var files: [ImportedFile]
    /// What could not be carried over, each at its place in the source.
    package var diagnostics: [Diagnostic]
    /// What the import did, one line each, for the report (counts, decisions).
    package var notes: [String]
    /// What the import did, counted.
    var counts = ImportCounts()
}

/// One chapter written by an import.
package struct ImportedChapter: Sendable, Equatable {
    /// The file name in the book folder (`03-configuration.md`).
    package var fileName: String
    /// The front matter title.
    package var title: String
    /// The front matter order.
    package var order: Int
    /// Whether the chapter is a draft (mdBook's `[Title]()`).
    package var draft: Bool
    /// The Markdown body.
    package var body: String
    /// Where it came from, for the report (`src/format/config.md`), or `nil` for a draft.
    package var source: String?

    /// The whole file: front matter, then the body.
    package var text: String {
        var text = "---\ntitle: \(YAMLText.quoted(title))\norder: \(order)\n"
        if draft { text += "draft: true\n" }
        text += "---\n"
        let trimmed = body.drop { $0 == "\n" }
        if !trimmed.isEmpty { text += "\n" + trimmed }
        if !text.hasSuffix("\n") { text += "\n" }
        return text
    }
}

/// A file copied into the book folder.
package struct ImportedFile: Sendable, Equatable {
    /// The path relative to the book folder.
    package var path: String
    /// The bytes.
    package var bytes: [UInt8]
}

/// Text for YAML written by an import.
enum YAMLText {
    /// `text` as a double-quoted YAML scalar (JSON's escaping is valid YAML).
    static func quoted(_ text: String) -> String {
        JSONEscaping.quoted(text)
    }
}
