import PlaybookFinance

/// How a locale writes numbers and money: separators and where the currency symbol goes.
/// A small built-in table (CLDR's choices for the common business locales) keeps output the
/// same on every machine, whatever the system's ICU version.
public struct NumberStyle: Sendable, Equatable {
    /// Between groups of three digits.
    public var grouping: String
    /// Before the decimals.
    public var decimal: String
    /// Whether the currency symbol follows the amount (`1.234,56 €`) rather than leads it (`$1,234.56`).
    public var symbolAfter: Bool
    /// Whether a space goes between the number and `%`.
    public var spaceBeforePercent: Bool

    /// The style for a BCP 47 locale such as `en-US`, `de-DE` or `fr`.
    public static func forLocale(_ locale: String) -> NumberStyle {
        let language = locale.split(separator: "-").first.map { $0.lowercased() } ?? "en"
        let nbsp = "\u{00A0}"
        switch language {
        case "de", "es", "it", "nl", "pt", "da", "id", "tr", "el":
            return NumberStyle(grouping: locale.hasSuffix("-CH") ? "’" : ".", decimal: ",", symbolAfter: true,
                               spaceBeforePercent: language != "nl" && language != "tr")
        case "fr", "sv", "nb", "no", "fi", "cs", "pl", "ru", "sk", "uk", "hu":
            return NumberStyle(grouping: "\u{202F}", decimal: ",", symbolAfter: true, spaceBeforePercent: true)
        case "en" where locale.hasSuffix("-ZA"):
            return NumberStyle(grouping: nbsp, decimal: ",", symbolAfter: false, spaceBeforePercent: false)
        default:
            return NumberStyle(grouping: ",", decimal: ".", symbolAfter: false, spaceBeforePercent: false)
        }
    }

    /// `value` with `decimals` decimal places (rounded half away from zero on its decimal digits,
    /// by ``DecimalRounding``, the rule every figure follows) and grouping.
    /// `shift` formats `value` × 10^shift (2 for a percentage) without multiplying.
    public func format(_ value: Double, decimals: Int, shift: Int = 0) -> String {
        guard let rounded = DecimalRounding.digits(value, places: max(decimals, 0), shift: shift) else {
            return value.isNaN ? "n/a" : (value > 0 ? "∞" : "−∞")
        }
        var digits = rounded.integer
        var grouped = ""
        while digits.count > 3 {
            grouped = grouping + String(digits.suffix(3)) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        if !rounded.fraction.isEmpty { grouped += decimal + rounded.fraction }
        return (rounded.negative ? "−" : "") + grouped
    }
}

