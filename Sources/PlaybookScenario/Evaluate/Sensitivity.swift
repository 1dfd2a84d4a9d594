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
    /// The rows, largest swing first (ties by input order).
    static func rows(_ model: CompiledModel) -> [SensitivityRow] {
        let evaluator = FastEvaluator(model: model)
        var stack = [Double](repeating: 0, count: max(model.stackDepth, 1))
        var rows: [(Int, SensitivityRow)] = []
        for (slot, input) in model.spec.inputs.enumerated() where input.value.isUncertain {
            var ends: [(Double, Double)] = []
            for scenarioCase in [ScenarioCase.low, .high] {
                var values = evaluator.base
                values[slot] = input.value.value(in: scenarioCase)
                let result = values.withUnsafeMutableBufferPointer { buffer in
                    stack.withUnsafeMutableBufferPointer { evaluator.npvAndROI(buffer, stack: $0.baseAddress!) }
                }
                ends.append(result ?? (.nan, .nan))
            }
            rows.append((slot, SensitivityRow(input: input.name, npvAtLow: ends[0].0, npvAtHigh: ends[1].0,
                                              roiAtLow: ends[0].1, roiAtHigh: ends[1].1)))
        }
        return rows.sorted { ($0.1.swing, -$0.0) > ($1.1.swing, -$1.0) }.map(\.1)
    }
}
