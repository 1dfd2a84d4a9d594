import Foundation
import PlaybookCore
@testable import PlaybookImport
import Testing

/// Each kind of import on a small fixture (`Fixtures/<kind>/<name>`), compared file by file
/// with the project it should write (`Fixtures/<kind>/expected`): the book's files and the
/// import report, which holds every diagnostic printed whole. `PLAYBOOK_RECORD=1` re-records.
@Suite struct ImportFixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let date = Timestamp(secondsSinceEpoch: 1_796_083_200)  // 2026-12-01

    private func options(_ kind: String, source: String, siteRoot: String? = nil) -> ImportOptions {
        ImportOptions(source: Self.fixtures.appendingPathComponent(kind).appendingPathComponent(source), label: source, book: nil,
                      siteRoot: siteRoot, date: Self.date)
    }

    /// Compares the files an import writes into an empty folder with `expected`.
    private func expect(_ book: ImportedBook?, kind: String, label: String, name: String, expected: String = "expected",
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        guard let book else {
            Issue.record("nothing was imported", sourceLocation: sourceLocation)
            return
        }
        let files = ImportWriter.files(of: book, date: Self.date, sourceLabel: label, writeSettings: true, kind: name)
        let folder = Self.fixtures.appendingPathComponent(kind).appendingPathComponent(expected)
        if ProcessInfo.processInfo.environment["PLAYBOOK_RECORD"] != nil {
            try? FileManager.default.removeItem(at: folder)
            for (path, bytes) in files {
                let url = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
            }
            return
        }
        #expect(files.map(\.path) == ImportFiles.list(folder), sourceLocation: sourceLocation)
        for (path, bytes) in files {
            let expected = (try? Data(contentsOf: folder.appendingPathComponent(path))).map { [UInt8]($0) } ?? []
            if bytes != expected {
                #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "\(path)",
                        sourceLocation: sourceLocation)
            }
        }
    }

    @Test func anMdBookBookWithItsSiteRoot() throws {
        let (book, _) = MdBookImport.run(options("mdbook", source: "lighthouse", siteRoot: "https://example.org/lighthouse/"))
        try expect(book, kind: "mdbook", label: "lighthouse", name: "mdBook")
    }

    @Test func anMdBookBookWithoutASiteRootListsTheLinksThatLeaveIt() throws {
        let (book, diagnostics) = MdBookImport.run(options("mdbook", source: "lighthouse"))
        #expect(DiagnosticPrinter().format(diagnostics.filter { $0.message.contains("--site-root") }) == """
            lighthouse/src/getting-started/installation.md:4:15: warning: '../../tides/index.html' leaves the book, and no --site-root says where it is published: the link is left out, its text kept [import-link]
              4 | [tide tables](../../tides/index.html) at hand.
                |               ^~~~~~~~~~~~~~~~~~~~~~
              hint: import again with --site-root https://…/ (the address the book is published at), or fix the link
            lighthouse/src/reference/listings.md:9:16: warning: '../files/readings.csv' links to a file, which an EPUB cannot open, and no --site-root says where it is published: the link is left out, its text kept [import-link]
              9 | [the readings](../files/readings.csv) are there too; [this note](../notes.md) is not.
                |                ^~~~~~~~~~~~~~~~~~~~~
              hint: import again with --site-root https://…/ to link to the published file, or show it in the chapter
            2 warnings

            """)
        #expect(book?.chapters.first { $0.fileName == "02-installation.md" }?.body.contains("keep the\ntide tables at hand.") == true)
    }

    @Test func aFolderThatIsNotAnMdBookBookIsOneError() {
        let (book, diagnostics) = MdBookImport.run(options("markdown", source: "field-notes"))
        #expect(book == nil)
        #expect(DiagnosticPrinter().format(diagnostics) == """
            error: field-notes is not an mdBook book: field-notes/src/SUMMARY.md cannot be read (there is no such file) [import-source]
              hint: name the folder that holds book.toml and src/SUMMARY.md
            1 error

            """)
    }

    @Test func aFolderOfMarkdownFiles() throws {
        let (book, _) = MarkdownFolderImport.run(options("markdown", source: "field-notes"))
        try expect(book, kind: "markdown", label: "field-notes", name: "Markdown folder")
    }

    @Test func aWordDocumentThroughPandoc() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("playbook-import-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let (book, diagnostics) = DocxImport.run(options("docx", source: "manuscript.docx"), temporaryFolder: temporary)
        #expect(!diagnostics.contains { $0.id == .pandocMissing }, "install pandoc (scripts/test.sh does)")
        try expect(book, kind: "docx", label: "manuscript.docx", name: "Word document")
    }

    @Test func aMissingPandocIsOneErrorSayingHowToInstallIt() {
        #expect(PandocLocatorCheck.missing() == """
            error: a Word document is converted with Pandoc, and PLAYBOOK_PANDOC names /nowhere/pandoc, which is not a program [pandoc-missing]
              hint: install Pandoc (Debian and Ubuntu: sudo apt-get install pandoc; macOS: brew install pandoc; others: https://pandoc.org/installing.html), or set PLAYBOOK_PANDOC to the program
            1 error

            """)
    }
}

/// Runs the docx import with `PLAYBOOK_PANDOC` naming no program.
enum PandocLocatorCheck {
    static func missing() -> String {
        let options = ImportOptions(source: URL(fileURLWithPath: "/nowhere/book.docx"), label: "book.docx", book: nil, siteRoot: nil,
                                    date: Timestamp(secondsSinceEpoch: 0))
        let (_, diagnostics) = DocxImport.run(options, temporaryFolder: URL(fileURLWithPath: "/tmp"),
                                         environment: ["PLAYBOOK_PANDOC": "/nowhere/pandoc"])
        return DiagnosticPrinter().format(diagnostics)
    }
}
