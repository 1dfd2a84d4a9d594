// The only file that imports libxlsxwriter (through CXLSXWriter).
import Foundation
import PlaybookCore
internal import CXLSXWriter

/// Why a workbook could not be written: libxlsxwriter's error, with what was being done.
package struct XLSXError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was being done (`define the name 'calls'`).
    package var action: String
    /// libxlsxwriter's message for its error code.
    package var reason: String

    /// A readable sentence.
    package var description: String { "could not \(action): \(reason)" }
}

/// How a cell looks: a number format and a few font settings. Equal formats share one
/// libxlsxwriter format in a workbook.
package struct XLSXFormat: Sendable, Hashable {
    /// Excel's number format code (`#,##0.00`, `0.0%`, `"$"#,##0`); `nil` for General.
    package var numberFormat: String?
    /// Bold text.
    package var bold: Bool
    /// Italic text.
    package var italic: Bool
    /// Wrap long text in the cell.
    package var wrap: Bool

    /// Creates a format.
    package init(numberFormat: String? = nil, bold: Bool = false, italic: Bool = false, wrap: Bool = false) {
        self.numberFormat = numberFormat
        self.bold = bold
        self.italic = italic
        self.wrap = wrap
    }

    /// Bold text, for headings.
    package static let heading = XLSXFormat(bold: true)
}

/// An `.xlsx` workbook being written through libxlsxwriter: add worksheets, write cells, define
/// names, then ``close()``, or let ``bytes(created:_:)`` do it all and hand back the file.
///
/// The output is deterministic: libxlsxwriter dates every zip entry 1980-01-01 00:00 (as Excel
/// does), and the one clock it would read, the document's creation time in
/// `docProps/core.xml`, is set from `created` (libxlsxwriter reads the clock only when it is 0).
/// Not for use from more than one task at a time.
package final class XLSXWorkbook {
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [XLSXFormat: UnsafeMutablePointer<lxw_format>] = [:]
    /// The strings libxlsxwriter keeps pointers to until the workbook is closed (the
    /// document properties), freed in `deinit`.
    private var retained: [UnsafeMutablePointer<CChar>] = []
    private var sheets: [XLSXWorksheet] = []

    /// A workbook written to `path` when closed, its creation time `created` (whole seconds
    /// after 1970; a time before 1970-01-01T00:00:01Z is taken as that second).
    package init(path: String, created: Timestamp, title: String? = nil) throws {
        guard let workbook = workbook_new(path) else {
            throw XLSXError(action: "create the workbook '\(path)'", reason: "libxlsxwriter could not open it")
        }
        self.workbook = workbook
        var properties = lxw_doc_properties()
        properties.created = time_t(max(created.secondsSinceEpoch, 1))
        if let title { properties.title = retain(title) }
        try check(workbook_set_properties(workbook, &properties), "set the document properties")
    }

    deinit {
        // A workbook never closed still owns its memory (and temporary files).
        if let workbook { _ = workbook_close(workbook) }
        for pointer in retained { free(pointer) }
    }

    /// Writes the workbook that `build` fills to a temporary file and returns its bytes.
    package static func bytes(created: Timestamp, title: String? = nil, _ build: (XLSXWorkbook) throws -> Void) throws -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("playbook-xlsx-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw XLSXError(action: "create a temporary folder", reason: "\(error)")
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("workbook.xlsx")
        let book = try XLSXWorkbook(path: file.path, created: created, title: title)
        try build(book)
        try book.close()
        do {
            return [UInt8](try Data(contentsOf: file))
        } catch {
            throw XLSXError(action: "read the written workbook back", reason: "\(error)")
        }
    }

    /// Adds a worksheet (a name of at most 31 characters, without `[]:*?/\`).
    package func addWorksheet(_ name: String) throws -> XLSXWorksheet {
        guard let workbook else { throw XLSXError(action: "add the sheet '\(name)'", reason: "the workbook is closed") }
        try check(workbook_validate_sheet_name(workbook, name), "add the sheet '\(name)'")
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            throw XLSXError(action: "add the sheet '\(name)'", reason: "libxlsxwriter refused it")
        }
        let worksheet = XLSXWorksheet(sheet: sheet, name: name, workbook: self)
        sheets.append(worksheet)
        return worksheet
    }

    /// Defines a workbook-wide name: `name` refers to `formula` (`=Inputs!$B$2`).
    package func defineName(_ name: String, refersTo formula: String) throws {
        guard let workbook else { throw XLSXError(action: "define the name '\(name)'", reason: "the workbook is closed") }
        try check(workbook_define_name(workbook, name, formula), "define the name '\(name)'")
    }

    /// Writes the file and frees libxlsxwriter's workbook. Nothing can be added afterwards.
    package func close() throws {
        guard let workbook else { return }
        self.workbook = nil
        for sheet in sheets { sheet.detach() }
        try check(workbook_close(workbook), "write the workbook")
    }

    /// libxlsxwriter's format for `format`, made once per workbook.
    func handle(_ format: XLSXFormat?) -> UnsafeMutablePointer<lxw_format>? {
        guard let format, format != XLSXFormat() else { return nil }
        if let existing = formats[format] { return existing }
        guard let workbook, let made = workbook_add_format(workbook) else { return nil }
        if let code = format.numberFormat { format_set_num_format(made, code) }
        if format.bold { format_set_bold(made) }
        if format.italic { format_set_italic(made) }
        if format.wrap { format_set_text_wrap(made) }
        formats[format] = made
        return made
    }

    private func retain(_ text: String) -> UnsafeMutablePointer<CChar>? {
        guard let copy = strdup(text) else { return nil }
        retained.append(copy)
        return copy
    }
}

/// Throws an ``XLSXError`` unless `code` is `LXW_NO_ERROR`.
func check(_ code: lxw_error, _ action: String) throws {
    guard code != LXW_NO_ERROR else { return }
    let reason = lxw_strerror(code).map { String(cString: $0) } ?? "error \(code.rawValue)"
    throw XLSXError(action: action, reason: reason)
}

/// A worksheet of an ``XLSXWorkbook``: rows and columns count from 0 (A1 is row 0, column 0).
package final class XLSXWorksheet {
    private var sheet: UnsafeMutablePointer<lxw_worksheet>?
    /// The sheet's name.
    package let name: String
    private unowned let workbook: XLSXWorkbook

    init(sheet: UnsafeMutablePointer<lxw_worksheet>, name: String, workbook: XLSXWorkbook) {
        self.sheet = sheet
        self.name = name
        self.workbook = workbook
    }

    /// Called when the workbook is closed: libxlsxwriter has freed the sheet.
    func detach() { sheet = nil }

    private func open(_ action: @autoclosure () -> String) throws -> UnsafeMutablePointer<lxw_worksheet> {
        guard let sheet else { throw XLSXError(action: action(), reason: "the workbook is closed") }
        return sheet
    }

    private func place(_ row: Int, _ column: Int) throws -> (lxw_row_t, lxw_col_t) {
        guard (0..<1_048_576).contains(row), (0..<16_384).contains(column) else {
            throw XLSXError(action: "write a cell at row \(row), column \(column) of '\(name)'", reason: "outside the sheet")
        }
        return (lxw_row_t(row), lxw_col_t(column))
    }

    /// The cell's address in A1 style with `$` (`$B$2`).
    package static func absoluteReference(row: Int, column: Int) -> String {
        "$\(CellAddress.columnLetters(column))$\(row + 1)"
    }

    /// Writes a number (a value that is not finite is written as an empty cell).
    package func write(number: Double, row: Int, column: Int, format: XLSXFormat? = nil) throws {
        let sheet = try open("write to '\(name)'")
        let (r, c) = try place(row, column)
        if number.isFinite {
            try check(worksheet_write_number(sheet, r, c, number, workbook.handle(format)), "write a number to '\(name)'")
        } else {
            try check(worksheet_write_blank(sheet, r, c, workbook.handle(format)), "write a blank cell to '\(name)'")
        }
    }

    /// Writes text.
    package func write(string: String, row: Int, column: Int, format: XLSXFormat? = nil) throws {
        let sheet = try open("write to '\(name)'")
        let (r, c) = try place(row, column)
        try check(worksheet_write_string(sheet, r, c, string, workbook.handle(format)), "write text to '\(name)'")
    }

    /// Writes a formula (`=calls*handle_time`) with the value a reader shows before
    /// recalculating (Excel recalculates on opening; viewers that cannot show the cached value).
    /// A cached value that is not finite is written as 0.
    package func write(formula: String, cachedValue: Double, row: Int, column: Int, format: XLSXFormat? = nil) throws {
        let sheet = try open("write to '\(name)'")
        let (r, c) = try place(row, column)
        try check(worksheet_write_formula_num(sheet, r, c, formula, workbook.handle(format), cachedValue.isFinite ? cachedValue : 0),
                  "write the formula \(formula) to '\(name)'")
    }

    /// Sets the width of columns `first` through `last` (in characters of the default font).
    package func setColumnWidth(_ first: Int, _ last: Int, width: Double) throws {
        let sheet = try open("size the columns of '\(name)'")
        let (_, from) = try place(0, first)
        let (_, to) = try place(0, last)
        try check(worksheet_set_column(sheet, from, to, width, nil), "size the columns of '\(name)'")
    }

    /// Prints the sheet in landscape, scaled to `wide` pages across (any number down).
    package func printLandscape(pagesWide wide: Int = 1) throws {
        let sheet = try open("set the page of '\(name)'")
        worksheet_set_landscape(sheet)
        worksheet_fit_to_pages(sheet, UInt16(clamping: Swift.max(wide, 1)), 0)
    }

    /// Keeps the first `rows` rows and `columns` columns in view when scrolling.
    package func freeze(rows: Int, columns: Int) throws {
        let sheet = try open("freeze the panes of '\(name)'")
        let (r, c) = try place(rows, columns)
        worksheet_freeze_panes(sheet, r, c)
    }

    /// Warns (without refusing) when a cell is set to a number outside `low...high`.
    package func validateDecimal(row: Int, column: Int, between low: Double, and high: Double, message: String? = nil) throws {
        let sheet = try open("add a validation to '\(name)'")
        let (r, c) = try place(row, column)
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
        validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
        validation.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_WARNING.rawValue)
        validation.minimum_number = Swift.min(low, high)
        validation.maximum_number = Swift.max(low, high)
        let text = message.map { strdup(String($0.prefix(255))) } ?? nil
        defer { free(text) }
        validation.error_message = text
        try check(worksheet_data_validation_cell(sheet, r, c, &validation), "add a validation to '\(name)'")
    }
}
