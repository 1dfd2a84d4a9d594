/// Currencies: ISO codes, the symbols authors write, and how many decimals they show.
public enum Currency {
    /// The symbol a literal may start with, and the currencies it can stand for.
    static let symbols: [Character: [String]] = [
        "$": ["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"],
        "€": ["EUR"], "£": ["GBP"], "¥": ["JPY", "CNY"], "₹": ["INR"], "₩": ["KRW"],
    ]

    /// The symbol shown for a currency in a locale: `$` for USD in en-US, `CA$` for CAD, `€` …
    public static func symbol(for code: String, locale: String) -> String {
        switch code {
        case "USD": return locale.hasSuffix("-US") || locale == "en" || locale.hasPrefix("es-US") ? "$" : "US$"
        case "CAD": return locale.hasSuffix("-CA") ? "$" : "CA$"
        case "AUD": return locale.hasSuffix("-AU") ? "$" : "A$"
        case "NZD": return locale.hasSuffix("-NZ") ? "$" : "NZ$"
        case "EUR": return "€"
        case "GBP": return "£"
        case "JPY": return "¥"
        case "CNY": return "CN¥"
        case "INR": return "₹"
        case "KRW": return "₩"
        case "CHF": return "CHF"
        default: return code
        }
    }

    /// Decimal places a currency shows.
    public static func decimals(for code: String) -> Int {
        ["JPY", "KRW", "CLP", "ISK", "VND"].contains(code) ? 0 : 2
    }

    /// Whether a code is an ISO 4217 code in form (three capital letters).
    public static func isCode(_ text: String) -> Bool {
        text.count == 3 && text.allSatisfy { $0.isASCII && $0.isUppercase }
    }
}
