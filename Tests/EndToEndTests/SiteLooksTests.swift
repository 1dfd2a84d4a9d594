import Foundation
import Testing

/// The shipped project's site as readers see it, in headless chromium (`scripts/browser/`):
/// axe-core finds nothing serious or critical on any kind of page in either colour scheme
/// (`accessibility.py`); dark mode follows the system and the toggle, and the choice survives
/// a reload (`theme.py`); no element is wider than the window at 390, 768, 1280 and 1920 px
/// on the chapters with the widest tables, the most charts or worked examples, and chart
/// labels read at 11 CSS pixels or more, crossed by no axis line (`overflow.py`); and at
/// 1280 and 1920 px the cases, sensitivity and assumptions tables show every column without
/// a sideways scroll, no cell wrapping onto more than two lines (`table-fit.py`).
@Suite(.serialized) struct SiteLooksTests {
    /// The chapter with the widest tables: objectives, cases, sensitivity, simulation and the
    /// assumptions appendix, the headline panel and the tornado chart.
    static let widest = "customer-service/10-building-the-business-case.html"

    /// Runs `scripts/browser/<script>` with `arguments` and reads the JSON object it prints.
    static func browser(_ script: String, _ arguments: [String]) throws -> [String: Any] {
        let python = ProcessInfo.processInfo.environment["PLAYBOOK_PYTHON"] ?? Tools.repository.appendingPathComponent(".tools/venv/bin/python3").path
        let path = Tools.repository.appendingPathComponent("scripts/browser/\(script)").path
        let result = try Tools.run(URL(fileURLWithPath: python), [path] + arguments)
        #expect(result.status == 0, "\(script): \(result.stderr.suffix(1500))")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// The shipped project built into a temporary folder (without PDFs).
    static func build() throws -> URL {
        let out = try Tools.temporaryFolder()
        #expect(try Tools.playbook(["build", "--project", Tools.repository.path, "--out", out.path, "--no-pdf"]).status == 0)
        return out
    }

    @Test func axeFindsNothingSeriousOnAnyPageInEitherScheme() throws {
        let out = try Self.build()
        defer { try? FileManager.default.removeItem(at: out) }
        let pages = ["site/index.html", "site/customer-service/index.html", "site/" + Self.widest,
                     "site/marketing-and-pr/08-the-three-year-case.html", "site/search.html", "reports/kestrel-mobile/index.html"]
        let seen = try Self.browser("accessibility.py", pages.map { out.appendingPathComponent($0).path })
        #expect((seen["axe"] as? String)?.hasPrefix("4.") == true, "axe-core 4 ran: \(seen["axe"] ?? "none")")
        let checked = seen["checked"] as? [[String: Any]] ?? []
        #expect(checked.count == pages.count * 4, "each page in two schemes at two widths")
        var serious: [String] = []
        for check in checked {
            for violation in check["violations"] as? [[String: Any]] ?? [] {
                let impact = violation["impact"] as? String ?? ""
                guard impact == "serious" || impact == "critical" else { continue }
                let page = (check["page"] as? String ?? "").replacingOccurrences(of: out.path + "/", with: "")
                serious.append("\(page) \(check["scheme"] ?? "") \(check["width"] ?? ""): \(violation["id"] ?? "") (\(impact)) \(violation["nodes"] ?? "")")
            }
        }
        #expect(serious == [])
    }

    @Test func darkModeFollowsTheSystemAndTheToggleAndIsRemembered() throws {
        let out = try Self.build()
        defer { try? FileManager.default.removeItem(at: out) }
        let seen = try Self.browser("theme.py", [out.appendingPathComponent("site/" + Self.widest).path])
        let light = ["background": "rgb(255, 255, 255)", "color": "rgb(29, 39, 51)"]
        let dark = ["background": "rgb(18, 24, 32)", "color": "rgb(227, 232, 239)"]
        func step(_ name: String, _ colours: [String: String], theme: String?, pressed: String, stored: String?) -> [String: String] {
            var fields = colours.merging(["step": name, "pressed": pressed, "button": "Dark mode"]) { $1 }
            if let theme { fields["theme"] = theme }
            if let stored { fields["stored"] = stored }
            return fields
        }
        let expected = [
            step("system light", light, theme: "light", pressed: "false", stored: nil),
            step("system dark", dark, theme: "dark", pressed: "true", stored: nil),
            step("system light, toggled", dark, theme: "dark", pressed: "true", stored: "dark"),
            step("system light, toggled, reloaded", dark, theme: "dark", pressed: "true", stored: "dark"),
            step("system dark, chose dark, reloaded", dark, theme: "dark", pressed: "true", stored: "dark"),
            step("system dark, toggled back, reloaded", light, theme: "light", pressed: "false", stored: "light"),
            // Without the script's attribute, the stylesheet alone follows the system.
            step("system dark, no script's choice", dark, theme: nil, pressed: "false", stored: nil),
        ]
        let steps = (seen["steps"] as? [[String: Any]] ?? []).map { step in step.compactMapValues { $0 as? String } }
        #expect(steps == expected)
    }

    @Test func noElementIsWiderThanTheWindowAndChartLabelsRead() throws {
        let out = try Self.build()
        defer { try? FileManager.default.removeItem(at: out) }
        let widths = [390, 768, 1024, 1280, 1920]
        let charted = [Self.widest, "marketing-and-pr/08-the-three-year-case.html", "customer-lifecycle/07-the-lifecycle-business-case.html"]
        // Worked examples with their inputs, the home page and the search page.
        let worked = ["customer-service/06-deflection.html", "customer-lifecycle/03-support-repeat-and-referral.html"]
        let others = worked + ["index.html", "search.html"]
        for page in charted + others {
            let seen = try Self.browser("overflow.py", [out.appendingPathComponent("site/" + page).path] + widths.map(String.init))
            for width in widths {
                let at = seen[String(width)] as? [String: Any] ?? [:]
                #expect(at["page_scroll_width"] as? Int == width, "\(page) at \(width): the page scrolls sideways")
                #expect((at["wider"] as? [Any])?.isEmpty == true, "\(page) at \(width): \(at["wider"] ?? "not measured")")
                // A worked example's values read on lines of their own width (Chromium 156 once
                // gave them a column of no width: one letter per line).
                if worked.contains(page) {
                    #expect((at["inputs_value_px"] as? Int ?? 0) >= 150,
                            "\(page) at \(width): a worked example's values in a column \(at["inputs_value_px"] ?? "not measured") px wide")
                }
                guard charted.contains(page) else { continue }
                #expect((at["chart_text_px"] as? Double ?? 0) >= 11, "\(page) at \(width): chart text at \(at["chart_text_px"] ?? "?") px")
                #expect((at["crossed_labels"] as? [String]) == [], "\(page) at \(width): labels crossed by a line")
            }
        }
    }

    @Test func wideTablesShowEveryColumnOnAWideScreen() throws {
        let out = try Self.build()
        defer { try? FileManager.default.removeItem(at: out) }
        let page = out.appendingPathComponent("site/" + Self.widest)
        for width in [1280, 1920] {
            let seen = try ReportTableFitTests.measure(page, width: width)
            let tables = seen["tables"] as? [[String: Any]] ?? []
            let lastHeads = ["pb-cases": "Payback", "pb-sensitivity": "Swing", "pb-assumptions": "Source"]
            for (block, last) in lastHeads.sorted(by: { $0.key < $1.key }) {
                let table = try #require(tables.first { $0["block"] as? String == block }, "\(block) at \(width)")
                let scroll = table["scroll_width"] as? Int ?? .max, client = table["client_width"] as? Int ?? 0
                #expect(scroll <= client, "\(block) at \(width): scrolls sideways (\(scroll) > \(client))")
                #expect(table["last_head"] as? String == last)
                #expect((table["box_right"] as? Int ?? .max) <= width && (table["box_left"] as? Int ?? -1) >= 0, "\(block) at \(width): outside the window")
                #expect((table["cell_lines"] as? Int ?? .max) <= 2, "\(block) at \(width): a cell wraps onto \(table["cell_lines"] ?? "?") lines")
            }
            let assumptions = try #require(tables.first { $0["block"] as? String == "pb-assumptions" })
            #expect((assumptions["box_width"] as? Int ?? 0) > 672, "the assumptions table keeps to the text column")
            // The tables grow across "On this page", which hides while one is in view.
            #expect(seen["toc_at_top"] as? String == "visible", "at \(width): On this page at the chapter's top")
            #expect(seen["toc_by_assumptions"] as? String == "hidden", "at \(width): On this page beside the assumptions table")
        }
    }

    @Test func withoutJavaScriptAWideTableKeepsToItsColumnBesideOnThisPage() throws {
        let out = try Self.build()
        defer { try? FileManager.default.removeItem(at: out) }
        let seen = try ReportTableFitTests.measure(out.appendingPathComponent("site/" + Self.widest), width: 1280, javaScript: false)
        let tables = seen["tables"] as? [[String: Any]] ?? []
        let tocLeft = try #require(seen["toc_left"] as? Int)
        #expect(tables.count >= 3)
        for table in tables {
            // The column: 304 to 976; "On this page" (a closed disclosure) from 1024.
            #expect(table["box_left"] as? Int == 304 && table["box_right"] as? Int == 976, "\(table["block"] ?? "?")")
            #expect((table["box_right"] as? Int ?? .max) < tocLeft)
        }
        #expect(tocLeft == 1024)
        #expect(seen["toc_by_assumptions"] as? String == "visible")
        let assumptions = try #require(tables.first { $0["block"] as? String == "pb-assumptions" })
        #expect(assumptions["scroll_width"] as? Int == 1036 && assumptions["client_width"] as? Int == 672, "it scrolls in its box (reached with Tab)")
    }
}
