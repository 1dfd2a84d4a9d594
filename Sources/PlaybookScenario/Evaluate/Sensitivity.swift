import PlaybookCore

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
    ///
    /// An end whose evaluation fails (the input's low value with the others at expected is a
    /// combination none of the three cases tries) is a diagnostic at the failing operation,
    /// so that no row holds a figure that is not a number.
    static func rows(_ model: CompiledModel) -> (rows: [SensitivityRow], diagnostics: [Diagnostic]) {
        var rows: [(Int, SensitivityRow)] = []
        var diagnostics: [Diagnostic] = []
        for (slot, input) in model.spec.inputs.enumerated() where input.value.isUncertain {
            let ends = [ScenarioCase.low, .high].map { end -> (npv: Double, roi: Double) in
                switch ScenarioEvaluator.evaluateCase(model, in: .expected, overriding: [slot: input.value.value(in: end)]) {
                case .success(let result): return (result.roundedSummary.npv, result.roundedSummary.roi ?? .nan)
                case .failure(let failure):
                    let phrase = "with '\(input.name)' at its \(end.rawValue) value and the other inputs expected"
                    let diagnostic = ScenarioEvaluator.diagnostic(model, failure, phrase: phrase)
                    if !diagnostics.contains(where: { $0.location == diagnostic.location }) { diagnostics.append(diagnostic) }
                    return (.nan, .nan)
                }
            }
            rows.append((slot, SensitivityRow(input: input.name, npvAtLow: ends[0].npv, npvAtHigh: ends[1].npv,
                                              roiAtLow: ends[0].roi, roiAtHigh: ends[1].roi)))
        }
        return (rows.sorted { ($0.1.swing, -$0.0) > ($1.1.swing, -$1.0) }.map(\.1), diagnostics)
    }
}
