/// A mistake in a formula: what, where (in Unicode scalars from its start) and how to fix it.
public struct FormulaError: Error, Sendable, Equatable {
    /// What is wrong.
    public var message: String
    /// Where.
    public var span: FormulaSpan
    /// How to fix it.
    public var hint: String?
}

/// Parses formulas: numbers with units, names, `+ − × ÷ ^` (or `- * /`), parentheses and
/// function calls such as `min(a, b)`.
public struct FormulaParser {
    private let scalars: [Unicode.Scalar]
    private let currency: String
    private var index = 0
    /// How many function calls the parser is inside.
    private var callDepth = 0
    /// How many expressions the parser is inside (parentheses, signs, arguments).
    private var nesting = 0
    /// The depth of the expression tree the last parsing function returned.
    private var lastDepth = 0

    /// The deepest formula accepted: far beyond what anyone writes, and shallow enough that
    /// checking, compiling and explaining a formula never exhaust a thread's stack.
    public static let maximumDepth = 256

    /// Parses `text`; `currency` is the scenario's, for `$6.50`-style literals.
    public static func parse(_ text: String, currency: String) -> Result<Expression, FormulaError> {
        var parser = FormulaParser(scalars: Array(text.unicodeScalars), currency: currency)
        do {
            parser.skipSpaces()
            guard !parser.atEnd else { throw FormulaError(message: "the formula is empty", span: FormulaSpan(offset: 0, length: 1), hint: nil) }
            let expression = try parser.expression(minimumPrecedence: 1)
            parser.skipSpaces()
            if !parser.atEnd {
                if parser.peek == ")" {
                    throw FormulaError(message: "this ')' has no '(' before it", span: FormulaSpan(offset: parser.index, length: 1), hint: nil)
                }
                throw FormulaError(message: "expected an operator here", span: FormulaSpan(offset: parser.index, length: 1),
                                   hint: "join values with +, -, *, / or ^")
            }
            return .success(expression)
        } catch let error as FormulaError {
            return .failure(error)
        } catch {
            return .failure(FormulaError(message: "\(error)", span: FormulaSpan(offset: 0, length: 1), hint: nil))
        }
    }

    private init(scalars: [Unicode.Scalar], currency: String) {
        self.scalars = scalars
        self.currency = currency
    }

    // MARK: - Expressions (precedence climbing)

    private mutating func expression(minimumPrecedence: Int) throws -> Expression {
        nesting += 1
        defer { nesting -= 1 }
        try checkDepth(nesting)
        var left = try unary()
        var leftDepth = lastDepth
        while true {
            skipSpaces()
            guard let (op, length) = peekOperator(), op.precedence >= minimumPrecedence else {
                lastDepth = leftDepth
                return left
            }
            let span = FormulaSpan(offset: index, length: length)
            index += length
            // ^ is right-associative; the others are left-associative.
            let right = try expression(minimumPrecedence: op == .power ? op.precedence : op.precedence + 1)
            left = .binary(op, left, right, span)
            leftDepth = max(leftDepth, lastDepth) + 1
            try checkDepth(leftDepth, at: span)
        }
    }

    /// Refuses a formula nested deeper than ``maximumDepth``, pointing at where it got there.
    private func checkDepth(_ depth: Int, at span: FormulaSpan? = nil) throws {
        guard depth > Self.maximumDepth else { return }
        throw FormulaError(message: "this formula is nested more than \(Self.maximumDepth) levels deep",
                           span: span ?? FormulaSpan(offset: min(index, max(scalars.count - 1, 0)), length: 1),
                           hint: "split it into metrics that name its parts")
    }

    private mutating func unary() throws -> Expression {
        skipSpaces()
        let start = index
        if peek == "-" || peek == "−" {
            index += 1
            let operand = try expression(minimumPrecedence: 3)
            lastDepth += 1
            return .negate(operand, FormulaSpan(offset: start, length: 1))
        }
        if peek == "+" {
            index += 1
            return try expression(minimumPrecedence: 3)
        }
        return try primary()
    }

    private mutating func primary() throws -> Expression {
        skipSpaces()
        let start = index
        guard let scalar = peek else {
            throw FormulaError(message: "the formula ends where a value was expected", span: FormulaSpan(offset: max(index - 1, 0), length: 1),
                               hint: nil)
        }
        if scalar == "(" {
            index += 1
            let inner = try expression(minimumPrecedence: 1)
            skipSpaces()
            guard peek == ")" else {
                throw FormulaError(message: "this '(' is never closed", span: FormulaSpan(offset: start, length: 1), hint: "add ')'")
            }
            index += 1
            lastDepth += 1
            return .group(inner)
        }
        if isLetter(scalar) || scalar == "_" {
            let name = identifier()
            let span = FormulaSpan(offset: start, length: index - start)
            skipSpaces()
            if peek == "(" {
                index += 1
                callDepth += 1
                defer { callDepth -= 1 }
                var arguments: [Expression] = []
                var deepest = 0
                skipSpaces()
                if peek != ")" {
                    while true {
                        arguments.append(try expression(minimumPrecedence: 1))
                        deepest = max(deepest, lastDepth)
                        skipSpaces()
                        if peek == "," { index += 1; continue }
                        break
                    }
                }
                guard peek == ")" else {
                    throw FormulaError(message: "the arguments of \(name)( are not closed", span: span, hint: "add ')' after the last argument")
                }
                index += 1
                lastDepth = deepest + 1
                return .call(name, arguments, span)
            }
            lastDepth = 1
            return .name(name, span)
        }
        if isDigit(scalar) || scalar == "." || Currency.symbols[Character(scalar)] != nil {
            return try literal()
        }
        throw FormulaError(message: "'\(Character(scalar))' cannot start a value", span: FormulaSpan(offset: start, length: 1),
                           hint: "values are numbers ($6.50, 8%, 12 min), names, or function calls")
    }

    /// `$6.50`, `8%`, `12 min`, `6.50 USD`, `1_200_000`: the number and an optional unit
    /// written right after it.
    private mutating func literal() throws -> Expression {
        let start = index
        if let symbol = peek, Currency.symbols[Character(symbol)] != nil { index += 1 }
        while let scalar = peek, isDigit(scalar) || scalar == "." || scalar == "_" || isThousandsComma { index += 1 }
        // An exponent: 1e6, 1e-320, 2.5E+3.
        if peek == "e" || peek == "E" {
            let sign = index + 1 < scalars.count && (scalars[index + 1] == "-" || scalars[index + 1] == "+") ? 1 : 0
            if index + 1 + sign < scalars.count, isDigit(scalars[index + 1 + sign]) {
                index += 2 + sign
                while let scalar = peek, isDigit(scalar) { index += 1 }
            }
        }
        var end = index
        var probe = index
        while probe < scalars.count, scalars[probe] == " " { probe += 1 }
        let wordStart = probe
        if probe < scalars.count, scalars[probe] == "%" {
            end = probe + 1
        } else {
            // A unit word: a time unit or the currency code (not a name used as a factor).
            var wordEnd = wordStart
            while wordEnd < scalars.count,
                  isLetter(scalars[wordEnd]) || scalars[wordEnd] == "_"
                    || (wordEnd > wordStart && isDigit(scalars[wordEnd])) { wordEnd += 1 }
            let word = String(String.UnicodeScalarView(scalars[wordStart..<wordEnd]))
            var after = wordEnd
            while after < scalars.count, scalars[after] == " " { after += 1 }
            let isCall = after < scalars.count && scalars[after] == "("
            if !word.isEmpty, !isCall {
                guard TimeUnit.named(word) != nil || word == currency else {
                    throw FormulaError(message: "expected an operator between the number and '\(word)'",
                                       span: FormulaSpan(offset: wordStart, length: word.unicodeScalars.count),
                                       hint: "write '* \(word)' to multiply; only time units (min, h, days …) and \(currency) may follow a number")
                }
                end = wordEnd
            }
        }
        let text = String(String.UnicodeScalarView(scalars[start..<end]))
        index = end
        switch QuantityLiteral.parse(text, currency: currency) {
        case .success(let quantity):
            lastDepth = 1
            return .literal(quantity, FormulaSpan(offset: start, length: end - start))
        case .failure(let error):
            throw FormulaError(message: error.message, span: FormulaSpan(offset: start + error.offset, length: error.length), hint: error.hint)
        }
    }

    // MARK: - Scanning

    /// A comma followed by exactly three digits outside a function's arguments: `1,000`, which
    /// is reported as a number written with commas rather than read as two arguments.
    private var isThousandsComma: Bool {
        guard callDepth == 0, peek == ",", index + 3 < scalars.count + 1 else { return false }
        var digits = 0
        var probe = index + 1
        while probe < scalars.count, isDigit(scalars[probe]) { digits += 1; probe += 1 }
        return digits == 3
    }

    /// A letter of a name; ASCII is decided without consulting Unicode's tables.
    private func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") }
        return scalar.properties.isAlphabetic
    }

    /// A digit; ASCII is decided without consulting Unicode's tables.
    private func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar >= "0" && scalar <= "9" }
        return scalar.properties.numericType != nil
    }

    private var atEnd: Bool { index >= scalars.count }
    private var peek: Unicode.Scalar? { atEnd ? nil : scalars[index] }

    private mutating func skipSpaces() {
        while let scalar = peek, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { index += 1 }
    }

    private mutating func identifier() -> String {
        let start = index
        while let scalar = peek, isLetter(scalar) || isDigit(scalar) || scalar == "_" { index += 1 }
        return String(String.UnicodeScalarView(scalars[start..<index]))
    }

    private func peekOperator() -> (BinaryOperator, Int)? {
        guard let scalar = peek else { return nil }
        switch scalar {
        case "+": return (.add, 1)
        case "-", "−": return (.subtract, 1)
        case "*", "×", "·": return (.multiply, 1)
        case "/", "÷": return (.divide, 1)
        case "^": return (.power, 1)
        default: return nil
        }
    }
}
