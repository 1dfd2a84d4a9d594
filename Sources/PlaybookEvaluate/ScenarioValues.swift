import PlaybookCore
import PlaybookFinance
import PlaybookScenario

/// The figures a chapter can show from a scenario, by name: every input and metric, the
/// figures of the risk-adjusted financial summary (as `playbook calc` prints them), and the
/// Monte Carlo range of the default run (10,000 draws, seed 1).
struct ScenarioValues {
    /// The scenario.
    let scenario: Scenario
    /// The default simulation, run the first time a tag asks for it.
    let simulation: () -> SimulationResult

    /// Names of the summary's figures, usable beside the scenario's own names.
    static let summaryNames = ["client", "title", "npv", "roi", "irr", "payback_months", "discounted_payback_months",
                               "pv_benefits", "pv_costs", "total_benefits", "total_costs", "return_on_objectives"]
    /// Names of the simulation's figures.
    static let simulationNames = ["npv_p10", "npv_p50", "npv_p90", "roi_p10", "roi_p50", "roi_p90", "probability_roi_positive"]

    /// Every name a tag may use, for "did you mean" hints.
    var names: [String] {
        scenario.spec.inputs.map(\.name) + scenario.spec.metrics.map(\.name) + Self.summaryNames + Self.simulationNames
    }

    /// The value of `name` formatted for people (`$354,816`, `8.0%`, `15.6 months`), or `nil`
    /// when the scenario has no such name.
    func text(_ name: String, in scenarioCase: ScenarioCase = .expected) -> String? {
        if let text = scenario.formatted(name, in: scenarioCase) { return text }
        let formatter = scenario.formatter
        switch summaryFigure(name, in: scenarioCase) {
        case .text(let text)?: return text
        case .money(let value)?: return formatter.money(value, decimals: 0)
        case .percent(let value)?: return value.map { formatter.format($0, .percent) } ?? "—"
        case .payback(let period)?: return formatter.payback(period)
        case nil: return nil
        }
    }

    /// The value of `name` as a plain number (`354816`, `0.405`, `6.5` for 6.5 min/call), as
    /// `metrics.json` writes it: in the unit the scenario wrote; `nil` when there is none.
    func raw(_ name: String, in scenarioCase: ScenarioCase = .expected) -> String? {
        if let value = scenario.value(name, in: scenarioCase), let unit = scenario.model.unit(of: name) {
            return ValueFormatter.raw(unit.shown(value))
        }
        switch summaryFigure(name, in: scenarioCase) {
        case .text(let text)?: return text
        case .money(let value)?: return ValueFormatter.raw(value)
        case .percent(let value)?: return value.map(ValueFormatter.raw) ?? ""
        case .payback(let period)?: return period.months.map(ValueFormatter.raw) ?? ""
        case nil: return nil
        }
    }

    private enum Figure {
        case text(String), money(Double), percent(Double?), payback(PaybackPeriod)
    }

    private func summaryFigure(_ name: String, in scenarioCase: ScenarioCase) -> Figure? {
        if Self.simulationNames.contains(name) {
            let result = simulation()
            switch name {
            case "npv_p10": return .money(result.npv.p10)
            case "npv_p50": return .money(result.npv.p50)
            case "npv_p90": return .money(result.npv.p90)
            case "roi_p10": return .percent(result.roi.p10)
            case "roi_p50": return .percent(result.roi.p50)
            case "roi_p90": return .percent(result.roi.p90)
            default: return .percent(result.probabilityPositiveROI)
            }
        }
        guard let evaluation = scenario.cases[scenarioCase] else { return nil }
        let summary = evaluation.roundedSummary
        switch name {
        case "client": return .text(scenario.spec.client)
        case "title": return .text(scenario.spec.title ?? scenario.spec.client)
        case "npv": return .money(summary.npv)
        case "roi": return .percent(summary.roi)
        case "irr": return .percent(summary.irr)
        case "payback_months": return .payback(summary.payback)
        case "discounted_payback_months": return .payback(summary.discountedPayback)
        case "pv_benefits": return .money(summary.benefits.presentValue)
        case "pv_costs": return .money(summary.costs.presentValue)
        case "total_benefits": return .money(summary.benefits.total)
        case "total_costs": return .money(summary.costs.total)
        case "return_on_objectives": return .percent(evaluation.returnOnObjectives)
        default: return nil
        }
    }
}
