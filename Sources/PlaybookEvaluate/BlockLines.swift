import PlaybookCore
import PlaybookFinance
import PlaybookScenario

/// The summary a block shows (with or without the risk adjustment) and the `headline` block;
/// the `lines` block is in `BlockLineTables.swift`.
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
}
