/// The unit of a quantity: powers of money, counts and time, plus how to show it.
///
/// Arithmetic checks units the way physics checks dimensions: `+` and `−` need the same
/// powers; `×` and `÷` add and subtract them. So `$6.50 × 8%` is money, `calls × $/call` is
/// money, and `$6.50 + 8%` is an error rather than a wrong number.
public struct Unit: Sendable, Hashable, CustomStringConvertible {
    /// The power of money (1 for `$6.50`, −1 for "per dollar").
    public var money: Int
    /// The power of counts (1 for `120_000 contacts`, −1 in `$6.50/call`).
    public var count: Int
    /// The power of time (1 for `12 min`, −1 in "per month").
    public var time: Int
    /// For a unit without dimensions: show it as a percentage.
    public var isPercent: Bool
    /// What is counted (`contacts`), for display only.
    public var noun: String?
    /// The time unit to show durations in.
    public var timeUnit: TimeUnit?

    /// Creates a unit.
    public init(money: Int = 0, count: Int = 0, time: Int = 0, isPercent: Bool = false, noun: String? = nil,
                timeUnit: TimeUnit? = nil) {
        self.money = money
        self.count = count
        self.time = time
        self.isPercent = isPercent
        self.noun = noun
        self.timeUnit = timeUnit
    }

    /// A plain number.
    public static let number = Unit()
    /// A percentage (a number shown ×100 with `%`).
    public static let percent = Unit(isPercent: true)
    /// Money in the scenario's currency.
    public static let money = Unit(money: 1)
    /// A count.
    public static func count(_ noun: String? = nil) -> Unit { Unit(count: 1, noun: noun) }
    /// A duration shown in `unit`.
    public static func duration(_ unit: TimeUnit) -> Unit { Unit(time: 1, timeUnit: unit) }

    /// Whether two units can be added: the same powers (display hints may differ).
    public func sameDimension(as other: Unit) -> Bool {
        money == other.money && count == other.count && time == other.time
    }

    /// Whether the unit has no dimensions (a number or a percentage).
    public var isDimensionless: Bool { money == 0 && count == 0 && time == 0 }

    /// Whether the unit is plain money.
    public var isMoney: Bool { money == 1 && count == 0 && time == 0 }

    /// The unit of a product.
    public func times(_ other: Unit) -> Unit {
        var result = Unit(money: money + other.money, count: count + other.count, time: time + other.time)
        if result.isDimensionless {
            result.isPercent = (isPercent || other.isPercent) && (isDimensionless && other.isDimensionless)
        }
        result.noun = count != 0 ? noun : other.noun
        result.timeUnit = time != 0 ? timeUnit : other.timeUnit
        return result
    }

    /// The unit of a quotient.
    public func dividedBy(_ other: Unit) -> Unit {
        var result = Unit(money: money - other.money, count: count - other.count, time: time - other.time)
        if result.isDimensionless {
            // A share of like quantities (money / money, calls / calls) reads as a percentage.
            result.isPercent = (isPercent && other.isDimensionless && !other.isPercent) || (!isDimensionless && sameDimension(as: other))
        }
        result.noun = count != 0 ? noun : other.noun
        result.timeUnit = time != 0 ? timeUnit : other.timeUnit
        return result
    }

    /// The unit of a sum of `self` and `other` (which must have the same dimension).
    public func plus(_ other: Unit) -> Unit {
        var result = self
        result.isPercent = isPercent || other.isPercent
        result.noun = noun ?? other.noun
        result.timeUnit = timeUnit ?? other.timeUnit
        return result
    }

    /// The time unit values of this unit are shown in: the one the scenario wrote, otherwise
    /// minutes (months for a count per time, such as calls a month).
    public var shownTimeUnit: TimeUnit {
        timeUnit ?? (money == 0 && count == 1 && time == -1 ? .month : .minute)
    }

    /// `value` (in base units: seconds, per second) in ``shownTimeUnit``: 0.000173 calls per
    /// second is 455 calls per month, 0.0108333 USD per second is 39 USD per hour.
    public func shown(_ value: Double) -> Double {
        let seconds = shownTimeUnit.seconds
        var result = value
        for _ in 0..<Swift.abs(time) { result = time > 0 ? result / seconds : result * seconds }
        return result
    }

    /// A description for messages: "money", "a percentage", "money per count".
    public var description: String {
        if isDimensionless { return isPercent ? "a percentage" : "a plain number" }
        var numerator: [String] = []
        var denominator: [String] = []
        func add(_ name: String, _ power: Int) {
            if power > 0 { numerator.append(power == 1 ? name : "\(name)^\(power)") }
            if power < 0 { denominator.append(power == -1 ? name : "\(name)^\(-power)") }
        }
        add("money", money)
        add(count > 0 ? "count" : (noun.map { "\($0)" } ?? "count"), count)
        add(time < 0 ? (timeUnit?.singular ?? "time") : "time", time)
        let top = numerator.isEmpty ? "1" : numerator.joined(separator: " × ")
        return denominator.isEmpty ? top : "\(top) per \(denominator.joined(separator: " × "))"
    }
}

/// Time units, with their length in seconds.
public enum TimeUnit: String, Sendable, Hashable, CaseIterable {
    /// Seconds.
    case second
    /// Minutes.
    case minute
    /// Hours.
    case hour
    /// Days.
    case day
    /// Weeks.
    case week
    /// Months (a twelfth of a year).
    case month
    /// Years (365 days).
    case year

    /// Seconds in one of this unit.
    public var seconds: Double {
        switch self {
        case .second: return 1
        case .minute: return 60
        case .hour: return 3_600
        case .day: return 86_400
        case .week: return 604_800
        case .month: return 31_536_000 / 12
        case .year: return 31_536_000
        }
    }

    /// The short name used when printing (`min`, `h`, `days`).
    public var symbol: String {
        switch self {
        case .second: return "s"
        case .minute: return "min"
        case .hour: return "h"
        case .day: return "days"
        case .week: return "weeks"
        case .month: return "months"
        case .year: return "years"
        }
    }

    /// The short name after a `/` and in machine-readable unit codes (`min`, `h`, `day`, `month`):
    /// `$11,375.00/month`, `USD/h`, `count/month`.
    public var perSymbol: String {
        switch self {
        case .second: return "s"
        case .minute: return "min"
        case .hour: return "h"
        case .day: return "day"
        case .week: return "week"
        case .month: return "month"
        case .year: return "year"
        }
    }

    /// The singular name (`minute`).
    public var singular: String { rawValue }

    /// The unit a word names: `min`, `minutes`, `h`, `hrs`, `day`, `weeks`, `yr` …
    public static func named(_ word: String) -> TimeUnit? {
        switch word.lowercased() {
        case "s", "sec", "secs", "second", "seconds": return .second
        case "min", "mins", "minute", "minutes": return .minute
        case "h", "hr", "hrs", "hour", "hours": return .hour
        case "d", "day", "days": return .day
        case "wk", "wks", "week", "weeks": return .week
        case "mo", "month", "months": return .month
        case "y", "yr", "yrs", "year", "years": return .year
        default: return nil
        }
    }
}

/// A number with its unit. Money is in the scenario's currency, durations in seconds.
public struct Quantity: Sendable, Hashable {
    /// The value in base units (currency units, seconds, a fraction for percentages).
    public var value: Double
    /// The unit.
    public var unit: Unit

    /// Creates a quantity.
    public init(_ value: Double, _ unit: Unit) {
        self.value = value
        self.unit = unit
    }
}
