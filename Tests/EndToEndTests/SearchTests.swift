import Foundation
import Testing

/// The site's offline search in a real browser (headless chromium through selenium,
/// `scripts/browser/search.py`), from `file://` and from `playbook serve`: the header's search
/// box leads to the results, each result links to its heading, and following one lands on it.
@Suite(.serialized) struct SearchTests {
    static let fixture = Tools.repository.appendingPathComponent("Tests/PlaybookKitTests/Fixtures/projects/basic/project")

    /// Runs the browser script against `site` (ending in `/`) and returns what it saw.
    private func search(_ site: String, _ query: String) throws -> [String: Any] {
        let python = ProcessInfo.processInfo.environment["PLAYBOOK_PYTHON"] ?? Tools.repository.appendingPathComponent(".tools/venv/bin/python3").path
        let script = Tools.repository.appendingPathComponent("scripts/browser/search.py").path
        let browser = try Tools.run(URL(fileURLWithPath: python), [script, site, query])
        #expect(browser.status == 0, "\(browser.stdout)\n\(browser.stderr.suffix(1500))")
        return try #require(try JSONSerialization.jsonObject(with: Data(browser.stdout.utf8)) as? [String: Any])
    }

    /// What the basic fixture's site shows for "setting", wherever it is served from.
    private func expectSettingResults(_ seen: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(seen["url"] as? String == "search.html?q=setting", sourceLocation: sourceLocation)
        #expect(seen["box"] as? String == "setting", sourceLocation: sourceLocation)
        #expect(seen["status"] as? String == "2 sections for “setting”.", sourceLocation: sourceLocation)
        let results = seen["results"] as? [[String: Any]] ?? []
        #expect(results.map { $0["href"] as? String } == ["guide/01-start.html#setup", "guide/01-start.html#setting-up"],
                sourceLocation: sourceLocation)
        #expect(results.map { $0["heading"] as? String } == ["Setting up", "Setting up"], sourceLocation: sourceLocation)
        #expect(results.map { $0["where"] as? String } == ["The Guide · Start here: the basics", "The Guide · Start here: the basics"],
                sourceLocation: sourceLocation)
        #expect(seen["opened"] as? String == "guide/01-start.html#setup", sourceLocation: sourceLocation)
        #expect(seen["target"] as? String == "Setting up", sourceLocation: sourceLocation)
        #expect(seen["target_in_view"] as? Bool == true, sourceLocation: sourceLocation)
        #expect(seen["nothing"] as? String == "No section contains every word of “zzqxv”. Try fewer words or the start of a word.",
                sourceLocation: sourceLocation)
        #expect(seen["nothing_count"] as? Int == 0, sourceLocation: sourceLocation)
        #expect(seen["typed_count"] as? Int == 2, sourceLocation: sourceLocation)
        // What a person sees: every text of the results page and the search box readable (WCAG
        // AA contrast, visible); the status, the first result and the heading it opens on screen.
        #expect((seen["looked"] as? Int ?? 0) >= 20, sourceLocation: sourceLocation)
        #expect((seen["unreadable"] as? [Any])?.isEmpty == true, "\(seen["unreadable"] ?? "nothing")", sourceLocation: sourceLocation)
    }

    @Test func searchWorksFromFileURLs() throws {
        let out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try Tools.playbook(["build", "--project", Self.fixture.path, "--out", out.path]).status == 0)
        let seen = try search(out.appendingPathComponent("site").absoluteURL.absoluteString, "setting")
        expectSettingResults(seen)

        // Words are matched at the start of a word, and every word must be in the section;
        // a match in the text is marked in the snippet.
        let table = try search(out.appendingPathComponent("site").absoluteURL.absoluteString, "cost bas")
        let results = table["results"] as? [[String: Any]] ?? []
        #expect(results.map { $0["href"] as? String } == ["guide/01-start.html#setting-up"])
        #expect(results.first?["marked"] as? [String] == ["Bas", "Cost"])
    }

    @Test func searchWorksFromThePreviewServer() throws {
        let server = try ServeCommandTests.Server(copying: ["playbook.yaml", "content"], of: Self.fixture)
        let seen = try search(server.url, "setting")
        expectSettingResults(seen)
        let (status, _) = server.interrupt()
        #expect(status == 0)
    }
}
