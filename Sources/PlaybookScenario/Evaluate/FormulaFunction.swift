import PlaybookFinance

/// The functions formulas can call, with the units they take and give.
public enum FormulaFunction: String, CaseIterable, Sendable {
    /// `min(a, b, …)`: the smallest.
    case min
    /// `max(a, b, …)`: the largest.
    case max
    /// `abs(x)`.
    case abs
    /// `round(x)` or `round(x, digits)`.
    case round
    /// `floor(x)`.
    case floor
    /// `ceil(x)`.
    case ceil
    /// `clamp(x, low, high)`.
    case clamp
    /// `pow(x, n)` for plain numbers and percentages.
    case pow
    /// `sqrt(x)` for plain numbers.
    case sqrt
    /// `clv(margin, retention, rate)`: lifetime value, margin at the end of each period.
    case clv
    /// `clv_start(margin, retention, rate)`: lifetime value, margin at the start of each period.
    case clv_start
    /// `pv(rate, periods, amount)`: the present value of `amount` every period for `periods` periods.
    case pv

    /// How the function is written, for messages.
    var signature: String {
        switch self {
        case .min, .max: return "\(rawValue)(a, b, …)"
        case .abs, .floor, .ceil, .sqrt: return "\(rawValue)(x)"
        case .round: return "round(x) or round(x, digits)"
        case .clamp: return "clamp(x, low, high)"
        case .pow: return "pow(x, n)"
        case .clv, .clv_start: return "\(rawValue)(margin, retention, rate)"
        case .pv: return "pv(rate, periods, amount)"
        }
    }

    /// The argument counts it accepts.
    var arity: ClosedRange<Int> {
        switch self {
        case .min, .max: return 1...64
        case .abs, .floor, .ceil, .sqrt: return 1...1
        case .round: return 1...2
        case .clamp, .clv, .clv_start, .pv: return 3...3
        case .pow: return 2...2
        }
    }

    /// The digits `round(x, digits)` accepts: whole numbers from −15 (round to the nearest
    /// 10^15) to 15 decimals (``DecimalRounding/maximumPlaces``).
    static let roundDigits = -DecimalRounding.maximumPlaces...DecimalRounding.maximumPlaces

    /// Why a call has no value, for the diagnostic at the call (`nil` when the function's only
    /// way to fail is a result too large).
    var domainHint: String? {
        switch self {
        case .round: return "the digits of round must be a whole number from \(Self.roundDigits.lowerBound) to \(Self.roundDigits.upperBound)"
        case .sqrt: return "sqrt needs a number of 0 or more"
        case .pow: return "a negative number cannot be raised to a fractional power, and the result must stay below 1.8e308"
        case .clv, .clv_start: return "the lifetime value has no limit when the retention is at least 1 + the rate, or when it is above 1.8e308"
        case .pv: return "pv needs a rate above −100% and a number of periods of 0 or more; its result must stay below 1.8e308"
        case .min, .max, .abs, .floor, .ceil, .clamp: return nil
        }
    }

    /// Applies the function to argument values (`nil` when the result is undefined, such as
    /// the lifetime value at a retention of 100% or more than the discount rate allows, or
    /// digits of `round` that are not a whole number in ``roundDigits``). The caller refuses
    /// a result that is not finite.
    func apply(_ arguments: UnsafeBufferPointer<Double>) -> Double? {
        switch self {
        case .min: return arguments.min()
        case .max: return arguments.max()
        case .abs: return Swift.abs(arguments[0])
        case .round:
            var places = 0
            if arguments.count > 1 {
                let digits = arguments[1]
                // Checked as a Double first, so that no value can trap the conversion to Int.
                guard digits.rounded() == digits, digits >= Double(Self.roundDigits.lowerBound),
                      digits <= Double(Self.roundDigits.upperBound) else { return nil }
                places = Int(digits)
            }
            return DecimalRounding.round(arguments[0], places: places)
        case .floor: return arguments[0].rounded(.down)
        case .ceil: return arguments[0].rounded(.up)
        case .clamp: return Swift.min(Swift.max(arguments[0], arguments[1]), arguments[2])
        case .pow:
            let result = Foundation.pow(arguments[0], arguments[1])
            return result.isFinite ? result : nil
        case .sqrt: return arguments[0] >= 0 ? arguments[0].squareRoot() : nil
        case .clv: return CustomerLifetimeValue.discounted(margin: arguments[0], retention: arguments[1], rate: arguments[2])
        case .clv_start:
            return CustomerLifetimeValue.discounted(margin: arguments[0], retention: arguments[1], rate: arguments[2], timing: .startOfPeriod)
        case .pv:
            let rate = arguments[0], periods = arguments[1], amount = arguments[2]
            guard periods >= 0, rate > -1 else { return nil }
            if rate == 0 { return amount * periods }
            return amount * (1 - Foundation.pow(1 + rate, -periods)) / rate
        }
    }
}

import Foundation
