import Foundation

extension Array where Element: Sendable {
    /// Maps the elements on all cores, keeping their order, like `concurrentMap`, but hands
    /// each chunk of elements over to the task that maps it and keeps none: an element is freed
    /// as soon as its chunk is mapped (unless something else holds it), so that a stage's input
    /// and output are not both held whole. The array is left empty.
    mutating func concurrentMapConsuming<Result: Sendable>(_ transform: @escaping @Sendable (Element) -> Result) async -> [Result] {
        let cores = Swift.max(ProcessInfo.processInfo.activeProcessorCount, 1)
        guard count > 1, cores > 1 else {
            var results: [Result] = []
            results.reserveCapacity(count)
            reverse()
            while let element = popLast() { results.append(transform(element)) }
            return results
        }
        let chunkCount = Swift.min(count, cores * 16)
        let chunkSize = (count + chunkCount - 1) / chunkCount
        var chunks: [[Element]] = stride(from: 0, to: count, by: chunkSize).map { Array(self[$0..<Swift.min($0 + chunkSize, count)]) }
        removeAll()
        return await withTaskGroup(of: (Int, [Result]).self) { group in
            // Each chunk leaves `chunks` as its task takes it.
            while let chunk = chunks.popLast() {
                let index = chunks.count
                group.addTask { (index, chunk.map(transform)) }
            }
            var parts: [(Int, [Result])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}
