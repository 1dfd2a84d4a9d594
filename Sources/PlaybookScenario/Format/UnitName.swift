extension Unit {
    /// The unit as a reader names it in a table of assumptions: `USD`, `%`, `contacts`,
    /// `min`, `USD/call`, `min/interaction`, `USD/h`, `answers per month`, `number`.
    public func name(currency: String) -> String {
        let noun = self.noun.map(QuantityLiteral.singular) ?? "unit"
        let time = timeUnit ?? .minute
        switch (money, count, time: self.time) {
        case (0, 0, 0): return isPercent ? "%" : "number"
        case (1, 0, 0): return currency
        case (0, 1, 0): return self.noun ?? "count"
        case (0, 0, 1): return time.symbol
        case (1, -1, 0): return "\(currency)/\(noun)"
        case (0, -1, 1): return "\(time.symbol)/\(noun)"
        case (1, 0, -1): return "\(currency)/\(time.perSymbol)"
        case (0, 1, -1): return "\(self.noun ?? "count") per \((timeUnit ?? .month).singular)"
        default: return description
        }
    }
}
