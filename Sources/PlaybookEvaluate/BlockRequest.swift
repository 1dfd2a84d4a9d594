import PlaybookCore
import PlaybookScenario

/// What a ```` ```playbook <kind> ```` fence can show, and the arguments each kind takes
/// besides `scenario` and `caption`. To add a block kind, add a case here with its arguments,
/// a case to ``BlockRequest`` and its `init`, its evaluation in ``ComputedBlocks``, and its
/// template `blocks/<kind>`.
enum BlockKind: String, CaseIterable {
    case metrics, explain
    case cashFlow = "cash-flow"
    case cases, sensitivity, objectives, attribution, simulation, chart, headline, lines, assumptions, formulas
    case keyFindings = "key-findings"
    case risks

    /// The kinds by name, sorted, as messages list them.
    static let names = allCases.map(\.rawValue).sorted()

    /// The arguments of the kind, in the order they are read (which is the order an unknown
    /// key's "known keys are" hint lists them in).
    var arguments: [BlockArgument] {
        switch self {
        case .metrics: [Self.names("metrics"), Self.scenarioCase]
        case .explain: [BlockArgument(name: "metric", type: .name, required: true), Self.scenarioCase]
        case .cashFlow:
            [Self.scenarioCase,
             BlockArgument(name: "risk-adjusted", type: .flag, defaultValue: .flag(true)),
             BlockArgument(name: "lines", type: .option(BlockTables.LineSelection.allCases.map(\.rawValue),
                                                        message: { "'lines' must be all, costs or benefits, not '\($0)'" }),
                           defaultValue: .word(BlockTables.LineSelection.all.rawValue))]
        case .cases, .sensitivity, .objectives, .attribution, .assumptions, .keyFindings, .risks: []
        case .simulation: [Self.draws, Self.seed]
        case .chart:
            [Self.draws, Self.seed,
             BlockArgument(name: "of", type: .choice(ChartKind.allCases.map(\.rawValue), message: { "there is no '\($0)' chart" },
                                                     otherwise: "the charts are: " + ChartKind.allCases.map(\.rawValue).joined(separator: ", ")),
                           required: true)]
        case .headline, .formulas: [Self.scenarioCase]
        case .lines:
            [Self.scenarioCase,
             BlockArgument(name: "of", type: .choice(BlockTables.LineKind.allCases.map(\.rawValue),
                                                     message: { "a lines block lists benefits, costs or all, not '\($0)'" },
                                                     otherwise: "write 'of: benefits', 'of: costs' or 'of: all'"),
                           required: true)]
        }
    }

    private static func names(_ key: String) -> BlockArgument { BlockArgument(name: key, type: .names, required: true) }
    private static var scenarioCase: BlockArgument { BlockArgument(name: "case", type: .scenarioCase) }
    private static var draws: BlockArgument {
        BlockArgument(name: "draws", type: .wholeNumber(100...1_000_000, message: "'draws' must be from 100 to 1,000,000"),
                      defaultValue: .number(10_000))
    }
    private static var seed: BlockArgument {
        BlockArgument(name: "seed", type: .wholeNumber(0...Int.max, message: "'seed' must be a whole number from 0"),
                      defaultValue: .number(1))
    }
}

/// What a `chart` block can draw.
package enum ChartKind: String, CaseIterable {
    case cashFlow = "cash-flow"
    case breakdown, sensitivity, simulation
}

/// A block's request, typed: its kind with the arguments that kind takes, read from the fence
/// and checked (the names against the scenario too).
enum BlockRequest: Equatable {
    case metrics(names: [String], case: ScenarioCase)
    case explain(metric: String, case: ScenarioCase)
    case cashFlow(case: ScenarioCase, riskAdjusted: Bool, lines: BlockTables.LineSelection)
    case cases
    case sensitivity
    case objectives
    case attribution
    case simulation(draws: Int, seed: UInt64)
    case chart(ChartKind, draws: Int, seed: UInt64)
    case headline(case: ScenarioCase)
    case lines(BlockTables.LineKind, case: ScenarioCase)
    case assumptions
    case formulas(case: ScenarioCase)
    case keyFindings
    case risks

    /// The request of a `kind` block from its arguments, once they have been read without a
    /// mistake; `nil` when a required one is absent (which the reader has reported).
    init?(_ kind: BlockKind, _ values: BlockArgumentValues, case scenarioCase: ScenarioCase) {
        // Arguments left out have their declared defaults.
        let draws = values.number("draws"), seed = values.number("seed").map { UInt64(clamping: $0) }
        switch kind {
        case .metrics:
            guard let names = values.names("metrics") else { return nil }
            self = .metrics(names: names.map(\.name), case: scenarioCase)
        case .explain:
            guard let metric = values.names("metric")?.first else { return nil }
            self = .explain(metric: metric.name, case: scenarioCase)
        case .cashFlow:
            guard let riskAdjusted = values.flag("risk-adjusted"),
                  let lines = values.word("lines").flatMap(BlockTables.LineSelection.init(rawValue:)) else { return nil }
            self = .cashFlow(case: scenarioCase, riskAdjusted: riskAdjusted, lines: lines)
        case .cases: self = .cases
        case .sensitivity: self = .sensitivity
        case .objectives: self = .objectives
        case .attribution: self = .attribution
        case .simulation:
            guard let draws, let seed else { return nil }
            self = .simulation(draws: draws, seed: seed)
        case .chart:
            guard let draws, let seed, let chart = values.word("of").flatMap(ChartKind.init(rawValue:)) else { return nil }
            self = .chart(chart, draws: draws, seed: seed)
        case .headline: self = .headline(case: scenarioCase)
        case .lines:
            guard let lines = values.word("of").flatMap(BlockTables.LineKind.init(rawValue:)) else { return nil }
            self = .lines(lines, case: scenarioCase)
        case .assumptions: self = .assumptions
        case .formulas: self = .formulas(case: scenarioCase)
        case .keyFindings: self = .keyFindings
        case .risks: self = .risks
        }
    }
}
