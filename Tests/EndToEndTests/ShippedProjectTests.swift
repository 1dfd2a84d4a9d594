import Foundation
import Testing

/// The shipped project, built by the real `playbook` binary and checked by the real validators.
@Suite(.serialized) struct ShippedProjectTests {
    @Test func buildsAndPassesEPUBCheckAndTheNuChecker() throws {
        let out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Tools.playbook(["build", "--project", Tools.repository.path, "--out", out.path])
        #expect(result.status == 0, "build failed: \(result.stderr)")
        #expect(result.stderr == "", "the shipped project has diagnostics:\n\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Built 2 books in ") == true)
        #expect(Array(lines.dropFirst()) == [
            "  site:  \(out.path)/site/index.html (11 pages)",
            "  epub:  \(out.path)/epub/foundations.epub",
            "         \(out.path)/epub/customer-service.epub",
            "  xhtml: \(out.path)/xhtml/ (the EPUBs unzipped)",
            "  reports: \(out.path)/reports/kestrel-mobile/index.html",
            "           \(out.path)/reports/brightwell-outdoor/index.html",
        ])
        try Validators.expectClean(out)
    }

    @Test func theBasicFixtureAlsoPassesTheValidators() throws {
        let out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let project = Tools.repository.appendingPathComponent("Tests/PlaybookKitTests/Fixtures/projects/basic/project")
        let result = try Tools.playbook(["build", "--project", project.path, "--out", out.path])
        #expect(result.status == 0, "build failed: \(result.stderr)")
        try Validators.expectClean(out)
    }

    /// Computed blocks and values pass the validators, and a client named with markup, Markdown,
    /// a Mustache tag and an entity shows exactly those characters in both outputs.
    @Test func computedContentPassesTheValidatorsAndShowsDataLiterally() throws {
        let out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let project = Tools.repository.appendingPathComponent("Tests/PlaybookKitTests/Fixtures/projects/computed/project")
        let result = try Tools.playbook(["build", "--project", project.path, "--out", out.path])
        #expect(result.status == 0, "build failed: \(result.stderr)")
        #expect(result.stderr == "")
        try Validators.expectClean(out)
        // The name as the reader must see it, escaped once for HTML and XML alike.
        let shown = "&lt;script&gt;alert(1)&lt;/script&gt; *Acme_* [x](javascript:x) {{y}} &amp;nbsp;"
        for page in ["site/case/01-figures.html", "xhtml/case/OEBPS/01-figures.xhtml"] {
            let text = try String(contentsOf: out.appendingPathComponent(page), encoding: .utf8)
            #expect(text.contains(">Figures for \(shown)</h1>"), "\(page)")
            #expect(text.contains("<h2 id=\"gains\">What \(shown) gains</h2>"), "\(page)")
            #expect(!text.contains("<script>"), "\(page)")
            #expect(!text.contains("href=\"javascript"), "\(page)")
            #expect(text.contains("The programme returns <strong>$760,032</strong> (760032 exactly)"), "\(page)")
        }
    }

    @Test func rebuildsAreByteIdenticalAndHonourSourceDateEpoch() throws {
        let first = try Tools.temporaryFolder(), second = try Tools.temporaryFolder(), stamped = try Tools.temporaryFolder()
        defer { [first, second, stamped].forEach { try? FileManager.default.removeItem(at: $0) } }
        for folder in [first, second] {
            #expect(try Tools.playbook(["build", "--project", Tools.repository.path, "--out", folder.path]).status == 0)
        }
        let files = Tools.files(under: first)
        #expect(files == Tools.files(under: second))
        for file in files {
            let a = FileManager.default.contents(atPath: first.appendingPathComponent(file).path)
            let b = FileManager.default.contents(atPath: second.appendingPathComponent(file).path)
            #expect(a == b, "\(file) differs between two builds of the same input")
        }
        #expect(try Tools.playbook(["build", "--project", Tools.repository.path, "--out", stamped.path],
                                   environment: ["SOURCE_DATE_EPOCH": "1767225600"]).status == 0)
        let opf = try String(contentsOf: stamped.appendingPathComponent("xhtml/foundations/OEBPS/package.opf"), encoding: .utf8)
        #expect(opf.contains("<meta property=\"dcterms:modified\">2026-01-01T00:00:00Z</meta>"))
        let unstamped = try String(contentsOf: first.appendingPathComponent("xhtml/foundations/OEBPS/package.opf"), encoding: .utf8)
        #expect(unstamped.contains("<meta property=\"dcterms:modified\">2026-11-02T00:00:00Z</meta>"))
    }
}
