import PlaybookCore
import PlaybookFinance

/// A scenario ready to evaluate: every name has a slot, metrics are in dependency order, every
/// formula's unit is checked and compiled to a ``Program``.
public struct CompiledModel: Sendable {
    /// A place in a formula an evaluation can fail at (a division, a function call).
    struct Site: Sendable {
        enum Kind: Sendable { case arithmetic, division, power, call }
        var kind: Kind
        var origin: FormulaOrigin
        var span: FormulaSpan
        /// The divisor, power or function name as written, for messages.
        var text: String
    }

    struct CompiledLine: Sendable {
        var initial: Program?
        var yearly: [Program]
    }

    struct CompiledObjective: Sendable {
        var target: Program
        var actual: Program
        var baseline: Program?
    }

    /// The scenario.
    public let spec: ScenarioSpec
    /// The name in each slot: inputs in the order written, then metrics in evaluation order.
    public let names: [String]
    /// The unit of each slot.
    public let units: [Unit]
    /// The slot of each name.
    public let slots: [String: Int]
    /// The metrics in evaluation order (indices into `spec.metrics`).
    public let metricOrder: [Int]
    /// The decimals a metric asks to be shown with, by slot (`nil`: the unit's default).
    public let decimals: [Int?]
    let metricPrograms: [Program]
    let lines: [CompiledLine]
    let objectives: [CompiledObjective]
    let sites: [Site]
    /// The deepest stack any program needs.
    let stackDepth: Int

    /// The unit of a name.
    public func unit(of name: String) -> Unit? {
        slots[name].map { units[$0] }
    }
}

/// Compiles a ``ScenarioSpec``: resolves names (with a "did you mean" for unknown ones),
/// orders metrics by dependency (a cycle is reported with its whole loop), checks units (money
/// plus a percentage is an error at the `+`), and turns every formula into a ``Program``.
public struct ModelCompiler {
    private let spec: ScenarioSpec
    private var diagnostics: [Diagnostic] = []
    private var sites: [CompiledModel.Site] = []
    private var slots: [String: Int] = [:]
    /// Names formulas use that are neither inputs nor metrics (reported once, where used).
    private var unknownNames: Set<String> = []
    private var units: [Unit?] = []
    private var depth = 1

    /// Compiles `spec`; `nil` (with diagnostics) when a formula cannot be compiled.
    public static func compile(_ spec: ScenarioSpec) -> (CompiledModel?, [Diagnostic]) {
        var compiler = ModelCompiler(spec: spec)
        let model = compiler.run()
        return (model, compiler.diagnostics)
    }

    private init(spec: ScenarioSpec) {
        self.spec = spec
    }

    private mutating func run() -> CompiledModel? {
        // Inputs take the first slots.
        var names: [String] = []
        for input in spec.inputs {
            slots[input.name] = names.count
            names.append(input.name)
            units.append(input.value.unit)
        }
        let metricIndex = Dictionary(spec.metrics.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { first, _ in first })
        guard let order = dependencyOrder(metricIndex: metricIndex) else { return nil }
        for index in order {
            slots[spec.metrics[index].name] = names.count
            names.append(spec.metrics[index].name)
            units.append(nil)
        }
        // Metrics, in order, so that every name a formula uses already has its unit.
        var metricPrograms: [Program] = []
        for index in order {
            let metric = spec.metrics[index]
            let slot = slots[metric.name] ?? 0
            guard let unit = check(metric.formula.expression, metric.formula.origin) else {
                metricPrograms.append(Program(instructions: [.constant(.nan)], depth: 1))
                continue
            }
            var shown = unit
            if let display = metric.display {
                let nounOnly = display.money == 0 && display.count == 1 && display.time == 0
                if display.isDimensionless, unit.isDimensionless {
                    shown.isPercent = display.isPercent
                } else if nounOnly, unit.isDimensionless || (unit.money == 0 && unit.count == 1 && unit.time == 0) {
                    shown.noun = display.noun
                } else if display.sameDimension(as: unit) {
                    shown.noun = display.noun ?? unit.noun
                    shown.timeUnit = display.timeUnit ?? unit.timeUnit
                } else {
                    diagnostics.append(.error(.unitMismatch, "'\(metric.name)' is \(describe(unit)), so it cannot be shown as \(describe(display))",
                                              at: metric.location, hint: "remove 'unit', or change the formula"))
                }
            }
            units[slot] = shown
            metricPrograms.append(compile(metric.formula))
        }
        let lines = spec.lines.map { line in compileLine(line) }
        let objectives = spec.objectives.compactMap { compileObjective($0) }
        guard !diagnostics.hasErrors else { return nil }
        var decimals = [Int?](repeating: nil, count: names.count)
        for metric in spec.metrics { if let slot = slots[metric.name] { decimals[slot] = metric.decimals } }
        return CompiledModel(spec: spec, names: names, units: units.map { $0 ?? .number }, slots: slots, metricOrder: order, decimals: decimals,
                             metricPrograms: metricPrograms, lines: lines, objectives: objectives, sites: sites, stackDepth: depth)
    }

    // MARK: - Dependencies

    /// Metrics in an order where each comes after the metrics it uses; `nil` after reporting a
    /// cycle or an unknown name.
    private mutating func dependencyOrder(metricIndex: [String: Int]) -> [Int]? {
        let known = Set(spec.inputs.map(\.name)).union(metricIndex.keys)
        // Unknown names are reported everywhere they appear; the formulas that use them are
        // left without a unit, so that the other formulas are still checked.
        for metric in spec.metrics {
            for (name, span) in metric.formula.expression.names where !known.contains(name) {
                unknownNames.insert(name)
                if spec.brokenNames.contains(name) { continue }
                reportUnknown(name, span, metric.formula.origin, known: known)
            }
        }
        // A depth-first walk with its own stack (not the thread's), so that a chain of any
        // length (c0 uses c1 … c13999) is ordered without recursion.
        var state = [Int](repeating: 0, count: spec.metrics.count)  // 0 new, 1 visiting, 2 done
        var order: [Int] = []
        /// The metrics being visited, each with the names its formula uses and how far it got.
        var frames: [(index: Int, uses: [(String, FormulaSpan)], next: Int)] = []
        /// The edge each visiting metric was left by: (metric, name it uses, where), for a cycle's report.
        var path: [(Int, String, FormulaSpan)] = []
        for root in spec.metrics.indices where state[root] == 0 {
            state[root] = 1
            frames.append((root, spec.metrics[root].formula.expression.names, 0))
            while let frame = frames.last {
                guard frame.next < frame.uses.count else {
                    frames.removeLast()
                    state[frame.index] = 2
                    order.append(frame.index)
                    if !path.isEmpty { path.removeLast() }
                    continue
                }
                let (name, span) = frame.uses[frame.next]
                frames[frames.count - 1].next += 1
                guard let dependency = metricIndex[name], state[dependency] != 2 else { continue }
                path.append((frame.index, name, span))
                if state[dependency] == 1 {
                    reportCycle(from: dependency, stack: path)
                    return nil
                }
                state[dependency] = 1
                frames.append((dependency, spec.metrics[dependency].formula.expression.names, 0))
            }
        }
        return order
    }

    private mutating func reportCycle(from index: Int, stack: [(Int, String, FormulaSpan)]) {
        guard let start = stack.firstIndex(where: { $0.0 == index }) else { return }
        let loop = stack[start...]
        let names = loop.map { spec.metrics[$0.0].name } + [spec.metrics[index].name]
        let first = loop[loop.startIndex]
        let origin = spec.metrics[first.0].formula.origin
        diagnostics.append(.error(.cycle, "these metrics depend on each other in a loop: " + names.joined(separator: " → "),
                                  at: origin.location(first.2), hint: "one of the formulas must not use the others",
                                  notes: loop.dropFirst().map { step in
                                      .init("\(spec.metrics[step.0].name) uses \(step.1)", at: spec.metrics[step.0].formula.origin.location(step.2))
                                  }))
    }

    private mutating func reportUnknown(_ name: String, _ span: FormulaSpan, _ origin: FormulaOrigin, known: Set<String>) {
        if let function = FormulaFunction(rawValue: name) {
            diagnostics.append(.error(.unknownName, "'\(name)' is a function", at: origin.location(span),
                                      hint: "call it with its arguments: \(function.signature)"))
            return
        }
        diagnostics.append(.error(.unknownName, "there is no input or metric called '\(name)'", at: origin.location(span),
                                  hint: NearestName.hint(for: name, among: known)))
    }

    // MARK: - Units

    /// The unit of an expression, or `nil` after reporting why it has none.
    private mutating func check(_ expression: Expression, _ origin: FormulaOrigin) -> Unit? {
        switch expression {
        case .literal(let quantity, _):
            return quantity.unit
        case .name(let name, let span):
            guard let slot = slots[name] else {
                if !spec.brokenNames.contains(name), !unknownNames.contains(name) {
                    reportUnknown(name, span, origin, known: Set(slots.keys))
                }
                return nil
            }
            return units[slot]
        case .group(let inner):
            return check(inner, origin)
        case .negate(let inner, _):
            return check(inner, origin)
        case .binary(let op, let left, let right, let span):
            // Both sides are checked, so that a mistake on the right is found even when the
            // left has one too.
            let leftUnit = check(left, origin), rightUnit = check(right, origin)
            guard let l = leftUnit, let r = rightUnit else { return nil }
            switch op {
            case .add, .subtract:
                guard l.sameDimension(as: r) else {
                    let verb = op == .add ? "add" : "subtract"
                    var hint: String?
                    if l.isPercent || r.isPercent {
                        hint = "to change an amount by a percentage, multiply: amount * (1 + rate)"
                    } else if (l.isMoney && r.isDimensionless) || (r.isMoney && l.isDimensionless) {
                        hint = "multiply the number by a price or cost first"
                    }
                    diagnostics.append(.error(.unitMismatch, "cannot \(verb) \(describe(r)) \(op == .add ? "to" : "from") \(describe(l))",
                                              at: origin.location(span), hint: hint))
                    return nil
                }
                return l.plus(r)
            case .multiply:
                return l.times(r)
            case .divide:
                return l.dividedBy(r)
            case .power:
                guard l.isDimensionless, r.isDimensionless else {
                    diagnostics.append(.error(.unitMismatch, "only plain numbers and percentages can be raised to a power",
                                              at: origin.location(span), hint: "the base here is \(l), the exponent \(r)"))
                    return nil
                }
                return Unit.number
            }
        case .call(let name, let arguments, let span):
            guard let function = FormulaFunction(rawValue: name) else {
                diagnostics.append(.error(.unknownFunction, "there is no function '\(name)'", at: origin.location(span),
                                          hint: NearestName.hint(for: name, among: FormulaFunction.allCases.map(\.rawValue))
                                            ?? "the functions are " + FormulaFunction.allCases.map(\.rawValue).joined(separator: ", ")))
                return nil
            }
            guard function.arity.contains(arguments.count) else {
                let range = function.arity
                let count = range.lowerBound == range.upperBound ? "\(range.lowerBound)"
                    : (range.upperBound > range.lowerBound + 1 ? "\(range.lowerBound) or more" : "\(range.lowerBound) or \(range.upperBound)")
                diagnostics.append(.error(.wrongArguments, "\(name) takes \(count) argument\(range.upperBound == 1 ? "" : "s"), not \(arguments.count)",
                                          at: origin.location(span), hint: "write \(function.signature)"))
                return nil
            }
            let argumentUnits = arguments.map { check($0, origin) }
            guard !argumentUnits.contains(where: { $0 == nil }) else { return nil }
            return functionUnit(function, argumentUnits.compactMap { $0 }, span, origin)
        }
    }

    private mutating func functionUnit(_ function: FormulaFunction, _ units: [Unit], _ span: FormulaSpan, _ origin: FormulaOrigin) -> Unit? {
        func mismatch(_ message: String) -> Unit? {
            diagnostics.append(.error(.unitMismatch, message, at: origin.location(span), hint: "write \(function.signature)"))
            return nil
        }
        switch function {
        case .min, .max, .clamp:
            guard let first = units.first, units.allSatisfy({ $0.sameDimension(as: first) }) else {
                return mismatch("the arguments of \(function.rawValue) must all be the same kind of value")
            }
            return units.dropFirst().reduce(first) { $0.plus($1) }
        case .abs, .floor, .ceil:
            return units[0]
        case .round:
            if units.count == 2, !units[1].isDimensionless { return mismatch("the digits of round must be a plain number") }
            return units[0]
        case .pow:
            guard units.allSatisfy(\.isDimensionless) else { return mismatch("pow works on plain numbers and percentages") }
            return .number
        case .sqrt:
            guard units[0].isDimensionless else { return mismatch("sqrt works on plain numbers") }
            return .number
        case .clv, .clv_start:
            guard units[1].isDimensionless, units[2].isDimensionless else {
                return mismatch("the retention and the rate of \(function.rawValue) must be percentages")
            }
            return units[0]
        case .pv:
            guard units[0].isDimensionless, units[1].isDimensionless else {
                return mismatch("the rate and the number of periods of pv must be plain numbers or percentages")
            }
            return units[2]
        }
    }

    private func describe(_ unit: Unit) -> String {
        if unit.isMoney { return "money" }
        if unit.isDimensionless { return unit.isPercent ? "a percentage" : "a plain number" }
        if unit.money == 0, unit.count == 1, unit.time == 0 { return unit.noun.map { "a count of \($0)" } ?? "a count" }
        if unit.money == 0, unit.count == 0, unit.time == 1 { return "a duration" }
        return unit.description
    }

    // MARK: - Code

    private mutating func compile(_ formula: Formula) -> Program {
        let scalars = Array(formula.text.unicodeScalars)
        var instructions: [Program.Instruction] = []
        var current = 0, deepest = 0
        func push() { current += 1; deepest = Swift.max(deepest, current) }
        func emit(_ expression: Expression) {
            switch expression {
            case .literal(let quantity, _):
                instructions.append(.constant(quantity.value)); push()
            case .name(let name, _):
                instructions.append(.load(slots[name] ?? 0)); push()
            case .group(let inner):
                emit(inner)
            case .negate(let inner, _):
                emit(inner)
                instructions.append(.negate)
            case .binary(let op, let left, let right, let span):
                emit(left)
                emit(right)
                current -= 1
                switch op {
                case .add, .subtract, .multiply:
                    let site = addSite(.arithmetic, formula, span, Self.text(of: expression, in: scalars))
                    instructions.append(op == .add ? .add(site: site) : (op == .subtract ? .subtract(site: site) : .multiply(site: site)))
                case .divide:
                    let site = addSite(.division, formula, span, Self.text(of: right, in: scalars))
                    _ = addSite(.arithmetic, formula, span, Self.text(of: expression, in: scalars))  // site + 1: its overflow
                    instructions.append(.divide(site: site))
                case .power:
                    instructions.append(.power(site: addSite(.power, formula, span, Self.text(of: expression, in: scalars))))
                }
            case .call(let name, let arguments, let span):
                arguments.forEach(emit)
                current -= arguments.count - 1
                if let function = FormulaFunction(rawValue: name) {
                    instructions.append(.call(function, count: arguments.count, site: addSite(.call, formula, span, name)))
                }
            }
        }
        emit(formula.expression)
        depth = Swift.max(depth, deepest)
        return Program(instructions: instructions, depth: deepest)
    }

    private mutating func addSite(_ kind: CompiledModel.Site.Kind, _ formula: Formula, _ span: FormulaSpan, _ text: String) -> Int {
        sites.append(CompiledModel.Site(kind: kind, origin: formula.origin, span: span, text: text))
        return sites.count - 1
    }

    /// The text of a sub-expression as written (for "… is zero" messages).
    /// `scalars` are the formula's, copied once per formula by the caller (per operation, a
    /// long formula would compile in quadratic time).
    static func text(of expression: Expression, in scalars: [Unicode.Scalar]) -> String {
        var low = Int.max, high = 0
        func visit(_ expression: Expression) {
            switch expression {
            case .literal(_, let span), .name(_, let span):
                low = Swift.min(low, span.offset); high = Swift.max(high, span.offset + span.length)
            case .negate(let inner, let span):
                low = Swift.min(low, span.offset); visit(inner)
            case .group(let inner): visit(inner)
            case .binary(_, let left, let right, _): visit(left); visit(right)
            case .call(_, let arguments, let span):
                low = Swift.min(low, span.offset); high = Swift.max(high, span.offset + span.length)
                arguments.forEach(visit)
            }
        }
        visit(expression)
        guard low < high, high <= scalars.count else { return "" }
        // Take in a closing parenthesis or two that belong to the expression.
        var end = high
        var open = scalars[low..<end].filter { $0 == "(" }.count - scalars[low..<end].filter { $0 == ")" }.count
        while open > 0, end < scalars.count {
            if scalars[end] == ")" { open -= 1 }
            end += 1
        }
        return String(String.UnicodeScalarView(scalars[low..<end]))
    }

    // MARK: - Lines and objectives

    private mutating func compileLine(_ line: LineSpec) -> CompiledModel.CompiledLine {
        var initial: Program?
        if let formula = line.initial, requireMoney(formula, line: line) { initial = compile(formula) }
        var yearly: [Program] = []
        for formula in line.yearly where requireMoney(formula, line: line) { yearly.append(compile(formula)) }
        return CompiledModel.CompiledLine(initial: initial, yearly: yearly)
    }

    private mutating func requireMoney(_ formula: Formula, line: LineSpec) -> Bool {
        guard let unit = check(formula.expression, formula.origin) else { return false }
        guard unit.isMoney else {
            let hint = unit.isDimensionless && !unit.isPercent
                ? "write the amount with its currency (such as \(Currency.symbol(for: spec.currency, locale: spec.locale))220_000) or multiply by a price"
                : "a line of the business case must come to an amount of money"
            diagnostics.append(.error(.unitMismatch, "the \(line.kind.rawValue) line '\(line.name)' is \(describe(unit)), not money",
                                      at: formula.origin.location(length: formula.text.unicodeScalars.count), hint: hint))
            return false
        }
        return true
    }

    private mutating func compileObjective(_ objective: ObjectiveSpec) -> CompiledModel.CompiledObjective? {
        guard let targetUnit = check(objective.target.expression, objective.target.origin) else { return nil }
        var actualProgram: Program
        var actualUnit: Unit
        if let actual = objective.actual {
            guard let unit = check(actual.expression, actual.origin) else { return nil }
            actualUnit = unit
            actualProgram = compile(actual)
        } else if let slot = slots[objective.kpi] {
            actualUnit = units[slot] ?? .number
            actualProgram = Program(instructions: [.load(slot)], depth: 1)
        } else {
            diagnostics.append(.error(.missingKey, "the objective '\(objective.kpi)' has no 'actual', and no input or metric has that name",
                                      at: objective.location, hint: NearestName.hint(for: objective.kpi, among: slots.keys)
                                        ?? "add 'actual: …', or name a metric in 'kpi'"))
            return nil
        }
        guard targetUnit.sameDimension(as: actualUnit) else {
            diagnostics.append(.error(.unitMismatch, "the target of '\(objective.kpi)' is \(describe(targetUnit)) but its actual value is \(describe(actualUnit))",
                                      at: objective.target.origin.location(length: objective.target.text.unicodeScalars.count)))
            return nil
        }
        var baselineProgram: Program?
        if let baseline = objective.baseline {
            guard let unit = check(baseline.expression, baseline.origin), unit.sameDimension(as: targetUnit) else {
                diagnostics.append(.error(.unitMismatch, "the baseline of '\(objective.kpi)' must be the same kind of value as its target",
                                          at: baseline.origin.location(length: baseline.text.unicodeScalars.count)))
                return nil
            }
            baselineProgram = compile(baseline)
        }
        return CompiledModel.CompiledObjective(target: compile(objective.target), actual: actualProgram, baseline: baselineProgram)
    }
}
