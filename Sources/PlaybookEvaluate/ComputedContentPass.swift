import PlaybookCore

/// The first transform of a chapter: its ```` ```playbook ```` fences become computed blocks
/// and its `{{ value }}` tags become figures, from the chapter's scenario or the ones named.
package enum ComputedContentPass {
    /// The chapter with computed content in place (in its title and summary too), and what
    /// went wrong.
    package static func run(_ chapter: Chapter, context: ScenarioContext) -> (Chapter, [Diagnostic]) {
        // Most chapters of a book have neither; they pay for one pass over their bytes.
        guard mayHaveComputedContent(chapter.source.text) else { return (chapter, []) }
        var result = chapter
        let scenario = chapter.frontMatter.scenario?.name
        // Block conditions first: the blocks and tags of a branch left out are not evaluated.
        var conditions = BlockConditionPass(context: context, chapterScenario: scenario, file: chapter.source)
        let decided = conditions.decide(in: chapter.document)
        var blocks = ComputedBlocks(context: context, chapterScenario: scenario, file: chapter.source)
        let withBlocks = blocks.replace(in: decided)
        var values = InlineValues(context: context, chapterScenario: scenario, file: chapter.source, skippedLines: conditions.droppedLines)
        result.frontMatter.title = values.replace(in: chapter.frontMatter.title)
        result.frontMatter.summary = chapter.frontMatter.summary.map { values.replace(in: $0) }
        result.document = values.replace(in: withBlocks)
        return (result, conditions.diagnostics + blocks.diagnostics + values.diagnostics)
    }

    /// Whether `text` has a `{{`, a `:::` at the start of a line (a block condition), or
    /// `playbook` right after a fence's backticks or tildes (spaces between allowed), as every
    /// computed fence has.
    static func mayHaveComputedContent(_ text: String) -> Bool {
        let needle = Array("playbook".utf8)
        // Three memchr-driven scans, each jumping from one candidate byte to the next.
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var from = 0
            while let index = UTF8Bytes.firstIndex(of: UInt8(ascii: "{"), in: bytes, from: from) {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") { return true }
                from = index + 1
            }
            from = 0
            while let index = UTF8Bytes.firstIndex(of: UInt8(ascii: ":"), in: bytes, from: from) {
                if index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: ":"), bytes[index + 2] == UInt8(ascii: ":"),
                   index == 0 || bytes[index - 1] == UInt8(ascii: "\n") { return true }
                from = index + 1
            }
            from = 1
            while let index = UTF8Bytes.firstIndex(of: UInt8(ascii: "p"), in: bytes, from: from) {
                if index + needle.count <= bytes.count, needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) {
                    var before = index - 1
                    while before > 0, bytes[before] == UInt8(ascii: " ") { before -= 1 }
                    if bytes[before] == UInt8(ascii: "`") || bytes[before] == UInt8(ascii: "~") { return true }
                }
                from = index + 1
            }
            return false
        }
        return UTF8Bytes.with(text, scan)
    }
}
