import Foundation
import PlaybookCore

/// Resolves mdBook's preprocessor lines in a chapter before it is rewritten:
///
/// - `{{#include file}}`, `{{#include file:anchor}}`, `{{#include file:N}}`, `:N:M`, `:N:`
///   and `::M` — the file (relative to the chapter), the part between `ANCHOR: anchor` and
///   `ANCHOR_END: anchor`, or the lines (1-based, inclusive); lines holding an `ANCHOR` marker
///   are left out, as mdBook does;
/// - `{{#rustdoc_include …}}` — the same; mdBook keeps the rest of the file as hidden lines,
///   which Playbook does not have, so only the part shown is included;
/// - `{{#playground file …}}` — the file as a Rust code block, with a warning (there is no "Run" button);
/// - `{{#title …}}` — left out, with a warning (it sets only the browser's title);
/// - any other `{{#…}}` — left as written, as mdBook leaves it;
/// - `\{{#…}}` — written without the backslash, as mdBook does.
///
/// An included Markdown file is expanded in turn, up to ten files deep. Each included line
/// keeps the file and line it comes from, so later diagnostics point there.
struct IncludeExpander {
    /// The book's folder: include paths are shown relative to it.
    let root: URL
    /// How the root is shown in paths (`guide`).
    let label: String
    /// Files read so far, by path relative to the root.
    private var cache: [String: SourceFile] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var includes = 0
    /// The `{{#title}}` of the chapter, if it has one.
    private(set) var title: String?

    static let maximumDepth = 10

    init(root: URL, label: String) {
        self.root = root
        self.label = label
    }

    /// The chapter's lines with every directive resolved. `path` is relative to the root.
    mutating func expand(_ file: SourceFile, path: String) -> [SourceLine] {
        title = nil
        return expand(SourceLine.lines(of: file), path: path, depth: 0)
    }

    private mutating func expand(_ lines: [SourceLine], path: String, depth: Int) -> [SourceLine] {
        var out: [SourceLine] = []
        for line in lines {
            guard line.text.contains("{{") else { out.append(line); continue }
            out += expand(line, path: path, depth: depth)
        }
        return out
    }

    /// mdBook's own pattern: an escaped directive, or `{{#name arguments}}` (a directive without
    /// arguments, such as Handlebars' `{{#toc}}`, is not one and stays as written).
    private static let directive = try? NSRegularExpression(pattern: #"\\\{\{#[^}]*\}\}|\{\{\s*#([a-zA-Z0-9_]+)\s+([^}]+)\}\}"#)

    private mutating func expand(_ line: SourceLine, path: String, depth: Int) -> [SourceLine] {
        guard let regex = Self.directive else { return [line] }
        let text = line.text
        let matches = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
        guard !matches.isEmpty else { return [line] }
        // The line is cut at each directive: text before, the included lines, text after.
        var result: [SourceLine] = []
        var pending = ""
        // The line the text in `pending` continues: the directive's own, or the last included line.
        var pendingOrigin = line
        var cursor = text.startIndex
        for match in matches {
            guard let whole = Range(match.range, in: text) else { continue }
            pending += text[cursor..<whole.lowerBound]
            cursor = whole.upperBound
            let written = String(text[whole])
            if written.hasPrefix("\\") {
                pending += written.dropFirst()
                continue
            }
            let name = Range(match.range(at: 1), in: text).map { String(text[$0]) } ?? ""
            let argument = Range(match.range(at: 2), in: text).map { String(text[$0]).trimmingCharacters(in: .whitespaces) } ?? ""
            switch name {
            case "include", "rustdoc_include", "playground":
                // A playground names its file, then the code block's attributes (`editable`).
                let file = name == "playground" ? String(argument.split(separator: " ").first ?? "") : argument
                guard var included = include(file, from: path, line: line, written: written, depth: depth) else { continue }
                includes += 1
                if name == "playground" {
                    // mdBook shows the file as a Rust code block.
                    included = [SourceLine(text: "```rust", file: line.file, line: line.line)] + included
                        + [SourceLine(text: "```", file: line.file, line: line.line)]
                    diagnostics.append(.warning(.importSyntax, "{{#playground}} is included as a Rust code block that does not run: Playbook has no Rust playground",
                                                at: line.location(of: written)))
                }
                guard let first = included.first, let last = included.last else { continue }
                if included.count == 1 {
                    pending += first.text
                } else {
                    result.append(SourceLine(text: pending + first.text, file: first.file, line: first.line))
                    result += included.dropFirst().dropLast()
                    pending = last.text
                    pendingOrigin = last
                }
            case "title":
                title = argument
                diagnostics.append(.warning(.importSyntax, "{{#title}} is left out: it sets only the browser's title of mdBook's page",
                                            at: line.location(of: written),
                                            hint: "the chapter's title is its front matter 'title:'"))
            default:
                // mdBook leaves a directive it does not know as written, and so does the import.
                pending += written
            }
        }
        pending += text[cursor...]
        result.append(SourceLine(text: pending, file: pendingOrigin.file, line: pendingOrigin.line))
        return result
    }

    /// The lines an include names, or `nil` (with a warning) when it cannot be resolved.
    private mutating func include(_ argument: String, from path: String, line: SourceLine, written: String,
                                  depth: Int) -> [SourceLine]? {
        let at = line.location(of: written)
        guard depth < Self.maximumDepth else {
            diagnostics.append(.warning(.importInclude, "includes nest deeper than \(Self.maximumDepth) files here: this one is left out", at: at))
            return nil
        }
        let (filePart, selector) = Self.split(argument)
        let folder = path.split(separator: "/").dropLast().map(String.init)
        guard !filePart.isEmpty else {
            diagnostics.append(.warning(.importInclude, "this include names no file: it is left out", at: at))
            return nil
        }
        // mdBook reads an include wherever it is, outside the book's folder too (`../../examples/…`).
        let relative = Self.join(folder, filePart)
        let file: SourceFile
        if let cached = cache[relative] {
            file = cached
        } else {
            switch ImportFiles.readText(root.appendingPathComponent(relative), shownAs: label + "/" + relative) {
            case .success(let read):
                file = read
                cache[relative] = read
            case .failure(let problem):
                diagnostics.append(.warning(.importInclude, "cannot include '\(filePart)': \(problem)", at: at,
                                            hint: "the file is looked for relative to the chapter, at \(label)/\(relative)"))
                return nil
            }
        }
        var lines = SourceLine.lines(of: file)
        switch Self.selection(selector) {
        case .all:
            break
        case .lines(let from, let to):
            let start = max(from, 1)
            let end = min(to ?? lines.count, lines.count)
            guard start <= end else {
                diagnostics.append(.warning(.importInclude, "\(label)/\(relative) has \(lines.count) lines: the lines '\(selector)' are not there, the include is left out",
                                            at: at))
                return nil
            }
            lines = Array(lines[(start - 1)..<end])
        case .anchor(let name):
            guard let start = lines.firstIndex(where: { Self.marker($0.text, "ANCHOR") == name }) else {
                let names = lines.compactMap { Self.marker($0.text, "ANCHOR") }
                diagnostics.append(.warning(.importInclude, "\(label)/\(relative) has no 'ANCHOR: \(name)': the include is left out", at: at,
                                            hint: NearestName.hint(for: name, among: names)
                                                ?? (names.isEmpty ? "the file has no anchors" : "its anchors are: " + names.joined(separator: ", "))))
                return nil
            }
            let end = lines[(start + 1)...].firstIndex { Self.marker($0.text, "ANCHOR_END") == name } ?? lines.count
            if end == lines.count {
                diagnostics.append(.warning(.importInclude, "\(label)/\(relative) has no 'ANCHOR_END: \(name)': included to the end of the file",
                                            at: at))
            }
            lines = Array(lines[(start + 1)..<end])
        }
        lines.removeAll { Self.marker($0.text, "ANCHOR") != nil || Self.marker($0.text, "ANCHOR_END") != nil }
        if relative.hasSuffix(".md") { lines = expand(lines, path: relative, depth: depth + 1) }
        return lines
    }

    /// `folder` joined with `path`, `.` and `..` applied, keeping the `..` that climb above the root.
    static func join(_ folder: [String], _ path: String) -> String {
        var parts = folder
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else { parts.append("..") }
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    private enum Selection {
        case all
        case lines(Int, Int?)
        case anchor(String)
    }

    /// `file.rs:anchor` → (`file.rs`, `anchor`).
    private static func split(_ argument: String) -> (String, String) {
        guard let colon = argument.firstIndex(of: ":") else { return (argument, "") }
        return (String(argument[..<colon]), String(argument[argument.index(after: colon)...]))
    }

    private static func selection(_ selector: String) -> Selection {
        if selector.isEmpty { return .all }
        let parts = selector.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let numbers = parts.map { $0.isEmpty ? nil : Int($0) }
        if parts.allSatisfy({ $0.isEmpty || Int($0) != nil }) {
            switch parts.count {
            case 1: if let line = numbers[0] { return .lines(line, line) }
            case 2: return .lines(numbers[0] ?? 1, numbers[1])
            default: break
            }
        }
        return .anchor(selector)
    }

    /// The name after `ANCHOR:` (or `ANCHOR_END:`) on a line, if it has that marker.
    private static func marker(_ text: String, _ kind: String) -> String? {
        guard let range = text.range(of: kind + ":") else { return nil }
        if kind == "ANCHOR", range.lowerBound > text.startIndex, text[text.index(before: range.lowerBound)] == "_" { return nil }
        let rest = text[range.upperBound...].drop { $0 == " " }
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        return name.isEmpty ? nil : String(name)
    }
}
