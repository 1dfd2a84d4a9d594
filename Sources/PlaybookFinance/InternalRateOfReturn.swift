#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an internal rate of return cannot be found.
public enum RateOfReturnError: Error, Equatable, Sendable {
    /// The flows never change sign, so no rate makes their NPV zero.
    case noSignChange
    /// No rate between -99.99% and 1,000,000% was found (Excel's `#NUM!`).
    case didNotConverge
}

/// IRR and XIRR, as Excel computes them: Newton's method from a guess, with a bracketing
/// search when Newton's method does not settle.
public enum InternalRateOfReturn {
    /// Excel's `IRR(values, guess)`: the rate at which `NPV` of `values[1...]` plus `values[0]`
    /// (undiscounted) is zero.
    ///
    /// Microsoft's examples: IRR of −70,000, 12,000, 15,000, 18,000, 21,000, 26,000 is 8.66%;
    /// of the first five, −2.12%; of the first three with guess −10%, −44.35%.
    public static func irr(_ values: [Double], guess: Double = 0.1) throws -> Double {
        guard values.contains(where: { $0 > 0 }), values.contains(where: { $0 < 0 }) else {
            throw RateOfReturnError.noSignChange
        }
        func npv(_ rate: Double) -> Double {
            var total = 0.0
            var factor = 1.0
            for value in values {
                total += value * factor
                factor /= 1 + rate
            }
            return total
        }
        func derivative(_ rate: Double) -> Double {
            var total = 0.0
            for (period, value) in values.enumerated() where period > 0 {
                total -= Double(period) * value / pow(1 + rate, Double(period + 1))
            }
            return total
        }
        return try solve(npv: npv, derivative: derivative, guess: guess)
    }

    /// Excel's `XIRR(values, dates, guess)`: the rate at which `XNPV` is zero. Dates are days.
    public static func xirr(_ flows: [(day: Int, amount: Double)], guess: Double = 0.1) throws -> Double {
        guard flows.contains(where: { $0.amount > 0 }), flows.contains(where: { $0.amount < 0 }),
              let base = flows.first?.day else {
            throw RateOfReturnError.noSignChange
        }
        func npv(_ rate: Double) -> Double {
            flows.reduce(0) { $0 + $1.amount / pow(1 + rate, Double($1.day - base) / 365) }
        }
        func derivative(_ rate: Double) -> Double {
            flows.reduce(0) { total, flow in
                let years = Double(flow.day - base) / 365
                return total - years * flow.amount / pow(1 + rate, years + 1)
            }
        }
        return try solve(npv: npv, derivative: derivative, guess: guess)
    }

    // MARK: - Solving

    static let tolerance = 1e-10
    static let lowest = -0.9999
    /// 1,000,000%: no rate above it is an answer. With nothing at time 0, the NPV of any flows
    /// tends to zero as the rate grows, so Newton's method could otherwise "converge" on an
    /// absurd rate (6.5e16 for 0, −5.59m, −2.32m, 3.11m, whose IRR is −43.3%).
    static let highest = 10_000.0

    private static func solve(npv: (Double) -> Double, derivative: (Double) -> Double, guess: Double) throws -> Double {
        // Newton's method, as Excel does, from the guess.
        var rate = guess
        for _ in 0..<100 {
            let value = npv(rate)
            if abs(value) < tolerance { return rate }
            let slope = derivative(rate)
            guard slope != 0, slope.isFinite else { break }
            let next = rate - value / slope
            guard next.isFinite, next > lowest, next <= highest else { break }
            if abs(next - rate) < 1e-12 { return next }
            rate = next
        }
        // Newton did not settle: find a sign change near the guess and bisect it.
        var low = max(guess, lowest), high = max(guess, lowest)
        var step = 0.05
        for _ in 0..<400 {
            low = max(low - step, lowest)
            high = min(high + step, highest)
            step *= 1.2
            if npv(low).sign != npv(high).sign { break }
        }
        guard npv(low).sign != npv(high).sign else { throw RateOfReturnError.didNotConverge }
        for _ in 0..<300 {
            let middle = (low + high) / 2
            let value = npv(middle)
            if abs(value) < tolerance || (high - low) < 1e-14 { return middle }
            if value.sign == npv(low).sign { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}
