import PlaybookCore

/// What the renderers read from a chapter's document besides its body, taken from it when the
/// body is rendered: a build without a session that prints no PDF then frees each document
/// at once instead of holding every chapter's to the end of the render stage (``RenderStage``).
struct ChapterOutline: Sendable {
    /// The site page's "On this page" (``SiteRenderer/toc(of:)``).
    var toc: [TemplateValue]
    /// Its entry in its book's `nav.xhtml` (``NavigationDocuments/entry(_:number:)``).
    var navigation: String
    /// What it adds to its book's accessibility summary.
    var counts: AccessibilityMetadata.Counts
    /// Its part of the site's search index (``SearchIndex/entries(_:book:)``).
    var search: String

    /// The outline of `chapter`, number `number` of `book`.
    init(_ chapter: ResolvedChapter, number: Int, book: ResolvedBook) {
        toc = SiteRenderer.toc(of: chapter)
        navigation = NavigationDocuments.entry(chapter, number: number)
        counts = AccessibilityMetadata.Counts(chapter)
        search = SearchIndex.entries(chapter, book: book)
    }
}
