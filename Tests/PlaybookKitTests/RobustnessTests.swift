import Foundation
import PlaybookCore
import PlaybookKit
import Testing
@testable import PlaybookTransform

/// Seeded random chapters made of the pieces authors get wrong — stray tags, broken entities,
/// half tables, odd links, deep nesting, non-ASCII text — must give diagnostics or output,
/// never a crash.
@Suite struct RobustnessTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    static let pieces = [
        "text ", "*", "**", "_", "`", "[", "]", "(", ")", "![", "<", ">", "&", "&nbsp;", "&bogus;", "&#0;", "&#x110000;",
        "<div>", "</div>", "<span>", "</span>", "<p>", "<br>", "</br>", "<img src=\"x.png\">", "<svg><path/></svg>",
        "<!--", "-->", "<![CDATA[", "]]>", "<?x?>", "<!DOCTYPE html>", "<td>", "<tr>", "<table>", "</table>",
        "| a | b |\n", "|---|---|\n", "| 1 |\n", "\\|", "\n", "\n\n", "> ", "- ", "1. ", "# ", "## T {#x}\n", "```\n",
        "    ", "\t", "[l](02-b.md)", "[l](02-b.md#zz)", "[l](#nowhere)", "[l](../x/)", "[l](/abs)", "[l](https://e.com)",
        "![i](images/p.png)", "![](https://e.com/x.png)", "[r][ref]", "\n[ref]: 02-b.md\n", "é", "漢字", "👍🏽", "\u{301}",
        "\"", "'", "--", "...", "{{", "}}", "\u{0}", "\r\n",
    ]

    @Test func randomChaptersNeverCrashTheBuild() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write([
            "playbook.yaml": "title: T\nauthors: [A]\nlanguage: en\nbase_url: https://e.com/\nbooks: [one]\n",
            "content/one/book.yaml": "title: One\ndate: 2026-01-01\n",
            "content/one/02-b.md": "---\ntitle: B\norder: 2\n---\n## Z\n",
        ])
        var generator = SeededGenerator(seed: 20_261_123)
        var sawErrors = 0
        for _ in 0..<150 {
            var body = ""
            for _ in 0..<Int.random(in: 5...80, using: &generator) {
                body += Self.pieces.randomElement(using: &generator) ?? ""
            }
            try folder.write(["content/one/01-a.md": "---\ntitle: A\norder: 1\n---\n" + body])
            let report = await BuildPipeline.run(BuildOptions(projectRoot: folder.url, writes: false))
            // Every diagnostic points into a real file and prints.
            for diagnostic in report.diagnostics {
                #expect(!DiagnosticPrinter().format(diagnostic).isEmpty)
                if let location = diagnostic.location { #expect(location.line >= 1, "\(diagnostic)") }
            }
            if report.diagnostics.hasErrors { sawErrors += 1 }
        }
        #expect(sawErrors > 0, "the generator should produce broken chapters too")
        #expect(sawErrors < 150, "the generator should produce valid chapters too")
    }

    @Test func brokenSettingsFilesNeverCrash() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let settings = [
            "", "---", "[", "title: [", "books: 3", "books: {a: 1}", "title: A\nbooks: [one]\nlanguage: en\nauthors: [A]",
            "title: \"unterminated", "\u{FEFF}title: A", "title: &a x\nsubtitle: *a", "title: *missing", "? complex\n: key",
            "title: A\ntitle: B", "- a list", "title:\n  nested: map",
        ]
        for text in settings {
            try folder.write(["playbook.yaml": text])
            let report = await BuildPipeline.run(BuildOptions(projectRoot: folder.url, writes: false))
            #expect(report.diagnostics.hasErrors, "'\(text)' should be reported")
        }
    }
}
