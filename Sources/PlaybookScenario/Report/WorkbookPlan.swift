/// What a scenario's workbook holds, sheet by sheet and cell by cell, before anything is
/// written: the `.xlsx` writer (PlaybookRender's `ScenarioWorkbook`) turns it into a file
/// through PlaybookXLSX. Kept as plain values so that the layout and every formula can be
/// tested without libxlsxwriter.
///
/// - **Inputs**: one row per input (built-in ones such as `discount_rate` included, since
///   formulas use them): label, value (the cell the defined name points at, in the unit the
///   scenario wrote), unit, low, high, source. An uncertain input's cell warns when set
///   outside its range.
/// - **Model**: one row per metric: label, a live formula over the defined names (with the
///   value Playbook computed cached in it), unit, the formula as the scenario writes it.
/// - **Cash flows**: the TEI layout, live (``cashFlows(scenario:translator:symbol:)``).
/// - **Summary** (the first tab, with Cash flows): the CFO view (``summary(scenario:simulation:title:symbol:)``).
package struct WorkbookPlan: Sendable, Equatable {
    /// How a cell looks.
    package enum Style: Sendable, Hashable {
        /// Plain text or a number in General format.
        case plain
        /// A column heading.
        case heading
        /// A number in an Excel number format (`"$"#,##0.00`, `0.0%`, `#,##0`).
        case number(String)
        /// A note about the sheet (italic).
        case note
    }

    /// What a cell holds.
    package enum Content: Sendable, Equatable {
        /// Text.
        case text(String)
        /// A number (not finite: an empty cell).
        case number(Double)
        /// A formula (`=…`) with the value it had when Playbook computed it.
        case formula(String, cached: Double)
    }

    /// A cell: where (0-based), what, how it looks, and the range a typed value should stay in.
    package struct Cell: Sendable, Equatable {
        /// The row (0 is the first).
        package var row: Int
        /// The column (0 is A).
        package var column: Int
        /// What it holds.
        package var content: Content
        /// How it looks.
        package var style: Style
        /// The range the value should stay in (a warning when typed outside it).
        package var validation: ClosedRange<Double>?
    }

    /// A sheet.
    package struct Sheet: Sendable, Equatable {
        /// The sheet's name (a tab).
        package var name: String
        /// Column widths in characters, from column A.
        package var widths: [Double]
        /// The cells, row by row.
        package var cells: [Cell]
    }

    /// A workbook-wide name for one cell.
    package struct Name: Sendable, Equatable {
        /// The defined name.
        package var name: String
        /// The sheet it is on.
        package var sheet: String
        /// The cell's row.
        package var row: Int
        /// The cell's column.
        package var column: Int
    }

    /// The sheets, in tab order.
    package var sheets: [Sheet]
    /// The defined names: every input and metric.
    package var names: [Name]
    /// The document's title.
    package var title: String

    /// The workbook of `scenario` in the expected case.
    /// The plan of `scenario`'s workbook; `simulation`, when given, is written on the Summary
    /// sheet as values.
    package init(scenario: Scenario, simulation: SimulationResult? = nil) {
        let spec = scenario.spec
        let model = scenario.model
        let evaluation = scenario.expected
        let symbol = Currency.symbol(for: spec.currency, locale: spec.locale)
        title = spec.client + (spec.title.map { " — \($0)" } ?? "")

        // Defined names: the scenario's, unless Excel would read one as a cell address, and
        // distinct ignoring case (Excel's names ignore case; Playbook's do not).
        var definedNames: [String: String] = [:]
        // The names of the Cash flows sheet come first, so a scenario name equal to one yields.
        var taken = Set(Self.cashFlowNames(spec).map { $0.uppercased() })
        for name in model.names {
            var candidate = ExcelFormula.definedName(for: name)
            var suffix = 2
            while taken.contains(candidate.uppercased()) {
                candidate = ExcelFormula.definedName(for: name) + "_\(suffix)"
                suffix += 1
            }
            taken.insert(candidate.uppercased())
            definedNames[name] = candidate
        }
        let translator = ExcelFormula(unitOf: { model.unit(of: $0) }, naming: { definedNames[$0] ?? ExcelFormula.definedName(for: $0) })
        var names: [Name] = []

        var inputs = Sheet(name: "Inputs", widths: [46, 16, 14, 14, 14, 40, 24], cells: [])
        for (column, heading) in ["Input", "Value", "Unit", "Low", "High", "Source", "Name"].enumerated() {
            inputs.cells.append(Cell(row: 0, column: column, content: .text(heading), style: .heading))
        }
        for (index, input) in spec.inputs.enumerated() {
            let row = index + 1
            let unit = input.value.unit
            let value = unit.shown(input.value.value(in: .expected))
            let format = Style.number(Self.numberFormat(unit, value: value, decimals: nil, symbol: symbol))
            var range: ClosedRange<Double>?
            inputs.cells.append(Cell(row: row, column: 0, content: .text(spec.displayLabel(of: input.name)), style: .plain))
            if input.value.isUncertain {
                let low = unit.shown(input.value.value(in: .low)), high = unit.shown(input.value.value(in: .high))
                if low.isFinite, high.isFinite { range = Swift.min(low, high)...Swift.max(low, high) }
                inputs.cells.append(Cell(row: row, column: 3, content: .number(low), style: format))
                inputs.cells.append(Cell(row: row, column: 4, content: .number(high), style: format))
            }
            inputs.cells.append(Cell(row: row, column: 1, content: .number(value), style: format, validation: range))
            inputs.cells.append(Cell(row: row, column: 2, content: .text(unit.code(currency: spec.currency)), style: .plain))
            let source = input.isBuiltIn ? "scenario setting" : (input.source ?? "")
            if !source.isEmpty { inputs.cells.append(Cell(row: row, column: 5, content: .text(source), style: .plain)) }
            let defined = definedNames[input.name] ?? input.name
            inputs.cells.append(Cell(row: row, column: 6, content: .text(defined), style: .plain))
            names.append(Name(name: defined, sheet: inputs.name, row: row, column: 1))
        }
        inputs.cells.sort { ($0.row, $0.column) < ($1.row, $1.column) }

        var metrics = Sheet(name: "Model", widths: [48, 18, 12, 64, 26], cells: [])
        for (column, heading) in ["Metric", "Value", "Unit", "Formula in the scenario", "Name"].enumerated() {
            metrics.cells.append(Cell(row: 0, column: column, content: .text(heading), style: .heading))
        }
        for (index, metric) in spec.metrics.enumerated() {
            let row = index + 1
            guard let slot = model.slots[metric.name] else { continue }
            let unit = model.units[slot]
            let value = unit.shown(evaluation.values[slot])
            let formula = translator.cell(metric.formula.expression, shownIn: unit)
            let style = Style.number(Self.numberFormat(unit, value: value, decimals: model.decimals[slot], symbol: symbol))
            metrics.cells.append(Cell(row: row, column: 0, content: .text(spec.displayLabel(of: metric.name)), style: .plain))
            metrics.cells.append(Cell(row: row, column: 1, content: .formula(formula, cached: value), style: style))
            metrics.cells.append(Cell(row: row, column: 2, content: .text(unit.code(currency: spec.currency)), style: .plain))
            metrics.cells.append(Cell(row: row, column: 3, content: .text(metric.formula.text), style: .plain))
            let defined = definedNames[metric.name] ?? metric.name
            metrics.cells.append(Cell(row: row, column: 4, content: .text(defined), style: .plain))
            names.append(Name(name: defined, sheet: metrics.name, row: row, column: 1))
        }
        sheets = [inputs, metrics]
        if !spec.lines.isEmpty {
            let (cashFlows, cashNames) = Self.cashFlows(scenario: scenario, translator: translator, symbol: symbol)
            sheets.append(cashFlows)
            names += cashNames
            sheets.insert(Self.summary(scenario: scenario, simulation: simulation, title: title, symbol: symbol), at: 0)
        }
        self.names = names
    }

    /// Excel's number format for a value in `unit`: money with the currency symbol and cents,
    /// percentages with one decimal, other numbers with `decimals` (the metric's), else whole
    /// when the value is whole and two decimals when not.
    package static func numberFormat(_ unit: Unit, value: Double, decimals: Int?, symbol: String) -> String {
        func digits(_ count: Int) -> String { count > 0 ? "." + String(repeating: "0", count: count) : "" }
        if unit.isDimensionless, unit.isPercent { return "0" + digits(decimals ?? 1) + "%" }
        let places = decimals ?? (unit.money > 0 ? 2 : (value == value.rounded() ? 0 : 2))
        let number = "#,##0" + digits(Swift.max(0, places))
        if unit.money > 0 {
            let quoted = "\"" + symbol.replacingOccurrences(of: "\"", with: "") + "\""
            return quoted + number
        }
        return number
    }
}
