import ArgumentParser
import Foundation
import PlaybookCore
import PlaybookImport

/// `playbook import mdbook|markdown|docx`: an existing book made a Playbook book.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring an existing book in: an mdBook book, a folder of Markdown files or a Word document.",
        discussion: """
        Writes content/<book>/ (book.yaml and one Markdown file per chapter, with the images and \
        files the chapters use), playbook.yaml when the project folder has none, and \
        IMPORT-<book>.md, which lists what was imported and everything that could not be carried \
        over, each at its file, line and column in the source. Nothing is overwritten: the book's \
        folder and the report must not exist yet.
        """,
        subcommands: [MdBook.self, Markdown.self, Docx.self]
    )

    /// What every kind of import takes.
    struct Options: ParsableArguments {
        @Option(name: .customLong("into"), help: ArgumentHelp("The project folder to write into (created if needed).", valueName: "folder"))
        var into: String = "."

        @Option(name: .customLong("book"), help: ArgumentHelp("The book's folder name under content/ (default: from its title).", valueName: "name"))
        var book: String?
    }

    struct MdBook: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mdbook",
            abstract: "Import an mdBook book (the folder holding book.toml and src/SUMMARY.md).",
            discussion: """
            The chapters are those src/SUMMARY.md lists, in reading order (prefix, numbered with \
            nested sections after their parent, suffix); part titles are reported, drafts are \
            written with 'draft: true'. {{#include}} and {{#rustdoc_include}} are resolved; links \
            to chapter pages (chapter.html) become links to the chapter files; images and files the \
            chapters use are copied.
            """
        )

        @Argument(help: "The mdBook book's folder.")
        var source: String

        @OptionGroup var options: Options

        @Option(name: .customLong("site-root"), help: ArgumentHelp(
            "Where the book is published (https://doc.example.org/book/): links that leave the book are made absolute under it.",
            valueName: "url"))
        var siteRoot: String?

        func run() throws {
            try ImportCommand.perform(kind: "mdBook", source: source, options: options, siteRoot: siteRoot) { MdBookImport.run($0) }
        }
    }

    struct Markdown: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "markdown",
            abstract: "Import a folder of Markdown files.",
            discussion: """
            The order is that of SUMMARY.md, or of the links in an index.md or README.md, else the \
            number each file name starts with (01-intro.md). A chapter's title is its first heading.
            """
        )

        @Argument(help: "The folder of .md files.")
        var source: String

        @OptionGroup var options: Options

        @Option(name: .customLong("site-root"), help: ArgumentHelp(
            "Where the pages are published: links that leave the folder are made absolute under it.", valueName: "url"))
        var siteRoot: String?

        func run() throws {
            try ImportCommand.perform(kind: "Markdown folder", source: source, options: options, siteRoot: siteRoot) {
                MarkdownFolderImport.run($0)
            }
        }
    }

    struct Docx: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "docx",
            abstract: "Import a Word document (.docx), converted with Pandoc.",
            discussion: """
            Split into chapters at its top-level headings; footnotes and tables kept (a table with \
            lists or several paragraphs in a cell stays HTML); images extracted into media/. Needs \
            Pandoc (Debian and Ubuntu: sudo apt-get install pandoc), or PLAYBOOK_PANDOC naming it.
            """
        )

        @Argument(help: "The Word document.")
        var source: String

        @OptionGroup var options: Options

        func run() throws {
            let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("playbook-import-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: temporary) }
            try ImportCommand.perform(kind: "Word document", source: source, options: options, siteRoot: nil) {
                DocxImport.run($0, temporaryFolder: temporary)
            }
        }
    }

    /// Runs one kind of import and writes its book, or prints why not.
    static func perform(kind: String, source: String, options: Options, siteRoot: String?,
                        importer: (ImportOptions) -> (ImportedBook?, [Diagnostic])) throws {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let sourceURL = URL(fileURLWithPath: source, relativeTo: current).standardizedFileURL
        let folder = URL(fileURLWithPath: options.into, relativeTo: current).standardizedFileURL
        if let book = options.book, !Slug.isValidFileName(book) {
            Terminal.writeError("error: '\(book)' is not a usable folder name for a book\n  hint: book folders become parts of web addresses: use letters, digits, '-' and '_'\n")
            throw ExitCode.failure
        }
        if let siteRoot, URL(string: siteRoot)?.scheme == nil {
            Terminal.writeError("error: --site-root must be an absolute address such as https://doc.example.org/book/, not '\(siteRoot)'\n")
            throw ExitCode.failure
        }
        var date = Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !text.isEmpty {
            guard let seconds = Int64(text), seconds >= 0 else {
                Terminal.printDiagnostics([.error(.sourceDateEpoch, "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not '\(text)'",
                                                  at: nil)])
                throw ExitCode.failure
            }
            date = Timestamp(secondsSinceEpoch: seconds)
        }
        let label = source.hasSuffix("/") && source.count > 1 ? String(source.dropLast()) : source
        let importOptions = ImportOptions(source: sourceURL, label: label, book: options.book, siteRoot: siteRoot, date: date)
        let (imported, diagnostics) = importer(importOptions)
        Terminal.printDiagnostics(diagnostics.sortedForPrinting())
        guard let book = imported else { throw ExitCode.failure }
        let shown = Terminal.display(folder)
        let outcome: ImportWriter.Outcome
        do {
            outcome = try ImportWriter.write(book, into: folder, date: date, sourceLabel: label, kind: kind)
        } catch {
            switch error {
            case .exists(let paths):
                var text = "error: \(shown)/ already has \(paths.count == 1 ? "" : "these: ")\(paths.joined(separator: ", ")); nothing was written\n"
                text += "  hint: an import never overwrites: choose another --book name, or another folder with --into\n"
                Terminal.writeError(text)
            case .notAFolder:
                Terminal.writeError("error: \(shown) exists and is not a folder\n")
            case .cannotWrite(let path, let reason):
                Terminal.writeError("error: cannot write \(shown)/\(path): \(reason)\n")
            }
            throw ExitCode.failure
        }
        let shownPrefix = shown == "." || shown.isEmpty ? "" : shown + "/"
        var text = "Imported \(label) into \(shownPrefix)content/\(book.slug)/: \(book.chapters.count) chapter\(book.chapters.count == 1 ? "" : "s")"
        text += ", \(book.files.count) other file\(book.files.count == 1 ? "" : "s")"
        text += diagnostics.isEmpty ? ", nothing left behind\n" : "; \(diagnostics.count) thing\(diagnostics.count == 1 ? "" : "s") not carried over as written (above)\n"
        text += "  report: \(shownPrefix)\(outcome.report)\n"
        if outcome.wroteSettings {
            text += "  playbook.yaml written, with the book in its list\n"
        } else {
            text += "  playbook.yaml was already there: add '\(book.slug)' to its books: list to publish the book\n"
        }
        text += "Next:\n"
        if !shownPrefix.isEmpty { text += "  cd \(shown)\n" }
        text += "  playbook build\n"
        print(text, terminator: "")
    }
}
