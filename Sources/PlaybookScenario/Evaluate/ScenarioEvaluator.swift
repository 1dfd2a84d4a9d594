import PlaybookCore
import PlaybookFinance

/// An objective's result: its values and progress towards the target.
public struct ObjectiveResult: Sendable {
    /// The objective as written.
    public var spec: ObjectiveSpec
    /// The target value.
    public var target: Double
    /// The actual value.
    public var actual: Double
    /// The baseline, if given.
    public var baseline: Double?
    /// Progress towards the target (1 = met); `nil` when it cannot be worked out.
    public var progress: Double?
}

/// A scenario evaluated in one case: every input and metric, every line, the financial summary
/// and the objectives.
public struct Evaluation: Sendable {
    /// The case.
    public var scenarioCase: ScenarioCase
    /// The value in each slot of the model.
    public var values: [Double]
    /// The lines before risk adjustment (ramps applied), in the order of the scenario.
    public var lines: [CashFlowLine]
    /// The TEI summary at full precision.
    public var summary: FinancialSummary
    /// The TEI summary with line items rounded to whole currency units (as business case tables
    /// show them), so that shown totals equal the sum of the shown parts.
    public var roundedSummary: FinancialSummary
    /// The objectives.
    public var objectives: [ObjectiveResult]
    /// The Return on Objectives score (weighted mean progress, each capped at 100%).
    public var returnOnObjectives: Double?
}

/// Why a case has no figures: an operation that failed (by its site), or totals of the
/// business case too large to compute (reported at its largest line).
enum EvaluationFailure: Error, Hashable {
    case site(Int)
    case totals(line: Int?)
}

/// Evaluates a compiled scenario.
public enum ScenarioEvaluator {
    /// Evaluates `model` in one case; a division by zero, a function outside its domain or a
    /// value that is not finite is a diagnostic at the operation, naming the case. `overriding`
    /// sets inputs (by slot) to other values, as the sensitivity analysis does.
    public static func evaluate(_ model: CompiledModel, in scenarioCase: ScenarioCase,
                                overriding: [Int: Double] = [:]) -> Result<Evaluation, Diagnostic> {
        evaluateCase(model, in: scenarioCase, overriding: overriding).mapError { diagnostic(model, $0, in: [scenarioCase]) }
    }

    /// ``evaluate(_:in:overriding:)`` with the failure as a value, so that a caller evaluating
    /// several cases can report a failure once, naming every case it happens in.
    static func evaluateCase(_ model: CompiledModel, in scenarioCase: ScenarioCase,
                             overriding: [Int: Double] = [:]) -> Result<Evaluation, EvaluationFailure> {
        var values = [Double](repeating: 0, count: model.names.count)
        for (slot, input) in model.spec.inputs.enumerated() { values[slot] = overriding[slot] ?? input.value.value(in: scenarioCase) }
        var stack = [Double](repeating: 0, count: max(model.stackDepth, 1))
        func run(_ program: Program) -> Result<Double, EvaluationFailure> {
            let (value, failed) = values.withUnsafeBufferPointer { slots in
                stack.withUnsafeMutableBufferPointer { buffer -> (Double, Int?) in
                    guard let base = buffer.baseAddress else { return (.nan, nil) }
                    return program.run(slots, stack: base)
                }
            }
            if let failed { return .failure(.site(failed)) }
            return .success(value)
        }
        let firstMetricSlot = model.spec.inputs.count
        for (position, program) in model.metricPrograms.enumerated() {
            switch run(program) {
            case .success(let value): values[firstMetricSlot + position] = value
            case .failure(let diagnostic): return .failure(diagnostic)
            }
        }
        var lines: [CashFlowLine] = []
        for (spec, compiled) in zip(model.spec.lines, model.lines) {
            var initial = 0.0
            if let program = compiled.initial {
                switch run(program) {
                case .success(let value): initial = value
                case .failure(let diagnostic): return .failure(diagnostic)
                }
            }
            var yearly: [Double] = []
            for program in compiled.yearly {
                switch run(program) {
                case .success(let value): yearly.append(value)
                case .failure(let diagnostic): return .failure(diagnostic)
                }
            }
            if yearly.count == 1 { yearly = Array(repeating: yearly[0], count: model.spec.years) }
            if yearly.isEmpty, !spec.yearly.isEmpty || spec.initial == nil { yearly = Array(repeating: 0, count: model.spec.years) }
            while yearly.count < model.spec.years { yearly.append(0) }
            if let ramp = spec.ramp { yearly = zip(yearly, ramp).map { $0 * $1 } }
            lines.append(CashFlowLine(name: spec.name, kind: spec.kind, initial: initial, yearly: yearly, risk: spec.risk))
        }
        var objectives: [ObjectiveResult] = []
        for (spec, compiled) in zip(model.spec.objectives, model.objectives) {
            // An objective's formulas fail like any other: at the operation, not by vanishing.
            let target: Double, actual: Double
            var baseline: Double?
            switch (run(compiled.target), run(compiled.actual)) {
            case (.failure(let failure), _), (_, .failure(let failure)): return .failure(failure)
            case (.success(let first), .success(let second)): (target, actual) = (first, second)
            }
            if let program = compiled.baseline {
                switch run(program) {
                case .success(let value): baseline = value
                case .failure(let failure): return .failure(failure)
                }
            }
            let progress = ReturnOnObjectives.progress(actual: actual, target: target, baseline: baseline, direction: spec.direction)
            objectives.append(ObjectiveResult(spec: spec, target: target, actual: actual, baseline: baseline, progress: progress))
        }
        let score = ReturnOnObjectives.score(objectives.compactMap { result in result.progress.map { ($0, result.spec.weight) } })
        let rate = model.spec.discountRate
        let summary = FinancialSummary(lines: lines, years: model.spec.years, rate: rate)
        let roundedSummary = FinancialSummary(lines: lines, years: model.spec.years, rate: rate, rounding: .lineItems(decimals: 0))
        guard summary.isFinite, roundedSummary.isFinite, score?.isFinite ?? true,
              objectives.allSatisfy({ $0.progress?.isFinite ?? true }) else {
            let sizes = lines.map { line in ([line.initial] + line.yearly).map(\.magnitude).max() ?? 0 }
            return .failure(.totals(line: sizes.indices.max { sizes[$0] < sizes[$1] }))
        }
        return .success(Evaluation(
            scenarioCase: scenarioCase, values: values, lines: lines, summary: summary, roundedSummary: roundedSummary,
            objectives: objectives, returnOnObjectives: score))
    }

    /// The diagnostic of a failure that happens in `cases` ("in the low case", "in the low and
    /// high cases", "in every case").
    static func diagnostic(_ model: CompiledModel, _ failure: EvaluationFailure, in cases: [ScenarioCase]) -> Diagnostic {
        let names = cases.map(\.rawValue)
        let phrase = cases.count >= ScenarioCase.allCases.count ? "in every case"
            : "in the " + (names.count > 1 ? names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "") + " cases" : (names.first ?? "") + " case")
        return diagnostic(model, failure, phrase: phrase)
    }

    /// The diagnostic of a failure, saying when it happens with `phrase` ("in every case").
    static func diagnostic(_ model: CompiledModel, _ failure: EvaluationFailure, phrase: String) -> Diagnostic {
        switch failure {
        case .site(let index): return siteDiagnostic(model, site: index, phrase: phrase)
        case .totals(let line):
            guard let line, line < model.spec.lines.count else {
                return .error(.tooLarge, "the business case's figures are too large to compute \(phrase)",
                              at: model.spec.file.start, hint: "figures must stay below 1.8e308")
            }
            let spec = model.spec.lines[line]
            return .error(.tooLarge, "the business case's totals are too large to compute \(phrase): '\(spec.name)' is its largest line",
                          at: spec.location, hint: "figures must stay below 1.8e308; check the amounts of the lines")
        }
    }

    static func siteDiagnostic(_ model: CompiledModel, site index: Int, phrase: String) -> Diagnostic {
        let site = model.sites[index]
        let location = site.origin.location(site.span)
        switch site.kind {
        case .arithmetic:
            return .error(.tooLarge, "'\(site.text)' is too large a number to compute \(phrase)", at: location,
                          hint: "figures must stay below 1.8e308; check the inputs it uses and their low and high values")
        case .division:
            return .error(.divisionByZero, "this divides by zero \(phrase): '\(site.text)' is 0", at: location,
                          hint: "check the inputs the divisor depends on, and their low and high values")
        case .power:
            return .error(.noValue, "'\(site.text)' has no value \(phrase)", at: location,
                          hint: "a negative number cannot be raised to a fractional power, and the result must stay below 1.8e308")
        case .call:
            return .error(.noValue, "\(site.text)(…) has no value \(phrase)", at: location,
                          hint: FormulaFunction(rawValue: site.text)?.domainHint
                            ?? "its result must stay below 1.8e308; check the arguments' values in that case")
        }
    }
}
