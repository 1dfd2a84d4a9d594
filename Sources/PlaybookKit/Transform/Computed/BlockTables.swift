import PlaybookCore
import PlaybookFinance
import PlaybookScenario

/// A table as block templates receive it: a caption, column heads, rows of cells (numbers
/// flagged so templates align them right), and a note under the table.
struct BlockTable {
    struct Cell {
        var text: String
        var numeric: Bool
    }

    var caption: String
    var head: [String]
    /// Which columns hold numbers.
    var numericColumns: Set<Int>
    var rows: [(cells: [String], isTotal: Bool)] = []
    var note: String?

    mutating func add(_ cells: [String], total: Bool = false) {
        rows.append((cells, total))
    }

    /// `caption`, `note`, `head` (`text`, `numeric`), `rows` (`total`, `header` — the first
    /// cell, a row heading — and `cells`: `text`, `numeric`, `label` — the column's head, for
    /// layouts that stack a row's cells on narrow screens).
    var value: TemplateValue {
        func numeric(_ column: Int) -> TemplateValue { .flag(numericColumns.contains(column)) }
        let head: [TemplateValue] = self.head.enumerated().map { column, text in
            ["text": .text(text), "numeric": numeric(column)]
        }
        let rows: [TemplateValue] = self.rows.map { row in
            .object([
                "total": .flag(row.isTotal),
                "header": .text(row.cells.first ?? ""),
                "cells": .list(row.cells.enumerated().dropFirst().map { column, text in
                    ["text": .text(text), "numeric": numeric(column), "label": .text(column < self.head.count ? self.head[column] : "")]
                }),
            ])
        }
        var fields: [String: TemplateValue] = ["caption": .text(caption), "head": .list(head), "rows": .list(rows),
                                               "wide": .flag(self.head.count >= Self.wideColumns)]
        if let note { fields["note"] = .text(note) }
        return .object(fields)
    }

    /// From this many columns a table is `wide`: too wide for an e-reader's page, so the
    /// EPUB stylesheet stacks its rows into cards on pages narrower than a tablet's.
    static let wideColumns = 6
}

/// Builds the values of each computed block from a scenario.
struct BlockTables {
    let scenario: Scenario
    var formatter: ValueFormatter { scenario.formatter }
    var spec: ScenarioSpec { scenario.spec }

    func money(_ value: Double) -> String { formatter.money(value, decimals: 0) }
    func percent(_ value: Double?) -> String { value.map { formatter.format($0, .percent) } ?? "—" }

    /// The label of an input or metric: its `label`, or its name in words
    /// (`contact_shift_savings` → `Contact shift savings`).
    func label(_ name: String) -> String {
        spec.metrics.first { $0.name == name }?.label ?? name.replacingOccurrences(of: "_", with: " ").capitalizedFirst
    }

    /// `metrics`: named inputs and metrics with their values.
    func metrics(_ names: [String], caption: String?, in scenarioCase: ScenarioCase) -> BlockTable {
        var table = BlockTable(caption: caption ?? "\(spec.client): key figures", head: ["Figure", "Value"], numericColumns: [1])
        for name in names {
            table.add([label(name), scenario.formatted(name, in: scenarioCase) ?? ""])
        }
        if scenarioCase != .expected { table.note = "The \(scenarioCase.rawValue) case." }
        return table
    }

    /// Which lines a `cash-flow` block shows.
    enum LineSelection: String, CaseIterable {
        case all, costs, benefits
    }

    /// `cash-flow`: the TEI-style summary, each line rounded; risk-adjusted unless asked
    /// otherwise, and with the costs, the benefits or both.
    func cashFlow(caption: String?, in scenarioCase: ScenarioCase, riskAdjusted: Bool = true,
                  lines selection: LineSelection = .all) -> BlockTable? {
        guard let evaluation = scenario.cases[scenarioCase], let summary = summary(in: scenarioCase, riskAdjusted: riskAdjusted) else { return nil }
        let years = (1...max(spec.years, 1)).map { "Year \($0)" }
        let head = [""] + (riskAdjusted ? ["Risk"] : []) + ["Initial"] + years + ["Total", "Present value"]
        let what = [LineSelection.all: "cash flows", .costs: "costs", .benefits: "benefits"][selection] ?? "cash flows"
        var table = BlockTable(caption: caption ?? "\(spec.client): \(riskAdjusted ? "risk-adjusted " : "")\(what) (\(spec.currency))", head: head,
                               numericColumns: Set(1..<head.count))
        let risks = Dictionary(evaluation.lines.map { ($0.name, $0.risk) }, uniquingKeysWith: { first, _ in first })
        func row(_ label: String, _ source: SummaryRow, total: Bool = false) {
            let risk = total ? "" : formatter.format(risks[source.name] ?? 0, .percent, decimals: 0)
            table.add([label] + (riskAdjusted ? [risk] : []) + source.periods.map(money) + [money(source.total), money(source.presentValue)],
                      total: total)
        }
        if selection != .benefits {
            for line in summary.costLines { row(lineLabel(line.name), line) }
            row("Total costs", summary.costs, total: true)
        }
        if selection != .costs {
            for line in summary.benefitLines { row(lineLabel(line.name), line) }
            row("Total benefits", summary.benefits, total: true)
        }
        var sentences: [String] = []
        if scenarioCase != .expected { sentences.append("The \(scenarioCase.rawValue) case.") }
        sentences.append(riskAdjusted ? "Risk-adjusted: benefits reduced and costs increased by each line's risk."
                                      : "Before risk adjustment.")
        if selection == .all {
            row("Net benefits", summary.net, total: true)
            sentences.append("NPV \(money(summary.npv)), ROI \(percent(summary.roi)), payback \(formatter.payback(summary.payback)).")
        }
        sentences.append("Initial amounts are not discounted; year n is discounted by (1 + \(formatter.format(spec.discountRate, .percent)))^n. Each line is rounded to whole \(spec.currency), and totals are the sums of the lines shown.")
        table.note = sentences.joined(separator: " ")
        return table
    }

    /// `cases`: the low, expected and high cases side by side.
    func cases(caption: String?) -> BlockTable {
        var table = BlockTable(caption: caption ?? "\(spec.client): low, expected and high cases",
                               head: ["Case", "PV of benefits", "PV of costs", "NPV", "ROI", "Payback"], numericColumns: [1, 2, 3, 4, 5])
        for item in ScenarioCase.allCases {
            guard let result = scenario.cases[item]?.roundedSummary else { continue }
            table.add([item.rawValue.capitalized, money(result.benefits.presentValue), money(result.costs.presentValue), money(result.npv),
                       percent(result.roi), formatter.payback(result.payback)])
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
            table.add([label(row.input), formatter.format(input.value.value(in: .low), unit), formatter.format(input.value.value(in: .high), unit),
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
            table.add([objective.spec.label ?? objective.spec.kpi, objective.baseline.map { formatter.format($0, unit) } ?? "—",
                       formatter.format(objective.target, unit), formatter.format(objective.actual, unit), percent(objective.progress)])
        }
        table.add(["Return on Objectives", "", "", "", percent(scenario.expected.returnOnObjectives)], total: true)
        table.note = "Progress is the share of the way from the baseline (or zero) to the target, capped at 100%; the Return on Objectives is their weighted mean."
        return table
    }

    /// `simulation`: the Monte Carlo range of NPV and ROI, and the chance of a positive ROI.
    func simulation(_ result: SimulationResult, caption: String?) -> BlockTable {
        var table = BlockTable(caption: caption ?? "\(spec.client): Monte Carlo simulation", head: ["", "P10", "P50", "P90"],
                               numericColumns: [1, 2, 3])
        table.add(["NPV", money(result.npv.p10), money(result.npv.p50), money(result.npv.p90)])
        table.add(["ROI", percent(result.roi.p10), percent(result.roi.p50), percent(result.roi.p90)])
        table.add(["Probability that ROI > 0", "", percent(result.probabilityPositiveROI), ""], total: true)
        table.note = "\(formatter.plain(Double(result.iterations))) draws (seed \(result.seed)), every uncertain input drawn independently from its distribution: P10 is the value nine draws in ten exceed, P90 the value one in ten exceeds."
            + (result.failed > 0 ? " \(formatter.plain(Double(result.failed))) draws had no value (a division by zero) and are left out." : "")
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
            table.add([channel] + models.map { money(byModel[$0] ?? 0) })
        }
        let totals = models.map { model in credit.reduce(0) { $0 + ($1.credit[model] ?? 0) } }
        table.add(["Total"] + totals.map(money), total: true)
        table.note = "\(data.paths.count) conversions; time decay halves a touch's weight every \(formatter.plain(data.halfLifeDays)) days; position-based gives 40% to the first and last touch and shares 20% among the others."
        return table
    }

    /// `explain`: the worked example of a metric, step by step.
    func explain(_ name: String, caption: String?, in scenarioCase: ScenarioCase) -> TemplateValue? {
        guard let explanation = scenario.explain(name, in: scenarioCase) else { return nil }
        let steps: [TemplateValue] = explanation.steps.enumerated().map { index, step in
            var fields: [String: TemplateValue] = ["name": .text(step.name), "formula": .text(step.formula), "result": .text(step.result),
                                                   "first": .flag(index == 0)]
            if step.substituted != step.formula, step.substituted != step.result { fields["substituted"] = .text(step.substituted) }
            return .object(fields)
        }
        let inputs: [TemplateValue] = explanation.inputs.map { input in
            var fields: [String: TemplateValue] = ["name": .text(input.name), "value": .text(input.value)]
            if let source = input.source { fields["source"] = .text(source) }
            return .object(fields)
        }
        return .object([
            "caption": .text(caption ?? "Worked example: \(label(name).lowercasedFirst)"),
            "result": .text(explanation.steps.first?.result ?? ""),
            "steps": .list(steps), "has_inputs": .flag(!inputs.isEmpty), "inputs": .list(inputs),
        ])
    }

    func lineLabel(_ name: String) -> String {
        spec.lines.first { $0.name == name }?.label ?? name.replacingOccurrences(of: "_", with: " ").capitalizedFirst
    }
}

extension String {
    /// The string with its first character lower-cased, unless the first word is an acronym.
    var lowercasedFirst: String {
        guard let first, !(dropFirst().first?.isUppercase ?? false) else { return self }
        return first.lowercased() + dropFirst()
    }

    /// The string with its first character upper-cased (`time decay` → `Time decay`).
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
