import PlaybookCore
import PlaybookScenario
import PlaybookEvaluate

extension BlockTable {
    /// The table as block templates receive it, its figures made text with `formatter`:
    /// `caption`, `note`, `wide`, `head` (`text`, `numeric`), `rows` (`total`, `header` — the
    /// first cell, a row heading — and `cells`: `text`, `numeric`, `label` — the column's
    /// head, for layouts that stack a row's cells on narrow screens).
    func value(_ formatter: ValueFormatter) -> TemplateValue {
        func numeric(_ column: Int) -> TemplateValue { .flag(numericColumns.contains(column)) }
        let head: [TemplateValue] = self.head.enumerated().map { column, text in
            ["text": .text(text), "numeric": numeric(column)]
        }
        let rows: [TemplateValue] = self.rows.map { row in
            .object([
                "total": .flag(row.isTotal),
                "header": .text(row.cells.first?.text(formatter) ?? ""),
                "cells": .list(row.cells.enumerated().dropFirst().map { column, cell in
                    ["text": .text(cell.text(formatter)), "numeric": numeric(column),
                     "label": .text(column < self.head.count ? self.head[column] : "")]
                }),
            ])
        }
        var fields: [String: TemplateValue] = ["caption": .text(caption), "head": .list(head), "rows": .list(rows),
                                               "wide": .flag(self.head.count >= Self.wideColumns)]
        if let note { fields["note"] = .text(note.text(formatter)) }
        return .object(fields)
    }
}
