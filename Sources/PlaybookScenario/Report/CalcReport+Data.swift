import PlaybookFinance

extension Unit {
    /// A machine-readable unit: `USD`, `percent`, `number`, `count`, `min`, `USD/count`,
    /// `USD/h`, `count/month`… Values in JSON and CSV are in these units: time in the unit
    /// the scenario wrote (``shownTimeUnit``, see ``shown(_:)``), percentages as fractions.
    func code(currency: String) -> String {
        if isDimensionless { return isPercent ? "percent" : "number" }
        var numerator: [String] = []
        var denominator: [String] = []
        func add(_ name: String, _ power: Int) {
            let part = abs(power) == 1 ? name : "\(name)^\(abs(power))"
            if power > 0 { numerator.append(part) } else if power < 0 { denominator.append(part) }
        }
        add(currency, money)
        add("count", count)
        add(shownTimeUnit.perSymbol, time)
        let top = numerator.isEmpty ? "1" : numerator.joined(separator: "*")
        return denominator.isEmpty ? top : top + "/" + denominator.joined(separator: "*")
    }
}

extension CalcReport {
    /// Every figure as JSON: inputs, metrics, the TEI summary (rounded and at full precision),
    /// the three cases, sensitivity, objectives, attribution and the simulation if run.
    public var json: String {
        var fields: [(String, JSONValue)] = [
            ("scenario", .string(spec.slug)),
            ("client", .string(spec.client)),
        ]
        if let title = spec.title { fields.append(("title", .string(title))) }
        fields += [
            ("case", .string(scenarioCase.rawValue)),
            ("currency", .string(spec.currency)),
            ("locale", .string(spec.locale)),
            ("horizon_years", .integer(spec.years)),
            ("discount_rate", .number(spec.discountRate)),
            ("inputs", .array(spec.inputs.filter { !$0.isBuiltIn }.map { input in
                var item: [(String, JSONValue)] = [
                    ("name", .string(input.name)),
                    ("value", .finite(input.value.unit.shown(input.value.value(in: scenarioCase)))),
                    ("unit", .string(input.value.unit.code(currency: spec.currency))),
                    ("formatted", .string(formatter.format(input.value.value(in: scenarioCase), input.value.unit))),
                ]
                if input.value.isUncertain {
                    item.append(("low", .finite(input.value.unit.shown(input.value.value(in: .low)))))
                    item.append(("expected", .finite(input.value.unit.shown(input.value.value(in: .expected)))))
                    item.append(("high", .finite(input.value.unit.shown(input.value.value(in: .high)))))
                }
                if let source = input.source { item.append(("source", .string(source))) }
                return .object(item)
            })),
            ("metrics", .array(spec.metrics.map { metric in
                let slot = scenario.model.slots[metric.name] ?? 0
                return .object([
                    ("name", .string(metric.name)),
                    ("value", .finite(scenario.model.units[slot].shown(evaluation.values[slot]))),
                    ("unit", .string(scenario.model.units[slot].code(currency: spec.currency))),
                    ("formatted", .string(value(metric.name))),
                    ("formula", .string(metric.formula.text)),
                ])
            })),
            ("summary", summaryJSON(evaluation.roundedSummary, rounding: "line items rounded to whole currency units")),
            ("summary_full_precision", summaryJSON(evaluation.summary, rounding: "none")),
            ("cases", .object(ScenarioCase.allCases.compactMap { item in
                guard let result = scenario.cases[item]?.roundedSummary else { return nil }
                return (item.rawValue, .object([
                    ("pv_benefits", .finite(result.benefits.presentValue)), ("pv_costs", .finite(result.costs.presentValue)),
                    ("npv", .finite(result.npv)), ("roi", .finite(result.roi)), ("payback_months", .finite(result.paybackMonths)),
                ]))
            })),
            ("sensitivity", .array(scenario.sensitivity().map { row in
                .object([("input", .string(row.input)), ("npv_at_low", .finite(row.npvAtLow)), ("npv_at_high", .finite(row.npvAtHigh)),
                         ("swing", .finite(row.swing)), ("roi_at_low", .finite(row.roiAtLow)), ("roi_at_high", .finite(row.roiAtHigh))])
            })),
            ("objectives", .array(evaluation.objectives.map { objective in
                let unit = scenario.unit(of: objective)
                return .object([("kpi", .string(objective.spec.kpi)), ("label", objective.spec.label.map(JSONValue.string) ?? .null),
                         ("unit", .string(unit.code(currency: spec.currency))),
                         ("baseline", .finite(objective.baseline.map(unit.shown))), ("target", .finite(unit.shown(objective.target))),
                         ("actual", .finite(unit.shown(objective.actual))), ("progress", .finite(objective.progress)),
                         ("weight", .number(objective.spec.weight))])
            })),
            ("return_on_objectives", .finite(evaluation.returnOnObjectives)),
        ]
        if let attribution = scenario.attribution() {
            fields.append(("attribution", .array(attribution.map { channel, credit in
                .object([("channel", .string(channel))] + Attribution.Model.allCases.map { ($0.rawValue, .finite(credit[$0])) })
            })))
        }
        if let simulation {
            fields.append(("simulation", .object([
                ("iterations", .integer(simulation.iterations)), ("seed", .string(String(simulation.seed))),
                ("failed", .integer(simulation.failed)),
                ("npv", .object([("p10", .finite(simulation.npv.p10)), ("p50", .finite(simulation.npv.p50)), ("p90", .finite(simulation.npv.p90))])),
                ("roi", .object([("p10", .finite(simulation.roi.p10)), ("p50", .finite(simulation.roi.p50)), ("p90", .finite(simulation.roi.p90))])),
                ("probability_roi_positive", .finite(simulation.probabilityPositiveROI)),
                ("mean_npv", .finite(simulation.meanNPV)),
            ])))
        }
        return JSONValue.object(fields).text
    }

    private func summaryJSON(_ summary: FinancialSummary, rounding: String) -> JSONValue {
        func row(_ kind: String, _ row: SummaryRow) -> JSONValue {
            .object([("name", .string(row.name)), ("kind", .string(kind)), ("periods", .array(row.periods.map(JSONValue.finite))),
                     ("total", .finite(row.total)), ("present_value", .finite(row.presentValue))])
        }
        return .object([
            ("rounding", .string(rounding)),
            ("lines", .array(summary.costLines.map { row("cost", $0) } + summary.benefitLines.map { row("benefit", $0) })),
            ("costs", row("total", summary.costs)), ("benefits", row("total", summary.benefits)), ("net", row("total", summary.net)),
            ("npv", .finite(summary.npv)), ("roi", .finite(summary.roi)),
            ("payback", .string(Self.paybackKind(summary.payback))), ("payback_months", .finite(summary.paybackMonths)),
            ("discounted_payback", .string(Self.paybackKind(summary.discountedPayback))),
            ("discounted_payback_months", .finite(summary.discountedPaybackMonths)), ("irr", .finite(summary.irr)),
        ])
    }

    /// What a payback period is, for programs: `months` (the figure is in `payback_months`),
    /// `immediate` (the cumulative cash flow is never below zero) or `not-within-horizon`.
    static func paybackKind(_ period: PaybackPeriod) -> String {
        switch period {
        case .months: return "months"
        case .immediate: return "immediate"
        case .notWithinHorizon: return "not-within-horizon"
        }
    }

    /// Every figure as CSV rows: `section,name,period,value,unit,formatted`.
    public var csv: String {
        var rows: [[String]] = [["section", "name", "period", "value", "unit", "formatted"]]
        for input in spec.inputs where !input.isBuiltIn {
            let value = input.value.value(in: scenarioCase)
            rows.append(["input", input.name, "", Self.number(input.value.unit.shown(value)), input.value.unit.code(currency: spec.currency), formatter.format(value, input.value.unit)])
        }
        for metric in spec.metrics {
            let slot = scenario.model.slots[metric.name] ?? 0
            let unit = scenario.model.units[slot]
            rows.append(["metric", metric.name, "", Self.number(unit.shown(evaluation.values[slot])), unit.code(currency: spec.currency), value(metric.name)])
        }
        let summary = evaluation.roundedSummary
        for row in summary.costLines + [summary.costs] + summary.benefitLines + [summary.benefits, summary.net] {
            let section = summary.costLines.contains(row) || row == summary.costs ? "cost" : (row == summary.net ? "net" : "benefit")
            for (period, amount) in row.periods.enumerated() {
                rows.append([section, row.name, period == 0 ? "initial" : "year \(period)", Self.number(amount), spec.currency, money(amount)])
            }
            rows.append([section, row.name, "total", Self.number(row.total), spec.currency, money(row.total)])
            rows.append([section, row.name, "present value", Self.number(row.presentValue), spec.currency, money(row.presentValue)])
        }
        rows.append(["result", "npv", "", Self.number(summary.npv), spec.currency, money(summary.npv)])
        rows.append(["result", "roi", "", summary.roi.map(Self.number) ?? "", "percent", percent(summary.roi)])
        rows.append(["result", "payback_months", "", summary.paybackMonths.map(Self.number) ?? "", "months", formatter.payback(summary.payback)])
        rows.append(["result", "return_on_objectives", "", evaluation.returnOnObjectives.map(Self.number) ?? "", "percent", percent(evaluation.returnOnObjectives)])
        if let simulation {
            for (name, value) in [("npv_p10", simulation.npv.p10), ("npv_p50", simulation.npv.p50), ("npv_p90", simulation.npv.p90)] {
                rows.append(["simulation", name, "", Self.number(value), spec.currency, money(value)])
            }
            for (name, value) in [("roi_p10", simulation.roi.p10), ("roi_p50", simulation.roi.p50), ("roi_p90", simulation.roi.p90),
                                  ("probability_roi_positive", simulation.probabilityPositiveROI)] {
                rows.append(["simulation", name, "", Self.number(value), "percent", percent(value)])
            }
        }
        return rows.map { $0.map(Self.csvCell).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        return JSONValue.number(value)
    }

    static func csvCell(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation
