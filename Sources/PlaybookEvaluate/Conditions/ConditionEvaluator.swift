import func Foundation.pow
import PlaybookCore
import PlaybookScenario

/// Where a condition is written, to locate its mistakes: its first character's line and
/// column (in Unicode scalars), or only the whole tag when the text met differs from the
/// text written (Markdown escapes in a tag).
struct ConditionPlace {
    let file: SourceFile
    /// Line and scalar column of the condition's first character, when known.
    let start: (line: Int, scalarColumn: Int)?
    /// The whole tag or marker line.
    let whole: SourceLocation?

    /// A condition that starts at `position` (line, UTF-8 column) of `file`.
    init(file: SourceFile, position: SourcePosition, whole: SourceLocation?) {
        self.file = file
        let prefix = file.line(position.line).utf8.prefix(max(position.column - 1, 0))
        start = (position.line, String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1)
        self.whole = whole
    }

    /// A condition known only by its tag's location.
    init(file: SourceFile, whole: SourceLocation?) {
        self.file = file
        start = nil
        self.whole = whole
    }

    /// The location of `span` of the condition.
    func location(_ span: FormulaSpan) -> SourceLocation? {
        guard let start else { return whole }
        return file.location(line: start.line, scalarColumn: start.scalarColumn + span.offset, scalarLength: span.length)
    }
}

/// Decides conditions for one scenario: reads them (``ConditionParser``), checks every name
/// and unit, and evaluates them. A comparison with a figure that has no value is false.
struct ConditionEvaluator {
    let values: ScenarioValues
    let scenarioName: String
    private(set) var diagnostics: [Diagnostic] = []

    init(values: ScenarioValues, scenarioName: String) {
        self.values = values
        self.scenarioName = scenarioName
    }

    /// Whether `text` holds; `nil` after reporting why it cannot be decided.
    mutating func decide(_ text: String, at place: ConditionPlace) -> Bool? {
        guard let condition = parse(text, at: place) else { return nil }
        return truth(condition, at: place)
    }

    /// Checks a `{{ check … }}`: reports a ``DiagnosticID/checkFailed`` error at the tag when
    /// the condition does not hold, showing each figure it names as the report shows it.
    mutating func check(_ text: String, at place: ConditionPlace) {
        guard let condition = parse(text, at: place), let holds = truth(condition, at: place), !holds else { return }
        let written = "'\(text)'"
        var described: [String] = []
        for name in condition.names {
            switch values.figure(name) {
            case .missing(_, let shown)?:
                described.append("\(name) has no value" + (shown == "—" ? "" : " (\(shown))"))
            case .some:
                described.append("\(name) is \(values.shown(name) ?? "")")
            case nil:
                break
            }
        }
        let message = described.isEmpty ? "the text requires \(written), which does not hold"
            : "the text requires \(written), but " + Self.list(described)
        diagnostics.append(.error(.checkFailed, message, at: place.whole,
                                  hint: "change the text to match the figures, or show it only where it holds with {{ if … }} or '::: if …'"))
    }

    /// "a", "a and b", "a, b and c".
    private static func list(_ parts: [String]) -> String {
        guard parts.count > 1 else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " and " + (parts.last ?? "")
    }

    private mutating func parse(_ text: String, at place: ConditionPlace) -> Condition? {
        switch ConditionParser.parse(text, currency: values.scenario.spec.currency) {
        case .success(let condition): return condition
        case .failure(let error):
            diagnostics.append(.error(.conditionSyntax, error.message, at: place.location(error.span), hint: error.hint))
            return nil
        }
    }

    /// The truth of a condition; every part is checked, so that all its mistakes are reported.
    private mutating func truth(_ condition: Condition, at place: ConditionPlace) -> Bool? {
        switch condition {
        case .fact(let name, let span):
            switch values.figure(name) {
            case .fact(let holds)?: return holds
            case nil:
                reportUnknown(name, span, at: place)
                return nil
            case .some:
                diagnostics.append(.error(.conditionSyntax, "'\(name)' is a figure, not a fact", at: place.location(span),
                                          hint: "compare it with a value, as in '\(name) > 0'"))
                return nil
            }
        case .not(let inner):
            return truth(inner, at: place).map { !$0 }
        case .and(let left, let right):
            let l = truth(left, at: place), r = truth(right, at: place)
            guard let l, let r else { return nil }
            return l && r
        case .or(let left, let right):
            let l = truth(left, at: place), r = truth(right, at: place)
            guard let l, let r else { return nil }
            return l || r
        case .comparison(let left, let op, let right, let span):
            let l = value(left.expression, side: left, at: place), r = value(right.expression, side: right, at: place)
            guard let l, let r else { return nil }
            guard comparable(l.unit, r.unit, left: left.expression, right: right.expression) else {
                diagnostics.append(.error(.unitMismatch, "cannot compare \(Self.describe(l.unit)) with \(Self.describe(r.unit))",
                                          at: place.location(span),
                                          hint: "compare money with an amount ($0, $50000), a share such as roi with a percentage (50%), a duration with a duration (2 years)"))
                return nil
            }
            // A figure without a value makes every comparison with it false.
            guard let a = l.value, let b = r.value else { return false }
            return op.holds(a, b)
        }
    }

    /// Whether two sides can be compared: the same dimension; or a plain number against a
    /// count; or the literal 0 against anything.
    private func comparable(_ l: Unit, _ r: Unit, left: Expression, right: Expression) -> Bool {
        if l.sameDimension(as: r) { return true }
        if Self.isZero(left) || Self.isZero(right) { return true }
        let isCount: (Unit) -> Bool = { $0.money == 0 && $0.time == 0 && $0.count == 1 }
        let isPlain: (Unit) -> Bool = { $0.isDimensionless && !$0.isPercent }
        return (isCount(l) && isPlain(r)) || (isPlain(l) && isCount(r))
    }

    private static func isZero(_ expression: Expression) -> Bool {
        if case .literal(let quantity, _) = expression { return quantity.value == 0 && quantity.unit.isDimensionless }
        return false
    }

    /// A side's unit and value (`nil` value: a figure without a value is part of it).
    private struct Operand {
        var unit: Unit
        var value: Double?
    }

    private mutating func value(_ expression: Expression, side: ConditionSide, at place: ConditionPlace) -> Operand? {
        switch expression {
        case .literal(let quantity, _):
            return Operand(unit: quantity.unit, value: quantity.value)
        case .name(let name, let span):
            switch values.figure(name) {
            case .quantity(let quantity, _)?: return Operand(unit: quantity.unit, value: quantity.value)
            case .missing(let unit, _)?: return Operand(unit: unit, value: nil)
            case .text?:
                diagnostics.append(.error(.conditionSyntax, "'\(name)' is text and cannot be compared", at: place.location(side.span(span)),
                                          hint: "compare figures, such as npv or roi"))
                return nil
            case .fact?:
                diagnostics.append(.error(.conditionSyntax, "'\(name)' is a fact and cannot be compared", at: place.location(side.span(span)),
                                          hint: "name it alone ('\(name)') or with 'not' ('not \(name)')"))
                return nil
            case nil:
                reportUnknown(name, side.span(span), at: place)
                return nil
            }
        case .group(let inner):
            return value(inner, side: side, at: place)
        case .negate(let inner, _):
            return value(inner, side: side, at: place).map { Operand(unit: $0.unit, value: $0.value.map { -$0 }) }
        case .binary(let op, let left, let right, let span):
            let l = value(left, side: side, at: place), r = value(right, side: side, at: place)
            guard let l, let r else { return nil }
            let unit: Unit
            switch op {
            case .add, .subtract:
                guard l.unit.sameDimension(as: r.unit) else {
                    diagnostics.append(.error(.unitMismatch, "cannot \(op == .add ? "add" : "subtract") \(Self.describe(r.unit)) \(op == .add ? "to" : "from") \(Self.describe(l.unit))",
                                              at: place.location(side.span(span))))
                    return nil
                }
                unit = l.unit.plus(r.unit)
            case .multiply: unit = l.unit.times(r.unit)
            case .divide: unit = l.unit.dividedBy(r.unit)
            case .power:
                guard l.unit.isDimensionless, r.unit.isDimensionless else {
                    diagnostics.append(.error(.unitMismatch, "only plain numbers and percentages can be raised to a power",
                                              at: place.location(side.span(span))))
                    return nil
                }
                unit = .number
            }
            guard let a = l.value, let b = r.value else { return Operand(unit: unit, value: nil) }
            let result: Double
            switch op {
            case .add: result = a + b
            case .subtract: result = a - b
            case .multiply: result = a * b
            case .divide: result = a / b
            case .power: result = pow(a, b)
            }
            // A division by zero or an overflow leaves no value, like a figure without one.
            return Operand(unit: unit, value: result.isFinite ? result : nil)
        case .call(let name, let arguments, let span):
            let operands = arguments.map { value($0, side: side, at: place) }
            guard ["min", "max", "abs"].contains(name) else {
                diagnostics.append(.error(.unknownFunction, "conditions have no function '\(name)'", at: place.location(side.span(span)),
                                          hint: "conditions may use min, max and abs; give the figure a metric in the scenario for anything more"))
                return nil
            }
            guard !operands.isEmpty, operands.allSatisfy({ $0 != nil }) else {
                if operands.isEmpty {
                    diagnostics.append(.error(.wrongArguments, "\(name) needs an argument", at: place.location(side.span(span))))
                }
                return nil
            }
            let known = operands.compactMap { $0 }
            guard let first = known.first, known.allSatisfy({ $0.unit.sameDimension(as: first.unit) }),
                  name != "abs" || known.count == 1 else {
                diagnostics.append(.error(.wrongArguments, name == "abs" ? "abs takes 1 argument" : "the arguments of \(name) must all be the same kind of value",
                                          at: place.location(side.span(span))))
                return nil
            }
            let numbers = known.compactMap(\.value)
            guard numbers.count == known.count else { return Operand(unit: first.unit, value: nil) }
            switch name {
            case "min": return Operand(unit: first.unit, value: numbers.min())
            case "max": return Operand(unit: first.unit, value: numbers.max())
            default: return Operand(unit: first.unit, value: numbers.first.map { abs($0) })
            }
        }
    }

    private mutating func reportUnknown(_ name: String, _ span: FormulaSpan, at place: ConditionPlace) {
        diagnostics.append(.error(.unknownValue, "the scenario '\(scenarioName)' has no figure or fact '\(name)'", at: place.location(span),
                                  hint: NearestName.hint(for: name, among: values.conditionNames)))
    }

    /// "money", "a percentage", "a plain number", "a duration", "a count of calls".
    static func describe(_ unit: Unit) -> String {
        if unit.isMoney { return "money" }
        if unit.isDimensionless { return unit.isPercent ? "a percentage" : "a plain number" }
        if unit.money == 0, unit.count == 1, unit.time == 0 { return unit.noun.map { "a count of \($0)" } ?? "a count" }
        if unit.money == 0, unit.count == 0, unit.time == 1 { return "a duration" }
        return unit.description
    }
}
