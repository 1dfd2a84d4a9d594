import Foundation
import Testing

/// `playbook new`: the starter builds and validates at once, and no file is ever overwritten
/// without saying so and keeping the previous contents.
@Suite(.serialized) struct NewCommandTests {
    static let created = """
    Created a Playbook project in demo/ (52 files written)
      playbook.yaml                           the series: title, authors, the books in order
      content/handbook/                       the book: book.yaml and its chapter
      content/scenarios/harbour-energy.yaml   the sample client's numbers
      content/reports/business-case/          the client report's chapters
      templates/, site/                       page layouts, stylesheet and scripts
    Next:
      cd demo
      playbook build    # the site, the EPUB and the client report, in build/
      playbook serve    # a preview at http://127.0.0.1:8000/ that reloads as you save

    """

    @Test func theStarterBuildsWithNoDiagnosticsAndPassesTheValidators() throws {
        let root = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let made = try Tools.playbook(["new", "demo"], in: root)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout == Self.created)
        #expect(made.stderr == "")
        let project = root.appendingPathComponent("demo")
        let files = Tools.files(under: project)
        #expect(files.count == 52)
        #expect(files.filter { !$0.hasPrefix("templates/") && !$0.hasPrefix("content/reports/") } == [
            ".gitignore", "content/handbook/01-the-business-case.md", "content/handbook/book.yaml",
            "content/scenarios/harbour-energy.yaml", "playbook.yaml", "site/css/playbook.css", "site/js/navigation.js",
            "site/js/search.js", "site/js/theme.js",
        ])

        let built = try Tools.playbook(["build"], in: project)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr == "", "the starter has diagnostics:\n\(built.stderr)")
        #expect(built.stdout.split(separator: "\n").dropFirst().joined(separator: "\n") == """
              site:  build/site/index.html (4 pages)
              epub:  build/epub/handbook.epub
              xhtml: build/xhtml/ (the EPUBs unzipped)
              reports: build/reports/harbour-energy/index.html
            """)
        let out = project.appendingPathComponent("build")
        try Validators.expectClean(out)
        // The chapter's figures are computed from the scenario.
        let chapter = try String(contentsOf: out.appendingPathComponent("site/handbook/01-the-business-case.html"), encoding: .utf8)
        #expect(chapter.contains("A call costs Harbour Energy $6.65/call: 7 min/call of an agent’s time at\n$0.95/min."))
        #expect(chapter.contains("The programme returns $125,237 in present value, an ROI of 34.7%, and pays back in\n17.5 months."))
    }

    @Test func aFolderWithTheStartersFilesIsRefusedUnlessForcedAndForceKeepsACopy() throws {
        let root = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Tools.playbook(["new", "demo"], in: root).status == 0)
        let project = root.appendingPathComponent("demo")

        // The same files again: nothing to do.
        let again = try Tools.playbook(["new", "demo"], in: root)
        #expect(again.status == 0)
        #expect(again.stdout == "demo/ already holds every file of the starter; nothing was written.\n")

        // Two files of the user's: refused, both listed, neither touched.
        let layout = project.appendingPathComponent("templates/layout.mustache")
        let settings = project.appendingPathComponent("playbook.yaml")
        try "my layout\n".write(to: layout, atomically: true, encoding: .utf8)
        try "title: Mine\n".write(to: settings, atomically: true, encoding: .utf8)
        let refused = try Tools.playbook(["new", "demo"], in: root)
        #expect(refused.status == 1)
        #expect(refused.stdout == "")
        #expect(refused.stderr == """
            error: demo/ already has 2 files of the starter, with other contents:
              playbook.yaml
              templates/layout.mustache
              hint: choose a new folder, or pass --force to move these files into demo/.playbook-backup/ and write the starter's copies

            """)
        #expect(try String(contentsOf: layout, encoding: .utf8) == "my layout\n")
        #expect(try String(contentsOf: settings, encoding: .utf8) == "title: Mine\n")

        // --force: each replaced file is named, and its contents kept in the backup folder.
        let forced = try Tools.playbook(["new", "demo", "--force"], in: root)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.hasPrefix("""
            Created a Playbook project in demo/ (0 files written, 50 already the same)
              replaced playbook.yaml (yours is now .playbook-backup/playbook.yaml)
              replaced templates/layout.mustache (yours is now .playbook-backup/templates/layout.mustache)

            """))
        #expect(try String(contentsOf: project.appendingPathComponent(".playbook-backup/templates/layout.mustache"), encoding: .utf8) == "my layout\n")
        #expect(try String(contentsOf: project.appendingPathComponent(".playbook-backup/playbook.yaml"), encoding: .utf8) == "title: Mine\n")
        #expect(try String(contentsOf: settings, encoding: .utf8).hasPrefix("# The series"))

        // A second forced run never overwrites the first backup.
        try "mine again\n".write(to: layout, atomically: true, encoding: .utf8)
        let second = try Tools.playbook(["new", "demo", "--force"], in: root)
        #expect(second.stdout.contains("  replaced templates/layout.mustache (yours is now .playbook-backup-2/templates/layout.mustache)\n"))
        #expect(try String(contentsOf: project.appendingPathComponent(".playbook-backup/templates/layout.mustache"), encoding: .utf8) == "my layout\n")
        #expect(try String(contentsOf: project.appendingPathComponent(".playbook-backup-2/templates/layout.mustache"), encoding: .utf8) == "mine again\n")

        // Files of the user's that the starter does not have are left alone, and the backups
        // are not part of the build.
        let notes = project.appendingPathComponent("notes.txt")
        try "keep me\n".write(to: notes, atomically: true, encoding: .utf8)
        #expect(try Tools.playbook(["new", "demo", "--force"], in: root).status == 0)
        #expect(try String(contentsOf: notes, encoding: .utf8) == "keep me\n")
        let built = try Tools.playbook(["build"], in: project)
        #expect(built.status == 0 && built.stderr == "", "\(built.stderr)")
    }

    /// A named pipe where the starter has a file is a file of the user's: refused, not waited on.
    @Test func aNamedPipeInTheWayIsRefusedWithoutWaiting() throws {
        let root = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("demo"), withIntermediateDirectories: true)
        #expect(mkfifo(root.appendingPathComponent("demo/playbook.yaml").path, 0o644) == 0)
        let refused = try Tools.playbook(["new", "demo"], in: root)
        #expect(refused.status == 1)
        #expect(refused.stderr == """
            error: demo/ already has a file of the starter, with other contents:
              playbook.yaml
              hint: choose a new folder, or pass --force to move these files into demo/.playbook-backup/ and write the starter's copies

            """)
    }

    @Test func aFileInTheWayIsAnError() throws {
        let root = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try "".write(to: root.appendingPathComponent("demo"), atomically: true, encoding: .utf8)
        let result = try Tools.playbook(["new", "demo"], in: root)
        #expect(result.status == 1)
        #expect(result.stderr == "error: demo exists and is not a folder\n")
    }
}
