import Foundation
import PlaybookCore
import PlaybookXLSX
import PlaybookZip
import Testing

/// The door to libxlsxwriter: what it writes, and that it writes the same bytes every time.
@Suite struct XLSXWorkbookTests {
    static let created = Timestamp(secondsSinceEpoch: 1_764_547_200)  // 2025-12-01T00:00:00Z

    /// A small workbook: an input with a name, a formula over it, a validation, widths.
    static func sample(_ book: XLSXWorkbook) throws {
        let inputs = try book.addWorksheet("Inputs")
        try inputs.write(string: "Calls a month", row: 0, column: 0, format: .heading)
        try inputs.write(number: 120_000, row: 0, column: 1, format: XLSXFormat(numberFormat: "#,##0"))
        try inputs.validateDecimal(row: 0, column: 1, between: 100_000, and: 140_000, message: "outside the range")
        try inputs.setColumnWidth(0, 0, width: 30)
        try inputs.freeze(rows: 1, columns: 0)
        try inputs.printLandscape(pagesWide: 1)
        try book.defineName("calls", refersTo: "=Inputs!" + XLSXWorksheet.absoluteReference(row: 0, column: 1))
        let model = try book.addWorksheet("Model")
        try model.write(formula: "=calls*6.5/60", cachedValue: 13_000, row: 0, column: 1, format: XLSXFormat(numberFormat: "0.00"))
        try model.write(number: .nan, row: 1, column: 1)
    }

    static func text(_ entries: [(path: String, compressed: Bool, bytes: Data)], _ path: String) -> String {
        entries.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
    }

    @Test func twoWritesOfTheSameWorkbookAreByteIdentical() throws {
        let first = try XLSXWorkbook.bytes(created: Self.created, title: "Kestrel", Self.sample)
        // A second apart, so that a clock read anywhere would show.
        Thread.sleep(forTimeInterval: 1.1)
        let second = try XLSXWorkbook.bytes(created: Self.created, title: "Kestrel", Self.sample)
        #expect(first == second)
        #expect(first.count > 1000)
    }

    @Test func theDocumentCarriesTheGivenCreationTimeAndZipEntriesThe1980Date() throws {
        let bytes = try XLSXWorkbook.bytes(created: Self.created, Self.sample)
        let entries = try ZipArchiveWriter.entries(of: Data(bytes))
        let core = Self.text(entries, "docProps/core.xml")
        #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-12-01T00:00:00Z</dcterms:created>"))
        #expect(core.contains("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2025-12-01T00:00:00Z</dcterms:modified>"))
        // Every local file header (PK\3\4) has its DOS time and date at offsets 10 and 12:
        // 1980-01-01 00:00 is time 0, date (0 << 9) | (1 << 5) | 1 = 0x21.
        var offset = 0
        var headers = 0
        while offset + 14 <= bytes.count {
            if bytes[offset] == 0x50, bytes[offset + 1] == 0x4b, bytes[offset + 2] == 3, bytes[offset + 3] == 4 {
                #expect(bytes[offset + 10] == 0 && bytes[offset + 11] == 0)
                #expect(bytes[offset + 12] == 0x21 && bytes[offset + 13] == 0)
                headers += 1
            }
            offset += 1
        }
        #expect(headers == entries.count)
    }

    @Test func cellsNamesFormulasAndValidationsReachTheXML() throws {
        let bytes = try XLSXWorkbook.bytes(created: Self.created, Self.sample)
        let entries = try ZipArchiveWriter.entries(of: Data(bytes))
        let workbook = Self.text(entries, "xl/workbook.xml")
        #expect(workbook.contains("<definedName name=\"calls\">Inputs!$B$1</definedName>"))
        let model = Self.text(entries, "xl/worksheets/sheet2.xml")
        #expect(model.contains("<f>calls*6.5/60</f><v>13000</v>"))
        let inputs = Self.text(entries, "xl/worksheets/sheet1.xml")
        #expect(inputs.contains("<dataValidation type=\"decimal\" errorStyle=\"warning\""))
        #expect(inputs.contains("<formula1>100000</formula1><formula2>140000</formula2>"))
        #expect(inputs.contains("<pane ySplit=\"1\""))
        #expect(inputs.contains("<pageSetUpPr fitToPage=\"1\"/>"))
        #expect(inputs.contains("orientation=\"landscape\""))
    }

    @Test func mistakesAreSwiftErrors() throws {
        #expect(throws: XLSXError.self) {
            _ = try XLSXWorkbook.bytes(created: Self.created) { book in _ = try book.addWorksheet("a/b") }
        }
        #expect(throws: XLSXError.self) {
            _ = try XLSXWorkbook.bytes(created: Self.created) { book in
                let sheet = try book.addWorksheet("One")
                try sheet.write(number: 1, row: -1, column: 0)
            }
        }
        #expect(XLSXWorksheet.absoluteReference(row: 0, column: 0) == "$A$1")
        #expect(XLSXWorksheet.absoluteReference(row: 9, column: 27) == "$AB$10")
    }
}
