import PlaybookCore
import PlaybookScenario

/// A value tag's format, written after a bar: `{{ npv | money: 0 }}`.
///
/// | format | what it shows |
/// | --- | --- |
/// | `number`, `number: N` | the figure as the report shows it, without its unit: `1,620`, `−52,681` for money, `40.5` for 40.5%, `15.6` for 15.6 months; N decimals |
/// | `percent`, `percent: N` | a share (a percentage or a plain number) as a percentage: `0.405` → `40.5%`; 1 decimal unless N; anything else is an error |
/// | `money`, `money: N` | an amount of money (or money per unit, `$6.50/call`) with the currency as the report writes it; N decimals; anything else is an error |
/// | `words` | a whole number from zero to ninety-nine spelled in English with its unit (`three years`, `one call`, `twelve`); otherwise, and in a scenario whose locale is not English, the tag's usual text |
///
/// A figure without a value (no IRR, payback not within the horizon) shows what the tag shows
/// without a format (`—`, `not within the horizon`).
enum ValueFormat: Equatable {
    case number(Int?), percent(Int?), money(Int?), words

    /// The names of the formats, for messages.
    static let names = ["number", "percent", "money", "words"]

    /// A problem with a format: what and how to fix it.
    struct Problem: Error, Equatable {
        var message: String
        var hint: String?
    }

    /// Reads `number`, `percent: 1` ….
    static func parse(_ text: String) -> Result<ValueFormat, Problem> {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0]).trimmedBlanks
        let argument = parts.count > 1 ? String(parts[1]).trimmedBlanks : nil
        guard names.contains(name) else {
            return .failure(Problem(message: name.isEmpty ? "a format is missing after '|'" : "there is no format '\(name)'",
                                    hint: NearestName.hint(for: name, among: names) ?? "the formats are number, percent, money and words"))
        }
        if name == "words" {
            guard argument == nil else { return .failure(Problem(message: "the format 'words' takes no argument", hint: "write '| words'")) }
            return .success(.words)
        }
        var decimals: Int?
        if let argument {
            guard let value = Int(argument), (0...6).contains(value), argument.allSatisfy(\.isASCII) else {
                return .failure(Problem(message: "'\(argument)' is not a number of decimals",
                                        hint: "write a whole number from 0 to 6, as in '| \(name): 1'"))
            }
            decimals = value
        }
        switch name {
        case "number": return .success(.number(decimals))
        case "percent": return .success(.percent(decimals))
        default: return .success(.money(decimals))
        }
    }

    /// The text of `figure` (named `name`) in this format; `usual` is what the tag shows
    /// without a format.
    func apply(to figure: FigureValue, name: String, usual: String, formatter: ValueFormatter, english: Bool) -> Result<String, Problem> {
        let unit: Unit
        let value: Double?
        var decimals: Int?
        switch figure {
        case .text:
            return .failure(Problem(message: "'\(name)' is text; formats apply to figures", hint: "write {{ \(name) }}"))
        case .fact:
            return .failure(Problem(message: "'\(name)' is a fact, not a figure", hint: "use it in a condition: {{ if \(name) }}…{{ end }}"))
        case .quantity(let quantity, let shownDecimals):
            unit = quantity.unit
            value = quantity.value
            decimals = shownDecimals
        case .missing(let missingUnit, _):
            unit = missingUnit
            value = nil
        }
        switch self {
        case .number(let places):
            guard let value else { return .success(usual) }
            let style = formatter.style
            if unit.isMoney {
                return .success(style.format(value, decimals: places ?? decimals ?? (abs(value) < 10_000 ? formatter.currencyDecimals : 0)))
            }
            if unit.isPercent, unit.isDimensionless {
                return .success(style.format(value, decimals: places ?? decimals ?? 1, shift: 2))
            }
            if unit.money == 1 { return .success(style.format(unit.shown(value), decimals: places ?? decimals ?? formatter.currencyDecimals)) }
            let isCount = unit.money == 0 && unit.count == 1 && unit.time == 0
            let shown = unit.time == 1 && unit.count == 0 && unit.money == 0 ? value / unit.shownTimeUnit.seconds : unit.shown(value)
            return .success(formatter.plain(shown, decimals: places ?? decimals ?? (isCount && abs(shown) >= 100 ? 0 : nil)))
        case .percent(let places):
            guard unit.isDimensionless else {
                return .failure(Problem(message: "'\(name)' is \(ConditionEvaluator.describe(unit)), not a share",
                                        hint: "'| percent' shows a share such as roi as a percentage; use '| number'" + (unit.money == 1 ? " or '| money'" : "")))
            }
            guard let value else { return .success(usual) }
            return .success(formatter.format(value, .percent, decimals: places ?? (unit.isPercent ? decimals : nil) ?? 1))
        case .money(let places):
            guard unit.money == 1, unit.count <= 0 else {
                return .failure(Problem(message: "'\(name)' is \(ConditionEvaluator.describe(unit)), not money",
                                        hint: "'| money' shows an amount of money; use '| number'" + (unit.isDimensionless ? " or '| percent'" : "")))
            }
            guard let value else { return .success(usual) }
            return .success(formatter.format(value, unit, decimals: places ?? decimals))
        case .words:
            guard english, let value else { return .success(usual) }
            let isPlain = unit.isDimensionless && !unit.isPercent
            let isCount = unit.money == 0 && unit.count == 1 && unit.time == 0
            let isDuration = unit.money == 0 && unit.count == 0 && unit.time == 1
            guard isPlain || isCount || isDuration else { return .success(usual) }
            let number = isDuration ? value / unit.shownTimeUnit.seconds : value
            let whole = number.rounded()
            guard abs(number - whole) <= 1e-9 * max(1, abs(number)), whole >= 0, whole <= 99 else { return .success(usual) }
            let count = Int(whole)
            let spelled = Self.spell(count)
            if isDuration {
                let time = unit.shownTimeUnit
                return .success(spelled + " " + (count == 1 ? time.singular : time.singular + "s"))
            }
            if isCount, let noun = unit.noun {
                return .success(spelled + " " + (count == 1 ? QuantityLiteral.singular(noun) : noun))
            }
            return .success(spelled)
        }
    }

    private static let ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                               "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    private static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    /// 0 to 99 in English words: `seven`, `forty-two`.
    static func spell(_ number: Int) -> String {
        if number < 20 { return ones[number] }
        let ten = tens[number / 10]
        return number % 10 == 0 ? ten : ten + "-" + ones[number % 10]
    }
}

extension String {
    /// The text without the spaces and tabs around it.
    var trimmedBlanks: String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(drop(while: blank).reversed().drop(while: blank).reversed())
    }
}
