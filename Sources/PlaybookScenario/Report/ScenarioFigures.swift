import PlaybookFinance

/// The figures of a scenario as one value: the schema of `metrics.json` and `metrics.csv`,
/// what `playbook report --compare` reads back from an earlier `metrics.json`, and what a
/// chapter's value tags (`{{ npv }}`) name.
///
/// Built once from a scenario in one case (and the Monte Carlo result when one was run);
/// ``json`` and ``csv`` encode it (`ScenarioFigures+JSON.swift`, `ScenarioFigures+CSV.swift`),
/// ``init(json:)`` reads a `metrics.json` back, written by this version or an earlier one.
///
/// Values are numbers in the units `metrics.json` documents: money in the scenario's
/// currency, time in the unit the scenario wrote, percentages as fractions. A number is
/// `nil` when the file has no number there (`null`, or a field an earlier version did not
/// write); a number built from a scenario may be infinite or NaN, which the files write as
/// `null` (JSON) or an empty cell (CSV).
public struct ScenarioFigures: Sendable, Equatable {
    /// The scenario's name (its file name without `.yaml`).
    public var scenario: String
    /// The client.
    public var client: String
    /// The scenario's title, if it has one.
    public var title: String?
    /// The case the figures are of; `nil` when a file names none that exists.
    public var scenarioCase: ScenarioCase?
    /// The currency code (`USD`).
    public var currency: String
    /// The locale (`en-US`).
    public var locale: String
    /// The horizon in years.
    public var horizonYears: Int?
    /// The yearly discount rate, as a fraction.
    public var discountRate: Double?
    /// The inputs as written (built-in inputs left out).
    public var inputs: [Input]
    /// The metrics.
    public var metrics: [Metric]
    /// The risk-adjusted summary, each line rounded to whole currency units.
    public var summary: Summary?
    /// The same summary at full precision.
    public var summaryFullPrecision: Summary?
    /// The rounded summary of each case that could be evaluated.
    public var cases: [ScenarioCase: CaseResult]
    /// NPV and ROI with each uncertain input at its low and high value, largest swing first.
    public var sensitivity: [Sensitivity]
    /// The objectives.
    public var objectives: [Objective]
    /// The Return on Objectives score.
    public var returnOnObjectives: Double?
    /// Credit per channel and attribution model, when the scenario has attribution data.
    public var attribution: [Channel]?
    /// The Monte Carlo result, when one was run.
    public var simulation: Simulation?

    /// An input: its value in the case, and its range when it is uncertain.
    public struct Input: Sendable, Equatable {
        /// The input's name.
        public var name: String
        /// The value in the case.
        public var value: Double?
        /// The machine-readable unit (`min/count`, `USD/h`, see `Unit.code(currency:)`).
        public var unit: String?
        /// The value formatted for people.
        public var formatted: String?
        /// The low end of its range, when it has one.
        public var low: Double?
        /// The expected value, when it has a range.
        public var expected: Double?
        /// The high end of its range, when it has one.
        public var high: Double?
        /// Where the figure comes from, if the scenario says.
        public var source: String?
    }

    /// A metric: its value, unit and formula.
    public struct Metric: Sendable, Equatable {
        /// The metric's name.
        public var name: String
        /// Its value.
        public var value: Double?
        /// The machine-readable unit.
        public var unit: String?
        /// The value formatted for people.
        public var formatted: String?
        /// The formula as written.
        public var formula: String?
    }

    /// A row of the summary: a cost or benefit line, or a total.
    public struct Row: Sendable, Equatable {
        /// The line's name, or `costs`, `benefits`, `net`.
        public var name: String
        /// What the row is: `cost`, `benefit` or `total`.
        public var kind: String?
        /// The amount at time 0, then each year.
        public var periods: [Double?]
        /// The undiscounted total.
        public var total: Double?
        /// The present value.
        public var presentValue: Double?
    }

    /// The risk-adjusted financial summary.
    public struct Summary: Sendable, Equatable {
        /// How the lines were rounded (`none`, or `line items rounded to whole currency units`).
        public var rounding: String?
        /// The cost lines, then the benefit lines.
        public var lines: [Row]
        /// All costs.
        public var costs: Row?
        /// All benefits.
        public var benefits: Row?
        /// Benefits minus costs.
        public var net: Row?
        /// The net present value.
        public var npv: Double?
        /// NPV over the present value of costs.
        public var roi: Double?
        /// The payback period; `nil` when a file written before payback statuses has no months.
        public var payback: PaybackPeriod?
        /// The payback period of the discounted flows.
        public var discountedPayback: PaybackPeriod?
        /// The internal rate of return.
        public var irr: Double?
    }

    /// The headline figures of one case.
    public struct CaseResult: Sendable, Equatable {
        /// Present value of benefits.
        public var pvBenefits: Double?
        /// Present value of costs.
        public var pvCosts: Double?
        /// Net present value.
        public var npv: Double?
        /// Return on investment.
        public var roi: Double?
        /// Months to payback.
        public var paybackMonths: Double?
    }

    /// NPV and ROI with one input at its low and its high value.
    public struct Sensitivity: Sendable, Equatable {
        /// The input.
        public var input: String
        /// NPV with the input at its low value.
        public var npvAtLow: Double?
        /// NPV with the input at its high value.
        public var npvAtHigh: Double?
        /// The difference between the two.
        public var swing: Double?
        /// ROI with the input at its low value.
        public var roiAtLow: Double?
        /// ROI with the input at its high value.
        public var roiAtHigh: Double?
    }

    /// An objective, in the unit of its KPI.
    public struct Objective: Sendable, Equatable {
        /// The KPI (an input or metric name).
        public var kpi: String
        /// Its label, if it has one.
        public var label: String?
        /// The machine-readable unit.
        public var unit: String?
        /// The baseline, if given.
        public var baseline: Double?
        /// The target.
        public var target: Double?
        /// The actual value.
        public var actual: Double?
        /// Progress towards the target (1 = met).
        public var progress: Double?
        /// The objective's weight in the Return on Objectives.
        public var weight: Double?
    }

    /// One channel's credit under each attribution model.
    public struct Channel: Sendable, Equatable {
        /// The channel.
        public var channel: String
        /// Credited conversions by model.
        public var credit: [Attribution.Model: Double]
    }

    /// The percentiles of a Monte Carlo run.
    public struct Percentiles: Sendable, Equatable {
        /// The 10th percentile.
        public var p10: Double?
        /// The median.
        public var p50: Double?
        /// The 90th percentile.
        public var p90: Double?
    }

    /// A Monte Carlo run's results.
    public struct Simulation: Sendable, Equatable {
        /// The number of draws.
        public var iterations: Int?
        /// The random seed, as text (it may exceed what JSON numbers hold exactly).
        public var seed: String?
        /// Draws without a value.
        public var failed: Int?
        /// NPV percentiles.
        public var npv: Percentiles?
        /// ROI percentiles.
        public var roi: Percentiles?
        /// The share of draws with ROI > 0.
        public var probabilityROIPositive: Double?
        /// The mean NPV.
        public var meanNPV: Double?
    }
}

// MARK: - Built from a scenario

extension ScenarioFigures {
    /// The figures of `scenario` in `scenarioCase`, with `simulation` when one was run.
    public init(scenario: Scenario, scenarioCase: ScenarioCase = .expected, simulation: SimulationResult? = nil) {
        let spec = scenario.spec
        let formatter = scenario.formatter
        let evaluation = scenario.cases[scenarioCase] ?? scenario.expected
        self.scenario = spec.slug
        client = spec.client
        title = spec.title
        self.scenarioCase = scenarioCase
        currency = spec.currency
        locale = spec.locale
        horizonYears = spec.years
        discountRate = spec.discountRate
        inputs = spec.inputs.filter { !$0.isBuiltIn }.map { input in
            let unit = input.value.unit
            let value = input.value.value(in: scenarioCase)
            var item = Input(name: input.name, value: unit.shown(value), unit: unit.code(currency: spec.currency),
                             formatted: formatter.format(value, unit), source: input.source)
            if input.value.isUncertain {
                item.low = unit.shown(input.value.value(in: .low))
                item.expected = unit.shown(input.value.value(in: .expected))
                item.high = unit.shown(input.value.value(in: .high))
            }
            return item
        }
        metrics = spec.metrics.map { metric in
            let slot = scenario.model.slots[metric.name] ?? 0
            let unit = scenario.model.units[slot]
            let formatted = scenario.model.slots[metric.name] == nil ? ""
                : formatter.format(evaluation.values[slot], unit, decimals: scenario.model.decimals[slot])
            return Metric(name: metric.name, value: unit.shown(evaluation.values[slot]), unit: unit.code(currency: spec.currency),
                          formatted: formatted, formula: metric.formula.text)
        }
        summary = Summary(evaluation.roundedSummary, rounding: Summary.lineItems)
        summaryFullPrecision = Summary(evaluation.summary, rounding: Summary.fullPrecision)
        cases = [:]
        for item in ScenarioCase.allCases {
            guard let result = scenario.cases[item]?.roundedSummary else { continue }
            cases[item] = CaseResult(pvBenefits: result.benefits.presentValue, pvCosts: result.costs.presentValue, npv: result.npv,
                                     roi: result.roi, paybackMonths: result.paybackMonths)
        }
        sensitivity = scenario.sensitivity().map { row in
            Sensitivity(input: row.input, npvAtLow: row.npvAtLow, npvAtHigh: row.npvAtHigh, swing: row.swing,
                        roiAtLow: row.roiAtLow, roiAtHigh: row.roiAtHigh)
        }
        objectives = evaluation.objectives.map { objective in
            let unit = scenario.unit(of: objective)
            return Objective(kpi: objective.spec.kpi, label: objective.spec.label, unit: unit.code(currency: spec.currency),
                             baseline: objective.baseline.map(unit.shown), target: unit.shown(objective.target),
                             actual: unit.shown(objective.actual), progress: objective.progress, weight: objective.spec.weight)
        }
        returnOnObjectives = evaluation.returnOnObjectives
        attribution = scenario.attribution()?.map { Channel(channel: $0.channel, credit: $0.credit) }
        self.simulation = simulation.map(Simulation.init)
    }
}

extension ScenarioFigures.Row {
    /// The row of a summary, of `kind`.
    init(_ row: SummaryRow, kind: String) {
        self.init(name: row.name, kind: kind, periods: row.periods, total: row.total, presentValue: row.presentValue)
    }
}

extension ScenarioFigures.Summary {
    /// The rounding of the summary whose lines are rounded to whole currency units.
    public static let lineItems = "line items rounded to whole currency units"
    /// The rounding of the summary at full precision.
    public static let fullPrecision = "none"

    /// The figures of `summary`, rounded as `rounding` says.
    public init(_ summary: FinancialSummary, rounding: String) {
        self.init(rounding: rounding,
                  lines: summary.costLines.map { .init($0, kind: "cost") } + summary.benefitLines.map { .init($0, kind: "benefit") },
                  costs: .init(summary.costs, kind: "total"), benefits: .init(summary.benefits, kind: "total"),
                  net: .init(summary.net, kind: "total"), npv: summary.npv, roi: summary.roi, payback: summary.payback,
                  discountedPayback: summary.discountedPayback, irr: summary.irr)
    }
}

extension ScenarioFigures.Simulation {
    /// The figures of a Monte Carlo run.
    public init(_ result: SimulationResult) {
        self.init(iterations: result.iterations, seed: String(result.seed), failed: result.failed,
                  npv: .init(p10: result.npv.p10, p50: result.npv.p50, p90: result.npv.p90),
                  roi: .init(p10: result.roi.p10, p50: result.roi.p50, p90: result.roi.p90),
                  probabilityROIPositive: result.probabilityPositiveROI, meanNPV: result.meanNPV)
    }
}
