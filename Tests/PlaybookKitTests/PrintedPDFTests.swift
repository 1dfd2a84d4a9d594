import Foundation
import Testing
@testable import PlaybookChromium

/// ``PrintedPDF`` on a small PDF written the way Skia writes one: the page of each named
/// destination through a nested page tree (in `/Dests` and in a `/Names` name tree), dates set
/// in place, structure element ids renumbered in place — every offset in the file unmoved.
@Suite struct PrintedPDFTests {
    /// A PDF with five pages in two levels of `/Pages`, destinations in both forms, an
    /// information dictionary with Chromium's dates, and structure element ids.
    static func sample() -> Data {
        let objects: [(Int, String)] = [
            (1, "<</Title (Report)\n/CreationDate (D:20261201152745+00'00')\n/ModDate (D:20261201152745+00'00')>>"),
            (2, "<</Type /Page\n/Parent 7 0 R>>"), (3, "<</Type /Page\n/Parent 7 0 R>>"), (4, "<</Type /Page\n/Parent 8 0 R>>"),
            (5, "<</Type /Page\n/Parent 8 0 R>>"), (6, "<</Type /Page\n/Parent 8 0 R>>"),
            (7, "<</Type /Pages\n/Count 2\n/Kids [2 0 R 3 0 R]\n/Parent 9 0 R>>"),
            (8, "<</Type /Pages\n/Count 3\n/Kids [4 0 R 5 0 R 6 0 R]\n/Parent 9 0 R>>"),
            (9, "<</Type /Pages\n/Count 5\n/Kids [7 0 R 8 0 R]>>"),
            (10, "<</01-summary [3 0 R /XYZ 0 841.91998 0]\n/02-costs#2Dand#20risk [5 0 R /XYZ 0 841.91998 0]>>"),
            (11, "<</Names [(03-appendix) [6 0 R /XYZ 0 700 0] (04-notes) <</D [4 0 R /Fit]>>]>>"),
            (12, "<</Type /StructElem\n/S /TH\n/ID (node00002664)\n/A [<</O /Table\n/Headers [(node00000177)]>>]>>"),
            (13, "<</Kids [<</Names [(node00000177) 12 0 R (node00002664) 12 0 R]>>]>>"),
            (14, "<</Type /Catalog\n/Pages 9 0 R\n/Dests 10 0 R\n/Names <</Dests 11 0 R>>>>"),
        ]
        var text = "%PDF-1.4\n"
        var offsets: [Int: Int] = [:]
        for (number, body) in objects {
            offsets[number] = text.utf8.count
            text += "\(number) 0 obj\n\(body)\nendobj\n"
        }
        let table = text.utf8.count
        text += "xref\n0 15\n0000000000 65535 f \n"
        for number in 1...14 {
            let offset = String(offsets[number] ?? 0)
            text += String(repeating: "0", count: 10 - offset.count) + offset + " 00000 n \n"
        }
        text += "trailer\n<</Size 15\n/Root 14 0 R\n/Info 1 0 R>>\nstartxref\n\(table)\n%%EOF\n"
        return Data(text.utf8)
    }

    @Test func eachDestinationIsOnItsPage() throws {
        let pages = try PrintedPDF(Self.sample()).destinationPages()
        #expect(pages == ["01-summary": 2, "02-costs-and risk": 4, "03-appendix": 5, "04-notes": 3])
    }

    @Test func datesAndIdsChangeInPlace() throws {
        var pdf = PrintedPDF(Self.sample())
        try pdf.setDates(year: 2026, month: 11, day: 2)
        pdf.renumberElementIDs()
        let text = String(decoding: pdf.bytes, as: UTF8.self)
        #expect(pdf.bytes.count == Self.sample().count)
        #expect(text.contains("/CreationDate (D:20261102000000+00'00')\n/ModDate (D:20261102000000+00'00')>>"))
        #expect(text.contains("/ID (node00000002)\n/A [<</O /Table\n/Headers [(node00000001)]>>]"))
        #expect(text.contains("/Names [(node00000001) 12 0 R (node00000002) 12 0 R]"))
        // The cross-reference table still points at each object.
        #expect(try pdf.destinationPages() == PrintedPDF(Self.sample()).destinationPages())
    }

    @Test func aPDFWithoutDatesOrTableIsRefused() {
        var undated = PrintedPDF(Data("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n".utf8))
        #expect(throws: PrintedPDF.Unreadable(reason: "the PDF has no /CreationDate")) { try undated.setDates(year: 2026, month: 1, day: 1) }
        #expect(throws: PrintedPDF.Unreadable(reason: "the PDF has no startxref")) { try undated.destinationPages() }
    }
}
