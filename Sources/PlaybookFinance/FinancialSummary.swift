/// One line of a business case: a cost or a benefit, with its value now (time 0) and in each
/// year, and the TEI risk adjustment that applies to it.
public struct CashFlowLine: Sendable, Equatable {
    /// Whether a line costs money or brings it.
    public enum Kind: String, Sendable {
        /// Money spent (raised by its risk).
        case cost
        /// Money gained or saved (reduced by its risk).
        case benefit
    }

    /// The line's name (`agents`, `contact_shift`).
    public var name: String
    /// Cost or benefit.
    public var kind: Kind
    /// The amount at time 0 (initial costs), undiscounted.
    public var initial: Double
    /// The amount in each year, year 1 first.
    public var yearly: [Double]
    /// The risk adjustment, 0…1: benefits × (1 − risk), costs × (1 + risk).
    public var risk: Double

    /// Creates a line.
    public init(name: String, kind: Kind, initial: Double = 0, yearly: [Double], risk: Double = 0) {
        self.name = name
        self.kind = kind
        self.initial = initial
        self.yearly = yearly
        self.risk = risk
    }

    /// The amounts with the risk adjustment applied: time 0 first, then each year.
    public var adjusted: [Double] {
        let factor = kind == .cost ? 1 + risk : 1 - risk
        return ([initial] + yearly).map { $0 * factor }
    }
}

/// How a summary rounds.
public enum Rounding: Sendable, Equatable {
    /// Every figure at full precision.
    case full
    /// Every line item rounded to `decimals` places first; totals, present values, NPV and ROI
    /// are then computed from the rounded items, so that shown totals equal the sum of the
    /// shown parts (the way published TEI tables add up).
    case lineItems(decimals: Int)

    /// `value` rounded the way this mode rounds line items.
    public func applied(to value: Double) -> Double { apply(value) }

    func apply(_ value: Double) -> Double {
        guard case .lineItems(let decimals) = self else { return value }
        return DecimalRounding.round(value, places: decimals)
    }
}

/// A row of a summary table: amounts at time 0 and in each year, their total and present value.
public struct SummaryRow: Sendable, Equatable {
    /// The row's name: a line's name, or `costs`, `benefits`, `net`.
    public var name: String
    /// Time 0 first, then each year.
    public var periods: [Double]
    /// The undiscounted total.
    public var total: Double
    /// The present value (time 0 undiscounted, year n discounted by (1 + rate)^n).
    public var presentValue: Double
}

/// A Forrester TEI-style financial summary: risk-adjusted costs, benefits and net cash flow
/// per period, totals, present values, NPV, ROI and payback.
public struct FinancialSummary: Sendable, Equatable {
    /// The discount rate.
    public var rate: Double
    /// The number of years.
    public var years: Int
    /// Each cost line, risk-adjusted.
    public var costLines: [SummaryRow]
    /// Each benefit line, risk-adjusted.
    public var benefitLines: [SummaryRow]
    /// All costs.
    public var costs: SummaryRow
    /// All benefits.
    public var benefits: SummaryRow
    /// Benefits minus costs.
    public var net: SummaryRow
    /// Net present value: PV of benefits − PV of costs.
    public var npv: Double
    /// ROI on present values: NPV / PV of costs (`nil` without costs).
    public var roi: Double?
    /// How long until the cumulative net cash flow, once below zero, is back at zero.
    public var payback: PaybackPeriod
    /// The same on discounted flows.
    public var discountedPayback: PaybackPeriod
    /// The months of ``payback``; `nil` when it is immediate or not within the horizon.
    public var paybackMonths: Double? { payback.months }
    /// The months of ``discountedPayback``.
    public var discountedPaybackMonths: Double? { discountedPayback.months }
    /// The internal rate of return of the net flows (`nil` when it does not exist).
    public var irr: Double?

    /// Whether every figure of the summary is a finite number (sums and present values of
    /// huge lines can overflow even when each line is finite). ROI and IRR may be absent.
    public var isFinite: Bool {
        let rows = costLines + benefitLines + [costs, benefits, net]
        return rows.allSatisfy { row in row.total.isFinite && row.presentValue.isFinite && row.periods.allSatisfy(\.isFinite) }
            && npv.isFinite && (roi?.isFinite ?? true) && (irr?.isFinite ?? true)
            && (payback.months?.isFinite ?? true) && (discountedPayback.months?.isFinite ?? true)
    }

    /// Builds the summary of `lines` over `years` years at discount `rate`.
    public init(lines: [CashFlowLine], years: Int, rate: Double, rounding: Rounding = .full) {
        self.rate = rate
        self.years = years
        func row(_ name: String, _ periods: [Double], roundPV: Bool) -> SummaryRow {
            let total = periods.reduce(0, +)
            let present = CashFlows.presentValue(rate: rate, periods, firstPeriod: 0)
            return SummaryRow(name: name, periods: periods, total: total, presentValue: roundPV ? rounding.apply(present) : present)
        }
        func lineRow(_ line: CashFlowLine) -> SummaryRow {
            var periods = line.adjusted.map(rounding.apply)
            while periods.count < years + 1 { periods.append(0) }
            return row(line.name, Array(periods.prefix(years + 1)), roundPV: true)
        }
        func sum(_ name: String, _ rows: [SummaryRow]) -> SummaryRow {
            var periods = [Double](repeating: 0, count: years + 1)
            for row in rows { for index in periods.indices { periods[index] += row.periods[index] } }
            let total = rows.reduce(0) { $0 + $1.total }
            // In line-item mode the PV shown for a total is the sum of the PVs shown for its lines.
            let present = rounding == .full
                ? CashFlows.presentValue(rate: rate, periods, firstPeriod: 0)
                : rows.reduce(0) { $0 + $1.presentValue }
            return SummaryRow(name: name, periods: periods, total: total, presentValue: present)
        }
        costLines = lines.filter { $0.kind == .cost }.map(lineRow)
        benefitLines = lines.filter { $0.kind == .benefit }.map(lineRow)
        costs = sum("costs", costLines)
        benefits = sum("benefits", benefitLines)
        let netPeriods = zip(benefits.periods, costs.periods).map { $0 - $1 }
        net = SummaryRow(name: "net", periods: netPeriods, total: benefits.total - costs.total,
                         presentValue: benefits.presentValue - costs.presentValue)
        npv = net.presentValue
        roi = ReturnOnInvestment.onPresentValues(presentBenefits: benefits.presentValue, presentCosts: costs.presentValue)
        payback = Payback.period(initial: netPeriods[0], yearly: Array(netPeriods.dropFirst()))
        discountedPayback = Payback.discountedPeriod(initial: netPeriods[0], yearly: Array(netPeriods.dropFirst()), rate: rate)
        irr = try? InternalRateOfReturn.irr(netPeriods)
    }
}
