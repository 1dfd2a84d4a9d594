import Foundation
import PlaybookCore
import PlaybookPandoc

/// `playbook import docx`: a Word manuscript made a Playbook book, through Pandoc.
///
/// Pandoc (``PandocConverter``) writes the document as GitHub-flavoured Markdown, footnotes as
/// `[^n]` and tables as pipe tables, and extracts its images. The book is split into chapters
/// at its top-level (`#`) headings, each heading becoming its chapter's title; text before the
/// first heading is a chapter of its own, titled with the document's title. Each footnote's
/// definition goes to the chapter that refers to it. An image Pandoc writes as `<img>` (because
/// Word gave it a size) is written back as `![alt](media/…)`, its size left to the stylesheet.
/// A table Pandoc cannot write as a pipe table (a cell holding a list or several paragraphs,
/// merged cells) stays an HTML `<table>`, which Playbook shows as it is but does not number or
/// caption: each is a warning. As a `.docx` has no lines, diagnostics point at the line of the
/// written chapter (`content/<book>/02-….md`).
package enum DocxImport {
    /// The imported book, or `nil` when Pandoc is missing or fails; with every diagnostic.
    /// `environment` is where Pandoc is looked for (`PLAYBOOK_PANDOC`, `PATH`).
    package static func run(_ options: ImportOptions, temporaryFolder: URL,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> (ImportedBook?, [Diagnostic]) {
        let program: String
        switch PandocLocator.locate(environment: environment) {
        case .success(let path): program = path
        case .failure(let error):
            return (nil, [.error(.pandocMissing, "a Word document is converted with Pandoc, and \(error.description)", at: nil,
                                 hint: PandocLocator.installHint)])
        }
        guard FileManager.default.isReadableFile(atPath: options.source.path) else {
            return (nil, [.error(.importSource, "\(options.label) cannot be read", at: nil, hint: "name a .docx file")])
        }
        let media = temporaryFolder.appendingPathComponent("docx-media")
        let converted: PandocConverter.Converted
        switch PandocConverter(program: program).convert(options.source, mediaFolder: media) {
        case .success(let value): converted = value
        case .failure(let error):
            return (nil, [.error(.pandocFailed, "\(options.label) could not be converted: \(error.description)", at: nil,
                                 hint: "check that it is a Word document (.docx) that Word or LibreOffice opens")])
        }
        let title = converted.title ?? MarkdownFolderImport.fileTitle(options.source.lastPathComponent)
        let slug = options.slug(for: title)
        var (lines, images) = relinkImages(converted.markdown, mediaFolder: media)
        let (footnotes, body) = takeFootnotes(&lines)
        let sections = split(body, documentTitle: title)
        guard !sections.isEmpty else {
            return (nil, [.error(.importSource, "\(options.label) holds no text Pandoc could read", at: nil)])
        }
        var names = ChapterNames(count: sections.count)
        var chapters: [ImportedChapter] = []
        var diagnostics: [Diagnostic] = []
        var used: Set<String> = []
        // Links: images are the extracted files; other relative links name nothing a .docx carries.
        let folder = (options.label as NSString).deletingLastPathComponent
        let links = LinkMap(contentRoot: media, chapters: [:], titleAnchors: [:], siteRoot: nil, label: folder.isEmpty ? "." : folder)
        var counts = ImportCounts()
        for (offset, section) in sections.enumerated() {
            var text = section.lines.joined(separator: "\n")
            // The footnotes this chapter refers to, in the order of their definitions.
            let referenced = footnotes.filter { text.contains("[^\($0.label)]") }
            if !referenced.isEmpty { text += "\n\n" + referenced.map(\.text).joined(separator: "\n\n") }
            let name = names.name(order: offset + 1, sourcePath: nil, title: section.title)
            var chapter = ImportedChapter(fileName: name, title: section.title, order: offset + 1, draft: false, body: text + "\n",
                                          source: options.label)
            // Diagnostics point at the lines of the chapter as it is written.
            let file = SourceFile(path: "content/\(slug)/\(name)", text: chapter.text)
            let lines = SourceLine.lines(of: file)
            let bodyStart = lines.count - text.split(separator: "\n", omittingEmptySubsequences: false).count
            var rewriter = ChapterRewriter(links: links, chapterPath: "document.md", rustHiddenLines: false)
            chapter.body = rewriter.rewrite(Array(lines[max(bodyStart, 0)...])).body
            diagnostics += rewriter.diagnostics
            counts.add(rewriter.counts)
            used.formUnion(rewriter.files)
            for line in lines where line.text.contains("<table") {
                diagnostics.append(.warning(.importSyntax, "Pandoc wrote this table as HTML (a cell holds a list, several paragraphs or merged cells): it is kept as HTML, without a number or caption",
                                            at: line.location(of: "<table"),
                                            hint: "simplify the table in Word to one line of text per cell and import again, or rewrite it as a pipe table"))
            }
            chapters.append(chapter)
        }
        let (linked, crossLinks) = Self.crossChapterAnchors(chapters)
        chapters = linked
        counts.linksRewritten += crossLinks
        var files: [ImportedFile] = []
        for path in used.sorted() {
            if case .success(let bytes) = ImportFiles.readBytes(media.appendingPathComponent(path)) {
                files.append(ImportedFile(path: path, bytes: bytes))
            }
        }
        var notes = ["Converted with Pandoc to GitHub-flavoured Markdown: footnotes as [^n], tables as pipe tables where they fit.",
                     "Split into \(chapters.count) chapter\(chapters.count == 1 ? "" : "s") at the document's top-level headings.",
                     "\(footnotes.count) footnote\(footnotes.count == 1 ? "" : "s") moved to the chapter that refers to \(footnotes.count == 1 ? "it" : "them").",
                     "\(files.count) image\(files.count == 1 ? "" : "s") extracted into media/."]
        if images.isEmpty == false, images.count != used.count {
            notes.append("\(images.count - used.count) extracted image\(images.count - used.count == 1 ? "" : "s") no chapter shows were not copied.")
        }
        notes += ImportNotes.common(counts: counts, siteRoot: nil)
        notes.append("Diagnostics point at the lines of the written chapters, as a .docx file has no lines.")
        let book = ImportedBook(slug: slug, title: title, authors: converted.authors, description: nil, language: nil,
                                chapters: chapters, files: files, diagnostics: diagnostics, notes: notes)
        return (book, diagnostics)
    }

    /// Links to `#anchor` whose heading went to another chapter when the document was split,
    /// rewritten to that chapter's file (`03-costs.md#anchor`, or `03-costs.md` for its title).
    /// Returns the chapters and how many links were rewritten.
    static func crossChapterAnchors(_ chapters: [ImportedChapter]) -> ([ImportedChapter], Int) {
        var owner: [String: (file: String, isTitle: Bool)] = [:]
        var own: [Set<String>] = []
        for chapter in chapters {
            var anchors: Set<String> = []
            for line in chapter.body.split(separator: "\n") where line.hasPrefix("#") {
                let text = line.drop { $0 == "#" }
                guard text.hasPrefix(" ") else { continue }
                anchors.insert(Slug.anchor(for: ChapterRewriter.plain(String(text))))
            }
            own.append(anchors)
            for anchor in anchors where owner[anchor] == nil { owner[anchor] = (chapter.fileName, false) }
            let title = Slug.anchor(for: chapter.title)
            if owner[title] == nil { owner[title] = (chapter.fileName, true) }
        }
        guard let regex = try? NSRegularExpression(pattern: #"\]\(#([^)\s]+)\)"#) else { return (chapters, 0) }
        var rewritten = 0
        let linked = chapters.enumerated().map { index, chapter in
            var chapter = chapter
            var body = chapter.body
            for match in regex.matches(in: body, range: NSRange(body.startIndex..., in: body)).reversed() {
                guard let range = Range(match.range(at: 1), in: body) else { continue }
                let fragment = String(body[range])
                guard !own[index].contains(fragment), let target = owner[fragment], target.file != chapter.fileName else { continue }
                let whole = body.index(range.lowerBound, offsetBy: -1)..<range.upperBound
                body.replaceSubrange(whole, with: target.isTitle ? target.file : "\(target.file)#\(fragment)")
                rewritten += 1
            }
            chapter.body = body
            return chapter
        }
        return (linked, rewritten)
    }

    /// A chapter's title and lines.
    struct Section {
        var title: String
        var lines: [String]
    }

    /// The lines with each `<img …>` Pandoc wrote made `![alt](media/…)` and every image path
    /// made relative to the book folder; and the names of the images in `media/`.
    static func relinkImages(_ markdown: String, mediaFolder: URL) -> ([String], [String]) {
        let prefix = mediaFolder.appendingPathComponent("media").path + "/"
        var images: [String] = []
        let tag = try? NSRegularExpression(pattern: #"<img\s+src="([^"]*)"([^>]*?)/?>"#)
        let altAttribute = try? NSRegularExpression(pattern: #"\balt="([^"]*)""#)
        var lines: [String] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            var text = String(line)
            if let tag, text.contains("<img") {
                let matches = tag.matches(in: text, range: NSRange(text.startIndex..., in: text))
                for match in matches.reversed() {
                    guard let whole = Range(match.range, in: text), let source = Range(match.range(at: 1), in: text) else { continue }
                    let attributes = Range(match.range(at: 2), in: text).map { String(text[$0]) } ?? ""
                    let alt = altAttribute?.firstMatch(in: attributes, range: NSRange(attributes.startIndex..., in: attributes))
                        .flatMap { Range($0.range(at: 1), in: attributes) }.map { String(attributes[$0]) } ?? ""
                    let unescaped = alt.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
                        .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
                    let escapedAlt = unescaped.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
                    text.replaceSubrange(whole, with: "![\(escapedAlt)](\(text[source]))")
                }
            }
            if text.contains(prefix) {
                for piece in text.components(separatedBy: prefix).dropFirst() {
                    images.append(String(piece.prefix { $0 != ")" && $0 != "\"" && $0 != " " }))
                }
                text = text.replacingOccurrences(of: prefix, with: "media/")
            }
            lines.append(text)
        }
        return (lines, Array(Set(images)).sorted())
    }

    /// A footnote definition: its label and its whole text (the `[^label]:` line and its indented continuation).
    struct Footnote {
        var label: String
        var text: String
    }

    /// Takes every footnote definition out of the lines.
    static func takeFootnotes(_ lines: inout [String]) -> ([Footnote], [String]) {
        var footnotes: [Footnote] = []
        var body: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("[^"), let close = line.range(of: "]:") {
                let label = String(line[line.index(line.startIndex, offsetBy: 2)..<close.lowerBound])
                var text = [line]
                index += 1
                // Continuation: indented lines, and blank lines followed by indented ones.
                while index < lines.count {
                    let next = lines[index]
                    if next.hasPrefix("    ") { text.append(next); index += 1; continue }
                    if next.isEmpty, index + 1 < lines.count, lines[index + 1].hasPrefix("    ") { text.append(next); index += 1; continue }
                    break
                }
                footnotes.append(Footnote(label: label, text: text.joined(separator: "\n")))
                continue
            }
            body.append(line)
            index += 1
        }
        return (footnotes, body)
    }

    /// The body cut at its `# ` headings, outside code fences.
    static func split(_ lines: [String], documentTitle: String) -> [Section] {
        var sections: [Section] = []
        var current = Section(title: documentTitle, lines: [])
        var fence: String?
        for line in lines {
            if let open = fence {
                if line.hasPrefix(open) { fence = nil }
                current.lines.append(line)
                continue
            }
            if line.hasPrefix("```") || line.hasPrefix("~~~") { fence = String(line.prefix(3)) }
            if line.hasPrefix("# ") {
                if current.lines.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) { sections.append(current) }
                current = Section(title: ChapterRewriter.plain(String(line.dropFirst(2))), lines: [])
                continue
            }
            current.lines.append(line)
        }
        if current.lines.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) || sections.isEmpty && !current.title.isEmpty {
            sections.append(current)
        }
        // Trailing blank lines of each section.
        return sections.map { section in
            var section = section
            while section.lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { section.lines.removeLast() }
            while section.lines.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { section.lines.removeFirst() }
            return section
        }
    }
}
