import PlaybookCore
import PlaybookFinance
import PlaybookScenario

/// The values of the `headline` and `lines` blocks: the case at a glance, and each cost or
/// benefit on its own with its worked examples.
extension BlockTables {
    /// The summary of a case, each line rounded, with or without the risk adjustment.
    func summary(in scenarioCase: ScenarioCase, riskAdjusted: Bool) -> FinancialSummary? {
        guard let evaluation = scenario.cases[scenarioCase] else { return nil }
        guard !riskAdjusted else { return evaluation.roundedSummary }
        let unadjusted = evaluation.lines.map { line -> CashFlowLine in
            var copy = line
            copy.risk = 0
            return copy
        }
        return FinancialSummary(lines: unadjusted, years: spec.years, rate: spec.discountRate, rounding: .lineItems(decimals: 0))
    }

    /// `headline`: ROI, NPV, payback and the present values, as a panel of figures.
    func headline(caption: String?, in scenarioCase: ScenarioCase) -> Headline? {
        guard let summary = summary(in: scenarioCase, riskAdjusted: true) else { return nil }
        let figures = [
            Headline.Entry(label: "Return on investment", value: percent(summary.roi)),
            Headline.Entry(label: "Net present value", value: money(summary.npv)),
            Headline.Entry(label: "Payback", value: .figure(.payback(summary.payback))),
            Headline.Entry(label: "Present value of benefits", value: money(summary.benefits.presentValue)),
            Headline.Entry(label: "Present value of costs", value: money(summary.costs.presentValue)),
        ]
        let years = spec.years == 1 ? "one year" : "\(spec.years) years"
        var note: FigureText = "Risk-adjusted, over \(years), discounted at \(.percent(spec.discountRate)) a year."
        if scenarioCase != .expected { note = FigureText(joining: ["The \(scenarioCase.rawValue) case.", note]) }
        return Headline(caption: caption ?? "\(spec.client): the case at a glance", figures: figures, note: note)
    }

    /// Which lines a `lines` block shows.
    package enum LineKind: String, CaseIterable {
        case benefits, costs
    }

    /// `lines`: one section per benefit (or cost): its amounts by year before and after the
    /// risk adjustment, and the worked example of every metric its amounts use.
    func lines(_ kind: LineKind, in scenarioCase: ScenarioCase) -> LineSections? {
        guard let adjusted = summary(in: scenarioCase, riskAdjusted: true),
              let unadjusted = summary(in: scenarioCase, riskAdjusted: false) else { return nil }
        let wanted: CashFlowLine.Kind = kind == .benefits ? .benefit : .cost
        let metricNames = Set(spec.metrics.map(\.name))
        let years = (1...max(spec.years, 1)).map { "Year \($0)" }
        let head = ["", "Initial"] + years + ["Total", "Present value"]
        var sections: [LineSections.Section] = []
        for line in spec.lines where line.kind == wanted {
            let before = (kind == .benefits ? unadjusted.benefitLines : unadjusted.costLines).first { $0.name == line.name }
            let after = (kind == .benefits ? adjusted.benefitLines : adjusted.costLines).first { $0.name == line.name }
            guard let before, let after else { continue }
            let label = lineLabel(line.name)
            var table = BlockTable(caption: "\(label) by year (\(spec.currency))", head: head, numericColumns: Set(1..<head.count))
            func cells(_ row: SummaryRow) -> [TableCell] { row.periods.map(money) + [money(row.total), money(row.presentValue)] }
            table.add([.text("Before risk")] + cells(before))
            table.add([.text("Risk-adjusted")] + cells(after), total: true)
            var sentences: [FigureText] = [line.risk == 0
                ? "No risk adjustment."
                : "Risk adjustment: \(kind == .benefits ? "reduced" : "increased") by \(.percent(line.risk, decimals: 0))."]
            if let ramp = line.ramp, kind == .benefits {
                let shares = FigureText(joining: ramp.map { "\(.percent($0, decimals: 0))" }, separator: ", ")
                sentences.append("Builds up over the years: \(shares) of the full amount.")
            }
            table.note = FigureText(joining: sentences)
            // The metrics the amounts use, each explained once, in order of first use.
            var used: [String] = []
            for formula in [line.initial].compactMap({ $0 }) + line.yearly {
                for (name, _) in formula.expression.names where metricNames.contains(name) && !used.contains(name) {
                    used.append(name)
                }
            }
            let explanations = used.compactMap { explain($0, caption: nil, in: scenarioCase) }
            sections.append(LineSections.Section(id: "pb-\(wanted == .benefit ? "benefit" : "cost")-\(line.name)", label: label,
                                                 table: table, explanations: explanations))
        }
        return LineSections(of: kind, sections: sections)
    }
}
