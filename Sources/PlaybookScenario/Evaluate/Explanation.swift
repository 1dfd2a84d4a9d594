/// A worked example: how a metric is derived, step by step with the numbers substituted.
///
/// `playbook calc --explain` prints it with names (``text``); books and reports show each
/// step with labels, as a sentence in words (``Step/words``) and the arithmetic with the
/// numbers (``Step/substituted``):
///
/// ```text
/// contact_shift_savings = calls_shifted × saving_per_shifted_contact
///                       = 73,080 contacts × $4.86/contact
///                       = $354,816
/// ```
///
/// Units stay consistent within a step: the terms of a sum or a difference are shown in the
/// unit of its result (`$6.50/contact − $2.10/contact = $4.40/contact`, not `$6.50/call −
/// $2.10/contact`).
public struct Explanation: Sendable, Equatable {
    /// One derivation: a metric's formula, the formula with values, and the result.
    public struct Step: Sendable, Equatable {
        /// The metric.
        public var name: String
        /// The formula with names (`×`, `÷`, `−` for the operators).
        public var formula: String
        /// The formula with every name replaced by its value.
        public var substituted: String
        /// The result, formatted.
        public var result: String
        /// What readers call the metric (``Scenario/displayLabel(of:)``).
        public var label: String = ""
        /// The formula with the values, functions named as a spreadsheet names them
        /// (`CLV.START($96.89/customer, 58.0%, 9.0%)`), as books and reports show it.
        public var arithmetic: String = ""
        /// The formula in words with labels and values: "calls moved to social each year
        /// (73,080 contacts) times saving per call moved to social ($4.86/contact)".
        public var words: String = ""
    }

    /// An input the derivation uses.
    public struct InputValue: Sendable, Equatable {
        /// The input.
        public var name: String
        /// Its value, formatted.
        public var value: String
        /// Where the number comes from, if the scenario says.
        public var source: String?
        /// What readers call the input (``Scenario/displayLabel(of:)``).
        public var label: String = ""
        /// The source as readers see it (``InputSpec/shownSource``): "Not recorded" without one.
        public var shownSource: String = ""
    }

    /// The explained metric first, then the metrics it uses (each once), in the order met.
    public var steps: [Step]
    /// The inputs used, in the order met.
    public var inputs: [InputValue]

    /// The explanation as text, the way `playbook calc --explain` prints it.
    public var text: String {
        var lines: [String] = []
        for (index, step) in steps.enumerated() {
            if index == 1 { lines.append("where") }
            let indent = index == 0 ? "" : "  "
            let pad = String(repeating: " ", count: step.name.count + 1)
            lines.append("\(indent)\(step.name) = \(step.formula)")
            if step.substituted != step.formula, step.substituted != step.result {
                lines.append("\(indent)\(pad)= \(step.substituted)")
            }
            lines.append("\(indent)\(pad)= \(step.result)")
        }
        if !inputs.isEmpty {
            lines.append("inputs")
            let width = inputs.map(\.name.count).max() ?? 0
            for input in inputs {
                let name = input.name.padding(toLength: width, withPad: " ", startingAt: 0)
                lines.append("  \(name) = \(input.value)" + (input.source.map { "  (\($0))" } ?? ""))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

enum Explainer {
    static func explain(_ name: String, model: CompiledModel, evaluation: Evaluation, formatter: ValueFormatter) -> Explanation? {
        let metrics = Dictionary(model.spec.metrics.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let inputs = Dictionary(model.spec.inputs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        func value(_ name: String, shownIn unit: Unit? = nil) -> String {
            guard let slot = model.slots[name] else { return name }
            let decimals = metrics[name]?.decimals
            var shown = model.units[slot]
            if let unit, unit.sameDimension(as: shown) {
                shown.noun = unit.noun ?? shown.noun
                shown.timeUnit = unit.timeUnit ?? shown.timeUnit
            }
            return formatter.format(evaluation.values[slot], shown, decimals: decimals)
        }
        let spec = model.spec
        func used(_ name: String, _ input: InputSpec) -> Explanation.InputValue {
            .init(name: name, value: value(name), source: input.source, label: spec.displayLabel(of: name), shownSource: input.shownSource)
        }
        var steps: [Explanation.Step] = []
        var usedInputs: [Explanation.InputValue] = []
        var seen: Set<String> = []
        var queue = [name]
        guard metrics[name] != nil || inputs[name] != nil else { return nil }
        if let input = inputs[name] {
            return Explanation(steps: [], inputs: [used(name, input)])
        }
        while !queue.isEmpty {
            let current = queue.removeFirst()
            guard !seen.contains(current) else { continue }
            seen.insert(current)
            if let metric = metrics[current] {
                let expression = metric.formula.expression
                let units = ExpressionUnits(model: model, result: model.unit(of: current))
                let substituted = render(expression, metric.formula.text, units: units) { value($0, shownIn: $1) }
                let arithmetic = render(expression, metric.formula.text, units: units, { value($0, shownIn: $1) },
                                        callName: { FormulaFunction(rawValue: $0)?.spreadsheetName ?? $0 })
                let words = ExplanationWords(text: metric.formula.text, units: units, label: spec.displayLabel(of:), value: { value($0, shownIn: $1) })
                // A metric that is a number as written has no derivation to put in words.
                let sentence: String
                if case .literal = expression { sentence = "Set for this business case" } else { sentence = words.sentence(expression) }
                steps.append(Explanation.Step(name: current, formula: render(expression, metric.formula.text, nil),
                                              substituted: substituted, result: value(current),
                                              label: spec.displayLabel(of: current), arithmetic: arithmetic, words: sentence))
                for (used, _) in expression.names where !seen.contains(used) { queue.append(used) }
            } else if let input = inputs[current] {
                usedInputs.append(used(current, input))
            }
        }
        return Explanation(steps: steps, inputs: usedInputs)
    }

    /// A number as written, with its digit-grouping underscores shown as commas (`$180_000` →
    /// `$180,000`): formulas are written with a decimal point whatever the locale, so they are
    /// shown in that notation too.
    static func grouped(_ literal: String) -> String {
        guard literal.contains("_") else { return literal }
        let characters = Array(literal)
        var out = ""
        for (index, character) in characters.enumerated() {
            if character == "_", index > 0, index + 1 < characters.count,
               characters[index - 1].isNumber, characters[index + 1].isNumber {
                out.append(",")
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// The expression with typographic operators and names.
    static func render(_ expression: Expression, _ text: String, _ value: ((String) -> String)?) -> String {
        render(expression, text, units: nil, value.map { value in { name, _ in value(name) } })
    }

    /// The expression with typographic operators; names replaced by `value(name, unit)` when
    /// given, where `unit` is the unit of the sum or difference the name is a term of (so that
    /// its terms show the unit of its result), from `units`.
    static func render(_ expression: Expression, _ text: String, units: ExpressionUnits?,
                       _ value: ((String, Unit?) -> String)?, callName: (String) -> String = { $0 }) -> String {
        let scalars = Array(text.unicodeScalars)
        func written(_ span: FormulaSpan) -> String {
            let end = min(span.offset + span.length, scalars.count)
            guard span.offset < end else { return "" }
            return String(String.UnicodeScalarView(scalars[span.offset..<end]))
        }
        func visit(_ expression: Expression, _ sum: Unit?) -> String {
            switch expression {
            case .literal(_, let span): return grouped(written(span))
            case .name(let name, _):
                guard let value else { return name }
                let shown = value(name, sum)
                return shown.hasPrefix("−") ? "(\(shown))" : shown
            case .negate(let inner, _): return "−" + visit(inner, sum)
            case .group(let inner): return "(" + visit(inner, sum) + ")"
            case .binary(let op, let left, let right, _):
                let terms = op == .add || op == .subtract ? units?.unit(ofSum: expression, within: sum) : nil
                return visit(left, terms) + (op == .power ? "^" : " \(op.rawValue) ") + visit(right, terms)
            case .call(let name, let arguments, _):
                return callName(name) + "(" + arguments.map { visit($0, nil) }.joined(separator: ", ") + ")"
            }
        }
        return visit(expression, units?.result)
    }
}

extension Formula {
    /// The formula as worked examples and reports show it: typographic operators (`×`, `−`)
    /// and digit groups as commas (`$180,000`), whatever spacing it was written with.
    public var shown: String { Explainer.render(expression, text, nil) }
}
