import PlaybookCore
import PlaybookYAML

/// Splits a chapter file into its YAML front matter and its Markdown body, and reads the
/// front matter into ``ChapterFrontMatter``.
///
/// ```markdown
/// ---
/// title: Setting objectives
/// order: 1
/// summary: From business goals to social objectives.
/// ---
/// Body text…
/// ```
enum FrontMatter {
    /// What a report chapter can require of its scenario (`requires:`): an input with a range,
    /// conversion paths, objectives.
    static let requirements = ["ranges", "attribution", "objectives"]

    /// The pieces of a chapter file.
    struct Split {
        /// The YAML between the fences.
        var yaml: String
        /// The Markdown after the closing fence.
        var body: String
        /// The line (1-based) where the body starts.
        var bodyLine: Int
    }

    /// Splits the file, or reports a missing or unclosed front matter block.
    static func split(_ file: SourceFile) -> Result<Split, Diagnostic> {
        let text = file.text
        // "\r\n" is one Character in Swift, so a CRLF line ending is matched as a whole.
        let isLineEnd: (Character) -> Bool = { $0 == "\n" || $0 == "\r\n" }
        var lines = text.split(maxSplits: 1, omittingEmptySubsequences: false, whereSeparator: isLineEnd)
        guard let first = lines.first, first.trimmingTrailingCR() == "---" else {
            return .failure(.error(.missingFrontMatter, "the chapter has no front matter",
                                   at: file.location(line: 1, column: 1, length: max(file.line(1).utf8.count, 1)),
                                   hint: "start the file with a block such as:\n---\ntitle: Chapter title\norder: 1\n---"))
        }
        var rest = lines.count > 1 ? lines[1] : ""
        var yaml = ""
        var line = 2
        while true {
            lines = rest.split(maxSplits: 1, omittingEmptySubsequences: false, whereSeparator: isLineEnd)
            guard let current = lines.first, !(lines.count == 1 && current.isEmpty && rest.isEmpty) else { break }
            let trimmed = current.trimmingTrailingCR()
            if trimmed == "---" || trimmed == "..." {
                let body = lines.count > 1 ? String(lines[1]) : ""
                return .success(Split(yaml: yaml, body: body, bodyLine: line + 1))
            }
            yaml += current + "\n"
            line += 1
            if lines.count == 1 { break }
            rest = lines[1]
        }
        return .failure(.error(.unclosedFrontMatter, "the front matter is not closed",
                               at: file.location(line: 1, column: 1, length: 3),
                               hint: "add a line '---' after the last front matter field"))
    }

    /// Reads the front matter fields; `nil` when a required one is missing or wrong.
    static func load(_ split: Split, file: SourceFile) -> (ChapterFrontMatter?, [Diagnostic]) {
        let node: YAMLNode?
        switch YAMLParser.parse(split.yaml, in: file, firstLine: 2) {
        case .success(let root): node = root
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var reader = YAMLMappingReader(node, file: file, what: "the front matter",
                                    missingAt: file.location(line: 1, column: 1, length: 3))
        let title = reader.string("title", required: true)
        let order = reader.int("order", required: true)
        let summary = reader.string("summary")
        let draft = reader.bool("draft")
        let scenarioPair = reader.pair("scenario")
        let required = reader.strings("requires")
        reader.finish()
        var diagnostics = reader.diagnostics
        var scenario: (name: String, location: SourceLocation)?
        if let scenarioPair {
            let location = scenarioPair.value.location(in: file)
            if let name = scenarioPair.value.scalar?.text.trimmingSpaces(), !name.isEmpty, !scenarioPair.value.isNull {
                scenario = (name, location)
            } else {
                diagnostics.append(.error(.wrongType, "'scenario' must be the name of a file in content/scenarios/, such as kestrel-mobile",
                                          at: location))
            }
        }
        var requires: (names: [String], location: SourceLocation)?
        if let required, let first = required.first {
            for (name, location) in required where !Self.requirements.contains(name) {
                diagnostics.append(.error(.invalidValue, "a chapter cannot require '\(name)'", at: location,
                                          hint: NearestName.hint(for: name, among: Self.requirements)
                                            ?? "a report chapter can require: " + Self.requirements.joined(separator: ", ")))
            }
            requires = (required.map(\.0), first.1)
        }
        guard let title, let order else { return (nil, diagnostics) }
        return (ChapterFrontMatter(title: title, order: order, summary: summary, draft: draft ?? false, scenario: scenario,
                                   requires: requires), diagnostics)
    }
}

private extension Substring {
    func trimmingTrailingCR() -> Substring {
        last == "\r" ? dropLast() : self
    }
}
