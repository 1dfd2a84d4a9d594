import Foundation
import PlaybookCore
@testable import PlaybookKit
import PlaybookLoad
import PlaybookRender
import Testing

/// `sitemap.xml` and the OpenGraph / Twitter card tags, whole, for the basic fixture (whose
/// `base_url` is set): with and without printed PDFs (the cover pictures `og:image` names are
/// printed with them), and with no `base_url` at all.
@Suite struct SiteMetadataTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/projects/basic/project")

    /// The series' site files as text, by path, made from the fixture as `playbook build`
    /// makes them (with `pdf`), after `change` edits what load read.
    private func site(pdf: Bool, change: (inout LoadedProject) -> Void = { _ in }) async throws -> [String: String] {
        let (read, diagnostics) = await LoadStage.run(root: Self.fixture, includeDrafts: false)
        var loaded = try #require(read, "\(diagnostics)")
        change(&loaded)
        let made = await SeriesTarget.make(loaded, books: loaded.project.books, sourceDate: nil, pdf: pdf, memo: .none) { _ in }
        var files: [String: String] = [:]
        for file in made.target.output.files {
            if case .text(let text) = file.content { files[file.path] = text }
        }
        return files
    }

    /// The lines of a page's head from its canonical link to its Twitter card.
    private func socialTags(_ page: String?) -> String {
        let lines = (page ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("<link rel=\"canonical\"") }),
              let end = lines.firstIndex(where: { $0.hasPrefix("<meta name=\"twitter:card\"") }) else { return "" }
        return lines[start...end].joined(separator: "\n")
    }

    @Test func theSitemapListsEveryPageWithItsAddress() async throws {
        let files = try await site(pdf: false)
        #expect(files["site/sitemap.xml"] == """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc>https://guide.example.org/docs/</loc></url>
            <url><loc>https://guide.example.org/docs/search.html</loc></url>
            <url><loc>https://guide.example.org/docs/guide/</loc></url>
            <url><loc>https://guide.example.org/docs/guide/01-start.html</loc></url>
            <url><loc>https://guide.example.org/docs/guide/02-links.html</loc></url>
            <url><loc>https://guide.example.org/docs/appendix/</loc></url>
            <url><loc>https://guide.example.org/docs/appendix/01-notes.html</loc></url>
            </urlset>

            """)
        // Every page of the site is in it, and nothing else.
        let pages = files.keys.filter { $0.hasSuffix(".html") }.map { path -> String in
            let page = String(path.dropFirst("site/".count))
            return "https://guide.example.org/docs/" + (page.hasSuffix("index.html") ? String(page.dropLast("index.html".count)) : page)
        }
        let listed = (files["site/sitemap.xml"] ?? "").components(separatedBy: "<loc>").dropFirst().map { $0.components(separatedBy: "</loc>")[0] }
        #expect(Set(pages) == Set(listed))
    }

    @Test func pagesCarryOpenGraphAndTwitterCardTags() async throws {
        let files = try await site(pdf: false)
        #expect(socialTags(files["site/guide/01-start.html"]) == """
            <link rel="canonical" href="https://guide.example.org/docs/guide/01-start.html">
            <meta property="og:type" content="article">
            <meta property="og:site_name" content="Field Guide &lt;Test&gt; &amp; Co">
            <meta property="og:title" content="Start here: the basics · The Guide">
            <meta property="og:description" content="Headings, emphasis, lists and a table.">
            <meta property="og:url" content="https://guide.example.org/docs/guide/01-start.html">
            <meta name="twitter:card" content="summary">
            """)
        #expect(socialTags(files["site/index.html"]) == """
            <link rel="canonical" href="https://guide.example.org/docs/">
            <meta property="og:type" content="website">
            <meta property="og:site_name" content="Field Guide &lt;Test&gt; &amp; Co">
            <meta property="og:title" content="Field Guide &lt;Test&gt; &amp; Co">
            <meta property="og:description" content="Two small books that exercise tables, raw HTML, links and images.">
            <meta property="og:url" content="https://guide.example.org/docs/">
            <meta name="twitter:card" content="summary">
            """)
    }

    @Test func printedCoversBecomeTheImageOfEveryPageOfTheirBook() async throws {
        let files = try await site(pdf: true)
        #expect(socialTags(files["site/appendix/index.html"]) == """
            <link rel="canonical" href="https://guide.example.org/docs/appendix/">
            <meta property="og:type" content="book">
            <meta property="og:site_name" content="Field Guide &lt;Test&gt; &amp; Co">
            <meta property="og:title" content="Appendix · Field Guide &lt;Test&gt; &amp; Co">
            <meta property="og:description" content="Two small books that exercise tables, raw HTML, links and images.">
            <meta property="og:url" content="https://guide.example.org/docs/appendix/">
            <meta property="og:image" content="https://guide.example.org/docs/appendix/cover.png">
            <meta property="og:image:alt" content="The cover of Appendix">
            <meta name="twitter:card" content="summary_large_image">
            """)
        // The home page shows the first book's cover; the book's PDF is linked with its EPUB.
        #expect(socialTags(files["site/index.html"]).contains("<meta property=\"og:image\" content=\"https://guide.example.org/docs/guide/cover.png\">"))
        #expect(files["site/guide/index.html"]?.contains("""
            <p class="downloads">Download <a class="download download-epub" href="../../epub/guide.epub" type="application/epub+zip" download>EPUB<span class="visually-hidden"> of The Guide</span></a> <a class="download download-pdf" href="../../pdf/guide.pdf" type="application/pdf" download>PDF<span class="visually-hidden"> of The Guide</span></a> </p>
            """) == true)
    }

    @Test func withoutABaseURLThereIsNoSitemapAndNoSocialTags() async throws {
        let files = try await site(pdf: true) { $0.project.settings.baseURL = nil }
        #expect(files["site/sitemap.xml"] == nil)
        let page = try #require(files["site/guide/01-start.html"])
        #expect(!page.contains("og:") && !page.contains("twitter:") && !page.contains("rel=\"canonical\""))
    }
}
