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
        #expect(lines.first?.hasPrefix("Built 3 books in ") == true)
        #expect(Array(lines.dropFirst()) == [
            "  site:  \(out.path)/site/index.html (30 pages)",
            "  epub:  \(out.path)/epub/customer-service.epub",
            "         \(out.path)/epub/marketing-and-pr.epub",
            "         \(out.path)/epub/customer-lifecycle.epub",
            "  xhtml: \(out.path)/xhtml/ (the EPUBs unzipped)",
            "  reports: \(out.path)/reports/kestrel-mobile/index.html",
            "           \(out.path)/reports/brightwell-outdoor/index.html",
        ])
        try Validators.expectClean(out)
    }

    /// Every page of every shipped EPUB, read in headless chromium at an e-reader's page size
    /// (600 × 800) with the book's stylesheet (`scripts/browser/reader-view.py`): nothing is
    /// wider than the page, every image loads, every text is readable (visible, with WCAG AA
    /// contrast against what is behind it), no `<details>`, the assumptions appendix in a few
    /// screens, the cover, title page, copyright page and contents first, and each book ends
    /// with "About this series".
    @Test func everyEPUBPageFitsAnEReaderPage() throws {
        let out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try Tools.playbook(["build", "--project", Tools.repository.path, "--out", out.path]).status == 0)
        let python = ProcessInfo.processInfo.environment["PLAYBOOK_PYTHON"] ?? Tools.repository.appendingPathComponent(".tools/venv/bin/python3").path
        let script = Tools.repository.appendingPathComponent("scripts/browser/reader-view.py").path
        for book in ["customer-service", "marketing-and-pr", "customer-lifecycle"] {
            let oebps = out.appendingPathComponent("xhtml/\(book)/OEBPS")
            let result = try Tools.run(URL(fileURLWithPath: python), [script, oebps.path])
            #expect(result.status == 0, "\(result.stderr.suffix(1500))")
            let seen = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let pages = seen["pages"] as? [[String: Any]] ?? []
            #expect(pages.count >= 11, "\(book): cover, title page, copyright page, contents, six chapters or more, the series page")
            #expect(pages.first?["file"] as? String == "cover.xhtml")
            // The front matter in reading order: the cover, the title page, the copyright page, the contents.
            #expect(pages.prefix(4).map { "\($0["file"] ?? "") \($0["type"] ?? "")" }
                    == ["cover.xhtml cover", "title.xhtml titlepage", "copyright.xhtml copyright-page", "nav.xhtml toc"])
            #expect(pages.prefix(3).allSatisfy { $0["height"] as? Int == 800 }, "\(book): a front page is taller than the screen")
            #expect(pages.last?["file"] as? String == "series.xhtml")
            #expect(pages.last?["title"] as? String == "About this series")
            for page in pages {
                let file = page["file"] as? String ?? "?"
                #expect(page["too_wide"] as? [String] == [], "\(book)/\(file) is wider than an e-reader's page")
                #expect(page["broken_images"] as? [String] == [], "\(book)/\(file) has images that do not load")
                #expect((page["unreadable"] as? [Any])?.isEmpty == true, "\(book)/\(file) has text a reader cannot read: \(page["unreadable"] ?? "")")
                // Many readers open no <details>: a chart's data is a plain table after the chart.
                #expect(page["details"] as? Int == 0, "\(book)/\(file) has <details>")
                // The assumptions appendix (every input with its value, range, unit and source) is
                // compact rows, not a card per cell: at most three and a half screens (the 25
                // inputs of Kestrel Mobile's case took six and a half as cards).
                for table in page["tables"] as? [[String: Any]] ?? [] where table["block"] as? String == "pb-assumptions" {
                    #expect((table["screens"] as? Double ?? 99) <= 3.5, "\(book)/\(file): \(table)")
                }
            }
            #expect(pages.reduce(0) { $0 + ($1["looked"] as? Int ?? 0) } >= 1000, "\(book): every text of the book is looked at")
            // The cover fits on one screen.
            #expect(pages.first?["height"] as? Int == 800, "\(book)'s cover is taller than the page")
        }
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
            // The site's headings end with their link (named with the heading's text); the EPUB's do not.
            let link = page.hasPrefix("site/") ? "<a class=\"heading-anchor\" href=\"#gains\" aria-label=\"Link to this section: What \(shown) gains\"></a>" : ""
            #expect(text.contains("<h2 id=\"gains\">What \(shown) gains\(link)</h2>"), "\(page)")
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
        let opf = try String(contentsOf: stamped.appendingPathComponent("xhtml/customer-service/OEBPS/package.opf"), encoding: .utf8)
        #expect(opf.contains("<meta property=\"dcterms:modified\">2026-01-01T00:00:00Z</meta>"))
        let unstamped = try String(contentsOf: first.appendingPathComponent("xhtml/customer-service/OEBPS/package.opf"), encoding: .utf8)
        #expect(unstamped.contains("<meta property=\"dcterms:modified\">2026-11-23T00:00:00Z</meta>"))
    }
}
