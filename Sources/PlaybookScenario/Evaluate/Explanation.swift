/// A worked example: how a metric is derived, step by step with the numbers substituted.
///
/// ```text
/// annual_savings = calls_shifted × (cost_per_call − social_cost_per_contact)
///                = 80,640 × ($6.50 − $2.10)
///                = $354,816
/// ```
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
    }

    /// An input the derivation uses.
    public struct InputValue: Sendable, Equatable {
        /// The input.
        public var name: String
        /// Its value, formatted.
        public var value: String
        /// Where the number comes from, if the scenario says.
        public var source: String?
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
        func value(_ name: String) -> String {
            guard let slot = model.slots[name] else { return name }
            let decimals = metrics[name]?.decimals
            return formatter.format(evaluation.values[slot], model.units[slot], decimals: decimals)
        }
        var steps: [Explanation.Step] = []
        var usedInputs: [Explanation.InputValue] = []
        var seen: Set<String> = []
        var queue = [name]
        guard metrics[name] != nil || inputs[name] != nil else { return nil }
        if let input = inputs[name] {
            return Explanation(steps: [], inputs: [.init(name: name, value: value(name), source: input.source)])
        }
        while !queue.isEmpty {
            let current = queue.removeFirst()
            guard !seen.contains(current) else { continue }
            seen.insert(current)
            if let metric = metrics[current] {
                let expression = metric.formula.expression
                steps.append(Explanation.Step(name: current, formula: render(expression, metric.formula.text, nil),
                                              substituted: render(expression, metric.formula.text, value),
                                              result: value(current)))
                for (used, _) in expression.names where !seen.contains(used) { queue.append(used) }
            } else if let input = inputs[current] {
                usedInputs.append(.init(name: current, value: value(current), source: input.source))
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

    /// The expression with typographic operators; names replaced by `value(name)` when given.
    static func render(_ expression: Expression, _ text: String, _ value: ((String) -> String)?) -> String {
        let scalars = Array(text.unicodeScalars)
        func written(_ span: FormulaSpan) -> String {
            let end = min(span.offset + span.length, scalars.count)
            guard span.offset < end else { return "" }
            return String(String.UnicodeScalarView(scalars[span.offset..<end]))
        }
        func visit(_ expression: Expression) -> String {
            switch expression {
            case .literal(_, let span): return grouped(written(span))
            case .name(let name, _):
                guard let value else { return name }
                let shown = value(name)
                return shown.hasPrefix("−") ? "(\(shown))" : shown
            case .negate(let inner, _): return "−" + visit(inner)
            case .group(let inner): return "(" + visit(inner) + ")"
            case .binary(let op, let left, let right, _):
                return visit(left) + (op == .power ? "^" : " \(op.rawValue) ") + visit(right)
            case .call(let name, let arguments, _):
                return name + "(" + arguments.map(visit).joined(separator: ", ") + ")"
            }
        }
        return visit(expression)
    }
}

extension Formula {
    /// The formula as worked examples and reports show it: typographic operators (`×`, `−`)
    /// and digit groups as commas (`$180,000`), whatever spacing it was written with.
    public var shown: String { Explainer.render(expression, text, nil) }
}
