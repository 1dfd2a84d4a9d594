import PlaybookCore
import PlaybookFinance
import PlaybookScenario

/// What a `key-findings` or `risks` block says: a list of statements, each true of the
/// scenario it is made from, with its figures read from ``ScenarioFigures``.
package struct Statements: Equatable {
    /// One statement: a short lead (`Net present value`), its sentence, and items under it
    /// (each benefit with its present value).
    package struct Item: Equatable {
        package var lead: String?
        package var text: FigureText
        package var items: [FigureText] = []
    }

    /// Which block: `key-findings` or `risks`.
    package var kind: String
    /// The caption, when the block gives one.
    package var caption: String?
    package var items: [Item]
}

/// The sentences of the `key-findings` and `risks` blocks, from the figures of the expected
/// case (and the default simulation when the scenario has ranges).
struct FindingsWriter {
    let tables: BlockTables
    let figures: ScenarioFigures
    var spec: ScenarioSpec { tables.spec }

    /// The figures of `scenario` with its default simulation (when it has ranges).
    init(tables: BlockTables, simulation: SimulationResult?) {
        self.tables = tables
        figures = ScenarioFigures(scenario: tables.scenario, scenarioCase: .expected, simulation: simulation)
    }

    private func money(_ value: Double?) -> FigureText { "\(tables.money(value ?? 0))" }
    private var horizon: String { BlockTables.horizonWords(spec.years) + " horizon" }
    private var over: String { spec.years == 1 ? "over one year" : "over \(BlockTables.horizonWords(spec.years).dropLast(5)) years" }
    private var lines: [ScenarioFigures.Row] { figures.summary?.lines ?? [] }
    private func risks(_ kind: CashFlowLine.Kind) -> [Double] { spec.lines.filter { $0.kind == kind }.map(\.risk) }
    /// `, after risk adjustment` when some line of `kind` has one.
    private func adjusted(_ kind: CashFlowLine.Kind) -> String { risks(kind).contains { $0 > 0 } ? ", after risk adjustment" : "" }
    /// The NPV rounded to whole currency units, as the tables show it.
    private var npv: Double { DecimalRounding.round(figures.summary?.npv ?? 0, places: 0) }

    /// `key-findings`: each benefit with its present value, the costs, NPV, ROI, payback, and
    /// with ranges the low case, the P10 and the probability of a positive ROI.
    func keyFindings() -> [Statements.Item] {
        guard let summary = figures.summary else { return [] }
        var items: [Statements.Item] = []
        let benefits = lines.filter { $0.kind == "benefit" }
        if benefits.isEmpty {
            items.append(.init(lead: "Benefits", text: "none; the case records no benefits."))
        } else {
            let total = money(summary.benefits?.presentValue)
            if benefits.count == 1, let only = benefits.first {
                items.append(.init(lead: "Benefits", text: "\(total) in present value \(over)\(adjusted(.benefit)), all from one benefit: \(tables.lineLabel(only.name).lowercasedFirst)."))
            } else {
                items.append(.init(lead: "Benefits", text: "\(total) in present value \(over)\(adjusted(.benefit)), from \(String(benefits.count)) benefits:",
                                   items: benefits.map { "\(tables.lineLabel($0.name)): \(money($0.presentValue))" }))
            }
        }
        let costs = summary.costs?.presentValue ?? 0
        if lines.allSatisfy({ $0.kind != "cost" }) || costs == 0 {
            items.append(.init(lead: "Costs", text: "none; the case records no costs."))
        } else {
            let upFront = summary.costs?.periods.first.flatMap { $0 } ?? 0
            let part: FigureText = upFront > 0 && DecimalRounding.round(upFront, places: 0) != DecimalRounding.round(costs, places: 0)
                ? ", of which \(money(upFront)) is spent at the start" : ""
            items.append(.init(lead: "Costs", text: "\(money(costs)) in present value \(over)\(adjusted(.cost))\(part)."))
        }
        let rate: FigureText = "at a discount rate of \(BlockTables.wholePercent(spec.discountRate))"
        let npvText: FigureText = costs == 0 ? "\(money(npv)) \(rate), the present value of the benefits, as the case has no costs."
            : npv > 0 ? "\(money(npv)) \(rate): the benefits exceed the costs in present value."
            : npv < 0 ? "\(money(npv)) \(rate): the costs exceed the benefits in present value, so the programme does not recover its costs."
            : "\(money(npv)) \(rate): the benefits and the costs are equal in present value."
        items.append(.init(lead: "Net present value", text: npvText))
        items.append(.init(lead: "Return on investment", text: roi(summary.roi)))
        items.append(.init(lead: "Payback", text: payback(summary.payback, discounted: summary.discountedPayback)))
        if spec.hasRanges {
            if let low = figures.cases[.low]?.npv {
                items.append(.init(lead: "Low case", text: "with every uncertain input at its low value, the net present value is \(money(low))."))
            }
            if let simulation = figures.simulation, let draws = simulation.iterations, let p10 = simulation.npv?.p10, let p50 = simulation.npv?.p50 {
                let median: FigureText = "the median net present value is \(money(p50))"
                let tail: FigureText = "one outcome in ten is below \(money(p10)) (the P10)"
                var text: FigureText = "in \(.plain(Double(draws))) simulated outcomes, \(median) and \(tail)"
                if summary.roi != nil, let positive = simulation.probabilityROIPositive {
                    text = "in \(.plain(Double(draws))) simulated outcomes, \(median), \(tail), and the return on investment is positive in \(.percent(positive)) of them"
                }
                items.append(.init(lead: "Range of outcomes", text: "\(text)."))
            }
        }
        return items
    }

    /// The ROI in words; without costs, why there is none.
    private func roi(_ roi: Double?) -> FigureText {
        guard let roi else { return "none can be given, because the case has no costs to set the benefits against." }
        let ratio = 1 + roi
        if npv > 0, DecimalRounding.round(ratio, places: 1) >= 2 {
            return "\(.percent(roi)): in present value the benefits are \(.plain(DecimalRounding.round(ratio, places: 1))) times the costs."
        }
        if npv > 0 { return "\(.percent(roi)): in present value the benefits come to \(.percent(ratio)) of the costs." }
        if npv == 0 { return "\(.percent(roi)): the benefits equal the costs in present value." }
        if ratio <= 0 { return "\(.percent(roi)): the case has no benefits to set against the costs." }
        return "\(.percent(roi)): the benefits recover \(.percent(ratio)) of the costs in present value."
    }

    /// The payback and the discounted payback in words.
    private func payback(_ period: PaybackPeriod?, discounted: PaybackPeriod?) -> FigureText {
        switch period {
        case .months(let months):
            switch discounted {
            case .months(let later): return "\(.payback(.months(months))), or \(.payback(.months(later))) on discounted cash flows."
            case .notWithinHorizon: return "\(.payback(.months(months))); on discounted cash flows the programme does not pay back within the \(horizon)."
            default: return "\(.payback(.months(months)))."
            }
        case .immediate: return "there is no outlay to pay back: the cumulative cash flow is never below zero."
        case .notWithinHorizon, nil: return "the programme does not pay back within the \(horizon)."
        }
    }

    /// `risks`: what moves the NPV most, the simulation's downside, and the allowance for risk
    /// already in the figures; without ranges, a sentence saying so.
    func risks() -> [Statements.Item] {
        var items: [Statements.Item] = []
        if npv < 0 {
            items.append(.init(lead: nil, text: "At the expected values the programme does not recover its costs: the net present value is \(money(npv))."))
        }
        if spec.hasRanges {
            for row in figures.sensitivity.prefix(3) {
                guard let input = spec.inputs.first(where: { $0.name == row.input }),
                      let atLow = row.npvAtLow, let atHigh = row.npvAtHigh else { continue }
                let worse = atLow <= atHigh ? ScenarioCase.low : .high
                let worst = min(atLow, atHigh)
                guard DecimalRounding.round(worst, places: 0) < npv else { continue }
                let unit = input.value.unit
                let falls = npv < 0 ? "falls further, to" : "falls to"
                var text: FigureText = "If \(tables.label(row.input).lowercasedFirst) is \(tables.figure(input.value.value(in: worse), unit)) instead of \(tables.figure(input.value.value(in: .expected), unit)), the net present value \(falls) \(money(worst))"
                if npv >= 0, DecimalRounding.round(worst, places: 0) < 0 { text = "\(text), and the programme no longer recovers its costs" }
                items.append(.init(lead: nil, text: "\(text)."))
            }
            if let simulation = figures.simulation, let draws = simulation.iterations, let p10 = simulation.npv?.p10 {
                var text: FigureText = "In \(.plain(Double(draws))) simulated outcomes"
                if figures.summary?.roi != nil, let positive = simulation.probabilityROIPositive {
                    text = "\(text), the probability of a negative return on investment is \(.percent(1 - positive)), and"
                } else {
                    text = "\(text),"
                }
                items.append(.init(lead: nil, text: "\(text) one outcome in ten has a net present value below \(money(p10)) (the P10)."))
            }
        } else {
            items.append(.init(lead: nil, text: "The case records no ranges for its inputs: each is a single estimate, so no low case, sensitivity or probability of loss can be given."))
        }
        items.append(.init(lead: nil, text: allowance()))
        return items
    }

    /// The risk adjustment already in the figures, in words.
    private func allowance() -> FigureText {
        func part(_ kind: CashFlowLine.Kind, _ noun: String, _ verb: String) -> FigureText? {
            let all = risks(kind), positive = all.filter { $0 > 0 }
            guard let low = positive.min(), let high = positive.max() else { return nil }
            if positive.count < all.count { return "some \(noun) are \(verb) by up to \(BlockTables.wholePercent(high))" }
            if low == high { return "\(noun) are \(verb) by \(BlockTables.wholePercent(low))" }
            return "\(noun) are \(verb) by \(BlockTables.wholePercent(low)) to \(BlockTables.wholePercent(high))"
        }
        let parts = [part(.benefit, "benefits", "reduced"), part(.cost, "costs", "increased")].compactMap { $0 }
        guard !parts.isEmpty else {
            return "No line carries a risk adjustment: the figures are the estimates as they stand, with no allowance for what could go wrong."
        }
        return "The figures already allow for risk: \(FigureText(joining: parts, separator: " and ")), line by line."
    }
}
