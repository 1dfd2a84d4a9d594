import Foundation
import Testing

/// Footnotes, callouts and numbered tables and figures (the `reader-marks` fixture project)
/// in a real browser and through the validators.
@Suite(.serialized) struct ReaderMarksTests {
    static let project = Tools.repository.appendingPathComponent("Tests/PlaybookKitTests/Fixtures/projects/reader-marks/project")

    /// In headless chromium (`scripts/browser/reader-marks.py`), on the site and in the EPUB's
    /// XHTML: a footnote reference lands on its note, the note's back link lands on the
    /// reference, and a "Table 2.1" link in another chapter lands on the table; each time the
    /// element is `:target` and inside the window.
    @Test func aNoteAndItsBackLinkAndATableLinkLandOnEachOther() throws {
        let out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let build = try Tools.playbook(["build", "--project", Self.project.path, "--out", out.path])
        #expect(build.status == 0, "build failed: \(build.stderr)")
        let python = ProcessInfo.processInfo.environment["PLAYBOOK_PYTHON"] ?? Tools.repository.appendingPathComponent(".tools/venv/bin/python3").path
        let script = Tools.repository.appendingPathComponent("scripts/browser/reader-marks.py").path
        let result = try Tools.run(URL(fileURLWithPath: python), [script, out.path])
        #expect(result.status == 0, "\(result.stdout.suffix(1500)) \(result.stderr.suffix(1500))")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let steps = (seen["steps"] as? [[String: Any]] ?? []).map { step in
            ["clicked", "page", "hash", "target", "tag", "in_view"].map { "\($0)=\(step[$0].map { "\($0)" } ?? "nil")" }.joined(separator: " ")
        }
        #expect(steps == [
            "clicked=1 page=notes/01-notes.html hash=#fn-1 target=fn-1 tag=li in_view=1",
            "clicked=\u{21A9} page=notes/01-notes.html hash=#fnref-1 target=fnref-1 tag=a in_view=1",
            "clicked=Table 2.1 page=notes/02-numbers.html hash=#tbl-costs target=tbl-costs tag=table in_view=1",
            "clicked=1 page=OEBPS/01-notes.xhtml hash=#fn-1 target=fn-1 tag=aside in_view=1",
            "clicked=\u{21A9} page=OEBPS/01-notes.xhtml hash=#fnref-1 target=fnref-1 tag=a in_view=1",
            "clicked=Table 2.1 page=OEBPS/02-numbers.xhtml hash=#tbl-costs target=tbl-costs tag=table in_view=1",
        ])
    }

    /// EPUBCheck, the Nu checker and xmllint find nothing in the site and the EPUB, footnotes
    /// (`epub:type="noteref"`, `aside epub:type="footnote"`), callouts and figures included.
    @Test func theOutputPassesTheValidators() throws {
        let out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let build = try Tools.playbook(["build", "--project", Self.project.path, "--out", out.path])
        #expect(build.status == 0, "build failed: \(build.stderr)")
        try Validators.expectClean(out)
        let chapter = try String(contentsOf: out.appendingPathComponent("xhtml/notes/OEBPS/01-notes.xhtml"), encoding: .utf8)
        #expect(chapter.contains("<a id=\"fnref-1\" href=\"#fn-1\" epub:type=\"noteref\" role=\"doc-noteref\">1</a>"))
        #expect(chapter.contains("<li><aside epub:type=\"footnote\" role=\"doc-footnote\" id=\"fn-1\">"))
    }
}
