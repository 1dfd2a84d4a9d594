import PlaybookScenario

/// A condition over a scenario's figures, as written after `::: if`, `{{ if }}` or
/// `{{ check }}`: facts (`has_ranges`), comparisons of formula-language expressions
/// (`npv > $0`, `payback_months <= 2 years`), `not`, `and`, `or` and parentheses.
/// Spans count Unicode scalars from the start of the condition's text.
indirect enum Condition: Sendable, Equatable {
    /// A fact named alone: `has_risk`.
    case fact(String, FormulaSpan)
    /// `not C`.
    case not(Condition)
    /// `A and B`.
    case and(Condition, Condition)
    /// `A or B`.
    case or(Condition, Condition)
    /// `left OP right`; the span is the operator's.
    case comparison(ConditionSide, Comparison, ConditionSide, FormulaSpan)

    /// Every name the condition uses, in order of first use, each once.
    var names: [String] {
        var result: [String] = []
        func add(_ name: String) { if !result.contains(name) { result.append(name) } }
        func visit(_ condition: Condition) {
            switch condition {
            case .fact(let name, _): add(name)
            case .not(let inner): visit(inner)
            case .and(let left, let right), .or(let left, let right): visit(left); visit(right)
            case .comparison(let left, _, let right, _):
                left.expression.names.forEach { add($0.0) }
                right.expression.names.forEach { add($0.0) }
            }
        }
        visit(self)
        return result
    }
}

/// One side of a comparison: an expression of the scenario formula language and where its
/// text starts in the condition (its spans are relative to that).
struct ConditionSide: Sendable, Equatable {
    /// The parsed expression.
    var expression: Expression
    /// Where the side's text starts in the condition, in Unicode scalars.
    var offset: Int

    /// A span of the expression as a span of the condition.
    func span(_ span: FormulaSpan) -> FormulaSpan {
        FormulaSpan(offset: span.offset + offset, length: span.length)
    }
}

/// The comparison operators; `≤ ≥ ≠` and `==` are read as `<= >= !=` and `=`.
enum Comparison: String, Sendable, Equatable {
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "=", notEqual = "!="

    /// Whether `left OP right` holds. Equality allows for the last bits of rounding.
    func holds(_ left: Double, _ right: Double) -> Bool {
        let close = abs(left - right) <= 1e-9 * max(1, abs(left), abs(right))
        switch self {
        case .less: return left < right && !close
        case .lessOrEqual: return left < right || close
        case .greater: return left > right && !close
        case .greaterOrEqual: return left > right || close
        case .equal: return close
        case .notEqual: return !close
        }
    }
}

/// A mistake in a condition: what, where (in Unicode scalars of the condition) and how to fix it.
struct ConditionError: Error, Sendable, Equatable {
    var message: String
    var span: FormulaSpan
    var hint: String?
}

/// Reads a condition. The boolean layer (`not`, `and`, `or`, parentheses around conditions)
/// is read here; each side of a comparison is handed to the scenario ``FormulaParser``.
struct ConditionParser {
    private let scalars: [Unicode.Scalar]
    private let currency: String
    private var index = 0
    private var depth = 0

    /// Parses `text` for a scenario whose currency is `currency`.
    static func parse(_ text: String, currency: String) -> Result<Condition, ConditionError> {
        var parser = ConditionParser(scalars: Array(text.unicodeScalars), currency: currency)
        do {
            parser.skipSpaces()
            guard !parser.atEnd else {
                throw ConditionError(message: "the condition is empty", span: FormulaSpan(offset: 0, length: 1),
                                     hint: "write for example 'npv > $0' or 'has_ranges'")
            }
            let condition = try parser.disjunction()
            parser.skipSpaces()
            if !parser.atEnd {
                if parser.scalars[parser.index] == ")" {
                    throw ConditionError(message: "this ')' has no '(' before it", span: FormulaSpan(offset: parser.index, length: 1), hint: nil)
                }
                throw ConditionError(message: "expected 'and' or 'or' here", span: FormulaSpan(offset: parser.index, length: 1),
                                     hint: "join conditions with 'and' or 'or'")
            }
            return .success(condition)
        } catch let error as ConditionError {
            return .failure(error)
        } catch {
            return .failure(ConditionError(message: "\(error)", span: FormulaSpan(offset: 0, length: 1), hint: nil))
        }
    }

    private init(scalars: [Unicode.Scalar], currency: String) {
        self.scalars = scalars
        self.currency = currency
    }

    private var atEnd: Bool { index >= scalars.count }

    private mutating func skipSpaces() {
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" || scalars[index] == "\n" { index += 1 }
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || (scalar.isASCII && scalar >= "0" && scalar <= "9")
    }

    /// Whether the word `word` stands alone at `position`.
    private func keyword(_ word: String, at position: Int) -> Bool {
        let letters = Array(word.unicodeScalars)
        guard position + letters.count <= scalars.count, Array(scalars[position..<position + letters.count]) == letters else { return false }
        if position > 0, Self.isNameScalar(scalars[position - 1]) { return false }
        if position + letters.count < scalars.count, Self.isNameScalar(scalars[position + letters.count]) { return false }
        return true
    }

    private mutating func take(_ word: String) -> Bool {
        skipSpaces()
        guard keyword(word, at: index) else { return false }
        index += word.unicodeScalars.count
        return true
    }

    private mutating func disjunction() throws -> Condition {
        var left = try conjunction()
        while take("or") { left = .or(left, try conjunction()) }
        return left
    }

    private mutating func conjunction() throws -> Condition {
        var left = try negation()
        while take("and") { left = .and(left, try negation()) }
        return left
    }

    private mutating func negation() throws -> Condition {
        let start = index
        if take("not") {
            depth += 1
            defer { depth -= 1 }
            guard depth <= FormulaParser.maximumDepth else {
                throw ConditionError(message: "this condition is nested too deeply", span: FormulaSpan(offset: start, length: 3), hint: nil)
            }
            return .not(try negation())
        }
        return try atom()
    }

    /// A comparison, a fact, or a condition in parentheses: the text up to the next `and` or
    /// `or` outside parentheses, or to a `)` that closes an outer group.
    private mutating func atom() throws -> Condition {
        skipSpaces()
        let start = index
        var end = index
        var level = 0
        var comparison: (Comparison, Int, Int)?
        var extraComparison: Int?
        while end < scalars.count {
            let scalar = scalars[end]
            if scalar == "(" { level += 1 }
            if scalar == ")" {
                if level == 0 { break }
                level -= 1
            }
            if level == 0, keyword("and", at: end) || keyword("or", at: end) { break }
            if level == 0, let (op, length) = comparisonOperator(at: end) {
                if comparison == nil { comparison = (op, end, length) } else if extraComparison == nil { extraComparison = end }
                end += length
                continue
            }
            end += 1
        }
        var last = end
        while last > start, scalars[last - 1] == " " || scalars[last - 1] == "\t" { last -= 1 }
        guard last > start else {
            throw ConditionError(message: atEnd ? "the condition ends where a comparison or a fact was expected"
                                                : "a comparison or a fact is missing here",
                                 span: FormulaSpan(offset: max(min(start, scalars.count) - (atEnd ? 1 : 0), 0), length: 1),
                                 hint: "write for example 'npv > $0' or 'has_ranges'")
        }
        if let (op, at, length) = comparison {
            if let extra = extraComparison {
                throw ConditionError(message: "compare two values at a time", span: FormulaSpan(offset: extra, length: 1),
                                     hint: "join comparisons with 'and': 'a < b and b < c'")
            }
            let left = try side(from: start, to: at, before: op)
            let right = try side(from: at + length, to: end, before: nil)
            index = end
            return .comparison(left, op, right, FormulaSpan(offset: at, length: length))
        }
        if scalars[start] == "(", matchingParenthesis(from: start) == last - 1 {
            index = start + 1
            depth += 1
            defer { depth -= 1 }
            guard depth <= FormulaParser.maximumDepth else {
                throw ConditionError(message: "this condition is nested too deeply", span: FormulaSpan(offset: start, length: 1), hint: nil)
            }
            let inner = try disjunction()
            skipSpaces()
            guard index < scalars.count, scalars[index] == ")" else {
                throw ConditionError(message: "expected ')' here", span: FormulaSpan(offset: min(index, scalars.count - 1), length: 1), hint: nil)
            }
            index += 1
            return inner
        }
        let text = String(String.UnicodeScalarView(scalars[start..<last]))
        if scalars[start..<last].allSatisfy(Self.isNameScalar), !(scalars[start].isASCII && scalars[start] >= "0" && scalars[start] <= "9") {
            index = end
            return .fact(text, FormulaSpan(offset: start, length: last - start))
        }
        throw ConditionError(message: "'\(text)' is not a condition", span: FormulaSpan(offset: start, length: last - start),
                             hint: "compare two values ('npv > $0') or name a fact ('has_ranges')")
    }

    /// One side of a comparison, parsed by the formula parser.
    private func side(from start: Int, to end: Int, before op: Comparison?) throws -> ConditionSide {
        var first = start
        while first < end, scalars[first] == " " || scalars[first] == "\t" { first += 1 }
        guard first < end, scalars[first..<end].contains(where: { $0 != " " && $0 != "\t" }) else {
            let message = op == nil ? "a value is missing after the comparison" : "a value is missing before the comparison"
            throw ConditionError(message: message, span: FormulaSpan(offset: op == nil ? max(start - 1, 0) : start, length: 1),
                                 hint: "compare two values, as in 'npv > $0'")
        }
        let text = String(String.UnicodeScalarView(scalars[first..<end]))
        switch FormulaParser.parse(text, currency: currency) {
        case .success(let expression):
            return ConditionSide(expression: expression, offset: first)
        case .failure(let error):
            throw ConditionError(message: error.message, span: FormulaSpan(offset: error.span.offset + first, length: error.span.length),
                                 hint: error.hint)
        }
    }

    private func matchingParenthesis(from open: Int) -> Int? {
        var level = 0
        for position in open..<scalars.count {
            if scalars[position] == "(" { level += 1 }
            if scalars[position] == ")" {
                level -= 1
                if level == 0 { return position }
            }
        }
        return nil
    }

    private func comparisonOperator(at position: Int) -> (Comparison, Int)? {
        let scalar = scalars[position]
        let next: Unicode.Scalar? = position + 1 < scalars.count ? scalars[position + 1] : nil
        switch scalar {
        case "<": return next == "=" ? (.lessOrEqual, 2) : (.less, 1)
        case ">": return next == "=" ? (.greaterOrEqual, 2) : (.greater, 1)
        case "=": return next == "=" ? (.equal, 2) : (.equal, 1)
        case "!": return next == "=" ? (.notEqual, 2) : nil
        case "≤": return (.lessOrEqual, 1)
        case "≥": return (.greaterOrEqual, 1)
        case "≠": return (.notEqual, 1)
        default: return nil
        }
    }
}
