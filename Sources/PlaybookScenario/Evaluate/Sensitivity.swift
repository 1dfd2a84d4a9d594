/// One driver of a tornado chart: an uncertain input, and the NPV and ROI with it at its low
/// and high values while every other input stays at its expected value.
public struct SensitivityRow: Sendable, Equatable {
    /// The input's name.
    public var input: String
    /// NPV with the input at its low value.
    public var npvAtLow: Double
    /// NPV with the input at its high value.
    public var npvAtHigh: Double
    /// ROI with the input at its low value.
    public var roiAtLow: Double
    /// ROI with the input at its high value.
    public var roiAtHigh: Double

    /// How far the NPV moves between the two ends.
    public var swing: Double { abs(npvAtHigh - npvAtLow) }
}

enum Sensitivity {
    /// The rows, largest swing first (ties by input order). Each end is a whole evaluation with
    /// line items rounded, like the financial summary, so that a row's NPV is exactly what the
    /// summary shows when the input is set to that value.
    static func rows(_ model: CompiledModel) -> [SensitivityRow] {
        var rows: [(Int, SensitivityRow)] = []
        for (slot, input) in model.spec.inputs.enumerated() where input.value.isUncertain {
            let ends = [ScenarioCase.low, .high].map { end -> (npv: Double, roi: Double) in
                let evaluation = ScenarioEvaluator.evaluate(model, in: .expected, overriding: [slot: input.value.value(in: end)])
                guard case .success(let result) = evaluation else { return (.nan, .nan) }
                return (result.roundedSummary.npv, result.roundedSummary.roi ?? .nan)
            }
            rows.append((slot, SensitivityRow(input: input.name, npvAtLow: ends[0].npv, npvAtHigh: ends[1].npv,
                                              roiAtLow: ends[0].roi, roiAtHigh: ends[1].roi)))
        }
        return rows.sorted { ($0.1.swing, -$0.0) > ($1.1.swing, -$1.0) }.map(\.1)
    }
}
