import Foundation
import Testing

/// The site's navigation in a real browser (headless chromium through selenium,
/// `scripts/browser/navigation.py`) on the shipped project's build, from `file://`: the sidebar
/// marks the current chapter, "On this page" follows the scroll, the arrow keys turn the page,
/// the header's search box shows results as the reader types and opens them, search.html keeps
/// its query, nothing is wider than the window at 390, 768, 1280 and 1920 px, the header is one
/// row at 1280 px and at most two at 390 px, and the sidebar is a drawer on a phone.
@Suite(.serialized) struct NavigationTests {
    @Test func theShippedSiteNavigatesLikeABook() throws {
        let out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try Tools.playbook(["build", "--project", Tools.repository.path, "--out", out.path, "--no-pdf"]).status == 0)
        let site = out.appendingPathComponent("site").absoluteURL.absoluteString
        let python = ProcessInfo.processInfo.environment["PLAYBOOK_PYTHON"] ?? Tools.repository.appendingPathComponent(".tools/venv/bin/python3").path
        let script = Tools.repository.appendingPathComponent("scripts/browser/navigation.py").path
        let browser = try Tools.run(URL(fileURLWithPath: python), [script, site, "customer-service"])
        #expect(browser.status == 0, "\(browser.stdout)\n\(browser.stderr.suffix(1500))")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(browser.stdout.utf8)) as? [String: Any])

        // The sidebar: the book's page marks the book, a chapter's page marks the chapter.
        #expect(seen["book_page_marked"] as? [String] == ["BOOK 1\nSocial Customer Service ROI"])
        #expect(seen["slash_focuses_search"] as? Bool == true)
        #expect(seen["book_arrow_right"] as? String == "customer-service/01-why-it-can-be-measured.html")
        #expect(seen["chapter"] as? String == "customer-service/02-objectives.html")
        let marked = seen["sidebar_marked"] as? [[String: String]] ?? []
        #expect(marked == [["text": "2\nSetting objectives that finance will sign", "href": "customer-service/02-objectives.html"]])
        #expect(seen["sidebar_chapters"] as? Int == 10 && seen["book_chapters"] as? Int == 10)
        #expect(seen["sidebar_books"] as? [String] == ["BOOK 1 Social Customer Service ROI", "BOOK 2 Social Marketing and PR ROI",
                                                      "BOOK 3 Socially Enabling the Customer Lifecycle"])

        // "On this page": open beside the text at 1280 px, each section marked as it reaches the
        // top, in view while scrolling.
        #expect(seen["toc_open"] as? Bool == true)
        #expect(seen["toc_followed"] as? Bool == true)
        #expect(seen["toc_entries"] as? Int == 9)
        #expect(seen["toc_in_view"] as? Bool == true)

        // The arrow keys turn the page, except in a text field.
        #expect(seen["arrow_in_box_stays"] as? Bool == true)
        #expect(seen["arrow_right"] as? String == "customer-service/03-strategy.html")
        #expect(seen["arrow_left"] as? String == "customer-service/02-objectives.html")

        // The header's search box: the best sections as the reader types, then all of them.
        #expect(seen["suggestions"] as? [String] == [
            "Indirect deflection", "Direct deflection", "Direct and indirect deflection", "What a deflected contact is worth",
            "Three ways contacts leave the phone", "A community where customers help each other", "The calls that remain",
            "Savings at maturity", "All 19 sections for “deflection”",
        ])
        #expect(seen["expanded"] as? String == "true")
        #expect(seen["active"] as? String == "pb-suggestion-0")
        #expect(seen["entered"] as? NSDictionary == [
            "url": "customer-service/06-deflection.html#indirect-deflection",
            "target": ["text": "Indirect deflection", "in_view": true],
        ] as NSDictionary)
        #expect(seen["clicked"] as? NSDictionary == [
            "url": "customer-service/06-deflection.html#direct-deflection",
            "target": ["text": "Direct deflection", "in_view": true],
        ] as NSDictionary)

        // search.html?q= from file://: the results, and the query in both boxes.
        #expect(seen["search_status"] as? String == "19 sections for “deflection”.")
        #expect(seen["search_results"] as? Int == 19)
        #expect(seen["search_box"] as? String == "deflection")
        #expect(seen["header_box"] as? String == "deflection")

        // Nothing wider than the window; the header one row from 1280 px, two at most below.
        let widths = seen["widths"] as? [String: [String: [String: Any]]] ?? [:]
        #expect(widths.keys.sorted() == ["1280", "1920", "390", "768"])
        for (width, pages) in widths {
            #expect(pages.keys.sorted() == ["book", "chapter", "home", "search"])
            for (kind, found) in pages {
                #expect((found["overflowing"] as? [String]) == [], "\(kind) at \(width) px: \(found)")
                #expect(found["scroll_width"] as? Int == found["width"] as? Int, "\(kind) at \(width) px: \(found)")
                let header = found["header"] as? [String: Int] ?? [:]
                if Int(width) ?? 0 >= 1280 {
                    #expect(header["rows"] == 1 && (header["height"] ?? 99) <= 64, "\(kind) at \(width) px: \(header)")
                } else {
                    #expect((header["rows"] ?? 9) <= 2 && (header["height"] ?? 999) <= 110, "\(kind) at \(width) px: \(header)")
                }
            }
        }

        // The drawer at 390 px: over the page (the text stays put), focus in and back out.
        #expect(seen["drawer_closed_hidden"] as? String == "hidden")
        #expect(seen["drawer"] as? NSDictionary == [
            "expanded": "true", "text_moved": false, "focus": "2 Setting objectives that finance will sign", "width": 320, "focus_back": true,
        ] as NSDictionary)
        // Without JavaScript: the page fits, no menu button, the sidebar's list after the text.
        #expect(seen["without_javascript"] as? NSDictionary == [
            "fits": true, "button": "none", "sidebar_after_text": true, "sidebar_links": 13,
        ] as NSDictionary)
    }
}
