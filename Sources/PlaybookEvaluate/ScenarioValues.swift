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

    /// Every name a tag may use, for "did you mean" hints.
    var names: [String] {
        scenario.spec.inputs.map(\.name) + scenario.spec.metrics.map(\.name) + ScenarioFigures.Named.allCases.map(\.rawValue)
            + ClientText.allCases.map(\.rawValue)
    }

    /// The analyst's own text a tag can show: top-level keys of the scenario, written as plain
    /// text, shown as written. They are the client's words, not figures, so `metrics.json`
    /// does not carry them.
    enum ClientText: String, CaseIterable {
        /// `programme:`: what the programme is.
        case programme
        /// `recommendation:`: what the analyst recommends.
        case recommendation

        /// The scenario's text for this key, if it has one.
        func text(in spec: ScenarioSpec) -> String? {
            switch self {
            case .programme: spec.programme
            case .recommendation: spec.recommendation
            }
        }
    }

    /// Why a tag naming `name` shows nothing, for the located error at the tag: the scenario
    /// lacks the text (say which key to add, and where), or has no such name at all.
    func problem(with name: String, scenarioName: String) -> (message: String, hint: String?) {
        if let key = ClientText(rawValue: name), key.text(in: scenario.spec) == nil {
            return ("the scenario '\(scenarioName)' has no \(key.rawValue)",
                    "add '\(key.rawValue):' to \(scenario.spec.file.path), one paragraph of plain text")
        }
        return ("the scenario '\(scenarioName)' has no input, metric or figure '\(name)'", NearestName.hint(for: name, among: names))
    }

    /// The value of `name` formatted for people (`$354,816`, `8.0%`, `15.6 months`), or `nil`
    /// when the scenario has no such name.
    func text(_ name: String, in scenarioCase: ScenarioCase = .expected) -> String? {
        if let text = scenario.formatted(name, in: scenarioCase) { return text }
        if let key = ClientText(rawValue: name) { return key.text(in: scenario.spec) }
        let formatter = scenario.formatter
        switch figure(name, in: scenarioCase) {
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
        if let key = ClientText(rawValue: name) { return key.text(in: scenario.spec) }
        switch figure(name, in: scenarioCase) {
        case .text(let text)?: return text
        case .money(let value)?: return ValueFormatter.raw(value)
        case .percent(let value)?: return value.map(ValueFormatter.raw) ?? ""
        case .payback(let period)?: return period.months.map(ValueFormatter.raw) ?? ""
        case nil: return nil
        }
    }

    /// A figure of the summary or the simulation (``ScenarioFigures/Named``), read from the
    /// parts of ``ScenarioFigures`` it comes from: the rounded summary of the case, and the
    /// default simulation only when the name is one of its figures.
    private func figure(_ name: String, in scenarioCase: ScenarioCase) -> ScenarioFigures.NamedValue? {
        guard let named = ScenarioFigures.Named(rawValue: name) else { return nil }
        return namedValue(named, in: scenarioCase)
    }

    /// The value of a named figure in a case (the simulation's figures from the default run).
    func namedValue(_ named: ScenarioFigures.Named, in scenarioCase: ScenarioCase = .expected) -> ScenarioFigures.NamedValue? {
        if named.isSimulation {
            return ScenarioFigures.value(named, client: scenario.spec.client, title: scenario.spec.title, summary: nil,
                                         returnOnObjectives: nil, simulation: ScenarioFigures.Simulation(simulation()))
        }
        guard let evaluation = scenario.cases[scenarioCase] else { return nil }
        return ScenarioFigures.value(named, client: scenario.spec.client, title: scenario.spec.title,
                                     summary: ScenarioFigures.Summary(evaluation.roundedSummary, rounding: ScenarioFigures.Summary.lineItems),
                                     returnOnObjectives: evaluation.returnOnObjectives, simulation: nil)
    }
}
