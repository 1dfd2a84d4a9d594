/// A formula in words, with labels for names and each name's value beside it: the sentence a
/// worked example shows in books and reports.
///
/// `calls_shifted * saving_per_shifted_contact` reads "Calls moved to social each year
/// (73,080 contacts) times saving per call moved to social ($4.86/contact)". Operators are
/// words (plus, minus, times, divided by, to the power of); a bracketed group is named for
/// what it is ("the sum of A and B", "the difference between A and B"); functions are
/// phrases ("the smaller of A and B", "the lifetime value of a customer, … with A as the yearly margin …").
struct ExplanationWords {
    /// The formula as written, for literals (shown as the author wrote them).
    let text: String
    /// The units the terms of sums are shown in.
    let units: ExpressionUnits
    /// The label of a name.
    let label: (String) -> String
    /// The value of a name, shown in a unit when it is a term of a sum; without it, names are
    /// their labels alone (a formula in words, as an appendix lists it).
    let value: ((String, Unit?) -> String)?

    /// The formula in words, starting with a capital letter, without a full stop.
    func sentence(_ expression: Expression) -> String {
        let words = phrase(expression, sum: units.result)
        guard let first = words.first else { return words }
        return first.uppercased() + words.dropFirst()
    }

    private func phrase(_ expression: Expression, sum: Unit?) -> String {
        switch expression {
        case .literal(_, let span): return Explainer.grouped(written(span))
        case .name(let name, _):
            guard let value else { return Self.inSentence(label(name)) }
            return "\(Self.inSentence(label(name))) (\(value(name, sum)))"
        case .negate(let inner, _): return "minus " + phrase(inner, sum: sum)
        case .group(let inner):
            // A group named for what it makes: the sum, the difference, the product, the ratio.
            guard case .binary(let op, let left, let right, _) = inner else { return phrase(inner, sum: sum) }
            switch op {
            case .add:
                let terms = units.unit(ofSum: inner, within: sum)
                let parts = Self.terms(of: inner).map { phrase($0, sum: terms) }
                return "the sum of " + Self.list(parts)
            case .subtract:
                let terms = units.unit(ofSum: inner, within: sum)
                return "the difference between \(phrase(left, sum: terms)) and \(phrase(right, sum: terms))"
            case .multiply: return "the product of \(phrase(left, sum: nil)) and \(phrase(right, sum: nil))"
            case .divide: return "the ratio of \(phrase(left, sum: nil)) to \(phrase(right, sum: nil))"
            case .power: return phrase(inner, sum: sum)
            }
        case .binary(let op, let left, let right, _):
            switch op {
            case .add, .subtract:
                let terms = units.unit(ofSum: expression, within: sum)
                return "\(phrase(left, sum: terms)) \(op == .add ? "plus" : "minus") \(phrase(right, sum: terms))"
            case .multiply: return "\(phrase(left, sum: nil)) times \(phrase(right, sum: nil))"
            case .divide: return "\(phrase(left, sum: nil)) divided by \(phrase(right, sum: nil))"
            case .power: return "\(phrase(left, sum: nil)) to the power of \(phrase(right, sum: nil))"
            }
        case .call(let name, let arguments, _):
            let parts = arguments.map { phrase($0, sum: nil) }
            return Self.call(name, parts)
        }
    }

    /// The terms of a chain of additions (`a + b + c`), in order.
    private static func terms(of expression: Expression) -> [Expression] {
        if case .binary(.add, let left, let right, _) = expression { return terms(of: left) + [right] }
        return [expression]
    }

    /// `A`, `A and B`, `A, B and C`.
    static func list(_ parts: [String]) -> String {
        guard parts.count > 1, let last = parts.last else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " and " + last
    }

    /// A function call in words.
    static func call(_ name: String, _ parts: [String]) -> String {
        func part(_ index: Int) -> String { index < parts.count ? parts[index] : "" }
        switch FormulaFunction(rawValue: name) {
        case .min?: return parts.count == 1 ? part(0) : (parts.count == 2 ? "the smaller of " : "the smallest of ") + list(parts)
        case .max?: return parts.count == 1 ? part(0) : (parts.count == 2 ? "the larger of " : "the largest of ") + list(parts)
        case .abs?: return "the size of \(part(0)), without its sign"
        case .round?: return parts.count == 2 ? "\(part(0)) rounded to \(part(1)) decimals" : "\(part(0)) rounded to a whole number"
        case .floor?: return "\(part(0)) rounded down"
        case .ceil?: return "\(part(0)) rounded up"
        case .clamp?: return "\(part(0)), kept between \(part(1)) and \(part(2))"
        case .pow?: return "\(part(0)) to the power of \(part(1))"
        case .sqrt?: return "the square root of \(part(0))"
        case .clv?, .clv_start?:
            let first = name == FormulaFunction.clv.rawValue ? "end" : "start"
            return "the lifetime value of a customer, the first margin at the \(first) of the year, with \(part(0)) as the yearly margin, \(part(1)) as the retention and \(part(2)) as the discount rate"
        case .pv?: return "the present value of \(part(2)) a year for \(part(1)) years at \(part(0))"
        case nil: return name + "(" + parts.joined(separator: ", ") + ")"
        }
    }

    /// A label inside a sentence: its first letter lower case, unless the first word is an
    /// abbreviation (`ROI`) — "calls moved to social each year".
    static func inSentence(_ label: String) -> String {
        guard let first = label.first, !(label.dropFirst().first?.isUppercase ?? false) else { return label }
        return first.lowercased() + label.dropFirst()
    }

    private func written(_ span: FormulaSpan) -> String {
        let scalars = Array(text.unicodeScalars)
        let end = min(span.offset + span.length, scalars.count)
        guard span.offset < end else { return "" }
        return String(String.UnicodeScalarView(scalars[span.offset..<end]))
    }
}

extension Scenario {
    /// A metric's formula in words, with labels: "Calls moved to social each year times
    /// saving per call moved to social"; "Set for this business case" for a number as
    /// written; `nil` when `metric` is not a metric.
    public func formulaInWords(of metric: String) -> String? {
        guard let formula = spec.metrics.first(where: { $0.name == metric })?.formula else { return nil }
        if case .literal = formula.expression { return "Set for this business case" }
        let words = ExplanationWords(text: formula.text, units: ExpressionUnits(model: model, result: model.unit(of: metric)),
                                     label: spec.displayLabel(of:), value: nil)
        return words.sentence(formula.expression)
    }

    /// A metric's formula in symbols, with labels for names and functions named as a
    /// spreadsheet names them: "Calls moved to social each year × Saving per call moved to
    /// social", "CLV(Yearly margin per customer, …)"; `nil` when `metric` is not a metric.
    public func formulaInSymbols(of metric: String) -> String? {
        guard let formula = spec.metrics.first(where: { $0.name == metric })?.formula else { return nil }
        return Explainer.render(formula.expression, formula.text, units: nil, { name, _ in spec.displayLabel(of: name) },
                                callName: { FormulaFunction(rawValue: $0)?.spreadsheetName ?? $0 })
    }
}

extension FormulaFunction {
    /// The function's name in a formula readers see: as a spreadsheet writes it (`MIN`,
    /// `ROUND`, `PV`), `CLV` and `CLV.START` for the lifetime values.
    var spreadsheetName: String {
        switch self {
        case .ceil: return "CEILING"
        case .pow: return "POWER"
        case .clv_start: return "CLV.START"
        default: return rawValue.uppercased()
        }
    }
}
