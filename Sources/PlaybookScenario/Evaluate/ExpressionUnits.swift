/// The units of a formula's parts, so that a worked example can show the terms of a sum or a
/// difference in the unit of its result: `$6.50/contact − $2.10/contact = $4.40/contact`
/// rather than `$6.50/call − $2.10/contact`. Units here only choose how values are shown; the
/// compiler has checked that the terms of every sum have the same dimension.
struct ExpressionUnits {
    /// The compiled model, for the unit of each name.
    let model: CompiledModel
    /// The unit of the whole formula: the metric's, as it is shown.
    let result: Unit?

    /// The unit the terms of the sum (or difference) `expression` are shown in: the unit of
    /// the sum it is a term of when there is one (`within`, the result's at the top), else
    /// the unit of its first term.
    func unit(ofSum expression: Expression, within enclosing: Unit?) -> Unit? {
        enclosing ?? unit(of: expression)
    }

    /// The unit of an expression as the compiler would find it; `nil` when a name is unknown.
    func unit(of expression: Expression) -> Unit? {
        switch expression {
        case .literal(let quantity, _): return quantity.unit
        case .name(let name, _): return model.unit(of: name)
        case .negate(let inner, _), .group(let inner): return unit(of: inner)
        case .binary(let op, let left, let right, _):
            switch op {
            case .add, .subtract: return unit(of: left)
            case .multiply:
                guard let l = unit(of: left), let r = unit(of: right) else { return nil }
                return l.times(r)
            case .divide:
                guard let l = unit(of: left), let r = unit(of: right) else { return nil }
                return l.dividedBy(r)
            case .power: return .number
            }
        case .call(let name, let arguments, _):
            switch FormulaFunction(rawValue: name) {
            case .pv?: return arguments.count == 3 ? unit(of: arguments[2]) : nil
            case .pow?, .sqrt?: return .number
            case nil: return nil
            default: return arguments.first.flatMap(unit(of:))
            }
        }
    }
}
