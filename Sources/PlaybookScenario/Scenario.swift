import PlaybookCore
import PlaybookFinance

/// A client scenario, loaded, checked and evaluated: the entry point of this module.
///
/// ```swift
/// let (scenario, diagnostics) = Scenario.load(file, readFile: read)
/// scenario?.expected.roundedSummary.npv      // 482,198
/// scenario?.explain("annual_savings")?.text   // the worked example
/// ```
public struct Scenario: Sendable {
    /// The compiled model.
    public let model: CompiledModel
    /// The expected case.
    public let expected: Evaluation
    /// The low and high cases (the expected one too, for uniform access).
    public let cases: [ScenarioCase: Evaluation]
    /// The formatter for the scenario's currency and locale.
    public let formatter: ValueFormatter
    /// How long each phase of ``load(_:defaults:readBytes:readFile:)`` took, in seconds (for
    /// `PLAYBOOK_TIMINGS`).
    public let timings: [PhaseTiming]
    /// The tornado's rows, computed (and checked) when the scenario was loaded.
    private let sensitivityRows: [SensitivityRow]

    /// The scenario as written.
    public var spec: ScenarioSpec { model.spec }

    /// Loads, compiles and evaluates a scenario in all three cases. `nil` (with diagnostics)
    /// when anything is wrong; all diagnostics of the file come back together.
    public static func load(_ file: SourceFile, defaults: ScenarioDefaults = ScenarioDefaults(),
                            readBytes: @escaping ScenarioLoader.ReadBytes = ScenarioLoader.noBytes,
                            readFile: @escaping ScenarioLoader.ReadFile) -> (Scenario?, [Diagnostic]) {
        var timer = PhaseTimer()
        let (spec, loadDiagnostics) = ScenarioLoader.load(file, defaults: defaults, readBytes: readBytes, readFile: readFile)
        guard let spec else { return (nil, loadDiagnostics) }
        timer.lap("load")
        let (model, compileDiagnostics) = ModelCompiler.compile(spec)
        timer.lap("compile")
        var diagnostics = loadDiagnostics + compileDiagnostics
        guard let model, !diagnostics.hasErrors else { return (nil, diagnostics) }
        var cases: [ScenarioCase: Evaluation] = [:]
        // A failing operation is reported once, naming every case it fails in.
        var failures: [(failure: EvaluationFailure, cases: [ScenarioCase])] = []
        for scenarioCase in ScenarioCase.allCases {
            switch ScenarioEvaluator.evaluateCase(model, in: scenarioCase) {
            case .success(let evaluation): cases[scenarioCase] = evaluation
            case .failure(let failure):
                if let index = failures.firstIndex(where: { $0.failure == failure }) {
                    failures[index].cases.append(scenarioCase)
                } else {
                    failures.append((failure, [scenarioCase]))
                }
            }
        }
        diagnostics += failures.map { ScenarioEvaluator.diagnostic(model, $0.failure, in: $0.cases) }
        guard let expected = cases[.expected], cases.count == 3 else { return (nil, diagnostics) }
        timer.lap("evaluate (3 cases)")
        // The tornado's ends are evaluations too: each is checked like a case.
        let (sensitivity, sensitivityDiagnostics) = Sensitivity.rows(model)
        diagnostics += sensitivityDiagnostics
        guard sensitivityDiagnostics.isEmpty else { return (nil, diagnostics) }
        timer.lap("sensitivity")
        return (Scenario(model: model, expected: expected, cases: cases, formatter: ValueFormatter(currency: spec.currency, locale: spec.locale),
                         timings: timer.timings, sensitivityRows: sensitivity), diagnostics)
    }

    /// The value of an input or metric in a case.
    public func value(_ name: String, in scenarioCase: ScenarioCase = .expected) -> Double? {
        guard let slot = model.slots[name], let evaluation = cases[scenarioCase] else { return nil }
        return evaluation.values[slot]
    }

    /// The value of an input or metric, formatted (`$354,816`).
    public func formatted(_ name: String, in scenarioCase: ScenarioCase = .expected) -> String? {
        guard let slot = model.slots[name], let value = value(name, in: scenarioCase) else { return nil }
        return formatter.format(value, model.units[slot], decimals: model.decimals[slot])
    }

    /// The unit an objective's values are shown in: its KPI's, when the KPI is an input or
    /// metric, otherwise that of the target as written.
    public func unit(of objective: ObjectiveResult) -> Unit {
        if let slot = model.slots[objective.spec.kpi] { return model.units[slot] }
        if case .literal(let quantity, _) = objective.spec.target.expression { return quantity.unit }
        return .number
    }

    /// The worked example of a metric (or the value of an input).
    public func explain(_ name: String, in scenarioCase: ScenarioCase = .expected) -> Explanation? {
        guard let evaluation = cases[scenarioCase] else { return nil }
        return Explainer.explain(name, model: model, evaluation: evaluation, formatter: formatter)
    }

    /// The tornado: each uncertain input at its low and high value, largest NPV swing first.
    public func sensitivity() -> [SensitivityRow] {
        sensitivityRows
    }

    /// A Monte Carlo simulation with `iterations` draws from the uncertain inputs.
    public func simulate(iterations: Int, seed: UInt64) async -> SimulationResult {
        await MonteCarlo.run(model, iterations: iterations, seed: seed)
    }

    /// The same simulation on the calling thread (for work that already keeps every core busy);
    /// the result is identical to ``simulate(iterations:seed:)``'s.
    public func simulateSerially(iterations: Int, seed: UInt64) -> SimulationResult {
        MonteCarlo.runSerially(model, iterations: iterations, seed: seed)
    }

    /// Each channel's credit under every attribution model, channels in order of first
    /// appearance; `nil` without attribution data.
    public func attribution() -> [(channel: String, credit: [Attribution.Model: Double])]? {
        guard let data = spec.attribution else { return nil }
        var order: [String] = []
        var table: [String: [Attribution.Model: Double]] = [:]
        for model in Attribution.Model.allCases {
            for (channel, value) in Attribution.credit(data.paths, model: model, halfLifeDays: data.halfLifeDays) {
                if table[channel] == nil { order.append(channel) }
                table[channel, default: [:]][model] = value
            }
        }
        return order.map { ($0, table[$0] ?? [:]) }
    }
}
