import PlaybookFinance

/// Formats scenario values for people: `$136,500`, `8.0%`, `42 min`, `1,008,000 calls`,
/// `$6.50/call`, `$1.00/min`, by the value's unit and the scenario's locale and currency.
public struct ValueFormatter: Sendable {
    /// The locale's number style.
    public var style: NumberStyle
    /// The currency symbol.
    public var symbol: String
    /// The currency's usual decimals.
    public var currencyDecimals: Int

    /// A formatter for a currency in a locale.
    public init(currency: String, locale: String) {
        style = NumberStyle.forLocale(locale)
        symbol = Currency.symbol(for: currency, locale: locale)
        currencyDecimals = Currency.decimals(for: currency)
    }

    /// The text of `value` in `unit`; `decimals` overrides the usual precision.
    public func format(_ value: Double, _ unit: Unit, decimals: Int? = nil) -> String {
        if unit.isMoney {
            return money(value, decimals: decimals ?? (abs(value) < 10_000 ? currencyDecimals : 0))
        }
        if unit.isDimensionless {
            if unit.isPercent {
                return style.format(value, decimals: decimals ?? 1, shift: 2) + (style.spaceBeforePercent ? "\u{00A0}%" : "%")
            }
            return plain(value, decimals: decimals)
        }
        if unit.money == 0, unit.count == 1, unit.time == 0 {
            // Counts of a hundred or more show as whole numbers (people, calls and orders come whole).
            let number = plain(value, decimals: decimals ?? (abs(value) >= 100 ? 0 : nil))
            // "1 conversion", "2 conversions": the noun as written, singular for exactly one.
            return unit.noun.map { "\(number) \(number == "1" ? QuantityLiteral.singular($0) : $0)" } ?? number
        }
        if unit.money == 0, unit.count == 0, unit.time == 1 {
            let time = unit.shownTimeUnit
            return plain(value / time.seconds, decimals: decimals) + " " + time.symbol
        }
        if unit.money == 1, unit.count == -1, unit.time == 0 {
            return money(value, decimals: decimals ?? currencyDecimals) + "/" + (unit.noun.map(QuantityLiteral.singular) ?? "unit")
        }
        if unit.money == 0, unit.count == -1, unit.time == 1 {
            let time = unit.shownTimeUnit
            return plain(value / time.seconds, decimals: decimals) + " " + time.symbol + "/" + (unit.noun.map(QuantityLiteral.singular) ?? "unit")
        }
        if unit.money == 1, unit.count == 0, unit.time == -1 {
            let time = unit.shownTimeUnit
            return money(value * time.seconds, decimals: decimals ?? currencyDecimals) + "/" + time.perSymbol
        }
        if unit.money == 0, unit.count == 1, unit.time == -1 {
            let time = unit.shownTimeUnit
            return plain(value * time.seconds, decimals: decimals) + (unit.noun.map { " \($0)" } ?? "") + " per " + time.singular
        }
        return plain(value, decimals: decimals) + " (\(unit))"
    }

    /// Money: `$136,500`, `−$1,250.00`, `1.234,56 €`.
    public func money(_ value: Double, decimals: Int) -> String {
        let number = style.format(abs(value), decimals: decimals)
        let sign = value < 0 && (value.isInfinite || number.contains(where: { $0.isNumber && $0 != "0" })) ? "−" : ""
        return style.symbolAfter ? "\(sign)\(number)\u{00A0}\(symbol)" : "\(sign)\(symbol)\(number)"
    }

    /// A plain number: grouping, and up to three decimals when it has any (`2.4`, `0.875`,
    /// `80,640`); numbers of a thousand or more show two at most.
    public func plain(_ value: Double, decimals: Int? = nil) -> String {
        if let decimals { return style.format(value, decimals: decimals) }
        let most = abs(value) >= 1_000 ? 2 : 3
        for places in 0..<most {
            var scale = 1.0
            for _ in 0..<places { scale *= 10 }
            let scaled = value * scale
            if abs(scaled - scaled.rounded()) < 1e-9 * max(1, abs(scaled)) { return style.format(value, decimals: places) }
        }
        return style.format(value, decimals: most)
    }

    /// A number as a program reads it: no grouping, a `.` for decimals, up to 15 significant
    /// digits (`354816`, `0.08`, `482199.529676934`), as in `playbook calc --format json`.
    public static func raw(_ value: Double) -> String {
        JSONValue.number(value)
    }

    /// A payback period: `15.6 months`, `immediate (nothing to pay back)` when the cumulative
    /// net cash flow is never below zero, or `not within the horizon`.
    public func payback(_ period: PaybackPeriod) -> String {
        switch period {
        case .months(let value): return months(value)
        case .immediate: return "immediate (nothing to pay back)"
        case .notWithinHorizon: return months(nil)
        }
    }

    /// A number of months: `15.6 months`.
    public func months(_ value: Double?) -> String {
        guard let value else { return "not within the horizon" }
        return style.format(value, decimals: 1) + " months"
    }
}
