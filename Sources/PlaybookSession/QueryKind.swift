/// The kinds of work a build runs as queries (``Memo``), each for a subject.
public enum QueryKind: String, Sendable, CaseIterable {
    /// Read and parse a chapter file (subject: its path).
    case chapter
    /// Load a scenario and its data files (subject: its path).
    case scenario
    /// Compile the templates and read the stylesheets.
    case presentation
    /// A chapter's computed content, raw HTML and anchors (subject: the chapter's path).
    case prepare
    /// The index of everything a link can point at.
    case index
    /// A chapter's links and images (subject: the chapter's path).
    case resolve
    /// A chapter's body rendered for both outputs (subject: the chapter's path).
    case body
    /// The navigation every page shows (no subject), or a chapter's entry in its book's EPUB
    /// navigation (subject: the chapter's path).
    case navigation
    /// The values templates see.
    case pageContext = "page-context"
    /// A chapter's site page (subject: the chapter's path).
    case page
    /// A chapter's EPUB page (subject: the chapter's path).
    case xhtml
    /// A chapter's part of the search index (subject: the chapter's path).
    case search
    /// A page listing books or chapters (subject: `<kind>:<name>`).
    case listing
    /// One compressed EPUB entry (subject: `<book>/<entry path>`).
    case zip
    /// Every client report.
    case reports
}

/// A query: what work, for what.
package struct QueryKey: Hashable, Sendable {
    var kind: QueryKind
    var subject: String
}
