import Foundation
import PlaybookCore

/// One chapter to import, in reading order.
struct ChapterSource: Sendable {
    /// The title the contents give it (or the file's name).
    var title: String
    /// The file, relative to the content root, or `nil` for a draft.
    var path: String?
    /// Where the contents list it, if they do.
    var location: SourceLocation?
}

/// Turns an ordered list of chapter files into imported chapters: names them, expands mdBook's
/// includes, rewrites their links and code, and collects the files they use.
struct BookAssembler {
    /// The folder chapter paths are relative to.
    let contentRoot: URL
    /// How the content root is shown in paths (`guide/src`).
    let contentLabel: String
    /// For mdBook: the book's folder (includes may reach outside `src/`) and its label.
    let includeRoot: (url: URL, label: String)?
    /// `--site-root`.
    let siteRoot: String?
    /// mdBook's hidden-line prefixes of languages other than Rust, from `book.toml`.
    var hiddenLinePrefixes: [String: String] = [:]

    /// The chapters, the files they use, what was not carried over, and the counts.
    func assemble(_ sources: [ChapterSource]) -> (chapters: [ImportedChapter], files: [ImportedFile], diagnostics: [Diagnostic],
                                                  counts: ImportCounts) {
        var diagnostics: [Diagnostic] = []
        var counts = ImportCounts()
        // The same file listed twice is imported once.
        var seen: Set<String> = []
        var kept: [ChapterSource] = []
        // Chapters whose file is missing: already reported, written as drafts.
        var missing: Set<Int> = []
        for source in sources {
            guard let path = source.path else { kept.append(source); continue }
            guard seen.insert(path).inserted else {
                diagnostics.append(.warning(.importSummary, "\(path) is listed twice: it is imported once, where it is first listed",
                                            at: source.location))
                continue
            }
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: contentRoot.appendingPathComponent(path).path, isDirectory: &isFolder)
            if !exists || isFolder.boolValue {
                diagnostics.append(.warning(.importSummary, "\(contentLabel)/\(path) does not exist: the chapter is written as a draft with no text",
                                            at: source.location, hint: "write the chapter, then remove 'draft: true' from its front matter"))
                missing.insert(kept.count)
                kept.append(ChapterSource(title: source.title, path: nil, location: source.location))
                continue
            }
            kept.append(source)
        }
        var names = ChapterNames(count: kept.count)
        var fileNames: [String] = []
        var map: [String: String] = [:]
        for (offset, source) in kept.enumerated() {
            let name = names.name(order: offset + 1, sourcePath: source.path, title: source.title)
            fileNames.append(name)
            if let path = source.path { map[path] = name }
        }
        // The anchor of each chapter's title heading, which the chapter loses: links to it go to the chapter.
        var titleAnchors: [String: String] = [:]
        for source in kept {
            guard let path = source.path,
                  case .success(let file) = ImportFiles.readText(contentRoot.appendingPathComponent(path), shownAs: path) else { continue }
            var lines = SourceLine.lines(of: file)
            let (frontMatterTitle, _) = Self.takeFrontMatter(&lines)
            guard let first = lines.first(where: { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }) else { continue }
            let title = frontMatterTitle ?? source.title
            if let heading = ChapterRewriter.atxHeadingOne(first.text)
                ?? ChapterRewriter.atxHeading(first.text).flatMap({ $0.lowercased() == title.lowercased() ? $0 : nil }) {
                titleAnchors[path] = Slug.anchor(for: heading)
            }
        }
        let links = LinkMap(contentRoot: contentRoot, chapters: map, titleAnchors: titleAnchors, siteRoot: siteRoot, label: contentLabel)
        var expander = includeRoot.map { IncludeExpander(root: $0.url, label: $0.label) }
        let prefix = includeRoot.map { root -> String in
            // The content root's path inside the include root (`src/`).
            let base = root.url.standardizedFileURL.path
            let content = contentRoot.standardizedFileURL.path
            return content.hasPrefix(base + "/") ? String(content.dropFirst(base.count + 1)) + "/" : ""
        } ?? ""
        var chapters: [ImportedChapter] = []
        var used: Set<String> = []
        for (offset, source) in kept.enumerated() {
            guard let path = source.path else {
                if !missing.contains(offset) { diagnostics.append(.warning(.importSummary, "'\(source.title)' is a draft in the contents: written as a chapter with 'draft: true' and no text",
                                            at: source.location, hint: "builds leave drafts out until 'draft: true' is removed")) }
                chapters.append(ImportedChapter(fileName: fileNames[offset], title: source.title, order: offset + 1, draft: true,
                                                body: "", source: nil))
                continue
            }
            let file: SourceFile
            switch ImportFiles.readText(contentRoot.appendingPathComponent(path), shownAs: "\(contentLabel)/\(path)") {
            case .success(let read): file = read
            case .failure(let reason):
                diagnostics.append(.warning(.importSource, "\(contentLabel)/\(path) cannot be read: \(reason); the chapter is written as a draft with no text",
                                            at: source.location))
                chapters.append(ImportedChapter(fileName: fileNames[offset], title: source.title, order: offset + 1, draft: true,
                                                body: "", source: nil))
                continue
            }
            var lines: [SourceLine]
            if var current = expander {
                lines = current.expand(file, path: prefix + path)
                diagnostics += current.diagnostics
                counts.includes += current.includes
                current = IncludeExpander(root: current.root, label: current.label)
                expander = current
            } else {
                lines = SourceLine.lines(of: file)
            }
            let (frontMatterTitle, frontMatterDiagnostic) = Self.takeFrontMatter(&lines)
            if let frontMatterDiagnostic { diagnostics.append(frontMatterDiagnostic) }
            var rewriter = ChapterRewriter(links: links, chapterPath: path, rustHiddenLines: includeRoot != nil)
            rewriter.hiddenLinePrefixes = hiddenLinePrefixes
            let (body, heading) = rewriter.rewrite(lines, title: frontMatterTitle ?? (source.title.isEmpty ? nil : source.title))
            diagnostics += rewriter.diagnostics
            counts.add(rewriter.counts)
            used.formUnion(rewriter.files)
            let title = [frontMatterTitle, heading, source.title].compactMap { $0 }.first { !$0.isEmpty } ?? "Chapter \(offset + 1)"
            chapters.append(ImportedChapter(fileName: fileNames[offset], title: title, order: offset + 1, draft: false, body: body,
                                            source: "\(contentLabel)/\(path)"))
        }
        var files: [ImportedFile] = []
        for path in used.sorted() {
            switch ImportFiles.readBytes(contentRoot.appendingPathComponent(path)) {
            case .success(let bytes): files.append(ImportedFile(path: path, bytes: bytes))
            case .failure(let reason):
                diagnostics.append(.warning(.importLink, "\(contentLabel)/\(path) cannot be copied: \(reason)",
                                            at: SourceLocation(file: "\(contentLabel)/\(path)", line: 1, column: 1)))
            }
        }
        return (chapters, files, diagnostics, counts)
    }

    /// Takes a YAML front matter block (Jekyll, Hugo, Obsidian: `---` … `---` at the top) off
    /// the lines. Its `title:` is returned; other keys are not carried over, which is one
    /// warning at the block naming them.
    static func takeFrontMatter(_ lines: inout [SourceLine]) -> (String?, Diagnostic?) {
        guard let first = lines.first, first.text == "---",
              let close = lines.indices.dropFirst().prefix(500).first(where: { lines[$0].text == "---" || lines[$0].text == "..." })
        else { return (nil, nil) }
        var title: String?
        var others: [String] = []
        for line in lines[1..<close] {
            guard let colon = line.text.firstIndex(of: ":"), !line.text.hasPrefix(" "), !line.text.hasPrefix("-"),
                  !line.text.hasPrefix("#") else { continue }
            let key = String(line.text[..<colon]).trimmingCharacters(in: .whitespaces)
            var value = line.text[line.text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if key == "title" {
                if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
                    value = String(value.dropFirst().dropLast())
                }
                title = value
            } else if !key.isEmpty {
                others.append(key)
            }
        }
        let diagnostic: Diagnostic? = others.isEmpty ? nil : .warning(
            .importSyntax, "this front matter is replaced by Playbook's (title and order): " + others.map { "'\($0)'" }.joined(separator: ", ")
                + " \(others.count == 1 ? "is" : "are") not carried over",
            at: first.location(of: "---"), hint: "add what matters to the chapter's text or front matter by hand")
        lines.removeSubrange(0...close)
        return (title?.isEmpty == false ? title : nil, diagnostic)
    }
}
