/// A plain-text table with left-aligned labels and right-aligned numbers, for the terminal.
struct TextTable {
    var header: [String]
    var rows: [[String]]
    /// Columns from this index on are right-aligned.
    var firstNumericColumn = 1

    func render(indent: String = "  ") -> String {
        let all = [header] + rows
        let count = all.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: count)
        for row in all {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        var out = ""
        for row in all {
            var line = indent
            for index in 0..<count {
                let cell = index < row.count ? row[index] : ""
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                if index > 0 { line += "  " }
                line += index >= firstNumericColumn ? padding + cell : cell + padding
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
