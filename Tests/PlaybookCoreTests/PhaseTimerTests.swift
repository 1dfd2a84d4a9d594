import PlaybookCore
import Testing

/// What `PLAYBOOK_TIMINGS` prints for a phase.
@Suite struct PhaseTimingTests {
    @Test func aTimingPrintsWallAndProcessorSeconds() {
        #expect(PhaseTiming(phase: "load", seconds: 0.083_14, cpuSeconds: 1.5).description == "load: 0.0831 s wall, 1.5000 s cpu")
        #expect(PhaseTiming(phase: "evaluate (3 cases)", seconds: 0.000_95, cpuSeconds: 12.345_67).description
                == "evaluate (3 cases): 0.0010 s wall, 12.3457 s cpu")
    }

    @Test func aTimingWithMemoryPrintsItInMegabytes() {
        let timing = PhaseTiming(phase: "render", seconds: 0.5, cpuSeconds: 1, memory: (residentBytes: 43_201_331, peakResidentBytes: 157_286_400))
        #expect(timing.description == "render: 0.5000 s wall, 1.0000 s cpu, 41.2 MB resident, 150.0 MB peak")
    }

    @Test func lapsFollowEachOther() {
        var timer = PhaseTimer(after: [PhaseTiming(phase: "earlier", seconds: 1, cpuSeconds: 1)])
        timer.lap("first")
        timer.lap("second")
        #expect(timer.timings.map(\.phase) == ["earlier", "first", "second"])
        #expect(timer.timings.allSatisfy { $0.seconds >= 0 && $0.cpuSeconds >= 0 })
    }
}
