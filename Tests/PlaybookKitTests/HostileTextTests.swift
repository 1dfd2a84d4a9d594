import Foundation
import PlaybookCore
@testable import PlaybookKit
import PlaybookTemplates
import PlaybookYAML
import Testing
@testable import PlaybookFiles
@testable import PlaybookLoad
@testable import PlaybookTransform

/// Text a hostile or careless author can write: templates that include themselves, YAML
/// aliases that expand to gigabytes, control characters, escaped value tags, CRLF chapters.
/// Each must give the whole located diagnostic printed here, never a crash or a blow-up.
@Suite struct HostileTextTests {
    /// A small valid project; `files` are added to it or replace its files.
    private static let base: [String: String] = [
        "playbook.yaml": "title: T\nauthors: [A]\nlanguage: en\nbooks: [one]\n",
        "content/one/book.yaml": "title: One\ndate: 2026-01-01\n",
        "content/one/01-a.md": "---\ntitle: A\norder: 1\n---\n## Z\n\nText.\n",
    ]

    /// What `playbook check` prints for the base project with `files`.
    private func check(_ files: [String: String], binary: [String: [UInt8]] = [:]) async throws -> String {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(Self.base.merging(files) { $1 })
        for (path, bytes) in binary {
            try Data(bytes).write(to: folder.url.appendingPathComponent(path))
        }
        let report = await BuildPipeline.run(BuildOptions(projectRoot: folder.url, writes: false))
        return DiagnosticPrinter().format(report.diagnostics)
    }

    // MARK: - Templates (issue 14, item 12)

    @Test func aTemplateThatIncludesItselfIsALoop() async throws {
        #expect(try await check(["templates/home.mustache": "{{> home}}\n"]) == """
        templates/home.mustache:1:1: error: this template includes itself: home → home [template-loop]
          1 | {{> home}}
            | ^~~~~~~~~~
          hint: a template cannot include itself, directly or through others; rendering it would never end
        1 error

        """)
    }

    /// swift-mustache skips line breaks and other white space around a partial's name, so the
    /// loop check must too.
    @Test func aTemplateThatIncludesItselfAcrossALineBreakIsALoop() async throws {
        #expect(try await check(["templates/home.mustache": "{{> home\n}}\n"]) == """
        templates/home.mustache:1:1: error: this template includes itself: home → home [template-loop]
          1 | {{> home
            | ^~
          hint: a template cannot include itself, directly or through others; rendering it would never end
        1 error

        """)
    }

    @Test func aTemplateThatIsItsOwnParentIsALoop() async throws {
        #expect(try await check(["templates/home.mustache": "{{<home}}{{/home}}\n"]) == """
        templates/home.mustache:1:1: error: this template includes itself: home → home [template-loop]
          1 | {{<home}}{{/home}}
            | ^~~~~~~~~
          hint: a template cannot include itself, directly or through others; rendering it would never end
        1 error

        """)
    }

    @Test func templatesThatIncludeOneAnotherAreReportedAsOneWholeLoop() async throws {
        #expect(try await check([
            "templates/a.mustache": "x\n{{> b}}\n",
            "templates/b.mustache": "{{=<% %>=}}\n<%> c%>\n",
            "templates/c.mustache": "{{#x}}{{> a}}{{/x}}\n",
        ]) == """
        templates/a.mustache:2:1: error: these templates include one another in a loop: a → b → c → a [template-loop]
          2 | {{> b}}
            | ^~~~~~~
          hint: a template cannot include itself, directly or through others; rendering it would never end
          note: templates/b.mustache:2:1: 'b' includes 'c' here
          note: templates/c.mustache:1:7: 'c' includes 'a' here
        1 error

        """)
    }

    @Test func fiveThousandNestedSectionsAreRefusedAtTheFirstTooDeep() async throws {
        let deep = String(repeating: "{{#a}}", count: 5_000) + String(repeating: "{{/a}}", count: 5_000) + "\n"
        #expect(try await check(["templates/deep.mustache": deep]) == """
        templates/deep.mustache:1:601: error: sections nest more than 100 deep here [template-too-deep]
          1 | …a}}{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}{…
            |                                   ^~~~~~
          hint: split the template, or nest fewer sections
        1 error

        """)
    }

    @Test func nestingCountsTheSectionsOfIncludedTemplates() async throws {
        let outer = String(repeating: "{{#a}}", count: 60) + "{{> inner}}" + String(repeating: "{{/a}}", count: 60) + "\n"
        let inner = String(repeating: "{{#a}}", count: 40) + "x" + String(repeating: "{{/a}}", count: 40) + "\n"
        #expect(try await check(["templates/outer.mustache": outer, "templates/inner.mustache": inner]) == """
        templates/outer.mustache:1:361: error: sections nest more than 100 deep through the templates this tag includes [template-too-deep]
          1 | …a}}{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}{{> inner}}{{/a}}{{/a}}{{/a}}{{/a}}{{/a}}{{/a}}{{/a}}{{/a}}{{/a}}{{…
            |                                   ^~~~~~~~~~~
          hint: split the template, or nest fewer sections
        1 error

        """)
        // One level less is within the limit.
        let fewer = String(repeating: "{{#a}}", count: 59) + "{{> inner}}" + String(repeating: "{{/a}}", count: 59) + "\n"
        #expect(try await check(["templates/outer.mustache": fewer, "templates/inner.mustache": inner]) == "")
    }

    // MARK: - YAML aliases (issue 14, item 15)

    /// Seven levels of ten aliases: 10⁷ values from 452 bytes.
    static let laughs: String = {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...7 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func billionLaughsStopAtTheAliasLimitWithALocatedError() {
        // The laughs, then used as mapping keys, which Yams would hash whole to find duplicates.
        let file = SourceFile(path: "content/one/book.yaml", text: Self.laughs + "? *a7\n: x\n? *a6\n: y\n")
        let clock = ContinuousClock()
        var result: Result<YAMLNode?, Diagnostic>?
        let elapsed = clock.measure { result = YAMLParser.parse(file.text, in: file) }
        guard case .failure(let diagnostic)? = result else {
            Issue.record("expanding 10⁷ values must be refused")
            return
        }
        #expect(DiagnosticPrinter().format([diagnostic]) == """
        content/one/book.yaml:4:45: error: with this '*a2', the aliases expand more than 1000 times (aliases inside aliased values count) [yaml-alias-limit]
          4 | a3: &a3 [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]
            |                                             ^~~
          hint: write the values out, or use fewer aliases of aliases
        1 error

        """)
        #expect(elapsed < .seconds(1), "refused in \(elapsed)")
    }

    @Test func aliasUsesAreLimitedEvenWhenEachCopiesLittle() {
        let text = "a: &a x\nb:\n" + String(repeating: "  - *a\n", count: 1_001)
        let file = SourceFile(path: "playbook.yaml", text: text)
        guard case .failure(let diagnostic) = YAMLParser.parse(file.text, in: file) else {
            Issue.record("1,001 alias uses must be refused")
            return
        }
        #expect(DiagnosticPrinter().format([diagnostic]) == """
        playbook.yaml:1003:5: error: with this '*a', the aliases expand more than 1000 times (aliases inside aliased values count) [yaml-alias-limit]
          1003 |   - *a
               |     ^~
          hint: write the values out, or use fewer aliases of aliases
        1 error

        """)
        // A thousand uses are fine, and each is the anchored value.
        let fine = SourceFile(path: "playbook.yaml", text: "a: &a x\nb:\n" + String(repeating: "  - *a\n", count: 1_000))
        guard case .success(let root?) = YAMLParser.parse(fine.text, in: fine) else {
            Issue.record("1,000 alias uses are within the limit")
            return
        }
        #expect(root.pairs?.last?.value.items?.count == 1_000)
        #expect(root.pairs?.last?.value.items?.allSatisfy { $0.scalar?.text == "x" } == true)
    }

    @Test func valuesCopiedThroughAliasesAreLimited() {
        // Each copy of the list is 201 values: 49 copies are 9,849, the 50th goes over 10,000.
        let list = "big: &big [" + Array(repeating: "x", count: 200).joined(separator: ", ") + "]\ncopies:\n"
        let file = SourceFile(path: "content/scenarios/s.yaml", text: list + String(repeating: "  - *big\n", count: 50))
        guard case .failure(let diagnostic) = YAMLParser.parse(file.text, in: file) else {
            Issue.record("10,050 copied values must be refused")
            return
        }
        #expect(DiagnosticPrinter().format([diagnostic]) == """
        content/scenarios/s.yaml:52:5: error: with this '*big', the aliases copy more than 10000 values [yaml-alias-limit]
          52 |   - *big
             |     ^~~~
          hint: write the values out, or use fewer aliases of aliases
        1 error

        """)
        let fine = SourceFile(path: "content/scenarios/s.yaml", text: list + String(repeating: "  - *big\n", count: 49))
        guard case .success(let root?) = YAMLParser.parse(fine.text, in: fine) else {
            Issue.record("9,849 copied values are within the limit")
            return
        }
        #expect(root.pairs?.last?.value.items?.count == 49)
        #expect(root.pairs?.last?.value.items?.last?.items?.count == 200)
    }

    /// Every kind of YAML file goes through the one parser, so every kind gets the limit.
    @Test(arguments: [
        ("playbook.yaml", "title: T\nauthors: [A]\nlanguage: en\nbooks: [one]\n", 5),
        ("content/one/book.yaml", "title: One\ndate: 2026-01-01\n", 3),
        ("content/one/01-a.md", "---\ntitle: A\norder: 1\n", 4),
        ("content/scenarios/s.yaml", "title: S\n", 2),
    ])
    func everyKindOfYAMLFileHasTheAliasLimit(path: String, prefix: String, firstLine: Int) async throws {
        let suffix = path.hasSuffix(".md") ? "---\nText.\n" : ""
        let printed = try await check([path: prefix + Self.laughs + suffix])
        let line = firstLine + 3
        let gutter = String(repeating: " ", count: String(line).count)
        #expect(printed.hasPrefix("""
        \(path):\(line):45: error: with this '*a2', the aliases expand more than 1000 times (aliases inside aliased values count) [yaml-alias-limit]
          \(line) | a3: &a3 [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]
          \(gutter) |                                             ^~~
          hint: write the values out, or use fewer aliases of aliases

        """), "\(printed)")
    }

    // MARK: - Diagnostics (issue 14, item 20)

    @Test func escapedAndEntityValueTagsKeepTheirPlace() async throws {
        #expect(try await check(["content/one/01-a.md": "---\ntitle: A\norder: 1\n---\nCost {{ cost\\_per\\_call }} and {{ b&amp;c }}.\n"]) == """
        content/one/01-a.md:5:6: error: 'cost_per_call' needs a scenario, and this chapter names none [no-scenario]
          5 | Cost {{ cost\\_per\\_call }} and {{ b&amp;c }}.
            |      ^~~~~~~~~~~~~~~~~~~~~
          hint: add 'scenario: <name>' to the front matter, or write {{ <scenario>.cost_per_call }}
        content/one/01-a.md:5:32: error: '{{ b&c }}' is not a value tag [value-tag]
          5 | Cost {{ cost\\_per\\_call }} and {{ b&amp;c }}.
            |                                ^~~~~~~~~~~~~
          hint: write {{ metric }}, {{ metric.raw }}, {{ metric | format }} or {{ scenario.metric }}; to show braces as they are, put them in `code`
        2 errors

        """)
    }

    @Test func aChapterWithCRLFLineEndingsIsReadWithItsPositions() async throws {
        let chapter = "---\r\ntitle: A\r\norder: 1\r\n---\r\n## Z\r\n\r\nSee [there](#nowhere).\r\n"
        #expect(try await check(["content/one/01-a.md": chapter]) == """
        content/one/01-a.md:7:13: error: this chapter has no heading with the anchor '#nowhere' [broken-anchor]
          7 | See [there](#nowhere).
            |             ^~~~~~~~
          hint: the anchors there are: #z
        1 error

        """)
        let wrongOrder = "---\r\ntitle: A\r\norder: first\r\n---\r\nText.\r\n"
        #expect(try await check(["content/one/01-a.md": wrongOrder]) == """
        content/one/01-a.md:3:8: error: 'order' must be a whole number, not 'first' [wrong-type]
          3 | order: first
            |        ^~~~~
        playbook.yaml:4:9: error: the book 'one' has no chapters [empty-book]
          4 | books: [one]
            |         ^~~
          hint: add Markdown chapters to content/one/
        2 errors

        """)
    }

    @Test func reportSettingsAreNamedReportYAML() {
        let file = SourceFile(path: "content/reports/brief/report.yaml", text: "title: A\ndate: 2026-01-01\nsubtitel: B\n")
        let (_, diagnostics) = BookSettingsLoader.load(file, seriesAuthors: [])
        #expect(DiagnosticPrinter().format(diagnostics) == """
        content/reports/brief/report.yaml:3:1: error: unknown key 'subtitel' in report.yaml [unknown-key]
          3 | subtitel: B
            | ^~~~~~~~
          hint: did you mean 'subtitle'?
        1 error

        """)
    }

    @Test func aReportYAMLThatIsNotUTF8IsNotAlsoMissing() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(["content/reports/brief/01-a.md": "---\ntitle: A\norder: 1\n---\nText.\n"])
        try Data(Array("title: Caf".utf8) + [0xE9] + Array("\ndate: 2026-01-01\n".utf8))
            .write(to: folder.url.appendingPathComponent("content/reports/brief/report.yaml"))
        let series = SeriesSettings(title: "T", authors: ["A"], language: "en", locale: "en-US", currency: "USD", books: [])
        let (template, diagnostics) = await ReportTemplateLoader.load("brief", directory: ProjectDirectory(root: folder.url), series: series)
        #expect(template == nil)
        #expect(DiagnosticPrinter().format(diagnostics) == """
        content/reports/brief/report.yaml:1:11: error: content/reports/brief/report.yaml is not valid UTF-8 text [not-utf8]
          1 | title: Caf�
            |           ^
          hint: save the file as UTF-8 in your editor
        1 error

        """)
    }

    @Test func aNotAMappingCaretStaysOnItsLine() async throws {
        let prose = "This is a settings file written\n" + String(repeating: "as prose that goes on and on ", count: 60) + "\n"
        #expect(try await check(["content/one/book.yaml": prose]) == """
        content/one/book.yaml:1:1: error: book.yaml must be a mapping of keys to values [not-a-mapping]
          1 | This is a settings file written
            | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
          hint: write one 'key: value' per line
        content/one/book.yaml:1:1: error: book.yaml has no 'title' [missing-key]
          1 | This is a settings file written
            | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
          hint: add a line 'title: …'
        content/one/book.yaml:1:1: error: book.yaml has no 'date' [missing-key]
          1 | This is a settings file written
            | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
          hint: add a line 'date: …'
        3 errors

        """)
    }

    // MARK: - Control characters (issue 14, item 16)

    @Test func aControlCharacterInAChapterIsALocatedError() async throws {
        #expect(try await check(["content/one/01-a.md": "---\ntitle: A\norder: 1\n---\nForm\u{0C}feed, and \u{1} and \u{FFFF}.\n"]) == """
        content/one/01-a.md:5:5: error: this file holds the character U+000C, which XHTML and EPUB readers refuse [control-character]
          5 | Form␌feed, and ␁ and �.
            |     ^
          hint: delete it (editors often show it as a box or a symbol); to show the code point, write it out
          note: the file holds 2 more such characters
        playbook.yaml:4:9: error: the book 'one' has no chapters [empty-book]
          4 | books: [one]
            |         ^~~
          hint: add Markdown chapters to content/one/
        2 errors

        """)
    }

    @Test(arguments: [
        ("content/one/book.yaml", "title: \"One\u{0B}\"\ndate: 2026-01-01\n", "1:12", "U+000B"),
        ("content/scenarios/s.yaml", "title: S\nclient: \"Acme\u{8}\"\n", "2:14", "U+0008"),
        ("content/one/01-a.md", "---\ntitle: \"A\u{FFFE}\"\norder: 1\n---\nText.\n", "2:10", "U+FFFE"),
        ("playbook.yaml", "title: T\u{1F}\nauthors: [A]\nlanguage: en\nbooks: [one]\n", "1:9", "U+001F"),
    ])
    func everyTextFileRefusesControlCharacters(path: String, text: String, place: String, name: String) async throws {
        let printed = try await check([path: text])
        #expect(printed.hasPrefix("\(path):\(place): error: this file holds the character \(name), which XHTML and EPUB readers refuse [control-character]\n"),
                "\(printed)")
    }

    @Test func characterReferencesToForbiddenCharactersAreReplacedInEveryOutput() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(Self.base.merging([
            "content/one/01-a.md": "---\ntitle: \"A \\f title\"\norder: 1\n---\n## Form &#12; feed &#xFFFF;\n\n[link &#1;](#form--feed-) `code &#8;` <https://e.example/&#11;> text &#xb;\n",
        ]) { $1 })
        let output = folder.url.appendingPathComponent("build")
        let report = await BuildPipeline.run(BuildOptions(projectRoot: folder.url, output: output))
        // Each reference outside code is a warning where it is written (cmark itself turns
        // &#xFFFF; into U+FFFD, so it needs none).
        #expect(DiagnosticPrinter().format(report.diagnostics) == """
        content/one/01-a.md:5:9: warning: '&#12;' stands for U+000C, which XHTML does not allow; it is shown as U+FFFD [control-character]
          5 | ## Form &#12; feed &#xFFFF;
            |         ^~~~~
          hint: delete the reference, or put it in `code` to show it as written
        content/one/01-a.md:7:7: warning: '&#1;' stands for U+0001, which XHTML does not allow; it is shown as U+FFFD [control-character]
          7 | [link &#1;](#form--feed-) `code &#8;` <https://e.example/&#11;> text &#xb;
            |       ^~~~
          hint: delete the reference, or put it in `code` to show it as written
        content/one/01-a.md:7:58: warning: '&#11;' stands for U+000B, which XHTML does not allow; it is shown as U+FFFD [control-character]
          7 | [link &#1;](#form--feed-) `code &#8;` <https://e.example/&#11;> text &#xb;
            |                                                          ^~~~~
          hint: delete the reference, or put it in `code` to show it as written
        content/one/01-a.md:7:70: warning: '&#xb;' stands for U+000B, which XHTML does not allow; it is shown as U+FFFD [control-character]
          7 | [link &#1;](#form--feed-) `code &#8;` <https://e.example/&#11;> text &#xb;
            |                                                                      ^~~~~
          hint: delete the reference, or put it in `code` to show it as written
        4 warnings

        """)
        let oebps = output.appendingPathComponent("xhtml/one/OEBPS")
        let chapter = try String(contentsOf: oebps.appendingPathComponent("01-a.xhtml"), encoding: .utf8)
        #expect(chapter.contains("<h2 id=\"form--feed-\">Form \u{FFFD} feed \u{FFFD}</h2>"), "\(chapter)")
        #expect(chapter.contains(">link \u{FFFD}</a> <code>code &amp;#8;</code>"), "\(chapter)")
        #expect(chapter.contains("text \u{FFFD}"), "\(chapter)")
        let nav = try String(contentsOf: oebps.appendingPathComponent("nav.xhtml"), encoding: .utf8)
        #expect(nav.contains("A \u{FFFD} title"), "\(nav)")
        for name in ["01-a.xhtml", "nav.xhtml", "toc.ncx", "package.opf"] {
            let text = try String(contentsOf: oebps.appendingPathComponent(name), encoding: .utf8)
            #expect(!text.unicodeScalars.contains(where: XMLEscaping.isForbidden), "\(name)")
            #expect(!text.contains("&#12;") && !text.contains("&#xFFFF;"), "\(name)")
        }
    }
}
