/// Discounting: net present value (Excel's semantics and with a time-0 outlay), present value
/// of a series, and XNPV for dated flows.
public enum CashFlows {
    /// Excel's `NPV(rate, value1, …)`: every value is discounted, the first by one period.
    ///
    /// `npv(rate: 0.1, [-10_000, 3_000, 4_200, 6_800])` is 1,188.44 (Microsoft's example).
    public static func npv(rate: Double, _ values: [Double]) -> Double {
        var total = 0.0
        var factor = 1.0
        for value in values {
            factor /= 1 + rate
            total += value * factor
        }
        return total
    }

    /// NPV with an outlay at time 0, which is not discounted: `initial + NPV(rate, flows)`.
    public static func npv(rate: Double, initial: Double, _ flows: [Double]) -> Double {
        initial + npv(rate: rate, flows)
    }

    /// The present value of each flow, the first at period `firstPeriod` (0 = now, undiscounted).
    public static func presentValues(rate: Double, _ flows: [Double], firstPeriod: Int = 1) -> [Double] {
        flows.enumerated().map { index, flow in flow / power(1 + rate, firstPeriod + index) }
    }

    /// The present value of a series whose first flow falls at `firstPeriod`.
    public static func presentValue(rate: Double, _ flows: [Double], firstPeriod: Int = 1) -> Double {
        presentValues(rate: rate, flows, firstPeriod: firstPeriod).reduce(0, +)
    }

    /// Excel's `XNPV(rate, values, dates)`: each flow discounted by (days since the first date) / 365.
    /// Dates are days (for example days since 1970); the first date is the base.
    public static func xnpv(rate: Double, _ flows: [(day: Int, amount: Double)]) -> Double {
        guard let base = flows.first?.day else { return 0 }
        return flows.reduce(0) { total, flow in
            total + flow.amount / pow(1 + rate, Double(flow.day - base) / 365)
        }
    }

    /// `base` raised to a whole power, by repeated multiplication (exact for the small powers
    /// of a business case, and the same on every machine).
    static func power(_ base: Double, _ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= base }
        return exponent < 0 ? 1 / result : result
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
