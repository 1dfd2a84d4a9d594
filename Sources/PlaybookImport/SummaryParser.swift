import Foundation
import PlaybookCore

/// One chapter listed in mdBook's `SUMMARY.md` (or a Markdown folder's contents file).
struct SummaryEntry: Sendable, Equatable {
    /// The link text.
    var title: String
    /// The chapter file, relative to the summary's folder, or `nil` for a draft (`[Title]()`).
    var path: String?
    /// Where the entry is written.
    var location: SourceLocation
}

/// Reads `SUMMARY.md` as mdBook does: an optional `# Title` line, prefix chapters (links
/// before the list), the numbered chapters (a list, nested as deep as it goes), part titles
/// (`# Part` between lists), separators (`---`), and suffix chapters (links after the list).
///
/// Playbook's books are flat, so the chapters come out in reading order: prefix, numbered
/// (each nested chapter after its parent), suffix. A part title is not a chapter and is
/// reported; a draft is returned with no path (the import writes it as `draft: true`).
/// Any other line with text is reported and left out.
enum SummaryParser {
    /// The chapters in order, and the lines not carried over.
    static func parse(_ file: SourceFile) -> (entries: [SummaryEntry], diagnostics: [Diagnostic]) {
        var entries: [SummaryEntry] = []
        var diagnostics: [Diagnostic] = []
        var seenContent = false
        var inComment = false
        for (offset, raw) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let text = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if inComment {
                if trimmed.contains("-->") { inComment = false }
                continue
            }
            if trimmed.hasPrefix("<!--") {
                if !trimmed.contains("-->") { inComment = true }
                continue
            }
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("#") {
                let heading = trimmed.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                if seenContent {
                    diagnostics.append(.warning(.importSummary, "the part title '\(heading)' is not carried over: a Playbook book has no parts",
                                                at: file.location(line: number, firstOccurrenceOf: trimmed),
                                                hint: "its chapters follow the previous ones; start the first with a sentence naming the part if readers need it"))
                }
                continue
            }
            if trimmed.allSatisfy({ $0 == "-" }) && trimmed.count >= 3 { continue }
            var item = Substring(trimmed)
            if item.hasPrefix("- ") || item.hasPrefix("* ") || item.hasPrefix("+ ") {
                item = item.dropFirst(2)
            } else if let dot = item.firstIndex(where: { $0 == "." || $0 == ")" }), !item[..<dot].isEmpty,
                      item[..<dot].allSatisfy(\.isNumber), item[item.index(after: dot)...].hasPrefix(" ") {
                item = item[item.index(dot, offsetBy: 2)...]
            }
            item = item.drop { $0 == " " }
            guard let link = Self.link(String(item)) else {
                diagnostics.append(.warning(.importSummary, "this line is not a chapter link and is not carried over",
                                            at: file.location(line: number, firstOccurrenceOf: trimmed),
                                            hint: "a chapter is written [Title](file.md), alone on its line or in a list item"))
                continue
            }
            seenContent = true
            let location = file.location(line: number, firstOccurrenceOf: String(item))
            let destination = link.destination.removingPercentEncoding ?? link.destination
            entries.append(SummaryEntry(title: ChapterRewriter.plain(link.title), path: destination.isEmpty ? nil : destination,
                                        location: location))
        }
        return (entries, diagnostics)
    }

    /// `[title](destination)` filling the text, or `nil`.
    static func link(_ text: String) -> (title: String, destination: String)? {
        guard text.hasPrefix("[") else { return nil }
        var depth = 0
        var index = text.startIndex
        var close: String.Index?
        while index < text.endIndex {
            let character = text[index]
            if character == "\\" {
                index = text.index(after: index)
                if index < text.endIndex { index = text.index(after: index) }
                continue
            }
            if character == "[" { depth += 1 }
            if character == "]" {
                depth -= 1
                if depth == 0 { close = index; break }
            }
            index = text.index(after: index)
        }
        guard let close else { return nil }
        let rest = text[text.index(after: close)...]
        guard rest.hasPrefix("("), rest.hasSuffix(")") else { return nil }
        var destination = String(rest.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        if destination.hasPrefix("<"), destination.hasSuffix(">") { destination = String(destination.dropFirst().dropLast()) }
        return (String(text[text.index(after: text.startIndex)..<close]), destination)
    }
}
