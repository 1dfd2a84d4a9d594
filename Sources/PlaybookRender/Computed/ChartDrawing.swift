import PlaybookCore
import PlaybookFinance
import PlaybookScenario
import PlaybookEvaluate

/// Draws a chart block's series as SVG (``ChartSVG``), with its figures made text by the
/// scenario's formatter, in the title and description that screen readers announce too.
struct ChartDrawing {
    let formatter: ValueFormatter

    /// The `<svg>` element of `chart`.
    func svg(_ chart: BlockChart) -> String {
        var svg: ChartSVG
        let description: String
        switch chart.series {
        case .cashFlow(let labels, let net, let cumulative, let years, let payback):
            (svg, description) = cashFlow(labels: labels, net: net, cumulative: cumulative, years: years, payback: payback)
        case .breakdown(let lines, let costs, let benefits):
            (svg, description) = breakdown(lines, costs: costs, benefits: benefits)
        case .tornado(let inputs, let expected):
            (svg, description) = tornado(inputs, expected: expected)
        case .histogram(let counts, let low, let high, let npv, let draws, let probability):
            (svg, description) = histogram(counts: counts, low: low, high: high, npv: npv, draws: draws, probabilityPositiveROI: probability)
        }
        return svg.svg(id: chart.id, title: chart.title, description: description)
    }

    private func money(_ value: Double) -> String { formatter.money(value, decimals: 0) }

    /// Net cash flow by period as bars, the cumulative cash flow as a line, and the payback point.
    private func cashFlow(labels: [String], net: [Double], cumulative: [Double], years: Int,
                          payback: PaybackPeriod) -> (ChartSVG, String) {
        var chart = ChartSVG(height: 320)
        let left = 120.0, right = ChartSVG.width - 20, top = 30.0, bottom = 320 - 44.0
        let y = ChartScale(values: net + cumulative, start: bottom, end: top)
        let step = (right - left) / Double(net.count)
        func center(_ index: Double) -> Double { left + step * (index + 0.5) }
        drawValueAxis(&chart, y, values: net + cumulative, left: left, right: right)
        for (index, value) in net.enumerated() {
            chart.rect(x: center(Double(index)) - step * 0.25, y: y(0), width: step * 0.5, height: y(value) - y(0),
                       class: value < 0 ? "pb-negative" : "pb-positive")
            chart.text(index < labels.count ? labels[index] : "", x: center(Double(index)), y: bottom + 22, anchor: "middle")
        }
        chart.polyline(cumulative.enumerated().map { (center(Double($0.offset)), y($0.element)) }, class: "pb-line")
        for (index, value) in cumulative.enumerated() { chart.circle(x: center(Double(index)), y: y(value), radius: 3.5, class: "pb-line-point") }
        var description = "Net cash flow in each period as bars, from \(money(net.first ?? 0)) initially to "
            + "\(money(net.last ?? 0)) in year \(years); the cumulative cash flow as a line, ending at \(money(cumulative.last ?? 0))."
        if let months = payback.months {
            let x = center(months / 12)
            chart.line(x1: x, y1: top, x2: x, y2: bottom, class: "pb-marker")
            // The label reads away from the nearer edge, so that it stays inside the drawing.
            let rightHalf = x > (left + right) / 2
            chart.text("Payback: \(formatter.months(months))", x: rightHalf ? x - 5 : x + 5, y: top - 8,
                       anchor: rightHalf ? "end" : "start", class: "pb-label pb-marker-label")
            description += " The cumulative cash flow turns positive after \(formatter.months(months)), the payback."
        } else if payback == .immediate {
            description += " The cumulative cash flow is never below zero: there is nothing to pay back."
        } else {
            description += " The investment is not paid back within the horizon."
        }
        return (chart, description)
    }

    /// The present value of each cost and benefit line as horizontal bars, costs first, each
    /// group under a heading ("Costs", "Benefits") with its total, so that colour is not the
    /// only thing telling a cost from a benefit.
    private func breakdown(_ lines: [ChartSeries.BreakdownLine], costs: Double, benefits: Double) -> (ChartSVG, String) {
        let rowHeight = 50.0, headingHeight = 32.0, top = 8.0
        let groups = [(true, "Costs", costs), (false, "Benefits", benefits)].filter { group in lines.contains { $0.isCost == group.0 } }
        var chart = ChartSVG(height: top + rowHeight * Double(lines.count) + headingHeight * Double(groups.count) + 8)
        let x = ChartScale(values: lines.map(\.presentValue), start: 10, end: ChartSVG.width - 130)
        var y = top
        for (isCost, heading, total) in groups {
            chart.text("\(heading): \(money(total)) in present value", x: 10, y: y + 22, class: "pb-label pb-group-label")
            y += headingHeight
            for line in lines where line.isCost == isCost {
                chart.text(line.label, x: 10, y: y + 18)
                chart.bar(from: x(0), to: x(line.presentValue), y: y + 26, height: 16, class: isCost ? "pb-cost" : "pb-benefit")
                chart.text(money(line.presentValue), x: max(x(line.presentValue), x(0)) + 6, y: y + 39)
                y += rowHeight
            }
        }
        let description = "The present value of each line, in two groups: costs, totalling \(money(costs)), "
            + "then benefits, totalling \(money(benefits))."
        return (chart, description)
    }

    /// The tornado: each uncertain input's NPV range around the expected NPV. Each row is the
    /// input's name on a line of its own, from the left edge, then its bar with the NPV at
    /// either end; the line at the expected NPV is drawn across the bars only, never through a
    /// name, and there is room for the names at the size a phone shows them (the stylesheet
    /// makes chart labels bigger there).
    private func tornado(_ rows: [ChartSeries.TornadoInput], expected: Double) -> (ChartSVG, String) {
        let rowHeight = 56.0, top = 8.0
        var chart = ChartSVG(height: top + rowHeight * Double(max(rows.count, 1)) + 28)
        let x = ChartScale(values: rows.flatMap { [$0.npvAtLow, $0.npvAtHigh] } + [expected], start: 130, end: ChartSVG.width - 130)
        for (index, row) in rows.enumerated() {
            let y = top + rowHeight * Double(index)
            chart.text(row.label, x: 10, y: y + 20)
            chart.bar(from: x(expected), to: x(row.npvAtLow), y: y + 28, height: 16, class: row.npvAtLow < expected ? "pb-negative" : "pb-positive")
            chart.bar(from: x(expected), to: x(row.npvAtHigh), y: y + 28, height: 16, class: row.npvAtHigh < expected ? "pb-negative" : "pb-positive")
            chart.line(x1: x(expected), y1: y + 26, x2: x(expected), y2: y + 46, class: "pb-axis")
            let lowEnd = min(x(row.npvAtLow), x(row.npvAtHigh)), highEnd = max(x(row.npvAtLow), x(row.npvAtHigh))
            chart.text(money(min(row.npvAtLow, row.npvAtHigh)), x: lowEnd - 5, y: y + 41, anchor: "end")
            chart.text(money(max(row.npvAtLow, row.npvAtHigh)), x: highEnd + 5, y: y + 41)
        }
        let bottom = top + rowHeight * Double(max(rows.count, 1))
        chart.text("Expected NPV \(money(expected))", x: x(expected), y: bottom + 20, anchor: "middle")
        let largest = rows.first.map { " The largest swing comes from \($0.label.lowercasedFirst): \(money($0.npvAtLow)) to \(money($0.npvAtHigh))." } ?? ""
        return (chart, "The NPV with one input at a time at its low and high value, around the expected NPV of \(money(expected))." + largest)
    }

    /// The Monte Carlo histogram of NPV, with P10, P50 and P90 marked.
    private func histogram(counts: [Int], low: Double, high: Double, npv: ChartSeries.Percentiles, draws: Int,
                           probabilityPositiveROI: Double) -> (ChartSVG, String) {
        var chart = ChartSVG(height: 300)
        let left = 20.0, right = ChartSVG.width - 20, top = 30.0, bottom = 300 - 44.0
        let most = Double(counts.max() ?? 1)
        let width = (right - left) / Double(max(counts.count, 1))
        for (index, count) in counts.enumerated() {
            let height = most > 0 ? Double(count) / most * (bottom - top) : 0
            let from = ChartSeries.histogramEdge(index, bins: counts.count, low: low, high: high)
            let to = ChartSeries.histogramEdge(index + 1, bins: counts.count, low: low, high: high)
            chart.rect(x: left + width * Double(index) + 1, y: bottom, width: width - 2, height: -height,
                       class: from / 2 + to / 2 < 0 ? "pb-negative" : "pb-positive")
        }
        chart.line(x1: left, y1: bottom, x2: right, y2: bottom, class: "pb-axis")
        func position(_ value: Double) -> Double {
            high > low ? left + (value / 2 - low / 2) / (high / 2 - low / 2) * (right - left) : (left + right) / 2
        }
        for (name, value) in [("P10", npv.p10), ("P50", npv.p50), ("P90", npv.p90)] {
            chart.line(x1: position(value), y1: top - 6, x2: position(value), y2: bottom, class: "pb-marker")
            chart.text(name, x: position(value), y: top - 10, anchor: "middle", class: "pb-label pb-marker-label")
        }
        chart.text(money(low), x: left, y: bottom + 22)
        chart.text(money(high), x: right, y: bottom + 22, anchor: "end")
        let description = "How \(formatter.plain(Double(draws))) simulated NPVs fall between \(money(low)) and \(money(high)): "
            + "P10 \(money(npv.p10)), P50 \(money(npv.p50)), P90 \(money(npv.p90)); "
            + "the probability that ROI is above zero is \(Figure.percent(probabilityPositiveROI).text(formatter))."
        return (chart, description)
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
