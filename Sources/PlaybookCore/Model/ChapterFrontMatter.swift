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
    /// The scenario the chapter's figures come from (a file name in `content/scenarios/`
    /// without `.yaml`), and where it is written.
    public var scenario: (name: String, location: SourceLocation)?
    /// In a report template: what the scenario must have for the chapter to be in its report
    /// (`ranges`, `attribution`, `objectives`), and where the field is written.
    public var requires: (names: [String], location: SourceLocation)?

    /// Creates front matter.
    public init(title: String, order: Int, summary: String? = nil, draft: Bool = false,
                scenario: (name: String, location: SourceLocation)? = nil,
                requires: (names: [String], location: SourceLocation)? = nil) {
        self.title = title
        self.order = order
        self.summary = summary
        self.draft = draft
        self.scenario = scenario
        self.requires = requires
    }

    /// Two front matters are equal when their fields are (the scenario by name and place).
    public static func == (lhs: ChapterFrontMatter, rhs: ChapterFrontMatter) -> Bool {
        lhs.title == rhs.title && lhs.order == rhs.order && lhs.summary == rhs.summary && lhs.draft == rhs.draft
            && lhs.scenario?.name == rhs.scenario?.name && lhs.scenario?.location == rhs.scenario?.location
            && lhs.requires?.names == rhs.requires?.names && lhs.requires?.location == rhs.requires?.location
    }
}
