import PlaybookFinance
import PlaybookScenario

/// The facts and counts a condition can name beside a scenario's figures, all computed here
/// from the scenario (expected case): `has_ranges`, `has_risk`, `pays_back`, `benefit_count` …
enum ScenarioFact: String, CaseIterable, Sendable {
    /// Some input has a range (low and high values, or a spread).
    case hasRanges = "has_ranges"
    /// Some cash-flow line has a risk adjustment above 0%.
    case hasRisk = "has_risk"
    /// Some cost line has an amount at the start (year 0).
    case hasInitialCosts = "has_initial_costs"
    /// Some cost line has an amount in a year after the start.
    case hasYearlyCosts = "has_yearly_costs"
    /// Some cost line has an amount at all.
    case hasCosts = "has_costs"
    /// Some benefit line has an amount at all.
    case hasBenefits = "has_benefits"
    /// The scenario sets objectives.
    case hasObjectives = "has_objectives"
    /// The scenario has conversion paths to attribute (what a report chapter's
    /// `requires: [attribution]` asks for).
    case hasAttribution = "has_attribution"
    /// The cumulative net cash flow turns positive within the horizon (or is never negative).
    case paysBack = "pays_back"
    /// The same for the discounted flows.
    case paysBackDiscounted = "pays_back_discounted"
    /// An internal rate of return exists.
    case hasIRR = "has_irr"
    /// An ROI exists: the costs' present value is above zero.
    case hasROI = "has_roi"
    /// The scenario says what the programme is (`programme:`).
    case hasProgramme = "has_programme"
    /// The scenario carries the analyst's recommendation (`recommendation:`).
    case hasRecommendation = "has_recommendation"

    /// Whether the fact holds for `scenario`.
    func holds(for scenario: Scenario) -> Bool {
        let lines = scenario.expected.lines
        let summary = scenario.expected.roundedSummary
        let costs = lines.filter { $0.kind == .cost }
        let benefits = lines.filter { $0.kind == .benefit }
        switch self {
        case .hasRanges: return scenario.spec.hasRanges
        case .hasRisk: return scenario.spec.hasRisk
        case .hasInitialCosts: return costs.contains { $0.initial != 0 }
        case .hasYearlyCosts: return costs.contains { $0.yearly.contains { $0 != 0 } }
        case .hasCosts: return costs.contains { $0.initial != 0 || $0.yearly.contains { $0 != 0 } }
        case .hasBenefits: return benefits.contains { $0.initial != 0 || $0.yearly.contains { $0 != 0 } }
        case .hasObjectives: return !scenario.spec.objectives.isEmpty
        case .hasAttribution: return scenario.spec.hasAttributionPaths
        case .paysBack: return Self.within(summary.payback)
        case .paysBackDiscounted: return Self.within(summary.discountedPayback)
        case .hasIRR: return summary.irr != nil
        case .hasROI: return summary.roi != nil
        case .hasProgramme: return scenario.spec.programme != nil
        case .hasRecommendation: return scenario.spec.recommendation != nil
        }
    }

    private static func within(_ period: PaybackPeriod) -> Bool {
        if case .notWithinHorizon = period { return false }
        return true
    }
}

/// The counts a condition or a value tag can name.
enum ScenarioCount: String, CaseIterable, Sendable {
    /// How many benefit lines the scenario has.
    case benefitCount = "benefit_count"
    /// How many cost lines the scenario has.
    case costCount = "cost_count"

    /// The count for `scenario`.
    func value(for scenario: Scenario) -> Int {
        switch self {
        case .benefitCount: return scenario.spec.lines.filter { $0.kind == .benefit }.count
        case .costCount: return scenario.spec.lines.filter { $0.kind == .cost }.count
        }
    }
}
