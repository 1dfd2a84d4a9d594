/// A mistake in a written quantity, with where it is in the text (in characters).
public struct LiteralError: Error, Sendable, Equatable {
    /// What is wrong.
    public var message: String
    /// Where the problem starts, in characters from the start of the text.
    public var offset: Int
    /// How many characters it covers.
    public var length: Int
    /// How to fix it.
    public var hint: String?
}

/// Reads the quantities authors write in scenario inputs: `120_000`, `120_000 contacts`,
/// `70%`, `$6.50`, `6.50 EUR`, `$6.50/call`, `$2.10 per contact`, `$1.00/min`, `12 min`,
/// `3 years`, `500 calls/month`.
public enum QuantityLiteral {
    /// Parses `text` in a scenario whose currency is `currency`. A number too large for a
    /// `Double` (`1e999`, or `1e306 years` in seconds) is refused here, so that every value a
    /// formula starts from is finite.
    public static func parse(_ text: String, currency: String) -> Result<Quantity, LiteralError> {
        let result = parseQuantity(text, currency: currency)
        if case .success(let quantity) = result, !quantity.value.isFinite {
            let length = text.count
            return .failure(LiteralError(message: "'\(text)' is too large a number", offset: 0, length: max(length, 1),
                                         hint: "numbers must stay below 1.8e308"))
        }
        return result
    }

    private static func parseQuantity(_ text: String, currency: String) -> Result<Quantity, LiteralError> {
        var scanner = Scanner(Array(text))
        scanner.skipSpaces()
        guard !scanner.atEnd else {
            return .failure(LiteralError(message: "there is no value here", offset: 0, length: max(text.count, 1), hint: nil))
        }
        // "−" (U+2212) is the minus sign Playbook prints (−$5); it reads back as "-".
        let negative = scanner.take("-") || scanner.take("−")
        var unit = Unit.number
        let symbolStart = scanner.index
        if let symbol = scanner.peek, let codes = Currency.symbols[symbol] {
            scanner.advance()
            guard codes.contains(currency) else {
                return .failure(LiteralError(message: "'\(symbol)' is not the scenario's currency (\(currency))", offset: symbolStart,
                                             length: 1, hint: "write the amount as \(Currency.symbol(for: currency, locale: "en-US"))… or '… \(currency)'"))
            }
            unit = .money
        }
        switch scanner.number() {
        case .failure(let error): return .failure(error)
        case .success(var value):
            if negative { value = -value }
            scanner.skipSpaces()
            if scanner.take("%") {
                guard unit.isDimensionless else {
                    return .failure(LiteralError(message: "an amount of money cannot be a percentage", offset: scanner.index - 1, length: 1, hint: nil))
                }
                scanner.skipSpaces()
                guard scanner.atEnd else { return .failure(scanner.trailing()) }
                return .success(Quantity(value / 100, .percent))
            }
            // A word after the number: a currency code, a time unit, or what is counted
            // ("per" starts the per-unit part instead).
            let wordStart = scanner.index
            if let word = scanner.word(), word.lowercased() == "per" {
                scanner.index = wordStart
            } else if let word = scanner.word(at: wordStart) {
                if Currency.isCode(word) {
                    guard unit.isDimensionless else {
                        return .failure(LiteralError(message: "the currency is written twice", offset: wordStart, length: word.count, hint: nil))
                    }
                    guard word == currency else {
                        return .failure(LiteralError(message: "'\(word)' is not the scenario's currency (\(currency))", offset: wordStart,
                                                     length: word.count, hint: "a scenario has one currency; convert the amount to \(currency)"))
                    }
                    unit = .money
                } else if let time = TimeUnit.named(word), unit.isDimensionless {
                    unit = .duration(time)
                    value *= time.seconds
                } else if unit.isDimensionless {
                    unit = .count(word)
                } else {
                    return .failure(LiteralError(message: "'\(word)' cannot follow an amount of money", offset: wordStart, length: word.count,
                                                 hint: "write a price per unit as '$6.50/call' or '$6.50 per call'"))
                }
            }
            scanner.skipSpaces()
            // "/call", "per call", "/min", "per month"
            let perStart = scanner.index
            if scanner.take("/") || scanner.takeWord("per") {
                scanner.skipSpaces()
                let denominatorStart = scanner.index
                guard let word = scanner.word() else {
                    return .failure(LiteralError(message: "what is this per?", offset: perStart, length: max(scanner.index - perStart, 1),
                                                 hint: "write for example '$6.50/call' or '$39 per hour'"))
                }
                if let time = TimeUnit.named(word) {
                    unit = unit.dividedBy(.duration(time))
                    value /= time.seconds
                } else if Currency.isCode(word) {
                    return .failure(LiteralError(message: "amounts per unit of money are not supported", offset: denominatorStart,
                                                 length: word.count, hint: nil))
                } else {
                    unit = unit.dividedBy(.count(singular(word)))
                    unit.noun = singular(word)
                }
            }
            scanner.skipSpaces()
            guard scanner.atEnd else { return .failure(scanner.trailing()) }
            return .success(Quantity(value, unit))
        }
    }

    /// "calls" → "call", for "per call" and "/calls" alike.
    package static func singular(_ word: String) -> String {
        word.hasSuffix("s") && word.count > 3 ? String(word.dropLast()) : word
    }

    /// A character scanner over the literal.
    struct Scanner {
        let characters: [Character]
        var index = 0

        init(_ characters: [Character]) { self.characters = characters }

        var atEnd: Bool { index >= characters.count }
        var peek: Character? { atEnd ? nil : characters[index] }

        mutating func advance() { index += 1 }

        mutating func skipSpaces() {
            while let character = peek, character == " " || character == "\t" { index += 1 }
        }

        mutating func take(_ character: Character) -> Bool {
            guard peek == character else { return false }
            index += 1
            return true
        }

        mutating func takeWord(_ word: String) -> Bool {
            let saved = index
            if let found = self.word(), found.lowercased() == word { return true }
            index = saved
            return false
        }

        /// The word starting at `start` (moving past it).
        mutating func word(at start: Int) -> String? {
            index = start
            return word()
        }

        mutating func word() -> String? {
            let start = index
            while let character = peek, character.isLetter || (index > start && (character == "_" || character == "-")) { index += 1 }
            return index > start ? String(characters[start..<index]) : nil
        }

        /// A decimal number with optional `_` grouping and exponent.
        mutating func number() -> Result<Double, LiteralError> {
            let start = index
            var digits = ""
            var sawDigit = false
            while let character = peek {
                if character.isASCII, character.isNumber {
                    digits.append(character)
                    sawDigit = true
                } else if character == "_", sawDigit, index + 1 < characters.count, characters[index + 1].isNumber {
                    // grouping: 1_200_000
                } else if character == ".", !digits.contains(".") {
                    digits.append(character)
                } else if character == ",", sawDigit, index + 1 < characters.count, characters[index + 1].isNumber {
                    return .failure(LiteralError(message: "commas are not allowed in numbers", offset: index, length: 1,
                                                 hint: "group digits with underscores: 1_200_000"))
                } else if (character == "e" || character == "E"), sawDigit, index + 1 < characters.count,
                          characters[index + 1].isNumber || characters[index + 1] == "-" {
                    digits.append("e")
                    index += 1
                    if peek == "-" { digits.append("-"); index += 1 }
                    continue
                } else {
                    break
                }
                index += 1
            }
            guard sawDigit, let value = Double(digits) else {
                let length = max(index - start, 1)
                return .failure(LiteralError(message: start < characters.count ? "'\(String(characters[start..<min(start + length, characters.count)]))' is not a number" : "a number is missing",
                                             offset: start, length: length,
                                             hint: "write numbers like 120_000, 6.50, 8% or $6.50"))
            }
            return .success(value)
        }

        func trailing() -> LiteralError {
            LiteralError(message: "unexpected '\(String(characters[index...]))' after the value", offset: index,
                         length: characters.count - index, hint: "write one quantity, such as 120_000 contacts, 70%, $6.50/call or 12 min")
        }
    }
}
