import PlaybookCore
import PlaybookScenario
import PlaybookXLSX

/// A scenario as a live `.xlsx` workbook: ``WorkbookPlan``'s sheets written through
/// PlaybookXLSX (libxlsxwriter). The bytes depend only on the scenario and `created`.
package enum ScenarioWorkbook {
    /// The creation time a workbook carries when the scenario has no `date:` and no
    /// `SOURCE_DATE_EPOCH` is given: 1980-01-01T00:00:00Z, the date of its zip entries.
    package static let defaultCreated = Timestamp(secondsSinceEpoch: 315_532_800)

    /// The workbook of `scenario` (with `simulation` on its Summary sheet, as values): its
    /// `date:`, else `sourceDate`, else ``defaultCreated`` as the document's creation time.
    package static func bytes(_ scenario: Scenario, simulation: SimulationResult? = nil, sourceDate: Timestamp? = nil) throws -> [UInt8] {
        try bytes(WorkbookPlan(scenario: scenario, simulation: simulation), created: scenario.spec.date ?? sourceDate ?? defaultCreated)
    }

    /// The workbook `plan` describes.
    package static func bytes(_ plan: WorkbookPlan, created: Timestamp) throws -> [UInt8] {
        try XLSXWorkbook.bytes(created: created, title: plan.title) { book in
            for sheet in plan.sheets {
                let worksheet = try book.addWorksheet(sheet.name)
                for (column, width) in sheet.widths.enumerated() { try worksheet.setColumnWidth(column, column, width: width) }
                try worksheet.freeze(rows: 1, columns: 0)
                try worksheet.printLandscape(pagesWide: 1)
                for cell in sheet.cells {
                    let format = Self.format(cell.style)
                    switch cell.content {
                    case .text(let text): try worksheet.write(string: text, row: cell.row, column: cell.column, format: format)
                    case .number(let value): try worksheet.write(number: value, row: cell.row, column: cell.column, format: format)
                    case .formula(let formula, let cached):
                        try worksheet.write(formula: formula, cachedValue: cached, row: cell.row, column: cell.column, format: format)
                    }
                    if let range = cell.validation {
                        try worksheet.validateDecimal(row: cell.row, column: cell.column, between: range.lowerBound, and: range.upperBound,
                                                      message: "The scenario's range is \(range.lowerBound) to \(range.upperBound).")
                    }
                }
            }
            for name in plan.names {
                let reference = XLSXWorksheet.absoluteReference(row: name.row, column: name.column)
                // Quoted, since a sheet name may have spaces ('Cash flows'); a quote inside is doubled.
                let sheet = "'" + name.sheet.replacingOccurrences(of: "'", with: "''") + "'"
                try book.defineName(name.name, refersTo: "=\(sheet)!\(reference)")
            }
        }
    }

    static func format(_ style: WorkbookPlan.Style) -> XLSXFormat? {
        switch style {
        case .plain: return nil
        case .heading: return .heading
        case .note: return XLSXFormat(italic: true)
        case .number(let code): return XLSXFormat(numberFormat: code)
        }
    }
}
