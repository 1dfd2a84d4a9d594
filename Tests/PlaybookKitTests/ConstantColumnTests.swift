import Testing
@testable import PlaybookEvaluate
@testable import PlaybookRender
import PlaybookScenario
import PlaybookCore

/// A column of words that says the same in every row of a computed table is said once, in the
/// note (`BlockTableValue.swift`, ``ConstantColumn``); numeric columns, short tables and
/// columns of dashes keep every cell.
@Suite struct ConstantColumnTests {
    let formatter = ValueFormatter(currency: "USD", locale: "en-US")

    /// An assumptions-like table: Input, Value, Unit, Source; `units` and `sources` per row.
    func table(units: [String], sources: [String], note: FigureText? = "Value is the expected value.") -> BlockTable {
        var table = BlockTable(caption: "The inputs", head: ["Input", "Value", "Unit", "Source"], numericColumns: [1])
        for (index, unit) in units.enumerated() {
            table.add([.text("Input \(index + 1)"), .figure(.money(Double(index + 1) * 1000)), .text(unit), .text(sources[index])])
        }
        table.note = note
        return table
    }

    @Test func aUnitThatIsTheSameInEveryRowMovesToTheNote() {
        let value = table(units: ["USD", "USD", "USD"], sources: ["Finance", "Survey", "Pilot"]).value(formatter)
        #expect(value == .object([
            "caption": .text("The inputs"),
            "head": .list([
                ["text": .text("Input"), "numeric": .flag(false), "blank": .flag(false)],
                ["text": .text("Value"), "numeric": .flag(true), "blank": .flag(false)],
                ["text": .text("Source"), "numeric": .flag(false), "blank": .flag(false)],
            ]),
            "rows": .list([("Input 1", "$1,000", "Finance"), ("Input 2", "$2,000", "Survey"), ("Input 3", "$3,000", "Pilot")].map { row in
                .object(["total": .flag(false), "header": .text(row.0), "cells": .list([
                    ["text": .text(row.1), "numeric": .flag(true), "label": .text("Value")],
                    ["text": .text(row.2), "numeric": .flag(false), "label": .text("Source")],
                ])])
            }),
            "wide": .flag(false),
            "note": .text("Value is the expected value. Unit in every row: USD."),
        ]))
    }

    @Test func whatIsFoldedAndWhatIsNot() {
        // Two columns at once, and a table without a note of its own.
        #expect(ConstantColumn.find(head: ["Input", "Value", "Unit", "Source"], numeric: [1],
                                    rows: [["a", "1", "%", "Pilot"], ["b", "2", "%", "Pilot"], ["c", "3", "%", "Pilot"]])
                == [ConstantColumn(column: 2, head: "Unit", text: "%"), ConstantColumn(column: 3, head: "Source", text: "Pilot")])
        #expect(table(units: ["%", "%", "%"], sources: ["x", "y", "z"], note: nil).value(formatter).note == "Unit in every row: %.")
        // A blank cell (a total row) does not count against the others.
        #expect(ConstantColumn.find(head: ["Line", "Kind", "Value"], numeric: [2],
                                    rows: [["a", "Cost", "1"], ["b", "Cost", "2"], ["c", "Cost", "3"], ["Total", "", "6"]])
                == [ConstantColumn(column: 1, head: "Kind", text: "Cost")])
        // Kept: a numeric column, two rows only, a column that differs, the row headings, dashes.
        #expect(ConstantColumn.find(head: ["Case", "PV of costs", "NPV"], numeric: [1, 2],
                                    rows: [["Low", "$5", "$1"], ["Expected", "$5", "$2"], ["High", "$5", "$3"]]) == [])
        #expect(ConstantColumn.find(head: ["Input", "Value", "Unit"], numeric: [1], rows: [["a", "1", "%"], ["b", "2", "%"]]) == [])
        #expect(ConstantColumn.find(head: ["Input", "Value", "Unit"], numeric: [1],
                                    rows: [["a", "1", "%"], ["b", "2", "%"], ["c", "3", "USD"]]) == [])
        #expect(ConstantColumn.find(head: ["Name", "Value", "Source"], numeric: [1],
                                    rows: [["x", "1", "—"], ["x", "2", "—"], ["x", "3", "—"]]) == [])
        #expect(ConstantColumn(column: 1, head: "Source", text: "Annual report.").sentence == "Source in every row: Annual report.")
    }
}

private extension TemplateValue {
    /// The note of a table's value, if it has one.
    var note: String? {
        if case .object(let fields) = self, case .text(let note)? = fields["note"] { return note }
        return nil
    }
}
