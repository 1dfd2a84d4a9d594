import PlaybookCore
import PlaybookFinance

/// Where a value or formula is written in a scenario file, so that a position inside it
/// (a ``FormulaSpan``) can be reported as `file:line:column`.
public struct FormulaOrigin: Sendable {
    /// The scenario file.
    public var file: SourceFile
    /// The line of the text's first character.
    public var line: Int
    /// The column (in Unicode scalars) of the text's first character.
    public var column: Int

    /// Creates an origin.
    public init(file: SourceFile, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The file location of `span` inside the text.
    public func location(_ span: FormulaSpan) -> SourceLocation {
        file.location(line: line, scalarColumn: column + span.offset, scalarLength: span.length)
    }

    /// The location of the whole text (`length` scalars).
    public func location(length: Int) -> SourceLocation {
        file.location(line: line, scalarColumn: column, scalarLength: max(length, 1))
    }
}

/// A formula as written, parsed, and where it is.
public struct Formula: Sendable {
    /// The text as written.
    public var text: String
    /// The parsed expression.
    public var expression: Expression
    /// Where the text is.
    public var origin: FormulaOrigin
}

/// An uncertain or fixed input value.
public enum InputValue: Sendable, Equatable {
    /// One value.
    case fixed(Quantity)
    /// Low, expected and high values; Monte Carlo draws from `distribution` between them.
    case range(low: Quantity, expected: Quantity, high: Quantity, distribution: RangeShape)
    /// A normal distribution; its low and high cases are the 10th and 90th percentiles.
    case normal(mean: Quantity, sd: Quantity)

    /// The shape of a low/expected/high range in a simulation.
    public enum RangeShape: String, Sendable, Equatable {
        /// Triangular with its peak at the expected value.
        case triangular
        /// Uniform between low and high.
        case uniform
    }

    /// The unit of the value.
    public var unit: Unit {
        switch self {
        case .fixed(let quantity): return quantity.unit
        case .range(_, let expected, _, _): return expected.unit
        case .normal(let mean, _): return mean.unit
        }
    }

    /// Whether the input is uncertain (it has a range or a distribution).
    public var isUncertain: Bool {
        if case .fixed = self { return false }
        return true
    }

    /// The value in a case.
    public func value(in scenarioCase: ScenarioCase) -> Double {
        switch (self, scenarioCase) {
        case (.fixed(let quantity), _): return quantity.value
        case (.range(let low, _, _, _), .low): return low.value
        case (.range(_, let expected, _, _), .expected): return expected.value
        case (.range(_, _, let high, _), .high): return high.value
        case (.normal(let mean, let sd), .low): return mean.value - 1.281_551_565_545 * sd.value
        case (.normal(let mean, _), .expected): return mean.value
        case (.normal(let mean, let sd), .high): return mean.value + 1.281_551_565_545 * sd.value
        }
    }

    /// The distribution a Monte Carlo simulation draws from (`nil` for a fixed value).
    public var distribution: Distribution? {
        switch self {
        case .fixed: return nil
        case .range(let low, let expected, let high, .triangular):
            return .triangular(low: low.value, mode: expected.value, high: high.value)
        case .range(let low, _, let high, .uniform):
            return .uniform(low: low.value, high: high.value)
        case .normal(let mean, let sd):
            return .normal(mean: mean.value, sd: sd.value)
        }
    }
}

/// The three cases a scenario is evaluated in.
public enum ScenarioCase: String, Sendable, CaseIterable {
    /// Every uncertain input at its low value.
    case low
    /// Every input at its expected value.
    case expected
    /// Every uncertain input at its high value.
    case high
}

/// An input: a named value with its unit and where it came from.
public struct InputSpec: Sendable {
    /// The name used in formulas.
    public var name: String
    /// The value.
    public var value: InputValue
    /// A note on where the number comes from ("Finance, FY2026 budget").
    public var source: String?
    /// Where the name is written.
    public var location: SourceLocation
    /// Whether the scenario defines it by itself (`discount_rate`, `horizon_years`) rather
    /// than in `inputs`.
    public var isBuiltIn: Bool = false
    /// What readers see instead of the name ("Calls moved to social each year"); without one,
    /// the name in words (``Scenario/displayLabel(of:)``).
    public var label: String? = nil
}

/// A metric: a named formula.
public struct MetricSpec: Sendable {
    /// The name used in formulas.
    public var name: String
    /// The formula.
    public var formula: Formula
    /// How to show the value, when the author chose (`percent`, `money`, `number`, or a noun).
    public var display: Unit?
    /// What readers see instead of the name ("Calls moved to social each year"); without one,
    /// the name in words (``Scenario/displayLabel(of:)``).
    public var label: String?
    /// Decimal places to show, when the author chose.
    public var decimals: Int?
    /// Where the name is written.
    public var location: SourceLocation
}

/// A cost or benefit line of the business case.
public struct LineSpec: Sendable {
    /// The line's name.
    public var name: String
    /// Cost or benefit.
    public var kind: CashFlowLine.Kind
    /// The amount at time 0, if any.
    public var initial: Formula?
    /// The yearly amount: one formula for every year, or one per year.
    public var yearly: [Formula]
    /// Multipliers per year for a benefit that builds up (40%, 80%, 100%).
    public var ramp: [Double]?
    /// The TEI risk adjustment (0…1).
    public var risk: Double
    /// A label for tables.
    public var label: String?
    /// Where the name is first written.
    public var location: SourceLocation
}

/// An objective with a KPI target, for Return on Objectives.
public struct ObjectiveSpec: Sendable {
    /// The KPI: a metric or input name, or a free label.
    public var kpi: String
    /// A label for tables.
    public var label: String?
    /// The target.
    public var target: Formula
    /// The actual value (the KPI's own value when it names a metric or input).
    public var actual: Formula?
    /// Where the KPI started.
    public var baseline: Formula?
    /// Which way is better.
    public var direction: ReturnOnObjectives.Direction
    /// The objective's weight in the score.
    public var weight: Double
    /// Where the objective is written.
    public var location: SourceLocation
}

/// Conversion paths for attribution, read from a CSV file.
public struct AttributionSpec: Sendable {
    /// The CSV file, relative to the project.
    public var path: String
    /// The converting paths.
    public var paths: [Attribution.Path]
    /// The half-life of the time-decay model, in days.
    public var halfLifeDays: Double
    /// The channel whose share formulas use as `attributed_share`, if named.
    public var channel: String?
    /// The model that share is computed with.
    public var model: Attribution.Model

    /// The share of all conversion value credited to `channel` under `model`.
    public var share: Double? {
        guard let channel else { return nil }
        let credit = Attribution.credit(paths, model: model, halfLifeDays: halfLifeDays)
        let total = credit.reduce(0) { $0 + $1.value }
        guard total > 0 else { return nil }
        return (credit.first { $0.channel == channel }?.value ?? 0) / total
    }
}

/// A client scenario as loaded: every value and formula with where it is written.
public struct ScenarioSpec: Sendable {
    /// The scenario file.
    public var file: SourceFile
    /// The file's name without `.yaml` (`kestrel-mobile`).
    public var slug: String
    /// The client's name, as it appears in reports.
    public var client: String
    /// A title for the business case.
    public var title: String?
    /// The date of the business case (`date: 2026-11-02`), which its report carries.
    public var date: Timestamp?
    /// The ISO 4217 currency.
    public var currency: String
    /// The locale for formatting.
    public var locale: String
    /// The horizon in years.
    public var years: Int
    /// The discount rate.
    public var discountRate: Double
    /// Inputs, in the order written.
    public var inputs: [InputSpec]
    /// Metrics, in the order written.
    public var metrics: [MetricSpec]
    /// Cost lines, then benefit lines, in the order written.
    public var lines: [LineSpec]
    /// Objectives.
    public var objectives: [ObjectiveSpec]
    /// Attribution data, if the scenario has any.
    public var attribution: AttributionSpec?
    /// What the programme is, in the analyst's words (`programme:`), for the report's summary.
    public var programme: String?
    /// The analyst's recommendation (`recommendation:`).
    public var recommendation: String?
    /// The report's branding and front matter (`report:` and `<name>.report.yaml`), if any.
    public var branding: ReportBranding?
    /// Inputs and metrics that are named but could not be read (their mistakes are reported
    /// already, so formulas that use them are not reported again).
    public var brokenNames: Set<String> = []

    /// Whether some input has a range (what the cases, sensitivity and simulation vary).
    public var hasRanges: Bool { inputs.contains { $0.value.isUncertain } }
    /// Whether some cost or benefit line carries a risk adjustment above 0%.
    public var hasRisk: Bool { lines.contains { $0.risk > 0 } }
    /// Whether the scenario has conversion paths to attribute (a report chapter's
    /// `requires: [attribution]`, the condition fact `has_attribution`).
    public var hasAttributionPaths: Bool { !(attribution?.paths.isEmpty ?? true) }
}
