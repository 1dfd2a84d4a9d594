import Foundation
import Testing

/// A client report's appendix lists the inputs and derived figures the report uses — what
/// its cost and benefit lines are computed from, and what its chapters show — and none of
/// the figures the scenario keeps for the books.
@Suite struct ReportAppendixTests {
    /// The row headings of the table inside `<div class="pb-block <block>">`.
    static func rowHeadings(of block: String, in page: String) throws -> [String] {
        let start = try #require(page.range(of: "<div class=\"pb-block \(block)\">"))
        let end = try #require(page[start.upperBound...].range(of: "</tbody>"))
        let table = String(page[start.upperBound..<end.lowerBound])
        let expression = try NSRegularExpression(pattern: "<th scope=\"row\">(.*?)</th>")
        let whole = table as NSString
        return expression.matches(in: table, range: NSRange(location: 0, length: whole.length)).map {
            whole.substring(with: $0.range(at: 1)).replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    @Test func kestrelsAppendixListsExactlyWhatTheReportUses() throws {
        let out = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Tools.playbook(["build", "--project", Tools.repository.path, "--out", out.path])
        #expect(result.status == 0, "build failed: \(result.stderr)")
        let page = try String(contentsOf: out.appendingPathComponent("reports/kestrel-mobile/index.html"), encoding: .utf8)
        #expect(try Self.rowHeadings(of: "pb-assumptions", in: page) == [
            "Customer contacts a month", "Share of contacts by phone", "Average handle time of a call", "Loaded cost of an agent hour",
            "Agent occupancy", "Cost of an email or chat contact", "Social interactions to resolve an issue",
            "Agent minutes per social interaction", "Share of calls moved to social", "Community answers a month",
            "Askers who would otherwise have contacted us", "Solution page views a month", "Views that prevent a contact",
            "Handle time saved per remaining call", "Social contacts per customer a year",
            "Reduction in churn of customers served on social", "Yearly margin per customer", "Discount rate", "Horizon",
        ])
        #expect(try Self.rowHeadings(of: "pb-formulas", in: page) == [
            "Cost of a handled minute", "Cost of a call", "Cost of a contact resolved on social", "Calls a year", "Cost of calls a year",
            "Cost of email and chat a year", "Average cost of a contact", "Calls moved to social each year",
            "Saving per call moved to social", "Contact shift savings", "Contacts prevented by community answers a year",
            "Savings from community answers", "Contacts prevented by solution pages a year", "Savings from solution pages",
            "Calls still taken by phone a year", "Savings from shorter calls", "Customers served on social",
            "Customers kept who would have left", "Margin kept from customers who stay",
        ])
        // The book's chapter that lists Kestrel's inputs still lists every one of them, those
        // only the books use too.
        var bookTables = 0
        for book in try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("site/customer-service").path)
        where book.hasSuffix(".html") {
            let chapter = try String(contentsOf: out.appendingPathComponent("site/customer-service/\(book)"), encoding: .utf8)
            guard chapter.contains("<div class=\"pb-block pb-assumptions\">") else { continue }
            let inputs = try Self.rowHeadings(of: "pb-assumptions", in: chapter)
            #expect(inputs.count == 32)
            #expect(inputs.contains("Paid hours of a full-time agent a year"))
            bookTables += 1
        }
        #expect(bookTables == 1)
    }
}
