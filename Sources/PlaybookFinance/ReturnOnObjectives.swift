/// Return on Objectives: progress against KPI targets where money cannot be traced.
public enum ReturnOnObjectives {
    /// Which way a KPI improves.
    public enum Direction: String, Sendable {
        /// More is better (response rate, satisfaction).
        case higher
        /// Less is better (time to response, cost per contact).
        case lower
    }

    /// One objective's progress towards its target, from 0 (no progress) upwards; 1 means the
    /// target is met. With a baseline it is the share of the way from baseline to target;
    /// without one it is `actual / target` (or `target / actual` when lower is better).
    public static func progress(actual: Double, target: Double, baseline: Double?, direction: Direction) -> Double? {
        if let baseline {
            let distance = target - baseline
            guard distance != 0 else { return nil }
            return max(0, (actual - baseline) / distance)
        }
        switch direction {
        case .higher: return target == 0 ? nil : max(0, actual / target)
        case .lower: return actual == 0 ? nil : max(0, target / actual)
        }
    }

    /// The weighted mean of progress values, each capped at 1 (overachieving one objective does
    /// not make up for another). `nil` without weight.
    public static func score(_ objectives: [(progress: Double, weight: Double)]) -> Double? {
        let weight = objectives.reduce(0) { $0 + $1.weight }
        guard weight > 0 else { return nil }
        return objectives.reduce(0) { $0 + min($1.progress, 1) * $1.weight } / weight
    }
}
