/// The YAML front matter of a chapter.
public struct ChapterFrontMatter: Sendable, Equatable {
    /// The chapter title, shown as its first heading, in contents and in the browser tab.
    public var title: String
    /// Where the chapter goes in its book; chapters are sorted by it and no two may share it.
    public var order: Int
    /// A one-sentence summary, shown in the book's contents.
    public var summary: String?
    /// Drafts are left out of builds unless `--drafts` is given.
    public var draft: Bool

    /// Creates front matter.
    public init(title: String, order: Int, summary: String? = nil, draft: Bool = false) {
        self.title = title
        self.order = order
        self.summary = summary
        self.draft = draft
    }
}
