import Foundation
import PlaybookCore

/// `playbook import markdown`: a folder of Markdown files made a Playbook book.
///
/// The order comes from a contents file when there is one: `SUMMARY.md` (read as mdBook
/// reads it; not a chapter itself), else an `index.md` or `README.md` whose links name at least
/// two of the folder's other Markdown files (it is the first chapter, then the files it links
/// to in the order of its links). Files the contents do not name follow, and so do all files
/// when there is no contents file: those with a number at the start of their name
/// (`01-intro.md`, `2 Setup.md`) by that number, then the others by name. Every `.md` file of
/// the folder and its subfolders is imported; a chapter's title is its first heading (a
/// leading `# Heading` is taken out of the text, as the chapter page shows the title), else
/// its file name.
package enum MarkdownFolderImport {
    /// The imported book, or `nil` when the folder has no Markdown files; with every diagnostic.
    package static func run(_ options: ImportOptions) -> (ImportedBook?, [Diagnostic]) {
        let root = options.source
        let label = options.label
        var diagnostics: [Diagnostic] = []
        var notes: [String] = []
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            return (nil, [.error(.importSource, "\(label) is not a folder", at: nil, hint: "name a folder of .md files")])
        }
        let markdown = ImportFiles.list(root).filter { $0.lowercased().hasSuffix(".md") || $0.lowercased().hasSuffix(".markdown") }
        guard !markdown.isEmpty else {
            return (nil, [.error(.importSource, "\(label)/ holds no Markdown files (.md)", at: nil)])
        }
        var ordered: [ChapterSource] = []
        var named: Set<String> = []
        let present = Set(markdown)
        if let summaryPath = markdown.first(where: { $0.lowercased() == "summary.md" }) {
            if case .success(let file) = ImportFiles.readText(root.appendingPathComponent(summaryPath), shownAs: "\(label)/\(summaryPath)") {
                let (entries, summaryDiagnostics) = SummaryParser.parse(file)
                diagnostics += summaryDiagnostics
                ordered = entries.map { ChapterSource(title: $0.title, path: $0.path, location: $0.location) }
                named = Set(entries.compactMap { $0.path }).union([summaryPath])
                notes.append("The order is that of \(summaryPath).")
            }
        } else if let (index, links) = contentsFile(in: root, markdown: markdown, label: label) {
            ordered = [ChapterSource(title: "", path: index, location: nil)]
                + links.map { ChapterSource(title: "", path: $0.path, location: $0.location) }
            named = Set(links.map(\.path)).union([index])
            notes.append("The order is that of the links in \(index), which is the first chapter.")
        }
        let rest = markdown.filter { !named.contains($0) }.sorted(by: Self.byNumber)
        if !ordered.isEmpty, !rest.isEmpty {
            notes.append("\(rest.count) file\(rest.count == 1 ? "" : "s") the contents do not name follow\(rest.count == 1 ? "s" : ""), by the number their names start with: "
                         + rest.joined(separator: ", ") + ".")
        } else if ordered.isEmpty {
            notes.append("There is no contents file: chapters are ordered by the number their file names start with, then by name.")
        }
        ordered += rest.map { ChapterSource(title: "", path: $0, location: nil) }
        // Titles: the first heading, else the file name.
        ordered = ordered.map { source in
            var source = source
            guard source.title.isEmpty, let path = source.path, present.contains(path) else { return source }
            source.title = Self.fileTitle(path)
            return source
        }
        let assembler = BookAssembler(contentRoot: root, contentLabel: label, includeRoot: nil, siteRoot: options.siteRoot)
        let (chapters, files, chapterDiagnostics, counts) = assembler.assemble(ordered)
        diagnostics += chapterDiagnostics
        let titled = chapters.enumerated().map { offset, chapter -> ImportedChapter in
            guard !chapter.draft, let path = ordered[safe: offset]?.path, !chapter.body.isEmpty else { return chapter }
            var chapter = chapter
            // A chapter with no `#` heading at its top takes its first heading of any level.
            if chapter.title == Self.fileTitle(path), let heading = Self.firstHeading(chapter.body) { chapter.title = heading }
            return chapter
        }
        notes += ImportNotes.common(counts: counts, siteRoot: options.siteRoot)
        let title = titled.first.map { _ in root.standardizedFileURL.lastPathComponent } ?? label
        let imported = ImportedBook(slug: options.slug(for: title), title: Self.humanize(title), authors: [], description: nil,
                                    language: nil, chapters: titled, files: files, diagnostics: diagnostics, notes: notes, counts: counts)
        return (imported, diagnostics)
    }

    /// An `index.md` or `README.md` linking to at least two other Markdown files of the folder, with those links in order.
    static func contentsFile(in root: URL, markdown: [String], label: String) -> (String, [(path: String, location: SourceLocation)])? {
        let present = Set(markdown)
        for candidate in markdown where ["index.md", "readme.md", "contents.md", "toc.md"].contains(candidate.lowercased()) {
            guard case .success(let file) = ImportFiles.readText(root.appendingPathComponent(candidate), shownAs: "\(label)/\(candidate)")
            else { continue }
            var links: [(String, SourceLocation)] = []
            var seen: Set<String> = [candidate]
            for line in SourceLine.lines(of: file) {
                var search = line.text.startIndex
                while let open = line.text.range(of: "](", range: search..<line.text.endIndex) {
                    search = open.upperBound
                    let rest = line.text[open.upperBound...]
                    guard let close = rest.firstIndex(where: { $0 == ")" || $0 == " " || $0 == "#" }) else { continue }
                    let destination = String(rest[..<close])
                    let decoded = destination.removingPercentEncoding ?? destination
                    guard let parts = LinkMap.normalize(candidate.split(separator: "/").dropLast().map(String.init), decoded) else { continue }
                    let path = parts.joined(separator: "/")
                    if present.contains(path), seen.insert(path).inserted { links.append((path, line.location(of: destination))) }
                }
            }
            if links.count >= 2 { return (candidate, links) }
        }
        return nil
    }

    /// Files with a leading number first, by that number, then the others, by name.
    static func byNumber(_ lhs: String, _ rhs: String) -> Bool {
        func key(_ path: String) -> (Int, Int, String) {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let digits = name.prefix { $0.isASCII && $0.isNumber }
            if let number = Int(digits) { return (0, number, path) }
            return (1, 0, path)
        }
        return key(lhs) < key(rhs)
    }

    /// A title from a file name: the number and extension taken off, `-` and `_` made spaces, the first letter capital.
    static func fileTitle(_ path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: ".") { name = String(name[..<dot]) }
        let stripped = name.drop { $0.isNumber }.drop { $0 == "-" || $0 == "_" || $0 == " " || $0 == "." }
        return humanize(stripped.isEmpty ? name : String(stripped))
    }

    static func humanize(_ text: String) -> String {
        let spaced = text.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }

    /// The text of the first ATX heading of any level outside code fences.
    static func firstHeading(_ body: String) -> String? {
        var fence: String?
        for line in body.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { fence = String(trimmed.prefix(3)); continue }
            if trimmed.hasPrefix("#") {
                let text = trimmed.drop { $0 == "#" }
                if text.hasPrefix(" ") { return ChapterRewriter.plain(String(text)) }
            }
        }
        return nil
    }
}

/// Reading an element that may not be there.
extension Array {
    /// The element at `index`, or `nil` past the ends.
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
