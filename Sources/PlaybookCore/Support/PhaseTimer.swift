/// How long one phase of a job took (for `PLAYBOOK_TIMINGS`).
public struct PhaseTiming: Sendable, Equatable {
    /// What the phase did (`load`, `compile`, `evaluate (3 cases)`).
    public var phase: String
    /// Wall-clock seconds.
    public var seconds: Double

    /// Creates a timing.
    public init(phase: String, seconds: Double) {
        self.phase = phase
        self.seconds = seconds
    }
}

/// Measures consecutive phases: each ``lap(_:)`` records the time since the previous one.
public struct PhaseTimer: Sendable {
    /// The phases measured so far, in order.
    public private(set) var timings: [PhaseTiming]
    private var start = ContinuousClock.now

    /// Starts timing now, after `earlier` phases measured elsewhere.
    public init(after earlier: [PhaseTiming] = []) {
        timings = earlier
    }

    /// Ends the current phase, naming it, and starts the next.
    public mutating func lap(_ phase: String) {
        let now = ContinuousClock.now
        let elapsed = now - start
        timings.append(PhaseTiming(phase: phase, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        start = now
    }
}
