/// Where something is inside a formula: an offset and a length in Unicode scalars.
public struct FormulaSpan: Sendable, Hashable {
    /// Offset from the start of the formula.
    public var offset: Int
    /// Length (at least 1).
    public var length: Int

    /// Creates a span.
    public init(offset: Int, length: Int) {
        self.offset = offset
        self.length = max(length, 1)
    }
}

/// A parsed formula.
public indirect enum Expression: Sendable, Equatable {
    /// A number with its unit (`$6.50`, `8%`, `12 min`, `1_200_000`).
    case literal(Quantity, FormulaSpan)
    /// An input or metric name.
    case name(String, FormulaSpan)
    /// `−x`.
    case negate(Expression, FormulaSpan)
    /// `a + b`, `a × b` … The span is the operator's.
    case binary(BinaryOperator, Expression, Expression, FormulaSpan)
    /// `min(a, b)` …; the span is the function name's.
    case call(String, [Expression], FormulaSpan)
    /// `( … )`, kept so that printed derivations keep the author's grouping.
    case group(Expression)

    /// Every name the formula uses, in order of first use.
    public var names: [(String, FormulaSpan)] {
        var result: [(String, FormulaSpan)] = []
        func visit(_ expression: Expression) {
            switch expression {
            case .literal: break
            case .name(let name, let span): result.append((name, span))
            case .negate(let inner, _), .group(let inner): visit(inner)
            case .binary(_, let left, let right, _): visit(left); visit(right)
            case .call(_, let arguments, _): arguments.forEach(visit)
            }
        }
        visit(self)
        return result
    }
}

/// The arithmetic operators.
public enum BinaryOperator: String, Sendable, Equatable {
    /// Addition.
    case add = "+"
    /// Subtraction.
    case subtract = "−"
    /// Multiplication.
    case multiply = "×"
    /// Division.
    case divide = "÷"
    /// Raising to a power.
    case power = "^"

    var precedence: Int {
        switch self {
        case .add, .subtract: return 1
        case .multiply, .divide: return 2
        case .power: return 4
        }
    }
}
