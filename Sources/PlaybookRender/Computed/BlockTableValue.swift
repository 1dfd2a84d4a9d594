import PlaybookCore
import PlaybookScenario
import PlaybookEvaluate

extension BlockTable {
    /// The table as block templates receive it, its figures made text with `formatter`:
    /// `caption`, `note`, `wide`, `head` (`text`, `numeric`, `blank`), `rows` (`total`, `header` — the
    /// first cell, a row heading — and `cells`: `text`, `numeric`, `label` — the column's
    /// head, for layouts that stack a row's cells on narrow screens).
    ///
    /// A column of words (not numbers, not the row headings) that says the same thing in every
    /// row of three or more (a blank cell aside) is not shown: its value is said once, in the
    /// note, as "Unit in every row: USD." (``ConstantColumn``). Numeric columns always stay,
    /// since a figure that does not change between cases is itself a finding.
    func value(_ formatter: ValueFormatter) -> TemplateValue {
        let texts = rows.map { row in row.cells.map { $0.text(formatter) } }
        let constant = ConstantColumn.find(head: head, numeric: numericColumns, rows: texts)
        let shown = head.indices.filter { column in !constant.contains { $0.column == column } }
        func numeric(_ column: Int) -> TemplateValue { .flag(numericColumns.contains(column)) }
        let head: [TemplateValue] = shown.map { column in
            ["text": .text(self.head[column]), "numeric": numeric(column), "blank": .flag(self.head[column].isEmpty)]
        }
        let rows: [TemplateValue] = zip(self.rows, texts).map { row, text in
            .object([
                "total": .flag(row.isTotal),
                "header": .text(text.first ?? ""),
                "cells": .list(shown.dropFirst().filter { $0 < text.count }.map { column in
                    ["text": .text(text[column]), "numeric": numeric(column), "label": .text(self.head[column])]
                }
                // Cells beyond the head (a row longer than the head) keep showing, unlabelled.
                + text.indices.dropFirst(max(self.head.count, 1)).map { column in
                    ["text": .text(text[column]), "numeric": numeric(column), "label": .text("")]
                }),
            ])
        }
        var fields: [String: TemplateValue] = ["caption": .text(caption), "head": .list(head), "rows": .list(rows),
                                               "wide": .flag(shown.count >= Self.wideColumns)]
        let notes = (note.map { [$0.text(formatter)] } ?? []) + constant.map(\.sentence)
        if !notes.isEmpty { fields["note"] = .text(notes.joined(separator: " ")) }
        return .object(fields)
    }
}

/// A column of a computed table that is the same in every row, shown once in the note instead.
struct ConstantColumn: Equatable {
    /// The column's index in the table's head.
    var column: Int
    /// The column's head, as the table names it.
    var head: String
    /// The text every row shows in it.
    var text: String

    /// What the note says instead of the column: "Unit in every row: USD."
    var sentence: String {
        let end = text.last.map { ".!?".contains($0) } == true ? "" : "."
        return "\(head) in every row: \(text)\(end)"
    }

    /// The fewest rows for which a repeated value is worth folding (with two, the column is
    /// short enough to read, and a reader compares the two rows).
    static let fewestRows = 3

    /// The columns to fold in a table with `head` and the rows' texts (row headings first):
    /// never the first column, never a numeric one; every non-blank cell alike (and not a dash),
    /// and at least `fewestRows` of them.
    static func find(head: [String], numeric: Set<Int>, rows: [[String]]) -> [ConstantColumn] {
        guard head.count > 2 else { return [] }
        return head.indices.dropFirst().compactMap { column in
            guard !numeric.contains(column) else { return nil }
            let cells = rows.map { column < $0.count ? $0[column] : "" }.filter { !$0.isEmpty }
            // A column of dashes (nothing given in any row) is narrow already and says so itself.
            guard cells.count >= fewestRows, let first = cells.first, first != "—", cells.allSatisfy({ $0 == first }) else { return nil }
            return ConstantColumn(column: column, head: head[column], text: first)
        }
    }
}
