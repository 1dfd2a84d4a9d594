import PlaybookCore

/// The first transform of a chapter: its ```` ```playbook ```` fences become computed blocks
/// and its `{{ value }}` tags become figures, from the chapter's scenario or the ones named.
enum ComputedContentPass {
    /// The chapter with computed content in place (in its title and summary too), and what
    /// went wrong.
    static func run(_ chapter: Chapter, context: ScenarioContext) -> (Chapter, [Diagnostic]) {
        let text = chapter.source.text
        // Most chapters of a book have neither; they pay for three searches only.
        guard text.contains("```playbook") || text.contains("~~~playbook") || text.contains("{{") else {
            return (chapter, [])
        }
        var result = chapter
        let scenario = chapter.frontMatter.scenario?.name
        var blocks = ComputedBlocks(context: context, chapterScenario: scenario, file: chapter.source)
        let withBlocks = blocks.replace(in: chapter.document)
        var values = InlineValues(context: context, chapterScenario: scenario, file: chapter.source)
        result.frontMatter.title = values.replace(in: chapter.frontMatter.title)
        result.frontMatter.summary = chapter.frontMatter.summary.map { values.replace(in: $0) }
        result.document = values.replace(in: withBlocks)
        return (result, blocks.diagnostics + values.diagnostics)
    }
}
