import PlaybookFinance

/// What a Monte Carlo simulation found.
public struct SimulationResult: Sendable, Equatable {
    /// How many draws were made.
    public var iterations: Int
    /// The seed (the same seed gives the same result).
    public var seed: UInt64
    /// Draws that had no value (a division by zero with the drawn inputs).
    public var failed: Int
    /// NPV percentiles: P10, P50, P90.
    public var npv: (p10: Double, p50: Double, p90: Double)
    /// ROI percentiles: P10, P50, P90.
    public var roi: (p10: Double, p50: Double, p90: Double)
    /// The share of draws with an ROI above zero.
    public var probabilityPositiveROI: Double
    /// The mean NPV.
    public var meanNPV: Double
    /// A histogram of the NPVs: `bins` equal-width bins between `low` and `high`.
    public var histogram: (low: Double, high: Double, counts: [Int])

    /// Equal when every figure and the histogram are equal (tuples are not `Equatable`).
    public static func == (lhs: SimulationResult, rhs: SimulationResult) -> Bool {
        lhs.iterations == rhs.iterations && lhs.seed == rhs.seed && lhs.failed == rhs.failed
            && lhs.npv == rhs.npv && lhs.roi == rhs.roi && lhs.probabilityPositiveROI == rhs.probabilityPositiveROI
            && lhs.meanNPV == rhs.meanNPV && lhs.histogram == rhs.histogram
    }
}

/// Evaluates a compiled scenario fast, for sensitivity and Monte Carlo: values in a
/// preallocated buffer, the risk-adjusted present values of lines summed on the way, no
/// summary tables.
struct FastEvaluator {
    let model: CompiledModel
    /// Discount factor of each period, time 0 first.
    let factors: [Double]
    /// The inputs' expected values, then zeros for metrics.
    let base: [Double]

    init(model: CompiledModel) {
        self.model = model
        var factor = 1.0
        var factors = [1.0]
        for _ in 0..<model.spec.years {
            factor /= 1 + model.spec.discountRate
            factors.append(factor)
        }
        self.factors = factors
        var base = [Double](repeating: 0, count: model.names.count)
        for (slot, input) in model.spec.inputs.enumerated() { base[slot] = input.value.value(in: .expected) }
        self.base = base
    }

    /// NPV and ROI (on present values) with `values` holding the inputs; metrics are written
    /// into it. `nil` when a formula has no value.
    func npvAndROI(_ values: UnsafeMutableBufferPointer<Double>, stack: UnsafeMutablePointer<Double>) -> (npv: Double, roi: Double)? {
        let firstMetric = model.spec.inputs.count
        for (position, program) in model.metricPrograms.enumerated() {
            let (value, failed) = program.run(UnsafeBufferPointer(values), stack: stack)
            if failed != nil { return nil }
            values[firstMetric + position] = value
        }
        var presentCosts = 0.0, presentBenefits = 0.0
        let years = model.spec.years
        for (spec, compiled) in zip(model.spec.lines, model.lines) {
            let factor = spec.kind == .cost ? 1 + spec.risk : 1 - spec.risk
            var present = 0.0
            if let program = compiled.initial {
                let (value, failed) = program.run(UnsafeBufferPointer(values), stack: stack)
                if failed != nil { return nil }
                present += value
            }
            if compiled.yearly.count == 1 {
                let (value, failed) = compiled.yearly[0].run(UnsafeBufferPointer(values), stack: stack)
                if failed != nil { return nil }
                for year in 1...max(years, 1) where year <= years {
                    present += value * (spec.ramp?[year - 1] ?? 1) * factors[year]
                }
            } else {
                for (index, program) in compiled.yearly.enumerated() {
                    let (value, failed) = program.run(UnsafeBufferPointer(values), stack: stack)
                    if failed != nil { return nil }
                    present += value * (spec.ramp?[index] ?? 1) * factors[index + 1]
                }
            }
            if spec.kind == .cost { presentCosts += present * factor } else { presentBenefits += present * factor }
        }
        let npv = presentBenefits - presentCosts
        return (npv, presentCosts == 0 ? .nan : npv / presentCosts)
    }
}

/// Runs Monte Carlo simulations of a compiled scenario: every uncertain input drawn from its
/// distribution, in chunks with their own random streams, so that the result depends only on
/// the seed and the number of iterations, not on how many cores ran it.
enum MonteCarlo {
    static let chunkSize = 4_096

    /// One chunk of draws: NPVs and ROIs in draw order, and how many draws had no value.
    private typealias Chunk = (index: Int, npvs: [Double], rois: [Double], failed: Int)

    /// Runs the simulation on all cores: chunks of draws, each from its own seeded stream.
    static func run(_ model: CompiledModel, iterations: Int, seed: UInt64) async -> SimulationResult {
        let evaluator = FastEvaluator(model: model)
        let chunks = (iterations + chunkSize - 1) / chunkSize
        let results = await withTaskGroup(of: Chunk.self) { group in
            for chunk in 0..<chunks {
                group.addTask { draw(chunk: chunk, model: model, evaluator: evaluator, iterations: iterations, seed: seed) }
            }
            var collected: [Chunk] = []
            for await result in group { collected.append(result) }
            return collected.sorted { $0.index < $1.index }
        }
        return summarize(results, iterations: iterations, seed: seed)
    }

    /// The same simulation on the calling thread, for callers that already use every core
    /// (a build computing many chapters); the result is identical to ``run(_:iterations:seed:)``.
    static func runSerially(_ model: CompiledModel, iterations: Int, seed: UInt64) -> SimulationResult {
        let evaluator = FastEvaluator(model: model)
        let chunks = (iterations + chunkSize - 1) / chunkSize
        let results = (0..<chunks).map { draw(chunk: $0, model: model, evaluator: evaluator, iterations: iterations, seed: seed) }
        return summarize(results, iterations: iterations, seed: seed)
    }

    private static func draw(chunk: Int, model: CompiledModel, evaluator: FastEvaluator, iterations: Int, seed: UInt64) -> Chunk {
        let uncertain: [(slot: Int, distribution: Distribution)] = model.spec.inputs.enumerated().compactMap { slot, input in
            input.value.distribution.map { (slot, $0) }
        }
        let count = min(chunkSize, iterations - chunk * chunkSize)
        var generator = Xoshiro256(seed: seed, stream: UInt64(chunk))
        var values = evaluator.base
        var stack = [Double](repeating: 0, count: max(model.stackDepth, 1))
        var npvs: [Double] = [], rois: [Double] = []
        npvs.reserveCapacity(count)
        rois.reserveCapacity(count)
        var failed = 0
        values.withUnsafeMutableBufferPointer { buffer in
            stack.withUnsafeMutableBufferPointer { stackBuffer in
                guard let stackPointer = stackBuffer.baseAddress else { return }
                for _ in 0..<count {
                    var drawn = true
                    for (slot, distribution) in uncertain {
                        let value = distribution.sample(&generator)
                        buffer[slot] = value
                        drawn = drawn && value.isFinite
                    }
                    // A draw with a value or an NPV or ROI that is not finite (inputs drawn far
                    // out) counts as failed.
                    if drawn, let (npv, roi) = evaluator.npvAndROI(buffer, stack: stackPointer), npv.isFinite, !roi.isInfinite {
                        npvs.append(npv)
                        rois.append(roi)
                    } else {
                        failed += 1
                    }
                }
            }
        }
        return (chunk, npvs, rois, failed)
    }

    private static func summarize(_ results: [Chunk], iterations: Int, seed: UInt64) -> SimulationResult {
        var npvs = results.flatMap(\.npvs)
        var rois = results.flatMap(\.rois)
        let failed = results.reduce(0) { $0 + $1.failed }
        let positive = rois.filter { $0 > 0 }.count
        // When the sum of huge NPVs overflows, each is divided first.
        let sum = npvs.reduce(0, +)
        let mean = npvs.isEmpty ? .nan : (sum.isFinite ? sum / Double(npvs.count) : npvs.reduce(0) { $0 + $1 / Double(npvs.count) })
        npvs.sort()
        rois.sort()
        let bins = 20
        var counts = [Int](repeating: 0, count: bins)
        let low = npvs.first ?? 0, high = npvs.last ?? 0
        if high > low {
            // Halves, so that the width of a range from −1e308 to 1e308 is finite; the bin is
            // clamped as a Double before it becomes an Int.
            let width = high / 2 - low / 2
            for npv in npvs {
                let position = ((npv / 2 - low / 2) / width * Double(bins)).rounded(.down)
                counts[Int(Swift.min(Swift.max(position.isNaN ? 0 : position, 0), Double(bins - 1)))] += 1
            }
        } else if !npvs.isEmpty {
            counts[0] = npvs.count
        }
        func percentiles(_ values: [Double]) -> (Double, Double, Double) {
            (Percentile.of(sorted: values, 0.1), Percentile.of(sorted: values, 0.5), Percentile.of(sorted: values, 0.9))
        }
        return SimulationResult(iterations: iterations, seed: seed, failed: failed, npv: percentiles(npvs), roi: percentiles(rois),
                                probabilityPositiveROI: rois.isEmpty ? 0 : Double(positive) / Double(rois.count), meanNPV: mean,
                                histogram: (low, high, counts))
    }
}
