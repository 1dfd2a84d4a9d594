import Foundation
import PlaybookCore

/// What every import is told: where the source is, how to show it, and the book's settings
/// the command line gives.
package struct ImportOptions: Sendable {
    /// The source: an mdBook folder, a Markdown folder or a `.docx` file.
    package var source: URL
    /// How the source is shown in diagnostics and the report (as typed on the command line).
    package var label: String
    /// The book's folder name (`--book`), or `nil` to derive it from the title.
    package var book: String?
    /// `--site-root`: where the source book is published, for links that leave it.
    package var siteRoot: String?
    /// The book's date in `book.yaml`.
    package var date: Timestamp

    /// Creates the options.
    package init(source: URL, label: String, book: String?, siteRoot: String?, date: Timestamp) {
        self.source = source
        self.label = label.hasSuffix("/") && label.count > 1 ? String(label.dropLast()) : label
        self.book = book
        self.siteRoot = siteRoot
        self.date = date
    }

    /// `--book`, else a name from `title`.
    func slug(for title: String) -> String {
        book ?? ChapterNames.bookSlug(title)
    }

    /// Whether `tag` is a language tag of the form Playbook accepts (`en`, `en-GB`).
    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
