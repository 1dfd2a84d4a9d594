import PlaybookCore
import PlaybookFinance
import PlaybookScenario

/// A figure a computed block shows, as a value; the render stage makes it text with the
/// scenario's formatter (`Render/Computed/FigureText+Formatting.swift`).
package enum Figure: Equatable, Sendable {
    /// An amount in whole units of the scenario's currency (`$136,500`).
    case money(Double)
    /// A value in a unit, with the unit's usual precision unless `decimals` is given (`8.0%`).
    case value(Double, Unit, decimals: Int? = nil)
    /// A plain number, such as a count of draws (`10,000`).
    case plain(Double)
    /// A payback period (`15.6 months`).
    case payback(PaybackPeriod)

    /// A share, such as an ROI, with one decimal unless `decimals` is given.
    package static func percent(_ value: Double, decimals: Int? = nil) -> Figure {
        .value(value, .percent, decimals: decimals)
    }
}

/// A cell of a computed table: text, a figure, or nothing to show.
package enum TableCell: Equatable, Sendable {
    /// Text shown as it is: a row heading, a name, a formula, a source.
    case text(String)
    /// A figure.
    case figure(Figure)
    /// No value: shown as a dash.
    case none
    /// Text with figures in it, such as a line's label with its risk adjustment.
    indirect case sentence(FigureText)
    /// Nothing at all: an empty cell.
    static let empty = TableCell.text("")

    /// A figure, or a dash when there is none (an ROI without costs).
    static func figure(_ figure: Figure?) -> TableCell {
        figure.map(TableCell.figure) ?? .none
    }
}

/// A sentence with figures in it, such as a table's note: written as a string literal with
/// the figures interpolated (`"NPV \(cell)."`); the render stage makes it text.
package struct FigureText: Equatable, Sendable, ExpressibleByStringInterpolation {
    /// Text, or a figure.
    package enum Part: Equatable, Sendable {
        case text(String)
        case cell(TableCell)
    }

    package private(set) var parts: [Part]

    package init(stringLiteral value: String) {
        parts = [.text(value)]
    }

    /// Text without figures, as it is.
    init(_ text: String) {
        parts = [.text(text)]
    }

    package init(stringInterpolation: StringInterpolation) {
        parts = stringInterpolation.parts
    }

    /// Sentences (or items) one after the other, with `separator` between them.
    init(joining sentences: [FigureText], separator: String = " ") {
        parts = []
        for (index, sentence) in sentences.enumerated() {
            if index > 0 { parts.append(.text(separator)) }
            parts += sentence.parts
        }
    }

    /// Collects the parts of an interpolated literal.
    package struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var parts: [Part] = []

        package init(literalCapacity: Int, interpolationCount: Int) {}

        package mutating func appendLiteral(_ literal: String) {
            parts.append(.text(literal))
        }

        package mutating func appendInterpolation(_ text: String) {
            parts.append(.text(text))
        }

        package mutating func appendInterpolation(_ cell: TableCell) {
            parts.append(.cell(cell))
        }

        package mutating func appendInterpolation(_ figure: Figure) {
            parts.append(.cell(.figure(figure)))
        }

        package mutating func appendInterpolation(_ text: FigureText) {
            parts += text.parts
        }
    }
}

/// A table a block shows, as data: a caption, column heads, rows of typed cells (the total
/// rows marked), which columns hold numbers, and a note under the table.
package struct BlockTable: Equatable {
    /// A row: its cells, the first one the row's heading, and whether it is a total.
    package struct Row: Equatable {
        package var cells: [TableCell]
        package var isTotal: Bool
    }

    package var caption: String
    package var head: [String]
    /// Which columns hold numbers.
    package var numericColumns: Set<Int>
    package var rows: [Row] = []
    package var note: FigureText?

    mutating func add(_ cells: [TableCell], total: Bool = false) {
        rows.append(Row(cells: cells, isTotal: total))
    }

    /// From this many columns a table is `wide`: too wide for an e-reader's page, so the
    /// EPUB stylesheet stacks its rows into cards on pages narrower than a tablet's.
    package static let wideColumns = 6
}
