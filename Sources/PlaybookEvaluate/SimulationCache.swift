import Foundation
import PlaybookScenario

/// Monte Carlo results shared by the chapters of a build: a `simulation` block, a simulation
/// chart and the `{{ probability_roi_positive }}` tags of one scenario with the same draws and
/// seed all read one run instead of drawing again.
///
/// `@unchecked Sendable`: the dictionary is only read and written while holding `lock`, and
/// the results are immutable values. Two chapters that ask for the same run at the same
/// moment may both compute it; the runs are seeded, so they are identical and either is kept.
package final class SimulationCache: @unchecked Sendable {
    /// The draws and seed of a `simulation` block without arguments, and of the tags.
    static let defaultDraws = 10_000
    /// The default seed.
    static let defaultSeed: UInt64 = 1

    private struct Key: Hashable {
        var scenario: String
        var draws: Int
        var seed: UInt64
    }

    private let lock = NSLock()
    private var results: [Key: SimulationResult] = [:]

    init() {}

    /// The run of `scenario` (named `name`) with `draws` and `seed`, computed on the calling
    /// thread the first time it is asked for.
    package func result(_ scenario: Scenario, name: String, draws: Int = defaultDraws, seed: UInt64 = defaultSeed) -> SimulationResult {
        let key = Key(scenario: name, draws: draws, seed: seed)
        lock.lock()
        let known = results[key]
        lock.unlock()
        if let known { return known }
        let result = scenario.simulateSerially(iterations: draws, seed: seed)
        lock.lock()
        results[key] = result
        lock.unlock()
        return result
    }

    /// Stores a run made elsewhere (a report computes its default run once for its figures file).
    func store(_ result: SimulationResult, name: String, draws: Int, seed: UInt64) {
        lock.lock()
        results[Key(scenario: name, draws: draws, seed: seed)] = result
        lock.unlock()
    }
}
