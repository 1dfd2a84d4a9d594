#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How long one phase of a job took (for `PLAYBOOK_TIMINGS`).
public struct PhaseTiming: Sendable, Equatable, CustomStringConvertible {
    /// What the phase did (`load`, `compile`, `evaluate (3 cases)`).
    public var phase: String
    /// Wall-clock seconds.
    public var seconds: Double
    /// Processor seconds (user and system, all threads of the process).
    public var cpuSeconds: Double

    /// Creates a timing.
    public init(phase: String, seconds: Double, cpuSeconds: Double) {
        self.phase = phase
        self.seconds = seconds
        self.cpuSeconds = cpuSeconds
    }

    /// `load: 0.0121 s wall, 0.0203 s cpu`.
    public var description: String {
        "\(phase): \(Self.format(seconds)) s wall, \(Self.format(cpuSeconds)) s cpu"
    }

    private static func format(_ value: Double) -> String {
        let units = Int((value * 10_000).rounded())
        let fraction = String(units % 10_000)
        return "\(units / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}

/// Measures consecutive phases: each ``lap(_:)`` records the wall and processor time since
/// the previous one.
public struct PhaseTimer: Sendable {
    /// The phases measured so far, in order.
    public private(set) var timings: [PhaseTiming]
    private var start = ContinuousClock.now
    private var cpuStart = PhaseTimer.processorSeconds()

    /// Starts timing now, after `earlier` phases measured elsewhere.
    public init(after earlier: [PhaseTiming] = []) {
        timings = earlier
    }

    /// Ends the current phase, naming it, and starts the next.
    public mutating func lap(_ phase: String) {
        let now = ContinuousClock.now, cpuNow = Self.processorSeconds()
        let elapsed = now - start
        timings.append(PhaseTiming(phase: phase, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                                   cpuSeconds: cpuNow - cpuStart))
        start = now
        cpuStart = cpuNow
    }

    /// User and system processor time of the whole process so far.
    static func processorSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
