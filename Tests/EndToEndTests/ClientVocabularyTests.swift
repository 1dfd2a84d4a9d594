import Foundation
import Testing

/// What readers of the books and the client reports see is in their words: no snake_case
/// names outside code anywhere (the site, each report, each book's EPUB XHTML), and in a
/// client report no tool vocabulary either ("scenario file", "playbook calc", "Published with
/// Playbook", "The scenario's settings", file names). The books teach the method with
/// Playbook, so their prose may name the tool and its files (in code when it names a command
/// or a file). The shipped project is built by the real binary and every page is read,
/// the reports' EPUBs too.
@Suite struct ClientVocabularyTests {
    /// The text a reader sees on a page: code, preformatted text, scripts, styles and the
    /// search index left out, tags removed (attributes such as ids and classes are not read),
    /// entities for `&` `<` `>` kept as they are (none of them makes a name).
    static func visibleText(_ page: String) -> String {
        var text = page
        for element in ["code", "pre", "script", "style", "kbd", "samp", "head"] {
            text = text.replacingOccurrences(of: "(?s)<\(element)\\b[^>]*>.*?</\(element)>", with: " ", options: [.regularExpression, .caseInsensitive])
        }
        text = text.replacingOccurrences(of: "(?s)<!--.*?-->", with: " ", options: .regularExpression)
        return text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    }

    /// The snake_case names in a page's visible text and, in a client's report, the tool's
    /// words, each with a little of the text around it.
    static func toolWords(in page: String, report: Bool = true) -> [String] {
        let text = visibleText(page)
        var found: [String] = []
        let names = ["\\b[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)+\\b"]
        let tool = ["(?i)scenario file", "(?i)playbook calc", "(?i)published with playbook", "(?i)the scenario's settings",
                    "\\b[a-z0-9-]+\\.(yaml|csv|json)\\b"]
        let patterns = report ? names + tool : names
        for pattern in patterns {
            guard let expression = try? NSRegularExpression(pattern: pattern) else { continue }
            let whole = text as NSString
            for match in expression.matches(in: text, range: NSRange(location: 0, length: whole.length)) {
                let start = max(0, match.range.location - 40), end = min(whole.length, match.range.location + match.range.length + 40)
                let around = whole.substring(with: NSRange(location: start, length: end - start))
                found.append(around.split(whereSeparator: \.isNewline).joined(separator: " "))
            }
        }
        return found
    }

    @Test func theCheckFindsNamesAndToolWordsOutsideCodeOnly() {
        let page = """
        <p>Savings of <code>calls_shifted</code> and <span class="a_b">Calls moved</span>.</p>
        <pre>x_y = 1</pre><p id="pb-benefit-agent_time">calls_shifted × 2, from the scenario file kestrel.yaml</p>
        <pre><code class="language-yaml">inputs:
          purchase_conversion: 2%
        </code></pre>
        """
        #expect(Self.toolWords(in: page).count == 3)
        #expect(Self.toolWords(in: page).contains { $0.contains("calls_shifted × 2") })
        #expect(Self.toolWords(in: "<p>Calls moved to social: <code>playbook calc x.yaml</code></p>").isEmpty)
        #expect(Self.toolWords(in: "<p>Keep it in the scenario file, metrics.json.</p>").count == 2)
        #expect(Self.toolWords(in: "<p>Keep it in the scenario file, metrics.json.</p>", report: false).isEmpty)
    }

    @Test func theShippedSiteBooksAndReportsSpeakTheClientsLanguage() throws {
        let out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Tools.playbook(["build", "--project", Tools.repository.path, "--out", out.path])
        #expect(result.status == 0, "build failed: \(result.stderr)")
        var pages = 0
        var hits: [String] = []
        for folder in ["site", "reports", "xhtml"] {
            let root = out.appendingPathComponent(folder)
            guard let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let file as URL in files where ["html", "xhtml"].contains(file.pathExtension) {
                pages += 1
                let page = try String(contentsOf: file, encoding: .utf8)
                let relative = file.path.replacingOccurrences(of: out.path + "/", with: "")
                hits += Self.toolWords(in: page, report: folder == "reports").map { "\(relative): …\($0)…" }
            }
        }
        // Each report's EPUB: its XHTML pages, read from the archive.
        let unzip = "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nfor n in sorted(z.namelist()):\n    if n.endswith('.xhtml'): print(z.read(n).decode())"
        for client in ["kestrel-mobile", "brightwell-outdoor"] {
            let epub = out.appendingPathComponent("reports/\(client)/\(client).epub")
            let read = try Tools.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", unzip, epub.path])
            #expect(read.status == 0 && read.stdout.contains("<html"), "\(client).epub could not be read: \(read.stderr)")
            pages += 1
            hits += Self.toolWords(in: read.stdout).map { "reports/\(client)/\(client).epub: …\($0)…" }
        }
        #expect(pages >= 60, "the site, both reports with their EPUBs and the three books' XHTML are read")
        #expect(hits.isEmpty, "tool vocabulary outside code:\n\(hits.joined(separator: "\n"))")
    }
}
