import PlaybookCore
import PlaybookFinance
import PlaybookScenario

/// A chart block: its SVG, a caption, and the data it draws as a table.
struct BlockChart: Equatable {
    var type: String
    var caption: String
    var svg: String
    var data: BlockTable

}

/// Draws the charts of a scenario as SVG, made at build time without scripts.
struct BlockCharts {
    let tables: BlockTables
    var scenario: Scenario { tables.scenario }
    var spec: ScenarioSpec { scenario.spec }

    /// An amount in whole currency units, as the charts write it in their SVG.
    private func money(_ value: Double) -> String { scenario.formatter.money(value, decimals: 0) }

    /// Net cash flow by period as bars, the cumulative cash flow as a line, and the payback point.
    func cashFlow(id: String, caption: String?) -> BlockChart {
        let summary = scenario.expected.roundedSummary
        let net = summary.net.periods
        var cumulative: [Double] = []
        for value in net { cumulative.append((cumulative.last ?? 0) + value) }
        let labels = ["Initial"] + (1...max(spec.years, 1)).map { "Year \($0)" }
        var chart = ChartSVG(height: 320)
        let left = 90.0, right = ChartSVG.width - 20, top = 24.0, bottom = 320 - 44.0
        let y = ChartScale(values: net + cumulative, start: bottom, end: top)
        let step = (right - left) / Double(net.count)
        func center(_ index: Double) -> Double { left + step * (index + 0.5) }
        drawValueAxis(&chart, y, values: net + cumulative, left: left, right: right)
        for (index, value) in net.enumerated() {
            chart.rect(x: center(Double(index)) - step * 0.25, y: y(0), width: step * 0.5, height: y(value) - y(0),
                       class: value < 0 ? "pb-negative" : "pb-positive")
            chart.text(labels[index], x: center(Double(index)), y: bottom + 18, anchor: "middle")
        }
        chart.polyline(cumulative.enumerated().map { (center(Double($0.offset)), y($0.element)) }, class: "pb-line")
        for (index, value) in cumulative.enumerated() { chart.circle(x: center(Double(index)), y: y(value), radius: 3.5, class: "pb-line-point") }
        var description = "Net cash flow in each period as bars, from \(money(net.first ?? 0)) initially to "
            + "\(money(net.last ?? 0)) in year \(spec.years); the cumulative cash flow as a line, ending at \(money(cumulative.last ?? 0))."
        if let months = summary.paybackMonths {
            let x = center(months / 12)
            chart.line(x1: x, y1: top, x2: x, y2: bottom, class: "pb-marker")
            chart.text("Payback: \(scenario.formatter.months(months))", x: x + 4, y: top + 12, class: "pb-label pb-marker-label")
            description += " The cumulative cash flow turns positive after \(scenario.formatter.months(months)), the payback."
        } else if summary.payback == .immediate {
            description += " The cumulative cash flow is never below zero: there is nothing to pay back."
        } else {
            description += " The investment is not paid back within the horizon."
        }
        var data = BlockTable(caption: "The data: cash flow by period", head: ["Period", "Net cash flow", "Cumulative"], numericColumns: [1, 2])
        for (index, label) in labels.enumerated() { data.add([.text(label), tables.money(net[index]), tables.money(cumulative[index])]) }
        return BlockChart(type: "cash-flow", caption: caption ?? "\(spec.client): cash flow by year and cumulative (risk-adjusted)",
                          svg: chart.svg(id: id, title: caption ?? "Cash flow by year", description: description), data: data)
    }

    /// The present value of each cost and benefit line as horizontal bars.
    func breakdown(id: String, caption: String?) -> BlockChart {
        let summary = scenario.expected.roundedSummary
        let rows = summary.costLines.map { ($0, "pb-cost") } + summary.benefitLines.map { ($0, "pb-benefit") }
        let rowHeight = 38.0, top = 12.0
        var chart = ChartSVG(height: top + rowHeight * Double(rows.count) + 8)
        let x = ChartScale(values: rows.map(\.0.presentValue), start: 10, end: ChartSVG.width - 110)
        var data = BlockTable(caption: "The data: present value of each line", head: ["Line", "Kind", "Present value"], numericColumns: [2])
        for (index, (row, kind)) in rows.enumerated() {
            let y = top + rowHeight * Double(index)
            let label = tables.lineLabel(row.name)
            chart.text(label, x: 10, y: y + 12)
            chart.bar(from: x(0), to: x(row.presentValue), y: y + 17, height: 14, class: kind)
            chart.text(money(row.presentValue), x: max(x(row.presentValue), x(0)) + 6, y: y + 29)
            data.add([.text(label), .text(kind == "pb-cost" ? "Cost" : "Benefit"), tables.money(row.presentValue)])
        }
        let description = "The present value of each line, costs first: costs total \(money(summary.costs.presentValue)), "
            + "benefits total \(money(summary.benefits.presentValue))."
        return BlockChart(type: "breakdown", caption: caption ?? "\(spec.client): present value of costs and benefits, line by line",
                          svg: chart.svg(id: id, title: caption ?? "Costs and benefits by line", description: description), data: data)
    }

    /// The tornado: each uncertain input's NPV range around the expected NPV.
    func tornado(id: String, caption: String?) -> BlockChart {
        let rows = scenario.sensitivity()
        let expected = scenario.expected.roundedSummary.npv
        let rowHeight = 38.0, top = 12.0
        var chart = ChartSVG(height: top + rowHeight * Double(max(rows.count, 1)) + 26)
        let x = ChartScale(values: rows.flatMap { [$0.npvAtLow, $0.npvAtHigh] } + [expected], start: 100, end: ChartSVG.width - 100)
        let table = tables.sensitivity(caption: "The data: NPV with each input at its low and high value")
        for (index, row) in rows.enumerated() {
            let y = top + rowHeight * Double(index)
            chart.text(tables.label(row.input), x: x(expected), y: y + 12, anchor: "middle")
            chart.bar(from: x(expected), to: x(row.npvAtLow), y: y + 17, height: 14, class: row.npvAtLow < expected ? "pb-negative" : "pb-positive")
            chart.bar(from: x(expected), to: x(row.npvAtHigh), y: y + 17, height: 14, class: row.npvAtHigh < expected ? "pb-negative" : "pb-positive")
            let lowEnd = min(x(row.npvAtLow), x(row.npvAtHigh)), highEnd = max(x(row.npvAtLow), x(row.npvAtHigh))
            chart.text(money(min(row.npvAtLow, row.npvAtHigh)), x: lowEnd - 4, y: y + 29, anchor: "end")
            chart.text(money(max(row.npvAtLow, row.npvAtHigh)), x: highEnd + 4, y: y + 29)
        }
        let bottom = top + rowHeight * Double(max(rows.count, 1))
        chart.line(x1: x(expected), y1: top, x2: x(expected), y2: bottom, class: "pb-axis")
        chart.text("Expected NPV \(money(expected))", x: x(expected), y: bottom + 18, anchor: "middle")
        let largest = rows.first.map { " The largest swing comes from \(tables.label($0.input).lowercasedFirst): \(money($0.npvAtLow)) to \(money($0.npvAtHigh))." } ?? ""
        return BlockChart(type: "sensitivity", caption: caption ?? "\(spec.client): what moves the NPV",
                          svg: chart.svg(id: id, title: caption ?? "What moves the NPV",
                                         description: "The NPV with one input at a time at its low and high value, around the expected NPV of \(money(expected))." + largest),
                          data: table)
    }

    /// The Monte Carlo histogram of NPV, with P10, P50 and P90 marked.
    func histogram(_ result: SimulationResult, id: String, caption: String?) -> BlockChart {
        let counts = result.histogram.counts
        let low = result.histogram.low, high = result.histogram.high
        var chart = ChartSVG(height: 300)
        let left = 20.0, right = ChartSVG.width - 20, top = 30.0, bottom = 300 - 44.0
        let most = Double(counts.max() ?? 1)
        let width = (right - left) / Double(max(counts.count, 1))
        let binWidth = (high - low) / Double(max(counts.count, 1))
        var data = BlockTable(caption: "The data: draws by NPV range", head: ["NPV from", "to", "Draws"], numericColumns: [0, 1, 2])
        for (index, count) in counts.enumerated() {
            let height = most > 0 ? Double(count) / most * (bottom - top) : 0
            let from = low + binWidth * Double(index)
            chart.rect(x: left + width * Double(index) + 1, y: bottom, width: width - 2, height: -height, class: from + binWidth / 2 < 0 ? "pb-negative" : "pb-positive")
            data.add([tables.money(from), tables.money(from + binWidth), .figure(.plain(Double(count)))])
        }
        chart.line(x1: left, y1: bottom, x2: right, y2: bottom, class: "pb-axis")
        func position(_ value: Double) -> Double { high > low ? left + (value - low) / (high - low) * (right - left) : (left + right) / 2 }
        for (name, value) in [("P10", result.npv.p10), ("P50", result.npv.p50), ("P90", result.npv.p90)] {
            chart.line(x1: position(value), y1: top - 6, x2: position(value), y2: bottom, class: "pb-marker")
            chart.text(name, x: position(value), y: top - 10, anchor: "middle", class: "pb-label pb-marker-label")
        }
        chart.text(money(low), x: left, y: bottom + 18)
        chart.text(money(high), x: right, y: bottom + 18, anchor: "end")
        let description = "How \(scenario.formatter.plain(Double(result.iterations))) simulated NPVs fall between \(money(low)) and \(money(high)): "
            + "P10 \(money(result.npv.p10)), P50 \(money(result.npv.p50)), P90 \(money(result.npv.p90)); "
            + "the probability that ROI is above zero is \(tables.percent(result.probabilityPositiveROI).text(scenario.formatter))."
        return BlockChart(type: "simulation", caption: caption ?? "\(spec.client): the range of NPV in \(scenario.formatter.plain(Double(result.iterations))) simulated outcomes",
                          svg: chart.svg(id: id, title: caption ?? "Simulated NPV", description: description), data: data)
    }

    /// Labelled gridlines at zero and at the highest and lowest of `values`.
    private func drawValueAxis(_ chart: inout ChartSVG, _ y: ChartScale, values: [Double], left: Double, right: Double) {
        var marks = [0.0]
        if let highest = values.max(), highest > 0 { marks.append(highest) }
        if let lowest = values.min(), lowest < 0 { marks.append(lowest) }
        for mark in marks {
            chart.line(x1: left, y1: y(mark), x2: right, y2: y(mark), class: mark == 0 ? "pb-axis" : "pb-grid")
            chart.text(money(mark), x: left - 6, y: y(mark) + 4, anchor: "end")
        }
    }
}
