import PlaybookFinance

/// The figures of a scenario as `playbook calc` prints them: an aligned table for the
/// terminal, or the figures (``ScenarioFigures``) as JSON or CSV.
public struct CalcReport: Sendable {
    /// The scenario.
    public let scenario: Scenario
    /// The case shown.
    public let scenarioCase: ScenarioCase
    /// A Monte Carlo result to include, if one was run.
    public let simulation: SimulationResult?

    /// Creates a report.
    public init(scenario: Scenario, scenarioCase: ScenarioCase = .expected, simulation: SimulationResult? = nil) {
        self.scenario = scenario
        self.scenarioCase = scenarioCase
        self.simulation = simulation
    }

    /// The figures, as `metrics.json` and `metrics.csv` hold them.
    public var figures: ScenarioFigures {
        ScenarioFigures(scenario: scenario, scenarioCase: scenarioCase, simulation: simulation)
    }

    var spec: ScenarioSpec { scenario.spec }
    var formatter: ValueFormatter { scenario.formatter }
    var evaluation: Evaluation { scenario.cases[scenarioCase] ?? scenario.expected }

    // MARK: - Table

    /// The aligned text table.
    public var table: String {
        var out = spec.client + (spec.title.map { " — \($0)" } ?? "") + "\n"
        out += "\(spec.file.path) · \(scenarioCase.rawValue) case · \(spec.currency) · "
            + "\(formatter.format(spec.discountRate, .percent)) discount rate · \(spec.years) year\(spec.years == 1 ? "" : "s")\n"

        out += "\nInputs\n"
        let inputs = spec.inputs.filter { !$0.isBuiltIn }
        out += TextTable(header: ["name", "value", "range"], rows: inputs.map { input in
            [input.name, formatter.format(input.value.value(in: scenarioCase), input.value.unit), range(input.value)]
        }).render()

        if !spec.metrics.isEmpty {
            out += "\nMetrics\n"
            out += TextTable(header: ["name", "value"], rows: spec.metrics.map { metric in
                [metric.name, value(metric.name)]
            }).render()
        }

        out += "\nFinancial summary (risk-adjusted, each line rounded to whole \(spec.currency))\n"
        let summary = evaluation.roundedSummary
        let years = (1...max(spec.years, 1)).map { "Year \($0)" }
        var rows: [[String]] = []
        func row(_ label: String, _ source: SummaryRow) -> [String] {
            [label] + source.periods.map { money($0) } + [money(source.total), money(source.presentValue)]
        }
        for line in summary.costLines { rows.append(row("  " + label(line.name), line)) }
        rows.append(row("Costs", summary.costs))
        for line in summary.benefitLines { rows.append(row("  " + label(line.name), line)) }
        rows.append(row("Benefits", summary.benefits))
        rows.append(row("Net", summary.net))
        out += TextTable(header: [""] + ["Initial"] + years + ["Total", "Present value"], rows: rows).render()
        out += "  NPV \(money(summary.npv)) · ROI \(percent(summary.roi)) · payback \(formatter.payback(summary.payback))"
            + " · discounted payback \(formatter.payback(summary.discountedPayback))"
            + (summary.irr.map { " · IRR \(formatter.format($0, .percent))" } ?? "") + "\n"

        if spec.inputs.contains(where: \.value.isUncertain) {
            out += "\nScenario comparison (every range at its low, expected and high value)\n"
            out += TextTable(header: ["case", "PV of benefits", "PV of costs", "NPV", "ROI", "payback"], rows: ScenarioCase.allCases.compactMap { item in
                guard let result = scenario.cases[item]?.roundedSummary else { return nil }
                return [item.rawValue, money(result.benefits.presentValue), money(result.costs.presentValue), money(result.npv),
                        percent(result.roi), formatter.payback(result.payback)]
            }).render()
            out += "\nSensitivity (one input at a time at its low and high value; largest NPV swing first)\n"
            out += TextTable(header: ["input", "NPV at low", "NPV at high", "swing", "ROI at low", "ROI at high"],
                             rows: scenario.sensitivity().map { row in
                                 [row.input, money(row.npvAtLow), money(row.npvAtHigh), money(row.swing), percent(row.roiAtLow), percent(row.roiAtHigh)]
                             }).render()
        }

        if !evaluation.objectives.isEmpty {
            out += "\nObjectives\n"
            out += TextTable(header: ["KPI", "baseline", "target", "actual", "progress"], rows: evaluation.objectives.map { objective in
                let unit = objectiveUnit(objective)
                return [objective.spec.label ?? objective.spec.kpi, objective.baseline.map { formatter.format($0, unit) } ?? "—",
                        formatter.format(objective.target, unit), formatter.format(objective.actual, unit), percent(objective.progress)]
            }).render()
            out += "  Return on Objectives \(percent(evaluation.returnOnObjectives))\n"
        }

        if let attribution = scenario.attribution() {
            let models = Attribution.Model.allCases
            out += "\nAttribution (\(spec.attribution?.paths.count ?? 0) conversions; time decay half-life \(formatter.plain(spec.attribution?.halfLifeDays ?? 7)) days)\n"
            out += TextTable(header: ["channel"] + models.map(\.rawValue), rows: attribution.map { channel, credit in
                [channel] + models.map { money(credit[$0] ?? 0) }
            }).render()
        }

        if let simulation {
            out += "\nMonte Carlo (\(formatter.plain(Double(simulation.iterations))) draws, seed \(simulation.seed)"
                + (simulation.failed > 0 ? ", \(simulation.failed) without a value" : "") + ")\n"
            out += TextTable(header: ["", "P10", "P50", "P90"], rows: [
                ["NPV", money(simulation.npv.p10), money(simulation.npv.p50), money(simulation.npv.p90)],
                ["ROI", percent(simulation.roi.p10), percent(simulation.roi.p50), percent(simulation.roi.p90)],
            ]).render()
            out += "  Probability that ROI > 0: \(percent(simulation.probabilityPositiveROI))\n"
        }
        return out
    }

    // MARK: - Helpers

    func value(_ name: String) -> String {
        guard let slot = scenario.model.slots[name] else { return "" }
        return formatter.format(evaluation.values[slot], scenario.model.units[slot], decimals: scenario.model.decimals[slot])
    }

    func money(_ value: Double) -> String {
        formatter.money(value, decimals: abs(value) < 10_000 && value != value.rounded() ? formatter.currencyDecimals : 0)
    }

    func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        return formatter.format(value, .percent)
    }

    func label(_ line: String) -> String {
        spec.lines.first { $0.name == line }?.label ?? line
    }

    func range(_ value: InputValue) -> String {
        switch value {
        case .fixed: return ""
        case .range(let low, let expected, let high, let shape):
            return "\(formatter.format(low.value, low.unit)) – \(formatter.format(expected.value, expected.unit)) – "
                + "\(formatter.format(high.value, high.unit))" + (shape == .uniform ? " (uniform)" : "")
        case .normal(let mean, let sd):
            return "normal: mean \(formatter.format(mean.value, mean.unit)), sd \(formatter.format(sd.value, sd.unit))"
        }
    }

    func objectiveUnit(_ objective: ObjectiveResult) -> Unit {
        scenario.unit(of: objective)
    }
}
