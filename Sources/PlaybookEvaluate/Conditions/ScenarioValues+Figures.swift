import PlaybookCore
import PlaybookFinance
import PlaybookScenario

/// A figure as a number with its unit, for conditions and formats.
enum FigureValue: Sendable, Equatable {
    /// A value in base units (seconds, a fraction for a percentage) with its unit, and the
    /// decimals the report shows it with (`nil`: the unit's usual ones).
    case quantity(Quantity, decimals: Int?)
    /// A figure that has no value in this scenario (no IRR, payback not within the horizon,
    /// no ROI without costs): its unit, and what the report shows instead.
    case missing(Unit, shown: String)
    /// Text (the client, the title).
    case text(String)
    /// A fact (`has_risk`): only conditions use these.
    case fact(Bool)
}

extension ScenarioValues {
    /// The figures computed here beside the named ones, which value tags show too: the counts
    /// and `horizon` (the scenario's horizon as a duration in years, `3 years`).
    static let computedNames = ScenarioCount.allCases.map(\.rawValue) + ["horizon"]

    /// Every name a condition may use: inputs, metrics, named figures, facts, counts, horizon.
    var conditionNames: [String] {
        names + ScenarioFact.allCases.map(\.rawValue) + Self.computedNames
    }

    /// The figure `name` as a number with its unit; `nil` when the scenario has no such name.
    /// The scenario's own inputs and metrics come first, so a name it chose is never hidden.
    func figure(_ name: String) -> FigureValue? {
        if let slot = scenario.model.slots[name], let value = scenario.value(name) {
            return .quantity(Quantity(value, scenario.model.units[slot]), decimals: scenario.model.decimals[slot])
        }
        if let fact = ScenarioFact(rawValue: name) { return .fact(fact.holds(for: scenario)) }
        if let count = ScenarioCount(rawValue: name) { return .quantity(Quantity(Double(count.value(for: scenario)), .number), decimals: 0) }
        if name == "horizon" {
            return .quantity(Quantity(Double(scenario.spec.years) * TimeUnit.year.seconds, .duration(.year)), decimals: 0)
        }
        guard let named = ScenarioFigures.Named(rawValue: name), let value = namedValue(named) else { return nil }
        switch value {
        case .text(let text): return .text(text)
        case .money(let amount): return .quantity(Quantity(amount, .money), decimals: 0)
        case .percent(let share?): return .quantity(Quantity(share, .percent), decimals: nil)
        case .percent(nil): return .missing(.percent, shown: "—")
        case .payback(.months(let months)): return .quantity(Quantity(months * TimeUnit.month.seconds, .duration(.month)), decimals: 1)
        case .payback(.immediate): return .quantity(Quantity(0, .duration(.month)), decimals: 1)
        case .payback(.notWithinHorizon): return .missing(.duration(.month), shown: scenario.formatter.months(nil))
        }
    }

    /// How a figure reads in a message: as the report shows it (`−$52,681`, `8.0%`), or
    /// `true`/`false` for a fact.
    func shown(_ name: String) -> String? {
        if let text = text(name) { return text }
        switch figure(name) {
        case .fact(let holds)?: return holds ? "true" : "false"
        case .quantity(let quantity, let decimals)?: return scenario.formatter.format(quantity.value, quantity.unit, decimals: decimals)
        default: return nil
        }
    }

    /// A computed figure (``computedNames``) as a plain number: a count, or the horizon in years.
    func computedRaw(_ name: String) -> String? {
        guard Self.computedNames.contains(name), case .quantity(let quantity, _)? = figure(name) else { return nil }
        return ValueFormatter.raw(quantity.unit.time == 1 ? quantity.value / TimeUnit.year.seconds : quantity.value)
    }
}
