import PlaybookCore
import PlaybookFinance
import PlaybookScenario

/// A chart block as data: what it draws (its series, in ``ChartSeries``), its caption and
/// title, the id of its SVG, and the data it draws as a table. The render stage draws it
/// (`Render/Computed/ChartDrawing.swift`).
package struct BlockChart: Equatable {
    /// Which chart.
    package var kind: ChartKind
    /// The caption under the chart (the default one of a simulation names the number of draws).
    package var caption: FigureText
    /// The SVG's title, which screen readers announce.
    package var title: String
    /// The SVG's id, unique in the page.
    package var id: String
    /// What the chart draws.
    package var series: ChartSeries
    /// The same data as a table, for readers who cannot see the chart.
    package var data: BlockTable
}

/// What each chart draws.
package enum ChartSeries: Equatable {
    /// Net cash flow by period (as bars), the cumulative cash flow (as a line), and the payback.
    case cashFlow(labels: [String], net: [Double], cumulative: [Double], years: Int, payback: PaybackPeriod)
    /// The present value of each line, costs first, and the two totals.
    case breakdown(lines: [BreakdownLine], costs: Double, benefits: Double)
    /// Each uncertain input's NPV at its low and high value, largest swing first, around the
    /// expected NPV.
    case tornado(inputs: [TornadoInput], expected: Double)
    /// How many simulated NPVs fall in each range from `low` to `high`, with P10, P50 and P90.
    case histogram(counts: [Int], low: Double, high: Double, npv: Percentiles, draws: Int, probabilityPositiveROI: Double)

    /// Where bin `index` of a histogram of `bins` from `low` to `high` starts (`bins` gives
    /// where the last ends). Worked out on halves, as the simulation bins the draws, so that a
    /// range wider than the largest double (−1e308 to 1e308) still has finite edges.
    package static func histogramEdge(_ index: Int, bins: Int, low: Double, high: Double) -> Double {
        2 * (low / 2 + (high / 2 - low / 2) / Double(max(bins, 1)) * Double(index))
    }

    /// One bar of the breakdown.
    package struct BreakdownLine: Equatable {
        package var label: String
        package var isCost: Bool
        package var presentValue: Double
    }

    /// One row of the tornado.
    package struct TornadoInput: Equatable {
        package var label: String
        package var npvAtLow: Double
        package var npvAtHigh: Double
    }

    /// The P10, P50 and P90 of a simulated figure.
    package struct Percentiles: Equatable {
        package var p10: Double
        package var p50: Double
        package var p90: Double
    }
}

/// The charts of a scenario, as data: made at build time and drawn without scripts.
struct BlockCharts {
    let tables: BlockTables
    var scenario: Scenario { tables.scenario }
    var spec: ScenarioSpec { scenario.spec }

    /// Net cash flow by period as bars, the cumulative cash flow as a line, and the payback point.
    func cashFlow(id: String, caption: String?) -> BlockChart {
        let summary = scenario.expected.roundedSummary
        let net = summary.net.periods
        var cumulative: [Double] = []
        for value in net { cumulative.append((cumulative.last ?? 0) + value) }
        let labels = ["Initial"] + (1...max(spec.years, 1)).map { "Year \($0)" }
        var data = BlockTable(caption: "The data: cash flow by period", head: ["Period", "Net cash flow", "Cumulative"], numericColumns: [1, 2])
        for (index, label) in labels.enumerated() { data.add([.text(label), tables.money(net[index]), tables.money(cumulative[index])]) }
        let adjusted = spec.hasRisk ? " (risk-adjusted)" : ""
        return BlockChart(kind: .cashFlow, caption: FigureText(caption ?? "\(spec.client): cash flow by year and cumulative\(adjusted)"),
                          title: caption ?? "Cash flow by year", id: id,
                          series: .cashFlow(labels: labels, net: net, cumulative: cumulative, years: spec.years, payback: summary.payback),
                          data: data)
    }

    /// The present value of each cost and benefit line as horizontal bars.
    func breakdown(id: String, caption: String?) -> BlockChart {
        let summary = scenario.expected.roundedSummary
        let lines = summary.costLines.map { ChartSeries.BreakdownLine(label: tables.lineLabel($0.name), isCost: true, presentValue: $0.presentValue) }
            + summary.benefitLines.map { ChartSeries.BreakdownLine(label: tables.lineLabel($0.name), isCost: false, presentValue: $0.presentValue) }
        var data = BlockTable(caption: "The data: present value of each line", head: ["Line", "Kind", "Present value"], numericColumns: [2])
        for line in lines { data.add([.text(line.label), .text(line.isCost ? "Cost" : "Benefit"), tables.money(line.presentValue)]) }
        return BlockChart(kind: .breakdown, caption: FigureText(caption ?? "\(spec.client): present value of costs and benefits, line by line"),
                          title: caption ?? "Costs and benefits by line", id: id,
                          series: .breakdown(lines: lines, costs: summary.costs.presentValue, benefits: summary.benefits.presentValue),
                          data: data)
    }

    /// The tornado: each uncertain input's NPV range around the expected NPV.
    func tornado(id: String, caption: String?) -> BlockChart {
        let inputs = scenario.sensitivity().map { ChartSeries.TornadoInput(label: tables.label($0.input), npvAtLow: $0.npvAtLow, npvAtHigh: $0.npvAtHigh) }
        return BlockChart(kind: .sensitivity, caption: FigureText(caption ?? "\(spec.client): what moves the NPV"), title: caption ?? "What moves the NPV", id: id,
                          series: .tornado(inputs: inputs, expected: scenario.expected.roundedSummary.npv),
                          data: tables.sensitivity(caption: "The data: NPV with each input at its low and high value"))
    }

    /// The Monte Carlo histogram of NPV, with P10, P50 and P90 marked.
    func histogram(_ result: SimulationResult, id: String, caption: String?) -> BlockChart {
        let counts = result.histogram.counts
        let low = result.histogram.low, high = result.histogram.high
        var data = BlockTable(caption: "The data: draws by NPV range", head: ["NPV from", "to", "Draws"], numericColumns: [0, 1, 2])
        func edge(_ index: Int) -> Double { ChartSeries.histogramEdge(index, bins: counts.count, low: low, high: high) }
        for (index, count) in counts.enumerated() {
            data.add([tables.money(edge(index)), tables.money(edge(index + 1)), .figure(.plain(Double(count)))])
        }
        let npv = ChartSeries.Percentiles(p10: result.npv.p10, p50: result.npv.p50, p90: result.npv.p90)
        return BlockChart(kind: .simulation, caption: caption.map { FigureText($0) } ?? "\(spec.client): the range of NPV in \(.plain(Double(result.iterations))) simulated outcomes",
                          title: caption ?? "Simulated NPV", id: id,
                          series: .histogram(counts: counts, low: low, high: high, npv: npv, draws: result.iterations,
                                             probabilityPositiveROI: result.probabilityPositiveROI),
                          data: data)
    }
}
