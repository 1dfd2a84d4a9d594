import PlaybookFinance

// `metrics.csv`: the figures as rows `section,name,period,value,unit,formatted`.

extension ScenarioFigures {
    /// The figures as CSV rows (`metrics.csv`, `playbook calc --format csv`): inputs, metrics,
    /// each line of the rounded summary by period, the results and the simulation if run.
    public var csv: String {
        let formatter = ValueFormatter(currency: currency, locale: locale)
        func money(_ value: Double?) -> String {
            guard let value else { return "" }
            return formatter.money(value, decimals: abs(value) < 10_000 && value != value.rounded() ? formatter.currencyDecimals : 0)
        }
        func percent(_ value: Double?) -> String {
            guard let value, value.isFinite else { return "—" }
            return formatter.format(value, .percent)
        }
        func number(_ value: Double?) -> String {
            guard let value, value.isFinite else { return "" }
            return JSONValue.number(value)
        }
        var rows: [[String]] = [["section", "name", "period", "value", "unit", "formatted"]]
        for input in inputs {
            rows.append(["input", input.name, "", number(input.value), input.unit ?? "", input.formatted ?? ""])
        }
        for metric in metrics {
            rows.append(["metric", metric.name, "", number(metric.value), metric.unit ?? "", metric.formatted ?? ""])
        }
        if let summary {
            let costLines = summary.lines.filter { $0.kind == "cost" }
            let benefitLines = summary.lines.filter { $0.kind == "benefit" }
            // A row is in the section of the first row it has the same figures as (a benefit
            // line with a cost line's name and amounts is listed under costs).
            func section(_ row: Row) -> String {
                if costLines.contains(where: { $0.sameFigures(row) }) || summary.costs.map(row.sameFigures) == true { return "cost" }
                return summary.net.map(row.sameFigures) == true ? "net" : "benefit"
            }
            let totals = (costs: summary.costs.map { [$0] } ?? [], benefits: summary.benefits.map { [$0] } ?? [], net: summary.net.map { [$0] } ?? [])
            for row in costLines + totals.costs + benefitLines + totals.benefits + totals.net {
                let name = section(row)
                for (period, amount) in row.periods.enumerated() {
                    rows.append([name, row.name, period == 0 ? "initial" : "year \(period)", number(amount), currency, money(amount)])
                }
                rows.append([name, row.name, "total", number(row.total), currency, money(row.total)])
                rows.append([name, row.name, "present value", number(row.presentValue), currency, money(row.presentValue)])
            }
            rows.append(["result", "npv", "", number(summary.npv), currency, money(summary.npv)])
            rows.append(["result", "roi", "", number(summary.roi), "percent", percent(summary.roi)])
            rows.append(["result", "payback_months", "", number(summary.payback?.months), "months",
                         summary.payback.map(formatter.payback) ?? "—"])
        }
        rows.append(["result", "return_on_objectives", "", number(returnOnObjectives), "percent", percent(returnOnObjectives)])
        if let simulation {
            for (name, value) in [("npv_p10", simulation.npv?.p10), ("npv_p50", simulation.npv?.p50), ("npv_p90", simulation.npv?.p90)] {
                rows.append(["simulation", name, "", number(value), currency, money(value)])
            }
            for (name, value) in [("roi_p10", simulation.roi?.p10), ("roi_p50", simulation.roi?.p50), ("roi_p90", simulation.roi?.p90),
                                  ("probability_roi_positive", simulation.probabilityROIPositive)] {
                rows.append(["simulation", name, "", number(value), "percent", percent(value)])
            }
        }
        return rows.map { $0.map(Self.csvCell).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func csvCell(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension ScenarioFigures.Row {
    /// Whether two rows have the same name and amounts (whatever their kind).
    func sameFigures(_ other: Self) -> Bool {
        name == other.name && periods == other.periods && total == other.total && presentValue == other.presentValue
    }
}
