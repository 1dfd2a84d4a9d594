import PlaybookCore
import PlaybookFinance

extension WorkbookPlan {
    /// Column letters of a 0-based column (`0` → `A`, `27` → `AB`).
    static func columnLetters(_ column: Int) -> String {
        CellAddress.columnLetters(column)
    }

    /// A relative A1 reference (`E7`) to a 0-based row and column.
    static func reference(row: Int, column: Int) -> String {
        columnLetters(column) + String(row + 1)
    }

    /// The defined name of a line's present value (`pv_benefit_contact_shift`).
    static func lineName(_ line: LineSpec) -> String {
        "pv_" + line.kind.rawValue + "_" + line.name
    }

    /// The defined names the Cash flows sheet gives: NPV, ROI, IRR, paybacks, total PVs and
    /// each line's PV. Scenario names that equal one (ignoring case) get a suffix instead.
    static func cashFlowNames(_ spec: ScenarioSpec) -> [String] {
        guard !spec.lines.isEmpty else { return [] }
        return ["tei_npv", "tei_roi", "tei_irr", "tei_payback_months", "tei_discounted_payback_months", "tei_pv_costs", "tei_pv_benefits"]
            + spec.lines.map(lineName)
    }

    /// The **Cash flows** sheet in the TEI layout, every figure a live formula.
    ///
    /// For each cost line, then each benefit line (the order of Playbook's summary): a row of
    /// amounts before risk (the line's formulas over the defined names, its ramp applied), with
    /// the line's risk adjustment in a cell of its own, then the risk-adjusted row rounded to
    /// whole currency units as Playbook rounds line items (`ROUND(amount*(1+risk),0)` for a
    /// cost, `*(1-risk)` for a benefit), its total and its present value (rounded). Then the
    /// discount factors, total costs and benefits (their present values the sums of the lines'),
    /// net cash flow, NPV, ROI (NPV over the present value of costs), IRR (with fallback guesses),
    /// and the payback and
    /// discounted payback in months (with the cumulative rows they are found on).
    static func cashFlows(scenario: Scenario, translator: ExcelFormula, symbol: String) -> (Sheet, [Name]) {
        let spec = scenario.spec
        let evaluation = scenario.expected
        let years = spec.years
        let rounded = evaluation.roundedSummary
        let money = Style.number("\"" + symbol.replacingOccurrences(of: "\"", with: "") + "\"#,##0")
        let percent = Style.number("0.0%")
        // Columns: A label, B kind, C risk, D initial (year 0), E… years 1…N, then total and PV.
        let firstPeriod = 3
        let totalColumn = firstPeriod + years + 1
        let pvColumn = totalColumn + 1
        var sheet = Sheet(name: "Cash flows", widths: [54, 9, 9] + Array(repeating: 14, count: years + 3), cells: [])
        var names: [Name] = []
        var headings = ["Line", "Kind", "Risk", "Initial"]
        for year in 1...Swift.max(years, 1) where years > 0 { headings.append("Year \(year)") }
        headings += ["Total", "Present value"]
        for (column, heading) in headings.enumerated() {
            sheet.cells.append(Cell(row: 0, column: column, content: .text(heading), style: .heading))
        }

        // Discount factors: 1 / (1 + discount_rate)^t.
        let factorRow = 1
        let rateName = translator.naming("discount_rate")
        sheet.cells.append(Cell(row: factorRow, column: 0, content: .text("Discount factor"), style: .plain))
        for period in 0...years {
            let value = 1 / CashFlowsPower.power(1 + rounded.rate, period)
            sheet.cells.append(Cell(row: factorRow, column: firstPeriod + period,
                                    content: .formula("=1/(1+\(rateName))^\(period)", cached: value), style: .number("0.0000")))
        }
        func factors() -> String {
            reference(row: factorRow, column: firstPeriod) + ":" + reference(row: factorRow, column: firstPeriod + years)
        }

        var row = factorRow + 2
        var adjustedRows: [CashFlowLine.Kind: [Int]] = [.cost: [], .benefit: []]
        var pvCells: [CashFlowLine.Kind: [String]] = [.cost: [], .benefit: []]
        let ordered = spec.lines.enumerated().filter { $0.element.kind == .cost } + spec.lines.enumerated().filter { $0.element.kind == .benefit }
        for (index, line) in ordered {
            let before = index < evaluation.lines.count ? evaluation.lines[index] : nil
            let summaryRow = (line.kind == .cost ? rounded.costLines : rounded.benefitLines).first { $0.name == line.name }
            let label = spec.lineLabel(of: line.name)
            // Amounts before risk.
            sheet.cells.append(Cell(row: row, column: 0, content: .text(label + " (before risk)"), style: .plain))
            sheet.cells.append(Cell(row: row, column: 1, content: .text(line.kind.rawValue), style: .plain))
            sheet.cells.append(Cell(row: row, column: 2, content: .number(line.risk), style: percent))
            let riskCell = "$C$" + String(row + 1)
            for period in 0...years {
                let cached = period == 0 ? (before?.initial ?? 0) : (before.map { period - 1 < $0.yearly.count ? $0.yearly[period - 1] : 0 } ?? 0)
                let content: Content
                if period == 0 {
                    if let initial = line.initial {
                        content = .formula(translator.cell(initial.expression, shownIn: .money), cached: cached)
                    } else {
                        content = .number(0)
                    }
                } else {
                    let formula: Formula? = line.yearly.count == 1 ? line.yearly[0]
                        : (period - 1 < line.yearly.count ? line.yearly[period - 1] : nil)
                    let ramp: Double? = line.ramp.map { period - 1 < $0.count ? $0[period - 1] : 0 }
                    if let formula, ramp != 0 {
                        var text = translator.cell(formula.expression, shownIn: .money)
                        if let ramp, ramp != 1 { text = "=(" + String(text.dropFirst()) + ")*" + ExcelFormula.number(ramp) }
                        content = .formula(text, cached: cached)
                    } else {
                        content = .number(0)
                    }
                }
                sheet.cells.append(Cell(row: row, column: firstPeriod + period, content: content, style: money))
            }
            // Risk-adjusted, rounded as Playbook rounds line items.
            let adjusted = row + 1
            let sign = line.kind == .cost ? "+" : "-"
            sheet.cells.append(Cell(row: adjusted, column: 0, content: .text(label + " (risk-adjusted)"), style: .plain))
            sheet.cells.append(Cell(row: adjusted, column: 1, content: .text(line.kind.rawValue), style: .plain))
            for period in 0...years {
                let source = reference(row: row, column: firstPeriod + period)
                let cached = summaryRow.map { period < $0.periods.count ? $0.periods[period] : 0 } ?? 0
                sheet.cells.append(Cell(row: adjusted, column: firstPeriod + period,
                                        content: .formula("=ROUND(\(source)*(1\(sign)\(riskCell)),0)", cached: cached), style: money))
            }
            let span = reference(row: adjusted, column: firstPeriod) + ":" + reference(row: adjusted, column: firstPeriod + years)
            sheet.cells.append(Cell(row: adjusted, column: totalColumn, content: .formula("=SUM(\(span))", cached: summaryRow?.total ?? 0),
                                    style: money))
            sheet.cells.append(Cell(row: adjusted, column: pvColumn,
                                    content: .formula("=ROUND(SUMPRODUCT(\(span),\(factors())),0)", cached: summaryRow?.presentValue ?? 0),
                                    style: money))
            names.append(Name(name: lineName(line), sheet: sheet.name, row: adjusted, column: pvColumn))
            adjustedRows[line.kind, default: []].append(adjusted)
            pvCells[line.kind, default: []].append(reference(row: adjusted, column: pvColumn))
            row += 3
        }

        // Totals.
        func totalRow(_ title: String, _ kind: CashFlowLine.Kind, _ source: SummaryRow, at row: Int) {
            sheet.cells.append(Cell(row: row, column: 0, content: .text(title), style: .heading))
            let rows = adjustedRows[kind] ?? []
            for period in 0...years + 1 {
                let column = firstPeriod + period
                let cells = rows.map { reference(row: $0, column: column) }
                let cached = period <= years ? source.periods[period] : source.total
                sheet.cells.append(Cell(row: row, column: column,
                                        content: .formula(cells.isEmpty ? "=0" : "=" + cells.joined(separator: "+"), cached: cached), style: money))
            }
            let pvs = pvCells[kind] ?? []
            sheet.cells.append(Cell(row: row, column: pvColumn,
                                    content: .formula(pvs.isEmpty ? "=0" : "=" + pvs.joined(separator: "+"), cached: source.presentValue), style: money))
        }
        let costRow = row, benefitRow = row + 1, netRow = row + 2
        totalRow("Total costs", .cost, rounded.costs, at: costRow)
        totalRow("Total benefits", .benefit, rounded.benefits, at: benefitRow)
        names.append(Name(name: "tei_pv_costs", sheet: sheet.name, row: costRow, column: pvColumn))
        names.append(Name(name: "tei_pv_benefits", sheet: sheet.name, row: benefitRow, column: pvColumn))
        sheet.cells.append(Cell(row: netRow, column: 0, content: .text("Net cash flow"), style: .heading))
        for column in firstPeriod...pvColumn {
            let cached = column == pvColumn ? rounded.net.presentValue
                : (column == totalColumn ? rounded.net.total : rounded.net.periods[column - firstPeriod])
            sheet.cells.append(Cell(row: netRow, column: column,
                                    content: .formula("=\(reference(row: benefitRow, column: column))-\(reference(row: costRow, column: column))",
                                                      cached: cached), style: money))
        }
        let pvCosts = reference(row: costRow, column: pvColumn), pvBenefits = reference(row: benefitRow, column: pvColumn)
        let netSpan = reference(row: netRow, column: firstPeriod) + ":" + reference(row: netRow, column: firstPeriod + years)
        let results: [(String, String, String, Double?, Style)] = [
            ("NPV", "npv", "=\(pvBenefits)-\(pvCosts)", rounded.npv, money),
            ("ROI", "roi", "=IF(\(pvCosts)=0,NA(),(\(pvBenefits)-\(pvCosts))/\(pvCosts))", rounded.roi, percent),
            // Excel's and LibreOffice's IRR start from a guess of 10% and give up on a strongly
            // negative rate: guesses of −50% and −90% are tried next; without a rate, the cell says
            // "none", as the report does.
            ("IRR", "irr", "=IFERROR(IRR(\(netSpan)),IFERROR(IRR(\(netSpan),-0.5),IFERROR(IRR(\(netSpan),-0.9),\"none\")))", rounded.irr, percent),
        ]
        for (offset, result) in results.enumerated() {
            let at = netRow + 2 + offset
            sheet.cells.append(Cell(row: at, column: 0, content: .text(result.0), style: .heading))
            sheet.cells.append(Cell(row: at, column: firstPeriod, content: .formula(result.2, cached: result.3 ?? .nan), style: result.4))
            names.append(Name(name: "tei_" + result.1, sheet: sheet.name, row: at, column: firstPeriod))
        }
        // Payback: the month the cumulative net flow turns from negative to 0 or more within a
        // year whose flow is positive (Payback.period), on the net row and on its present values.
        let paybackRow = netRow + 5
        let helperRow = netRow + 8
        let netCells = (0...years).map { reference(row: netRow, column: firstPeriod + $0) }
        let discounted = (0...years).map { "\(netCells[$0])*\(reference(row: factorRow, column: firstPeriod + $0))" }
        let discountedCached = rounded.net.periods.enumerated().map { $0.element / CashFlowsPower.power(1 + rounded.rate, $0.offset) }
        func payback(title: String, flows: [String], cachedFlows: [Double], result: PaybackPeriod, at resultRow: Int, helpers: Int,
                     name: String) {
            let cumulativeRow = helpers, crossingRow = helpers + 1
            sheet.cells.append(Cell(row: cumulativeRow, column: 0, content: .text("Cumulative " + title.lowercased()), style: .plain))
            sheet.cells.append(Cell(row: crossingRow, column: 0, content: .text(title + ": payback month if in this year"), style: .plain))
            var cumulative = 0.0
            for period in 0...years {
                let column = firstPeriod + period
                let previous = cumulative
                cumulative += period < cachedFlows.count ? cachedFlows[period] : 0
                let formula = period == 0 ? "=\(flows[0])" : "=\(reference(row: cumulativeRow, column: column - 1))+\(flows[period])"
                sheet.cells.append(Cell(row: cumulativeRow, column: column, content: .formula(formula, cached: cumulative), style: money))
                guard period > 0 else { continue }
                let before = reference(row: cumulativeRow, column: column - 1), after = reference(row: cumulativeRow, column: column)
                let flow = flows[period]
                let crossing = previous < 0 && cumulative >= 0 && cachedFlows[period] > 0
                sheet.cells.append(Cell(row: crossingRow, column: column,
                                        content: .formula("=IF(AND(\(before)<0,\(after)>=0,\(flow)>0),12*(\(period - 1)-\(before)/(\(flow))),\"\")",
                                                          cached: crossing ? 12 * (Double(period - 1) + (-previous) / cachedFlows[period]) : .nan),
                                        style: .number("0.0")))
            }
            let cumulativeSpan = reference(row: cumulativeRow, column: firstPeriod) + ":" + reference(row: cumulativeRow, column: firstPeriod + years)
            var formula = "IF(MIN(\(cumulativeSpan))<0,\"not within the horizon\",\"immediate\")"
            if years > 0 {
                for period in stride(from: years, through: 1, by: -1) {
                    let cell = reference(row: crossingRow, column: firstPeriod + period)
                    formula = "IF(ISNUMBER(\(cell)),\(cell),\(formula))"
                }
            }
            sheet.cells.append(Cell(row: resultRow, column: 0, content: .text(title == "Net" ? "Payback (months)" : "Discounted payback (months)"),
                                    style: .heading))
            sheet.cells.append(Cell(row: resultRow, column: firstPeriod, content: .formula("=" + formula, cached: result.months ?? .nan),
                                    style: .number("0.0")))
            names.append(Name(name: name, sheet: sheet.name, row: resultRow, column: firstPeriod))
        }
        payback(title: "Net", flows: netCells, cachedFlows: rounded.net.periods, result: rounded.payback, at: paybackRow,
                helpers: helperRow, name: "tei_payback_months")
        payback(title: "Discounted net", flows: discounted, cachedFlows: discountedCached, result: rounded.discountedPayback,
                at: paybackRow + 1, helpers: helperRow + 3, name: "tei_discounted_payback_months")
        sheet.cells.append(Cell(row: helperRow - 1, column: 0, content: .text("How the payback is found"), style: .note))
        sheet.cells.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        return (sheet, names)
    }
}

/// Whole powers as ``CashFlows`` computes them (a product, not `pow`), for cached values.
enum CashFlowsPower {
    static func power(_ base: Double, _ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<Swift.abs(exponent) { result *= base }
        return exponent < 0 ? 1 / result : result
    }
}
