import PlaybookCore

/// What links can point at: every book, its chapters with their anchors, and its files.
struct ProjectIndex: Sendable, Equatable {
    struct BookEntry: Sendable, Equatable {
        /// Anchors of each chapter, by chapter slug.
        var chapters: [String: Set<String>]
        /// Slugs of draft chapters left out of this build.
        var drafts: Set<String>
        /// Paths of the book's files, relative to the book folder.
        var assets: Set<String>
        /// The numbers of the book's tables and figures, and what each label names.
        var numbers = BookNumbers()
    }

    /// Books by slug.
    var books: [String: BookEntry]
    /// The site's address, for links that leave an EPUB.
    var baseURL: String?
}
