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

    /// `value` with `decimals` decimal places (rounded half away from zero) and grouping.
    public func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "−∞") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let negative = value < 0 && scaled != 0
        let integerPart = (scaled / scale).rounded(.down)
        let fraction = max(scaled - integerPart * scale, 0)
        var digits = Self.digits(integerPart)
        var grouped = ""
        while digits.count > 3 {
            grouped = grouping + String(digits.suffix(3)) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        if decimals > 0 {
            var fractionDigits = Self.digits(fraction)
            while fractionDigits.count < decimals { fractionDigits = "0" + fractionDigits }
            grouped += decimal + fractionDigits
        }
        return (negative ? "−" : "") + grouped
    }

    /// The decimal digits of a whole, non-negative number.
    private static func digits(_ whole: Double) -> String {
        whole < 9e18 ? String(Int64(whole)) : String(format: "%.0f", whole)
    }
}

import Foundation
