import PlaybookCore
import PlaybookScenario

/// The values of the `assumptions` and `formulas` blocks: the inputs and the derived figures
/// of a scenario, as an appendix lists them, with labels. In a report, only the names the
/// report uses (``ReportNames``); in a book, every input and metric of the scenario.
extension BlockTables {
    /// `assumptions`: each input with its label, value, range, unit and source. The low and
    /// high columns are left out when no input listed has a range.
    func assumptions(caption: String?, only names: Set<String>? = nil) -> BlockTable {
        let inputs = spec.inputs.filter { names?.contains($0.name) ?? true }
        let ranges = inputs.contains { $0.value.isUncertain }
        let head = ["Input", "Value"] + (ranges ? ["Low", "High"] : []) + ["Unit", "Source"]
        var table = BlockTable(caption: caption ?? "\(spec.client): the inputs", head: head,
                               numericColumns: ranges ? [1, 2, 3] : [1])
        for input in inputs {
            let unit = input.value.unit
            var row: [TableCell] = [.text(label(input.name)), figure(input.value.value(in: .expected), unit)]
            if ranges {
                row += input.value.isUncertain ? [figure(input.value.value(in: .low), unit), figure(input.value.value(in: .high), unit)] : [.none, .none]
            }
            row += [.text(unitName(of: input.name, unit)), .text(input.shownSource)]
            table.add(row)
        }
        table.note = ranges
            ? "Value is the expected value. Low and high are the ends of a range, used by the low and high cases and the sensitivity analysis; an input without a range has the same value in every case."
            : "No input has a range: every case uses these values."
        return table
    }

    /// `formulas`: each derived figure with its label, its formula in words and in symbols
    /// (with labels), its unit and its value.
    func formulas(caption: String?, in scenarioCase: ScenarioCase, only names: Set<String>? = nil) -> BlockTable {
        var table = BlockTable(caption: caption ?? "\(spec.client): the derived figures",
                               head: ["Figure", "How it is calculated", "Formula", "Unit", "Value"], numericColumns: [4])
        for metric in spec.metrics where names?.contains(metric.name) ?? true {
            let unit = scenario.model.unit(of: metric.name) ?? .number
            table.add([.text(label(metric.name)), .text(scenario.formulaInWords(of: metric.name) ?? ""),
                       .text(scenario.formulaInSymbols(of: metric.name) ?? ""), .text(unitName(of: metric.name, unit)),
                       scenarioValue(metric.name, in: scenarioCase)])
        }
        table.note = FigureText("Values in the \(scenarioCase.rawValue) case. Each figure is calculated from the inputs and the other figures its formula names, whatever the order they are listed in.")
        return table
    }

    /// A unit as a reader names it: `USD`, `%`, `contacts`, `USD/call`; the horizon in years.
    private func unitName(of name: String, _ unit: Unit) -> String {
        if name == "horizon_years" { return "years" }
        return unit.name(currency: spec.currency)
    }
}
