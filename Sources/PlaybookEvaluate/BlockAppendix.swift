import PlaybookCore
import PlaybookScenario

/// The values of the `assumptions` and `formulas` blocks: every input and every metric of a
/// scenario, as an appendix lists them.
extension BlockTables {
    /// `assumptions`: every input with its expected value, its range, its unit and its source.
    func assumptions(caption: String?) -> BlockTable {
        var table = BlockTable(caption: caption ?? "\(spec.client): every input of the case",
                               head: ["Input", "Expected", "Low", "High", "Unit", "Source"], numericColumns: [1, 2, 3])
        for input in spec.inputs {
            let unit = input.value.unit
            let expected = figure(input.value.value(in: .expected), unit)
            let low = input.value.isUncertain ? figure(input.value.value(in: .low), unit) : .none
            let high = input.value.isUncertain ? figure(input.value.value(in: .high), unit) : .none
            let source = input.source ?? (input.isBuiltIn ? "The scenario's settings" : "—")
            table.add([.text(input.name), expected, low, high, .text(unit.name(currency: spec.currency)), .text(source)])
        }
        table.note = "Low and high are the ends of each range, used by the low and high cases and the sensitivity analysis; an input without a range has the same value in every case."
        return table
    }

    /// `formulas`: every metric with its formula, its unit and its value.
    func formulas(caption: String?, in scenarioCase: ScenarioCase) -> BlockTable {
        var table = BlockTable(caption: caption ?? "\(spec.client): every formula of the case",
                               head: ["Metric", "Formula", "Unit", "Value"], numericColumns: [3])
        for metric in spec.metrics {
            let unit = scenario.model.slots[metric.name].map { scenario.model.units[$0] } ?? .number
            table.add([.text(metric.name), .text(metric.formula.shown), .text(unit.name(currency: spec.currency)),
                       scenarioValue(metric.name, in: scenarioCase)])
        }
        table.note = "Values in the \(scenarioCase.rawValue) case. Formulas are evaluated in the order their names depend on each other, whatever the order they are listed in."
        return table
    }
}
