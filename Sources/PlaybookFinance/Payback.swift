/// Payback: how long until the cumulative net cash flow turns positive.
public enum Payback {
    /// Months until the cumulative of `initial` (at time 0) and the yearly `flows` reaches zero,
    /// with cash assumed to arrive evenly through each year (so the month is interpolated).
    /// `nil` when it never does within the flows; 0 when the initial flow is not negative.
    public static func months(initial: Double, yearly flows: [Double]) -> Double? {
        var cumulative = initial
        if cumulative >= 0 { return 0 }
        for (index, flow) in flows.enumerated() {
            let next = cumulative + flow
            if next >= 0, flow > 0 {
                return 12 * (Double(index) + (-cumulative) / flow)
            }
            cumulative = next
        }
        return nil
    }

    /// Discounted payback: the same on flows discounted at `rate` (year n by (1 + rate)^n).
    public static func discountedMonths(initial: Double, yearly flows: [Double], rate: Double) -> Double? {
        months(initial: initial, yearly: CashFlows.presentValues(rate: rate, flows))
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
