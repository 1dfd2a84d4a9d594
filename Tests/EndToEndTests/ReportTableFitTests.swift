import Foundation
import Testing

/// The shipped sample clients' reports in headless chromium (`scripts/browser/table-fit.py`):
/// at 1280 CSS pixels the core cash-flow table shows every column, Present value included,
/// without a sideways scroll, and its line names take two lines at most; at 390 (a phone) no
/// table makes the page itself wider than the window.
@Suite(.serialized) struct ReportTableFitTests {
    /// What table-fit.py measured of `page` at `width`.
    static func measure(_ page: URL, width: Int, javaScript: Bool = true) throws -> [String: Any] {
        let python = ProcessInfo.processInfo.environment["PLAYBOOK_PYTHON"] ?? Tools.repository.appendingPathComponent(".tools/venv/bin/python3").path
        let script = Tools.repository.appendingPathComponent("scripts/browser/table-fit.py").path
        let result = try Tools.run(URL(fileURLWithPath: python), [script, page.path, String(width)] + (javaScript ? [] : ["--no-js"]))
        #expect(result.status == 0, "\(result.stderr.suffix(1500))")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func theCashFlowTableFitsTheScreen() throws {
        let out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try Tools.playbook(["build", "--project", Tools.repository.path, "--out", out.path]).status == 0)
        for client in ["kestrel-mobile", "brightwell-outdoor"] {
            let page = out.appendingPathComponent("reports/\(client)/index.html")
            let wide = try Self.measure(page, width: 1280)
            let tables = wide["tables"] as? [[String: Any]] ?? []
            let cashFlows = tables.filter { ($0["block"] as? String) == "pb-cash-flow" }
            #expect(!cashFlows.isEmpty, "\(client): the report has a cash-flow table")
            for table in cashFlows {
                let caption = table["caption"] as? String ?? "?"
                let scroll = table["scroll_width"] as? Int ?? .max, client = table["client_width"] as? Int ?? 0
                #expect(scroll <= client, "\(caption): scrolls sideways at 1280 px (\(scroll) > \(client))")
                #expect(table["last_head"] as? String == "Present value")
                #expect((table["last_head_right"] as? Int ?? .max) <= 1280, "\(caption): Present value is outside the window")
                #expect((table["heading_lines"] as? Int ?? .max) <= 2, "\(caption): a line name wraps onto more than two lines")
                #expect((table["box_width"] as? Int ?? 0) > 672, "\(caption): the table keeps to the text column")
            }
            let narrow = try Self.measure(page, width: 390)
            #expect((narrow["page_scroll_width"] as? Int ?? .max) <= 390, "\(client): the page is wider than a phone at 390 px")
        }
    }
}
