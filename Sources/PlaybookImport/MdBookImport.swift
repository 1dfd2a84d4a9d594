import Foundation
import PlaybookCore

/// `playbook import mdbook`: an mdBook book (`book.toml`, `src/SUMMARY.md` and the chapters)
/// made a Playbook book.
///
/// From `book.toml` (``TOMLReader``) it takes `[book]` `title`, `authors`, `description`,
/// `language` and `src`; preprocessors other than mdBook's own (`links`, `index`) and
/// `admonish` (whose blocks become callouts), MathJax and
/// extra stylesheets or scripts are reported, since their effect on the pages is not carried
/// over. The chapters are those `SUMMARY.md` lists (``SummaryParser``), in reading order;
/// Markdown files it does not list are not part of the book (mdBook does not publish them either)
/// and are counted in the report.
package enum MdBookImport {
    /// The imported book, or `nil` when the source is not an mdBook book; with every diagnostic.
    package static func run(_ options: ImportOptions) -> (ImportedBook?, [Diagnostic]) {
        let root = options.source
        let label = options.label
        var diagnostics: [Diagnostic] = []
        var notes: [String] = []
        var settings = TOMLTable()
        let tomlURL = root.appendingPathComponent("book.toml")
        if FileManager.default.fileExists(atPath: tomlURL.path) {
            switch ImportFiles.readText(tomlURL, shownAs: "\(label)/book.toml") {
            case .success(let file):
                switch TOMLReader.read(file) {
                case .success(let table):
                    settings = table
                    diagnostics += Self.check(table, file: file)
                case .failure(let diagnostic):
                    diagnostics.append(diagnostic)
                    notes.append("book.toml could not be read, so the book's title, authors and language are not taken from it.")
                }
            case .failure(let reason):
                diagnostics.append(.error(.importSource, "\(label)/book.toml cannot be read: \(reason)", at: nil))
            }
        } else {
            notes.append("There is no book.toml: the title is the folder's name and the language is not set.")
        }
        let book = settings["book"]?.table ?? TOMLTable()
        let srcName = book["src"]?.string ?? "src"
        let contentRoot = root.appendingPathComponent(srcName)
        let contentLabel = "\(label)/\(srcName)"
        let summaryURL = contentRoot.appendingPathComponent("SUMMARY.md")
        let summary: SourceFile
        switch ImportFiles.readText(summaryURL, shownAs: "\(contentLabel)/SUMMARY.md") {
        case .success(let file): summary = file
        case .failure(let reason):
            diagnostics.append(.error(.importSource, "\(label) is not an mdBook book: \(contentLabel)/SUMMARY.md cannot be read (\(reason))",
                                      at: nil, hint: "name the folder that holds book.toml and src/SUMMARY.md"))
            return (nil, diagnostics)
        }
        let (entries, summaryDiagnostics) = SummaryParser.parse(summary)
        diagnostics += summaryDiagnostics
        guard !entries.isEmpty else {
            diagnostics.append(.error(.importSource, "\(contentLabel)/SUMMARY.md lists no chapters",
                                      at: summary.location(line: 1, column: 1), hint: "list the chapters as [Title](file.md)"))
            return (nil, diagnostics)
        }
        var assembler = BookAssembler(contentRoot: contentRoot, contentLabel: contentLabel, includeRoot: (root, label),
                                      siteRoot: options.siteRoot)
        if let hidelines = settings.value(at: ["output", "html", "code", "hidelines"])?.table {
            for (language, value) in hidelines.entries {
                if let prefix = value.string { assembler.hiddenLinePrefixes[language] = prefix }
            }
        }
        let sources = entries.map { ChapterSource(title: $0.title, path: $0.path, location: $0.location) }
        let (chapters, files, chapterDiagnostics, counts) = assembler.assemble(sources)
        diagnostics += chapterDiagnostics

        let listed = Set(entries.compactMap(\.path))
        let unlisted = ImportFiles.list(contentRoot).filter { $0.hasSuffix(".md") && $0 != "SUMMARY.md" && !listed.contains($0) }
        if !unlisted.isEmpty {
            notes.append("\(unlisted.count) Markdown file\(unlisted.count == 1 ? "" : "s") under \(contentLabel)/ that SUMMARY.md does not list (mdBook does not publish them either): "
                         + unlisted.joined(separator: ", ") + ".")
        }
        let folderName = root.standardizedFileURL.lastPathComponent
        let title = book["title"]?.string ?? folderName
        let authors = (book["authors"].flatMap { value -> [String]? in
            if case .array(let items) = value.kind { return items.compactMap(\.string) }
            return nil
        }) ?? []
        var language = book["language"]?.string
        if let tag = language, !ImportOptions.isLanguageTag(tag) {
            notes.append("The language '\(tag)' of book.toml is not a language tag Playbook accepts; it is left out of book.yaml.")
            language = nil
        }
        notes += ImportNotes.mdBook(counts: counts, siteRoot: options.siteRoot)
        let imported = ImportedBook(slug: options.slug(for: title), title: title, authors: authors,
                                    description: book["description"]?.string, language: language, chapters: chapters, files: files,
                                    diagnostics: diagnostics, notes: notes, counts: counts)
        return (imported, diagnostics)
    }

    /// The settings of `book.toml` whose effect is not carried over, and known keys of the wrong type.
    static func check(_ table: TOMLTable, file: SourceFile) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func at(_ value: TOMLValue) -> SourceLocation {
            file.location(line: value.line, column: value.column, length: max(file.line(value.line).utf8.count - value.column + 1, 1))
        }
        if let book = table["book"]?.table {
            for key in ["title", "description", "language", "src"] {
                if let value = book[key], value.string == nil {
                    diagnostics.append(.warning(.importToml, "'\(key)' should be a string, not \(value.typeName): it is not used", at: at(value)))
                }
            }
            if let authors = book["authors"] {
                var fine = false
                if case .array(let items) = authors.kind { fine = items.allSatisfy { $0.string != nil } }
                if !fine {
                    diagnostics.append(.warning(.importToml, "'authors' should be an array of strings: it is not used", at: at(authors)))
                }
            }
        }
        if let preprocessors = table["preprocessor"]?.table {
            // mdBook's own, and admonish, whose blocks the import writes as callouts.
            for (name, value) in preprocessors.entries where !["links", "index", "admonish"].contains(name) {
                diagnostics.append(.warning(.importSyntax, "the preprocessor '\(name)' does not run in Playbook: what it adds to the chapters is not carried over",
                                            at: file.location(line: value.line, firstOccurrenceOf: name),
                                            hint: "look for its syntax in the imported chapters and write it the Playbook way"))
            }
        }
        if let html = table.value(at: ["output", "html"])?.table {
            if let mathjax = html["mathjax-support"], mathjax.kind == .boolean(true) {
                diagnostics.append(.warning(.importSyntax, "MathJax is not carried over: Playbook shows \\( … \\) and $$ … $$ as written",
                                            at: at(mathjax)))
            }
            for key in ["additional-css", "additional-js"] {
                if let value = html[key] {
                    diagnostics.append(.warning(.importSyntax, "'\(key)' is not carried over: the book uses Playbook's stylesheet and scripts",
                                                at: at(value), hint: "add what matters to site/css/playbook.css or templates/ by hand"))
                }
            }
        }
        return diagnostics
    }
}

/// Lines of the report that say what an import did, beside the diagnostics.
enum ImportNotes {
    static func mdBook(counts: ImportCounts, siteRoot: String?) -> [String] {
        var notes: [String] = []
        notes.append("\(counts.includes) {{#include}} / {{#rustdoc_include}} line\(counts.includes == 1 ? "" : "s") resolved.")
        notes += common(counts: counts, siteRoot: siteRoot)
        return notes
    }

    static func common(counts: ImportCounts, siteRoot: String?) -> [String] {
        var notes: [String] = []
        notes.append("\(counts.linksRewritten) link\(counts.linksRewritten == 1 ? "" : "s") rewritten to chapter files or anchors.")
        if counts.fenceAttributes > 0 {
            notes.append("\(counts.fenceAttributes) code fence\(counts.fenceAttributes == 1 ? "" : "s") lost mdBook's attributes (editable, ignore, should_panic…): only the language is kept.")
        }
        if counts.admonitions > 0 {
            notes.append("\(counts.admonitions) mdbook-admonish block\(counts.admonitions == 1 ? " written as a callout" : "s written as callouts") (> [!NOTE], [!TIP], [!WARNING]…).")
        }
        if counts.listings > 0 {
            notes.append("\(counts.listings) <Listing> element\(counts.listings == 1 ? "" : "s") (the Rust book's trpl-listing preprocessor) written as Markdown: \"Filename: …\" before the code, \"*Listing N: caption*\" after it.")
        }
        if counts.literalBraces > 0 {
            notes.append("\(counts.literalBraces) '{{' in prose written '{<!-- -->{', which reads the same and is not a Playbook value tag.")
        }
        if counts.hiddenLines > 0 {
            notes.append("\(counts.hiddenLines) hidden line\(counts.hiddenLines == 1 ? "" : "s") of code examples left out (each example is a warning below).")
        }
        if !counts.siteRootLinks.isEmpty {
            notes.append("\(counts.siteRootLinks.count) link\(counts.siteRootLinks.count == 1 ? "" : "s") leaving the book made absolute under \(siteRoot ?? "--site-root"):")
            notes += counts.siteRootLinks.map { "  - " + $0 }
        }
        return notes
    }
}
