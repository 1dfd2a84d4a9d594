extension WorkbookPlan {
    /// The **Summary** sheet a CFO reads first: the risk-adjusted figures as live formulas over
    /// the Cash flows sheet's names, then the low/expected/high cases and the sensitivity table
    /// as values Playbook computed (each input at its low and high end), marked as values: they
    /// do not move when an input changes. A Monte Carlo simulation, when one was run, follows
    /// as values too: it draws thousands of cases, which no formula of the sheet can redo.
    static func summary(scenario: Scenario, simulation: SimulationResult?, title: String, symbol: String) -> Sheet {
        let rounded = scenario.expected.roundedSummary
        let figures = ScenarioFigures(scenario: scenario)
        let money = Style.number("\"" + symbol.replacingOccurrences(of: "\"", with: "") + "\"#,##0")
        let percent = Style.number("0.0%")
        let months = Style.number("0.0")
        var sheet = Sheet(name: "Summary", widths: [40, 16, 16, 16, 16, 16], cells: [])
        sheet.cells.append(Cell(row: 0, column: 0, content: .text(title), style: .heading))
        sheet.cells.append(Cell(row: 1, column: 0, content: .text("Live: the figures below are formulas over the Inputs sheet; change an input and they move."),
                                style: .note))
        let live: [(String, String, Double?, Style)] = [
            ("Present value of benefits", "=tei_pv_benefits", rounded.benefits.presentValue, money),
            ("Present value of costs", "=tei_pv_costs", rounded.costs.presentValue, money),
            ("Net present value (NPV)", "=tei_npv", rounded.npv, money),
            ("Return on investment (ROI)", "=tei_roi", rounded.roi, percent),
            ("Internal rate of return (IRR)", "=tei_irr", rounded.irr, percent),
            ("Payback (months)", "=tei_payback_months", rounded.paybackMonths, months),
            ("Discounted payback (months)", "=tei_discounted_payback_months", rounded.discountedPaybackMonths, months),
        ]
        for (offset, item) in live.enumerated() {
            sheet.cells.append(Cell(row: 3 + offset, column: 0, content: .text(item.0), style: .plain))
            sheet.cells.append(Cell(row: 3 + offset, column: 1, content: .formula(item.1, cached: item.2 ?? .nan), style: item.3))
        }
        var row = 4 + live.count
        if !figures.cases.isEmpty {
            sheet.cells.append(Cell(row: row, column: 0, content: .text("Cases — values computed by Playbook, not formulas"), style: .heading))
            row += 1
            for (column, heading) in ["Case", "PV of benefits", "PV of costs", "NPV", "ROI", "Payback (months)"].enumerated() {
                sheet.cells.append(Cell(row: row, column: column, content: .text(heading), style: .heading))
            }
            row += 1
            for item in ScenarioCase.allCases {
                guard let result = figures.cases[item] else { continue }
                sheet.cells.append(Cell(row: row, column: 0, content: .text(item.rawValue), style: .plain))
                let values: [(Double?, Style)] = [(result.pvBenefits, money), (result.pvCosts, money), (result.npv, money),
                                                  (result.roi, percent), (result.paybackMonths, months)]
                for (offset, value) in values.enumerated() {
                    sheet.cells.append(Cell(row: row, column: 1 + offset, content: .number(value.0 ?? .nan), style: value.1))
                }
                row += 1
            }
            row += 1
        }
        if !figures.sensitivity.isEmpty {
            sheet.cells.append(Cell(row: row, column: 0, content: .text("Sensitivity — values computed by Playbook, not formulas"), style: .heading))
            row += 1
            for (column, heading) in ["Input", "NPV at low", "NPV at high", "Swing", "ROI at low", "ROI at high"].enumerated() {
                sheet.cells.append(Cell(row: row, column: column, content: .text(heading), style: .heading))
            }
            row += 1
            for item in figures.sensitivity {
                sheet.cells.append(Cell(row: row, column: 0, content: .text(scenario.spec.displayLabel(of: item.input)), style: .plain))
                let values: [(Double?, Style)] = [(item.npvAtLow, money), (item.npvAtHigh, money), (item.swing, money),
                                                  (item.roiAtLow, percent), (item.roiAtHigh, percent)]
                for (offset, value) in values.enumerated() {
                    sheet.cells.append(Cell(row: row, column: 1 + offset, content: .number(value.0 ?? .nan), style: value.1))
                }
                row += 1
            }
            row += 1
        }
        if let run = simulation.map(ScenarioFigures.Simulation.init) {
            let draws = run.iterations.map { "\($0) draws" } ?? "draws"
            sheet.cells.append(Cell(row: row, column: 0, content: .text("Monte Carlo simulation (\(draws), seed \(run.seed ?? "—")) — values computed by Playbook, not formulas"),
                                    style: .heading))
            row += 1
            for (column, heading) in ["", "P10", "P50", "P90"].enumerated() {
                sheet.cells.append(Cell(row: row, column: column, content: .text(heading), style: .heading))
            }
            row += 1
            for (label, percentiles, style) in [("NPV", run.npv, money), ("ROI", run.roi, percent)] {
                sheet.cells.append(Cell(row: row, column: 0, content: .text(label), style: .plain))
                for (offset, value) in [percentiles?.p10, percentiles?.p50, percentiles?.p90].enumerated() {
                    sheet.cells.append(Cell(row: row, column: 1 + offset, content: .number(value ?? .nan), style: style))
                }
                row += 1
            }
            sheet.cells.append(Cell(row: row, column: 0, content: .text("Probability that ROI > 0"), style: .plain))
            sheet.cells.append(Cell(row: row, column: 1, content: .number(run.probabilityROIPositive ?? .nan), style: percent))
        }
        return sheet
    }
}
