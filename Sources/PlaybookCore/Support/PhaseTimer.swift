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
    /// The memory of the process when the phase ended, where the system tells: its resident
    /// size then, and the most it had resident at any moment so far (peak).
    public var memory: (residentBytes: Int, peakResidentBytes: Int)?

    /// Creates a timing.
    public init(phase: String, seconds: Double, cpuSeconds: Double, memory: (residentBytes: Int, peakResidentBytes: Int)? = nil) {
        self.phase = phase
        self.seconds = seconds
        self.cpuSeconds = cpuSeconds
        self.memory = memory
    }

    /// `load: 0.0121 s wall, 0.0203 s cpu`, and with memory `, 41.2 MB resident, 60.5 MB peak`.
    public var description: String {
        let time = "\(phase): \(Self.format(seconds)) s wall, \(Self.format(cpuSeconds)) s cpu"
        guard let memory else { return time }
        return time + ", \(Self.megabytes(memory.residentBytes)) MB resident, \(Self.megabytes(memory.peakResidentBytes)) MB peak"
    }

    /// Two timings are equal when their names and times are (memory is not compared).
    public static func == (lhs: PhaseTiming, rhs: PhaseTiming) -> Bool {
        lhs.phase == rhs.phase && lhs.seconds == rhs.seconds && lhs.cpuSeconds == rhs.cpuSeconds
    }

    private static func megabytes(_ bytes: Int) -> String {
        let tenths = (Double(bytes) / 104_857.6).rounded()
        return "\(Int(tenths) / 10).\(Int(tenths) % 10)"
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
                                   cpuSeconds: cpuNow - cpuStart, memory: Self.memory()))
        start = now
        cpuStart = cpuNow
    }

    /// The resident size now (Linux: `/proc/self/statm`) and the peak resident size so far
    /// (`nil` where the system does not tell).
    static func memory() -> (residentBytes: Int, peakResidentBytes: Int)? {
        #if os(Linux)
        let descriptor = open("/proc/self/statm", O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 128) }
        guard count > 0 else { return nil }
        // "size resident shared …", in pages.
        let fields = buffer[..<count].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return nil }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return (pages * Int(sysconf(Int32(_SC_PAGESIZE))), usage.ru_maxrss * 1024)
        #else
        return nil
        #endif
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
