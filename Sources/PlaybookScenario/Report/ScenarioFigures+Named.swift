import PlaybookFinance

// The figures a chapter names in a value tag (`{{ npv }}`, `{{ roi_p50.raw }}`) beside the
// scenario's own inputs and metrics: each name, and where in the figures it is.

extension ScenarioFigures {
    /// A figure of the summary, the scenario or the simulation that a value tag can name.
    public enum Named: String, CaseIterable, Sendable {
        /// The client (`client`).
        case client
        /// The title, or the client when the scenario has none.
        case title
        /// The rounded summary's NPV.
        case npv
        /// The rounded summary's ROI.
        case roi
        /// The internal rate of return.
        case irr
        /// The payback period.
        case paybackMonths = "payback_months"
        /// The payback period of the discounted flows.
        case discountedPaybackMonths = "discounted_payback_months"
        /// The present value of benefits.
        case pvBenefits = "pv_benefits"
        /// The present value of costs.
        case pvCosts = "pv_costs"
        /// The undiscounted total of benefits.
        case totalBenefits = "total_benefits"
        /// The undiscounted total of costs.
        case totalCosts = "total_costs"
        /// The Return on Objectives score.
        case returnOnObjectives = "return_on_objectives"
        /// The simulation's NPV percentiles.
        case npvP10 = "npv_p10", npvP50 = "npv_p50", npvP90 = "npv_p90"
        /// The simulation's ROI percentiles.
        case roiP10 = "roi_p10", roiP50 = "roi_p50", roiP90 = "roi_p90"
        /// The share of draws with ROI > 0.
        case probabilityROIPositive = "probability_roi_positive"

        /// Whether the figure comes from a Monte Carlo run.
        public var isSimulation: Bool {
            switch self {
            case .npvP10, .npvP50, .npvP90, .roiP10, .roiP50, .roiP90, .probabilityROIPositive: true
            default: false
            }
        }
    }

    /// The value of a named figure, to be formatted.
    public enum NamedValue: Sendable, Equatable {
        /// Text shown as it is.
        case text(String)
        /// An amount of the scenario's currency.
        case money(Double)
        /// A share; `nil` when there is none (an ROI without costs).
        case percent(Double?)
        /// A payback period.
        case payback(PaybackPeriod)
    }

    /// The value of `name`; `nil` when these figures do not hold it (no simulation was run).
    public func value(_ name: Named) -> NamedValue? {
        Self.value(name, client: client, title: title, summary: summary, returnOnObjectives: returnOnObjectives, simulation: simulation)
    }

    /// The value of `name` among the parts of the figures it may come from: what a value tag
    /// reads without building every figure (sensitivity, attribution) of the scenario.
    public static func value(_ name: Named, client: String, title: String?, summary: Summary?, returnOnObjectives: Double?,
                             simulation: Simulation?) -> NamedValue? {
        switch name {
        case .client: return .text(client)
        case .title: return .text(title ?? client)
        case .npv: return summary?.npv.map(NamedValue.money)
        case .roi: return summary.map { .percent($0.roi) }
        case .irr: return summary.map { .percent($0.irr) }
        case .paybackMonths: return summary?.payback.map(NamedValue.payback)
        case .discountedPaybackMonths: return summary?.discountedPayback.map(NamedValue.payback)
        case .pvBenefits: return summary?.benefits?.presentValue.map(NamedValue.money)
        case .pvCosts: return summary?.costs?.presentValue.map(NamedValue.money)
        case .totalBenefits: return summary?.benefits?.total.map(NamedValue.money)
        case .totalCosts: return summary?.costs?.total.map(NamedValue.money)
        case .returnOnObjectives: return .percent(returnOnObjectives)
        case .npvP10: return simulation?.npv?.p10.map(NamedValue.money)
        case .npvP50: return simulation?.npv?.p50.map(NamedValue.money)
        case .npvP90: return simulation?.npv?.p90.map(NamedValue.money)
        case .roiP10: return simulation.map { .percent($0.roi?.p10) }
        case .roiP50: return simulation.map { .percent($0.roi?.p50) }
        case .roiP90: return simulation.map { .percent($0.roi?.p90) }
        case .probabilityROIPositive: return simulation.map { .percent($0.probabilityROIPositive) }
        }
    }
}
