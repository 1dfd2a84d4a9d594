/// The project after the transform stage: resolved documents (anchors, link targets, image
/// files and XHTML for raw HTML), and for each book the files its chapters show (which its
/// EPUB must carry).
public struct Publication: Sendable {
    /// The series settings.
    public var settings: SeriesSettings
    /// The books, with transformed chapters.
    public var books: [ResolvedBook]
    /// For each book slug, the book files shown as images, sorted by path.
    public var imagesByBook: [String: [Asset]]

    /// A publication of `books`.
    package init(settings: SeriesSettings, books: [ResolvedBook], imagesByBook: [String: [Asset]]) {
        self.settings = settings
        self.books = books
        self.imagesByBook = imagesByBook
    }
}
