/// Spreadsheet cell addresses, shared by the workbook's plan (PlaybookScenario) and its writer
/// (PlaybookXLSX).
package enum CellAddress {
    /// The letters of a 0-based column (`0` → `A`, `27` → `AB`).
    package static func columnLetters(_ column: Int) -> String {
        var letters = ""
        var number = column + 1
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }
}
