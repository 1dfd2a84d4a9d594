import Foundation
@testable import PlaybookCore
import Testing

/// `concurrentMapConsuming`: the order of `map`, the array handed over, and no element kept.
@Suite struct ConsumingMapTests {
    /// A count shared between threads.
    final class Counter: @unchecked Sendable {
        // @unchecked Sendable: `count` is only read and written under `lock`.
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    /// A value whose end is counted.
    final class Counted: Sendable {
        let value: Int
        let ended: Counter
        init(_ value: Int, ended: Counter) {
            self.value = value
            self.ended = ended
        }
        deinit { ended.add() }
    }

    @Test func resultsKeepTheOrderAndTheArrayIsLeftEmpty() async {
        for size in [0, 1, 2, 31, 1000] {
            var numbers = Array(0..<size)
            let squares = await numbers.concurrentMapConsuming { $0 * $0 }
            #expect(squares == (0..<size).map { $0 * $0 })
            #expect(numbers.isEmpty)
        }
    }

    @Test func noElementIsKeptOnceTheMapReturns() async {
        let ended = Counter()
        var values = (0..<500).map { Counted($0, ended: ended) }
        let mapped = await values.concurrentMapConsuming { $0.value + 1 }
        #expect(mapped == Array(1...500))
        #expect(ended.value == 500)
    }
}
