import PlaybookCore
import PlaybookFinance
import PlaybookScenario

/// Builds the values of each computed block from a scenario.
package struct BlockTables {
    let scenario: Scenario
    var spec: ScenarioSpec { scenario.spec }

    /// An amount in whole currency units.
    func money(_ value: Double) -> TableCell { .figure(.money(value)) }
    /// A share with one decimal, or a dash when there is none.
    func percent(_ value: Double?) -> TableCell { .figure(value.map { .percent($0) }) }
    /// A value in `unit`.
    func figure(_ value: Double, _ unit: Unit) -> TableCell { .figure(.value(value, unit)) }
    /// The value of an input or metric in its unit and precision, as `{{ name }}` shows it.
    func scenarioValue(_ name: String, in scenarioCase: ScenarioCase) -> TableCell {
        guard let slot = scenario.model.slots[name], let value = scenario.value(name, in: scenarioCase) else { return .empty }
        return .figure(.value(value, scenario.model.units[slot], decimals: scenario.model.decimals[slot]))
    }

    /// The label of an input or metric: its `label`, or its name in words
    /// (`contact_shift_savings` → `Contact shift savings`).
    func label(_ name: String) -> String {
        spec.displayLabel(of: name)
    }

    /// `metrics`: named inputs and metrics with their values.
    func metrics(_ names: [String], caption: String?, in scenarioCase: ScenarioCase) -> BlockTable {
        var table = BlockTable(caption: caption ?? "\(spec.client): key figures", head: ["Figure", "Value"], numericColumns: [1])
        for name in names {
            table.add([.text(label(name)), scenarioValue(name, in: scenarioCase)])
        }
        if scenarioCase != .expected { table.note = "The \(scenarioCase.rawValue) case." }
        return table
    }

    /// Which lines a `cash-flow` block shows.
    enum LineSelection: String, CaseIterable {
        case all, costs, benefits
    }

    /// `cash-flow`: the TEI-style summary, each line rounded; risk-adjusted unless asked
    /// otherwise, and with the costs, the benefits or both. Each line's risk adjustment follows
    /// its label (`Contact shift ↓10%`) rather than taking a column, and the Initial column is
    /// there only when a line shown has an initial amount. Without any risk adjustment the
    /// table says nothing of risk.
    func cashFlow(caption: String?, in scenarioCase: ScenarioCase, riskAdjusted: Bool = true,
                  lines selection: LineSelection = .all) -> BlockTable? {
        guard let evaluation = scenario.cases[scenarioCase], let summary = summary(in: scenarioCase, riskAdjusted: riskAdjusted) else { return nil }
        let shown = evaluation.lines.filter { line in
            selection == .all || (selection == .costs ? line.kind == .cost : line.kind == .benefit)
        }
        let hasRisk = riskAdjusted && shown.contains { $0.risk > 0 }
        let hasInitial = shown.contains { $0.initial != 0 }
        let years = (1...max(spec.years, 1)).map { "Year \($0)" }
        let head = [""] + (hasInitial ? ["Initial"] : []) + years + ["Total", "Present value"]
        let what = [LineSelection.all: "cash flows", .costs: "costs", .benefits: "benefits"][selection] ?? "cash flows"
        var table = BlockTable(caption: caption ?? "\(spec.client): \(hasRisk ? "risk-adjusted " : "")\(what) (\(spec.currency))", head: head,
                               numericColumns: Set(1..<head.count))
        let risks = Dictionary(evaluation.lines.map { ($0.name, $0.risk) }, uniquingKeysWith: { first, _ in first })
        func row(_ label: String, _ source: SummaryRow, kind: CashFlowLine.Kind? = nil) {
            var heading = TableCell.text(label)
            if hasRisk, let kind, let risk = risks[source.name], risk > 0 {
                heading = .sentence("\(label)\u{00A0}\(kind == .benefit ? "↓" : "↑")\(Self.wholePercent(risk))")
            }
            let periods = hasInitial ? source.periods : Array(source.periods.dropFirst())
            table.add([heading] + periods.map(money) + [money(source.total), money(source.presentValue)], total: kind == nil)
        }
        if selection != .benefits {
            for line in summary.costLines { row(lineLabel(line.name), line, kind: .cost) }
            row("Total costs", summary.costs)
        }
        if selection != .costs {
            for line in summary.benefitLines { row(lineLabel(line.name), line, kind: .benefit) }
            row("Total benefits", summary.benefits)
        }
        var sentences: [FigureText] = []
        if scenarioCase != .expected { sentences.append("The \(scenarioCase.rawValue) case.") }
        if hasRisk {
            sentences.append("Risk-adjusted: \(selection == .costs ? "each cost is increased (↑)" : selection == .benefits ? "each benefit is reduced (↓)" : "each benefit is reduced (↓) and each cost increased (↑)") by the percentage after its name.")
        } else if !riskAdjusted {
            sentences.append("Before risk adjustment.")
        }
        if selection == .all {
            row("Net benefits", summary.net)
            let roi: FigureText = summary.roi.map { value -> FigureText in ", ROI \(percent(value))" } ?? ""
            sentences.append("NPV \(money(summary.npv))\(roi), payback \(.payback(summary.payback)).")
        }
        sentences.append("\(hasInitial ? "Initial amounts are not discounted; y" : "Y")ear n is discounted by (1 + \(.percent(spec.discountRate)))^n. Each line is rounded to whole \(spec.currency), and totals are the sums of the lines shown.")
        table.note = FigureText(joining: sentences)
        return table
    }

    /// `cases`: the low, expected and high cases side by side.
    func cases(caption: String?) -> BlockTable {
        var table = BlockTable(caption: caption ?? "\(spec.client): low, expected and high cases",
                               head: ["Case", "PV of benefits", "PV of costs", "NPV", "ROI", "Payback"], numericColumns: [1, 2, 3, 4, 5])
        for item in ScenarioCase.allCases {
            guard let result = scenario.cases[item]?.roundedSummary else { continue }
            table.add([.text(item.rawValue.capitalized), money(result.benefits.presentValue), money(result.costs.presentValue), money(result.npv),
                       percent(result.roi), .figure(.payback(result.payback))])
        }
        table.note = "Every input with a range at its low, expected or high value."
        return table
    }

    /// `sensitivity`: each uncertain input at its low and high value, largest swing first.
    func sensitivity(caption: String?) -> BlockTable {
        var table = BlockTable(caption: caption ?? "\(spec.client): what moves the NPV",
                               head: ["Input", "Low", "High", "NPV at low", "NPV at high", "Swing"], numericColumns: [1, 2, 3, 4, 5])
        for row in scenario.sensitivity() {
            guard let input = spec.inputs.first(where: { $0.name == row.input }) else { continue }
            let unit = input.value.unit
            table.add([.text(label(row.input)), figure(input.value.value(in: .low), unit), figure(input.value.value(in: .high), unit),
                       money(row.npvAtLow), money(row.npvAtHigh), money(row.swing)])
        }
        table.note = "One input at a time; every other input at its expected value."
        return table
    }

    /// `objectives`: the KPI scorecard and the Return on Objectives.
    func objectives(caption: String?) -> BlockTable {
        var table = BlockTable(caption: caption ?? "\(spec.client): objectives and KPIs",
                               head: ["KPI", "Baseline", "Target", "Actual", "Progress"], numericColumns: [1, 2, 3, 4])
        for objective in scenario.expected.objectives {
            let unit = scenario.unit(of: objective)
            table.add([.text(objective.spec.label ?? label(objective.spec.kpi)), .figure(objective.baseline.map { .value($0, unit) }),
                       figure(objective.target, unit), figure(objective.actual, unit), percent(objective.progress)])
        }
        table.add([.text("Return on Objectives"), .empty, .empty, .empty, percent(scenario.expected.returnOnObjectives)], total: true)
        table.note = "Progress is the share of the way from the baseline (or zero) to the target, capped at 100%; the Return on Objectives is their weighted mean."
        return table
    }

    /// `simulation`: the Monte Carlo range of NPV and ROI, and the chance of a positive ROI.
    func simulation(_ result: SimulationResult, caption: String?) -> BlockTable {
        var table = BlockTable(caption: caption ?? "\(spec.client): Monte Carlo simulation", head: ["", "P10", "P50", "P90"],
                               numericColumns: [1, 2, 3])
        table.add([.text("NPV"), money(result.npv.p10), money(result.npv.p50), money(result.npv.p90)])
        table.add([.text("ROI"), percent(result.roi.p10), percent(result.roi.p50), percent(result.roi.p90)])
        table.add([.text("Probability that ROI > 0"), .empty, percent(result.probabilityPositiveROI), .empty], total: true)
        var sentences: [FigureText] = ["\(.plain(Double(result.iterations))) draws (seed \(String(result.seed))), every uncertain input drawn independently from its distribution: P10 is the value nine draws in ten exceed, P90 the value one in ten exceeds."]
        if result.failed > 0 { sentences.append("\(.plain(Double(result.failed))) draws had no value (a division by zero) and are left out.") }
        table.note = FigureText(joining: sentences)
        return table
    }

    /// `attribution`: each channel's credit under every model; `nil` without conversion paths.
    func attribution(caption: String?) -> BlockTable? {
        guard let credit = scenario.attribution(), let data = spec.attribution else { return nil }
        let models = Attribution.Model.allCases
        var table = BlockTable(caption: caption ?? "\(spec.client): conversion value credited to each channel",
                               head: ["Channel"] + models.map { $0.rawValue.replacingOccurrences(of: "-", with: " ").capitalizedFirst },
                               numericColumns: Set(1...models.count))
        for (channel, byModel) in credit {
            table.add([.text(channel)] + models.map { money(byModel[$0] ?? 0) })
        }
        let totals = models.map { model in credit.reduce(0) { $0 + ($1.credit[model] ?? 0) } }
        table.add([.text("Total")] + totals.map(money), total: true)
        table.note = "\(String(data.paths.count)) conversions; time decay halves a touch's weight every \(.plain(data.halfLifeDays)) days; position-based gives 40% to the first and last touch and shares 20% among the others."
        return table
    }

    /// `explain`: the worked example of a metric, step by step.
    func explain(_ name: String, caption: String?, in scenarioCase: ScenarioCase) -> WorkedExample? {
        scenario.explain(name, in: scenarioCase).map { explanation in
            WorkedExample(caption: caption ?? "Worked example: \(label(name).lowercasedFirst)", explanation: explanation)
        }
    }

    /// The label of a cost or benefit line (its `label:`, else ``Scenario/displayLabel(of:)``).
    func lineLabel(_ name: String) -> String {
        spec.lineLabel(of: name)
    }
}

extension String {
    /// The string with its first character lower-cased, unless the first word is an acronym.
    package var lowercasedFirst: String {
        guard let first, !(dropFirst().first?.isUppercase ?? false) else { return self }
        return first.lowercased() + dropFirst()
    }

    /// The string with its first character upper-cased (`time decay` → `Time decay`).
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
