import Foundation
import Testing

/// `playbook import`: each fixture of `Tests/PlaybookImportTests/Fixtures` imported by the
/// command, built, and checked by EPUBCheck, the Nu checker and xmllint; and an import never
/// writes over a project's files.
@Suite(.serialized) struct ImportCommandTests {
    static let fixtures = Tools.repository.appendingPathComponent("Tests/PlaybookImportTests/Fixtures")

    /// The diagnostics of an import report, as the command prints them on standard error.
    private func reportedDiagnostics(_ report: URL) throws -> String {
        let text = try String(contentsOf: report, encoding: .utf8)
        guard let start = text.range(of: "```text\n"), let end = text.range(of: "```\n", range: start.upperBound..<text.endIndex) else { return "" }
        return String(text[start.upperBound..<end.lowerBound])
    }

    /// Copies the fixture's source into a fresh folder, imports it into `project/`, checks what
    /// the command printed, builds the project and validates the output.
    private func roundTrip(kind: String, source: String, arguments: [String], book: String, chapters: Int, files: Int) throws {
        let root = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(kind).appendingPathComponent(source),
                                         to: root.appendingPathComponent(source))
        let imported = try Tools.playbook(["import", kind, source, "--into", "project"] + arguments,
                                          environment: ["SOURCE_DATE_EPOCH": "1796083200"], in: root)
        #expect(imported.status == 0, "\(imported.stderr)")
        let expected = Self.fixtures.appendingPathComponent(kind).appendingPathComponent("expected")
        #expect(imported.stderr == (try reportedDiagnostics(expected.appendingPathComponent("IMPORT-\(book).md"))))
        let count = imported.stderr.components(separatedBy: "\n").filter { $0.contains(": warning: ") || $0.contains(": error: ") }.count
        #expect(imported.stdout == """
            Imported \(source) into project/content/\(book)/: \(chapters) chapters, \(files) other file\(files == 1 ? "" : "s"); \(count) thing\(count == 1 ? "" : "s") not carried over as written (above)
              report: project/IMPORT-\(book).md
              playbook.yaml written, with the book in its list
            Next:
              cd project
              playbook build

            """)
        // The project written is the one the fixture test expects, file for file.
        let project = root.appendingPathComponent("project")
        #expect(Tools.files(under: project) == Tools.files(under: expected))
        for path in Tools.files(under: expected) {
            #expect(FileManager.default.contents(atPath: project.appendingPathComponent(path).path)
                    == FileManager.default.contents(atPath: expected.appendingPathComponent(path).path), "\(path)")
        }
        let built = try Tools.playbook(["build"], in: project)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr == "")
        try Validators.expectClean(project.appendingPathComponent("build"))
    }

    @Test func anMdBookBookImportsBuildsAndValidates() throws {
        try roundTrip(kind: "mdbook", source: "lighthouse", arguments: ["--site-root", "https://example.org/lighthouse/"],
                      book: "lighthouse-keeping", chapters: 8, files: 2)
    }

    @Test func aMarkdownFolderImportsBuildsAndValidates() throws {
        try roundTrip(kind: "markdown", source: "field-notes", arguments: [], book: "field-notes", chapters: 4, files: 1)
    }

    @Test func aWordDocumentImportsBuildsAndValidates() throws {
        try roundTrip(kind: "docx", source: "manuscript.docx", arguments: [], book: "customer-care-on-social", chapters: 2, files: 1)
    }

    @Test func anImportNeverWritesOverAProject() throws {
        let root = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("markdown/field-notes"),
                                         to: root.appendingPathComponent("field-notes"))
        #expect(try Tools.playbook(["new", "project"], in: root).status == 0)
        let settings = root.appendingPathComponent("project/playbook.yaml")
        let before = try String(contentsOf: settings, encoding: .utf8)

        // Into an existing project: the book is added, playbook.yaml is left alone.
        let first = try Tools.playbook(["import", "markdown", "field-notes", "--into", "project", "--book", "notes"], in: root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasSuffix("""
              report: project/IMPORT-notes.md
              playbook.yaml was already there: add 'notes' to its books: list to publish the book
            Next:
              cd project
              playbook build

            """))
        #expect(try String(contentsOf: settings, encoding: .utf8) == before)

        // Again: the book's folder and the report exist, so nothing is written.
        let chapter = root.appendingPathComponent("project/content/notes/01-index.md")
        try "---\ntitle: Mine\norder: 1\n---\n".write(to: chapter, atomically: true, encoding: .utf8)
        let second = try Tools.playbook(["import", "markdown", "field-notes", "--into", "project", "--book", "notes"], in: root)
        #expect(second.status == 1)
        #expect(second.stderr.hasSuffix("""
            error: project/ already has these: IMPORT-notes.md, content/notes/; nothing was written
              hint: an import never overwrites: choose another --book name, or another folder with --into

            """))
        #expect(try String(contentsOf: chapter, encoding: .utf8) == "---\ntitle: Mine\norder: 1\n---\n")
    }
}
