/// How long a business case takes to pay back what it spends.
public enum PaybackPeriod: Sendable, Equatable {
    /// The cumulative net cash flow is never below zero: there is no outlay to recover (no
    /// costs, or benefits that arrive ahead of the costs from the start).
    case immediate
    /// The cumulative net cash flow, having fallen below zero, is back at zero after this many months.
    case months(Double)
    /// The cumulative net cash flow is still below zero at the end of the horizon.
    case notWithinHorizon

    /// The months, when there is a payback figure.
    public var months: Double? {
        if case .months(let value) = self { return value }
        return nil
    }
}

/// Payback: how long until the cumulative net cash flow, once below zero, is back at zero.
public enum Payback {
    /// The payback period of `initial` (at time 0) and the yearly `flows`, with cash assumed to
    /// arrive evenly through each year (so the month is interpolated). The clock starts at time 0,
    /// whether the first negative cumulative is the initial outlay or a later year's loss:
    /// costs yearly $100,000 and benefits [$50,000, $250,000] pay back after 16.0 months.
    public static func period(initial: Double, yearly flows: [Double]) -> PaybackPeriod {
        var cumulative = initial
        var wentNegative = cumulative < 0
        for (index, flow) in flows.enumerated() {
            let next = cumulative + flow
            if cumulative < 0, next >= 0, flow > 0 {
                return .months(12 * (Double(index) + (-cumulative) / flow))
            }
            if next < 0 { wentNegative = true }
            cumulative = next
        }
        return wentNegative ? .notWithinHorizon : .immediate
    }

    /// Discounted payback: the same on flows discounted at `rate` (year n by (1 + rate)^n).
    public static func discountedPeriod(initial: Double, yearly flows: [Double], rate: Double) -> PaybackPeriod {
        period(initial: initial, yearly: CashFlows.presentValues(rate: rate, flows))
    }

    /// The months of ``period(initial:yearly:)``; `nil` when there is no payback figure.
    public static func months(initial: Double, yearly flows: [Double]) -> Double? {
        period(initial: initial, yearly: flows).months
    }
}

/// Return on investment, simple and on present values.
public enum ReturnOnInvestment {
    /// `(benefits − costs) / costs`; `nil` when there are no costs.
    public static func simple(benefits: Double, costs: Double) -> Double? {
        costs == 0 ? nil : (benefits - costs) / costs
    }

    /// ROI on present values, as TEI studies report it: `NPV / PV(costs)`.
    public static func onPresentValues(presentBenefits: Double, presentCosts: Double) -> Double? {
        simple(benefits: presentBenefits, costs: presentCosts)
    }
}

/// Forrester TEI-style risk adjustment and three-point estimates.
public enum RiskAdjustment {
    /// A benefit reduced by its risk: `value × (1 − risk)`.
    public static func benefit(_ value: Double, risk: Double) -> Double { value * (1 - risk) }

    /// A cost raised by its risk: `value × (1 + risk)`.
    public static func cost(_ value: Double, risk: Double) -> Double { value * (1 + risk) }

    /// The expected value of a triangular estimate: `(low + likely + high) / 3`.
    public static func triangularMean(low: Double, likely: Double, high: Double) -> Double {
        (low + likely + high) / 3
    }

    /// The PERT estimate, weighting the likely value four times: `(low + 4 × likely + high) / 6`.
    public static func pertMean(low: Double, likely: Double, high: Double) -> Double {
        (low + 4 * likely + high) / 6
    }
}
